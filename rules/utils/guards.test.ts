import rule from '../no-unsupported-api.js';
import { createRuleTester, targetSettings } from '../test-utils/rule-tester.js';

// Feature detection and the other guards real Vela apps write (see guards.ts), through no-unsupported-api.
// `request` is missing on Band 8 Pro; the compass on Watch S3. Both targets are declared, minAPILevel is 1.
const request = "import request from '@system.request'\n";
const sensor = "import sensor from '@system.sensor'\n";
const band = targetSettings({ targetDevices: ['xiaomi-watch-s4', 'xiaomi-band-8-pro'], minAPILevel: 1 });
const s3 = targetSettings({ targetDevices: ['xiaomi-watch-s4', 'xiaomi-watch-s3'], minAPILevel: 1 });
const level3 = targetSettings({ targetDevices: ['xiaomi-watch-s4', 'xiaomi-band-8-pro'], minAPILevel: 3 });
const call = "request.download({ url: 'u' })";

/** One `unsupported` error at a line, from `column` to `endColumn` (on the same line). */
const at = (line: number, column: number, endColumn: number) => ({
  messageId: 'unsupported' as const,
  line,
  column,
  endLine: line,
  endColumn,
});

createRuleTester().run('guards', rule, {
  valid: [
    // typeof tests, either way round, with `==`, and with `!== 'undefined'`.
    { code: `${request}if (typeof request.download === 'function') ${call}`, settings: band },
    { code: `${request}if ('function' == typeof request.download) { ${call} }`, settings: band },
    { code: `${request}if (typeof request.download !== 'undefined') ${call}`, settings: band },
    { code: `${request}if (typeof request === 'object') ${call}`, settings: band },
    // Early exits after a "missing" test: return, throw, continue, break; a block ending in one.
    {
      code: `${request}function f() {\n  if (typeof request.download !== 'function') return\n  ${call}\n}`,
      settings: band,
    },
    {
      code: `${request}function f() {\n  if (typeof request.download !== 'function') { console.warn('x'); throw new Error('no') }\n  ${call}\n}`,
      settings: band,
    },
    { code: `${request}for (const u of urls) {\n  if (!request.download) continue\n  ${call}\n}`, settings: band },
    { code: `${request}while (true) {\n  if (request.download === undefined) break\n  ${call}\n}`, settings: band },
    // && chains, on the module object and the method.
    { code: `${request}request && request.download && ${call}`, settings: band },
    { code: `${request}const task = request.download != null && ${call}`, settings: band },
    // Truthiness tests, nested blocks, else branches, ?: and || chains.
    { code: `${request}if (request.download) {\n  if (ready) {\n    ${call}\n  }\n}`, settings: band },
    { code: `${request}if (!request.download) {\n  console.log('none')\n} else {\n  ${call}\n}`, settings: band },
    { code: `${request}const t = typeof request.download === 'function' ? ${call} : null`, settings: band },
    {
      code: `${request}function f() {\n  if (!request || typeof request.download !== 'function') return\n  ${call}\n}`,
      settings: band,
    },
    { code: `${request}if ('download' in request) ${call}`, settings: band },
    // Guards on the module object itself cover every method of it.
    {
      code: `${request}function f() {\n  if (!request) return\n  ${call}\n  request.onDownloadComplete({ token: 't' })\n}`,
      settings: band,
    },
    {
      code: "const fetchModule = require('@system.fetch')\nexport const go = () => fetchModule ? fetchModule.fetch({ url: 'u' }) : null",
      settings: band,
    },
    // A const (or a let nothing reassigns) holding the test.
    {
      code: `${request}const canDownload = typeof request.download === 'function'\nif (canDownload) ${call}`,
      settings: band,
    },
    {
      code: `${request}let missing = !request.download\nif (missing) { console.log('no') } else { ${call} }`,
      settings: band,
    },
    // An early return in a nested switch's case guards the rest of that inner case.
    {
      code: `${request}function f(mode, sub) {\n  switch (mode) {\n    case 'a':\n      switch (sub) {\n        case 'x':\n          if (!request.download) return\n          ${call}\n      }\n  }\n}`,
      settings: band,
    },
    // ...and one inside a callback guards the rest of that callback.
    {
      code: `${request}list.forEach(() => {\n  if (typeof request.download !== 'function') return\n  ${call}\n})`,
      settings: band,
    },
    // Optional calls, on the method or the module.
    { code: `${request}request.download?.({ url: 'u' })`, settings: band },
    { code: `${request}request?.download({ url: 'u' })`, settings: band },
    // Inside try (same function), require inside try.
    { code: `${request}try {\n  ${call}\n} catch (error) {\n  console.warn(error)\n}`, settings: band },
    { code: "try {\n  const r = require('@system.request')\n  r.download({ url: 'u' })\n} catch {}", settings: band },
    // A destructured method, tested by typeof.
    {
      code: "const { download } = require('@system.request')\nif (typeof download === 'function') download({ url: 'u' })",
      settings: band,
    },
    // A method with its own support table: the test of that method guards it.
    {
      code: `${sensor}if (typeof sensor.subscribeCompass === 'function') sensor.subscribeCompass({ callback() {} })`,
      settings: s3,
    },
    // app.canIUse still guards at API level 3.
    { code: `import app from '@system.app'\n${request}if (app.canIUse('@system.request')) ${call}`, settings: level3 },
    // A const canIUse result, read in a later test.
    {
      code: `import app from '@system.app'\n${request}const ok = app.canIUse('@system.request.download')\nif (ok) ${call}`,
      settings: level3,
    },
  ],
  invalid: [
    // A typeof test is never itself a use, but the call after a test that does not exit is.
    {
      code: `${request}if (typeof request.download !== 'function') { console.log('none') }\n${call}`,
      settings: band,
      errors: [at(3, 1, 17)],
    },
    // `if (!canIUse) { log() }` guards nothing after it.
    {
      code: `import app from '@system.app'\n${request}function f() {\n  if (!app.canIUse('@system.request')) {\n    console.log('no')\n  }\n  ${call}\n}`,
      settings: level3,
      errors: [at(7, 3, 19)],
    },
    // A guard for a different API protects nothing: the pressure test around a compass call.
    {
      code: `${sensor}if (typeof sensor.subscribePressure === 'function') {\n  sensor.subscribeCompass({ callback() {} })\n}`,
      settings: s3,
      errors: [at(3, 3, 26)],
    },
    // A let holding the test, reassigned after it.
    {
      code: `${sensor}let hasCompass = typeof sensor.subscribeCompass === 'function'\nif (force) hasCompass = true\nif (hasCompass) sensor.subscribeCompass({ callback() {} })`,
      settings: s3,
      errors: [at(4, 17, 40)],
    },
    // A let holding app.canIUse(), reassigned after it, is no const.
    {
      code: `import app from '@system.app'\n${request}let ok = app.canIUse('@system.request')\nok = ok || force\nif (ok) ${call}`,
      settings: level3,
      errors: [at(5, 9, 25)],
    },
    // An early return inside a switch case protects nothing after the switch.
    {
      code: `${request}function f(mode) {\n  switch (mode) {\n    case 'a':\n      if (typeof request.download !== 'function') return\n      break\n  }\n  ${call}\n}`,
      settings: band,
      errors: [at(8, 3, 19)],
    },
    // ...but it does protect the rest of its own case.
    {
      code: `${request}function f(mode) {\n  switch (mode) {\n    case 'a':\n      if (typeof request.download !== 'function') return\n      ${call}\n      break\n    default:\n      ${call}\n  }\n}`,
      settings: band,
      errors: [at(9, 7, 23)],
    },
    // An early return inside a callback protects nothing outside it.
    {
      code: `${request}function f(urls) {\n  urls.forEach(() => {\n    if (typeof request.download !== 'function') return\n  })\n  ${call}\n}`,
      settings: band,
      errors: [at(6, 3, 19)],
    },
    // An early return inside a NESTED switch: protects neither the rest of the outer case nor the code after both.
    {
      code: `${request}function f(mode, sub) {\n  switch (mode) {\n    case 'a':\n      switch (sub) {\n        case 'x':\n          if (typeof request.download !== 'function') return\n          break\n      }\n      ${call}\n      break\n  }\n  ${call}\n}`,
      settings: band,
      errors: [at(10, 7, 23), at(13, 3, 19)],
    },
    // A switch nested in an if, in a loop: the return in a case still guards nothing after the switch.
    {
      code: `${request}function f(mode) {\n  if (ready) {\n    for (const m of mode) {\n      switch (m) {\n        default:\n          if (!request.download) return\n      }\n      ${call}\n    }\n  }\n}`,
      settings: band,
      errors: [at(9, 7, 23)],
    },
    // An early return inside a callback (arrow, function expression, promise executor, nested declaration).
    {
      code: `${request}function f(list) {\n  list.map(function () {\n    if (!request.download) return\n  })\n  ${call}\n}`,
      settings: band,
      errors: [at(6, 3, 19)],
    },
    {
      code: `${request}async function f() {\n  await new Promise((resolve) => {\n    if (typeof request.download !== 'function') return resolve()\n    resolve()\n  })\n  ${call}\n}`,
      settings: band,
      errors: [at(7, 3, 19)],
    },
    {
      code: `${request}function f() {\n  function check() {\n    if (typeof request.download !== 'function') throw new Error('no')\n  }\n  ${call}\n}`,
      settings: band,
      errors: [at(6, 3, 19)],
    },
    // A return in a nested if inside the "missing" branch does not always exit.
    {
      code: `${request}function f() {\n  if (typeof request.download !== 'function') {\n    if (strict) return\n  }\n  ${call}\n}`,
      settings: band,
      errors: [at(6, 3, 19)],
    },
    // A try around code that only schedules the call: the callback runs outside the try.
    { code: `${request}try {\n  setTimeout(() => ${call})\n} catch {}`, settings: band, errors: [at(3, 20, 36)] },
    // In the catch block, the call is not protected.
    { code: `${request}try {\n  start()\n} catch {\n  ${call}\n}`, settings: band, errors: [at(5, 3, 19)] },
    // `mod?.m()` protects against a missing module, not a missing method.
    { code: `${sensor}sensor?.subscribeCompass({ callback() {} })`, settings: s3, errors: [at(2, 1, 25)] },
    // A comparison that says nothing about presence, and a || that does not exit.
    { code: `${request}if (typeof request.download === 'string') ${call}`, settings: band, errors: [at(2, 43, 59)] },
    { code: `${request}if (request.download || fallback) ${call}`, settings: band, errors: [at(2, 35, 51)] },
    // Code after a guarded block, not in it.
    { code: `${request}if (request.download) {}\n${call}`, settings: band, errors: [at(3, 1, 17)] },
  ],
});
