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

/**
 * A page object whose `onInit` stores a test in `this.hasNet` (`init`) and whose `go` tests it before the call at
 * line 8, columns 22-38; `extra` is one more line of members (line 3).
 */
const flagPage = (init: string, extra = '') =>
  `${request}export default {\n  ${extra}\n  onInit() {\n    this.hasNet = ${init}\n  },\n  go() {\n    if (this.hasNet) ${call}\n  },\n}`;
const downloadTest = "typeof request.download === 'function'";

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
    // `void 0` is undefined as the identifier is: compared with it, a read tests presence.
    { code: `${request}if (request.download !== void 0) ${call}`, settings: band },
    { code: `${request}function f() {\n  if (void 0 == request.download) return\n  ${call}\n}`, settings: band },
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
    // A Promise executor runs at once: its TypeError rejects the promise, which an await inside try throws again.
    {
      code: `${request}async function f() {\n  try {\n    return await new Promise((resolve, reject) => request.download({ url: 'u', success: resolve, fail: reject }))\n  } catch (error) {\n    return null\n  }\n}`,
      settings: band,
    },
    {
      code: `${request}async function f() {\n  try {\n    await new Promise((resolve) => {\n      if (ready) {\n        ${call}\n      }\n      resolve()\n    })\n  } catch {}\n}`,
      settings: band,
    },
    // ...or a handler catches: `.catch(h)`, `.then(ok, fail)`, after `.then(f)`/`.finally(f)`; awaited through them.
    { code: `${request}new Promise((resolve) => ${call}).catch(() => null)`, settings: band },
    {
      code: `${request}export const p = new Promise((resolve) => resolve(${call})).then(parse).finally(done).catch(console.warn)`,
      settings: band,
    },
    { code: `${request}new Promise(function (resolve) {\n  ${call}\n}).then(ok, fail)`, settings: band },
    {
      code: `${request}async function f() {\n  try {\n    await (new Promise((resolve) => ${call}) as Promise<void>).then(parse)\n  } catch {}\n}`,
      settings: band,
    },
    // A page flag holding a test, when every write of it is that test or false.
    { code: flagPage(downloadTest, 'private: { hasNet: false },'), settings: band },
    { code: flagPage('!!request.download', 'stop() { this.hasNet = false },'), settings: band },
    { code: flagPage(`request && ${downloadTest}`, 'data: { hasNet: false },'), settings: band },
    {
      code: `${request}export default {\n  onInit() {\n    this.hasNet = ${downloadTest}\n  },\n  go() {\n    if (!this.hasNet) {\n      console.warn('offline')\n      return\n    }\n    ${call}\n  },\n  later() {\n    return this.hasNet && ${call}\n  },\n}`,
      settings: band,
    },
    {
      code: `import app from '@system.app'\n${request}export default {\n  data() {\n    return { hasNet: false }\n  },\n  onInit() {\n    this.hasNet = app.canIUse('@system.request.download')\n  },\n  go() {\n    if (this.hasNet) ${call}\n  },\n}`,
      settings: level3,
    },
    { code: flagPage("this.$canIUse('@system.request')"), settings: level3 },
    // The page's data starting as the test (`private`, `data`, `data()`), read in the page and by its template.
    {
      code: `${request}export default {\n  private: { hasNet: ${downloadTest} },\n  go() {\n    if (this.hasNet) ${call}\n  },\n}`,
      settings: band,
    },
    {
      code: `${request}export default {\n  data() {\n    return { 'hasNet': !!request.download }\n  },\n  go() {\n    if (!this.hasNet) return\n    ${call}\n  },\n  stop() {\n    this.hasNet = false\n  },\n}`,
      settings: band,
    },
    {
      code: `${request}const hasNet = ${downloadTest}\nexport default {\n  data: { hasNet },\n  go() {\n    return this.hasNet && ${call}\n  },\n}`,
      settings: band,
    },
    // A const object literal holding tests: a capability map, read only as `caps.<name>`.
    {
      code: `${sensor}const caps = {\n  compass: typeof sensor.subscribeCompass === 'function',\n  pressure: !!sensor.subscribePressure,\n}\nfunction f() {\n  if (!caps.compass) return\n  sensor.subscribeCompass({ callback() {} })\n}\nif (caps.compass && caps.pressure) sensor.unsubscribeCompass()`,
      settings: s3,
    },
    // An app's own wrapper, named canUse/canIUse/$canIUse, with a constant '@system.x' (awaited too).
    {
      code: `${request}export default {\n  go() {\n    if (this.$app.$def.canUse('@system.request')) ${call}\n  },\n}`,
      settings: band,
    },
    {
      code: `${request}function f() {\n  if (!helpers.canIUse(\`@system.request\`)) return\n  ${call}\n}`,
      settings: band,
    },
    { code: `${request}if (canUse('@system.request.download')) ${call}`, settings: band },
    {
      code: `${request}async function f() {\n  if (!(await caps.canUse('@system.request'))) return\n  ${call}\n}`,
      settings: band,
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
    // Promise executors: returned without await (the rejection leaves the try), a callback that runs later, a promise
    // stored and awaited later, an async executor (its throw rejects its own promise), no rejection handler, a
    // Promise the file declares, an await in another (async) function, an await after the try.
    {
      code: `${request}function f() {\n  try {\n    return new Promise((resolve) => ${call})\n  } catch {}\n}`,
      settings: band,
      errors: [at(4, 37, 53)],
    },
    {
      code: `${request}async function f() {\n  try {\n    await new Promise((resolve) => setTimeout(() => resolve(${call})))\n  } catch {}\n}`,
      settings: band,
      errors: [at(4, 61, 77)],
    },
    {
      code: `${request}async function f() {\n  try {\n    const p = new Promise((resolve) => resolve(${call}))\n    await p\n  } catch {}\n}`,
      settings: band,
      errors: [at(4, 48, 64)],
    },
    {
      code: `${request}async function f() {\n  try {\n    await new Promise(async (resolve) => resolve(${call}))\n  } catch {}\n}`,
      settings: band,
      errors: [at(4, 50, 66)],
    },
    {
      code: `${request}new Promise((resolve) => ${call}).then(done)\nnew Promise((resolve) => ${call}).catch()`,
      settings: band,
      errors: [at(2, 26, 42), at(3, 26, 42)],
    },
    // A handler given as `void 0` is none: the rejection passes on, unhandled.
    {
      code: `${request}new Promise((resolve) => ${call}).catch(void 0)\nnew Promise((resolve) => ${call}).then(done, void 0)`,
      settings: band,
      errors: [at(2, 26, 42), at(3, 26, 42)],
    },
    {
      code: `${request}const Promise = Bluebird\nasync function f() {\n  try {\n    await new Promise((resolve) => resolve(${call}))\n  } catch {}\n}`,
      settings: band,
      errors: [at(5, 44, 60)],
    },
    {
      code: `${request}async function f(list) {\n  try {\n    list.forEach(async () => await new Promise((resolve) => resolve(${call})))\n  } catch {}\n}`,
      settings: band,
      errors: [at(4, 69, 85)],
    },
    {
      code: `${request}async function f() {\n  try {\n    start()\n  } catch {}\n  await new Promise((resolve) => resolve(${call}))\n}`,
      settings: band,
      errors: [at(6, 42, 58)],
    },
    // Flags: another write that is not the test (true, `||=`, by a string name, through an alias), a declaration
    // that is true or that a route (public) or the parent (props) sets, a test of another API, a "missing" flag.
    { code: flagPage(downloadTest, 'force() { this.hasNet = true },'), settings: band, errors: [at(8, 22, 38)] },
    { code: flagPage(downloadTest, 'force() { this.hasNet ||= ready },'), settings: band, errors: [at(8, 22, 38)] },
    { code: flagPage(downloadTest, "force() { this['hasNet'] = ready },"), settings: band, errors: [at(8, 22, 38)] },
    {
      code: flagPage(downloadTest, 'force() { const self = this; self.hasNet = ready },'),
      settings: band,
      errors: [at(8, 22, 38)],
    },
    { code: flagPage(downloadTest, 'private: { hasNet: true },'), settings: band, errors: [at(8, 22, 38)] },
    { code: flagPage(downloadTest, 'public: { hasNet: false },'), settings: band, errors: [at(8, 22, 38)] },
    { code: flagPage(downloadTest, "props: ['hasNet'],"), settings: band, errors: [at(8, 22, 38)] },
    {
      code: flagPage("typeof request.onDownloadComplete === 'function'"),
      settings: band,
      errors: [at(8, 22, 38)],
    },
    {
      code: `${request}export default {\n  onInit() {\n    this.offline = typeof request.download !== 'function'\n  },\n  go() {\n    if (this.offline) return\n    ${call}\n  },\n}`,
      settings: band,
      errors: [at(8, 5, 21)],
    },
    // Data that starts as the test: in `public` (a route's parameters overwrite it), also written true, or the test of
    // another API.
    {
      code: `${request}export default {\n  public: { hasNet: ${downloadTest} },\n  go() {\n    if (this.hasNet) ${call}\n  },\n}`,
      settings: band,
      errors: [at(5, 22, 38)],
    },
    {
      code: `${request}export default {\n  private: { hasNet: ${downloadTest} },\n  go() {\n    if (this.hasNet) ${call}\n  },\n  force() {\n    this.hasNet = true\n  },\n}`,
      settings: band,
      errors: [at(5, 22, 38)],
    },
    {
      code: `${sensor}export default {\n  private: { hasCompass: typeof sensor.subscribePressure === 'function' },\n  go() {\n    if (this.hasCompass) sensor.subscribeCompass({ callback() {} })\n  },\n}`,
      settings: s3,
      errors: [at(5, 26, 49)],
    },
    // Capability maps that may change or hold something else: a let, a property written, the map handed elsewhere or
    // exported, a "missing" test, another property.
    {
      code: `${sensor}let caps = { compass: typeof sensor.subscribeCompass === 'function' }\nif (caps.compass) sensor.subscribeCompass({ callback() {} })`,
      settings: s3,
      errors: [at(3, 19, 42)],
    },
    {
      code: `${sensor}const caps = { compass: typeof sensor.subscribeCompass === 'function' }\ncaps.compass = true\nif (caps.compass) sensor.subscribeCompass({ callback() {} })`,
      settings: s3,
      errors: [at(4, 19, 42)],
    },
    {
      code: `${sensor}const caps = { compass: typeof sensor.subscribeCompass === 'function' }\nObject.assign(caps, overrides)\nif (caps.compass) sensor.subscribeCompass({ callback() {} })`,
      settings: s3,
      errors: [at(4, 19, 42)],
    },
    {
      code: `${sensor}export const caps = { compass: typeof sensor.subscribeCompass === 'function' }\nif (caps.compass) sensor.subscribeCompass({ callback() {} })`,
      settings: s3,
      errors: [at(3, 19, 42)],
    },
    {
      code: `${sensor}const caps = { noCompass: typeof sensor.subscribeCompass !== 'function', other: true }\nif (!caps.noCompass) sensor.subscribeCompass({ callback() {} })\nif (caps.other) sensor.subscribeCompass({ callback() {} })`,
      settings: s3,
      errors: [at(3, 22, 45), at(4, 17, 40)],
    },
    // Another object's flag is not this page's.
    {
      code: `${request}export default {\n  onInit() {\n    this.hasNet = ${downloadTest}\n  },\n  go(other) {\n    if (other.hasNet) ${call}\n  },\n}`,
      settings: band,
      errors: [at(7, 23, 39)],
    },
    // Wrappers: an argument that names no module, a dynamic one, another name, another API.
    { code: `${request}if (caps.canUse('request')) ${call}`, settings: band, errors: [at(2, 29, 45)] },
    { code: `${request}if (caps.canUse(name)) ${call}`, settings: band, errors: [at(2, 24, 40)] },
    { code: `${request}if (caps.isAvailable('@system.request')) ${call}`, settings: band, errors: [at(2, 42, 58)] },
    { code: `${request}if (caps.canUse('@system.fetch')) ${call}`, settings: band, errors: [at(2, 35, 51)] },
  ],
});
