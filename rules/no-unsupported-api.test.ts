import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deviceIds, deviceName, devicesLacking, findModule } from '@velakit/catalog';
import { createRuleTester, targetSettings } from './test-utils/rule-tester.js';
import rule from './no-unsupported-api.js';

const upload = "import uploadtask from '@system.uploadtask'\nimport app from '@system.app'\n";
const s4AndRedmi4 = targetSettings({ targetDevices: ['xiaomi-watch-s4', 'redmi-watch-4'] });
const s4 = targetSettings({ targetDevices: ['xiaomi-watch-s4'], minAPILevel: 3 });
const names = (ids: string[]): string => new Intl.ListFormat('en', { type: 'conjunction' }).format(ids.map(deviceName));
const fetchLacking = devicesLacking(findModule('system.fetch')!.support, deviceIds);

// A page's script (a `.ux` file other than app.ux), where `this.$canIUse` is the page's `app.canIUse`. Band 9 lacks
// fetch and crypto.
const pageFile = '/velakit-page/src/pages/index/index.ux';
const fetchImport = "import fetch from '@system.fetch'\n";
const band9 = (minAPILevel: number) =>
  targetSettings({ targetDevices: ['xiaomi-watch-s4', 'xiaomi-band-9'], minAPILevel });
/** `this.$canIUse` below level 3: reported as `app.canIUse` is, at `this.$canIUse` (13 columns from `column`). */
const thisCanIUseLevel = (line: number, column: number) => ({
  messageId: 'apiLevel' as const,
  data: {
    api: 'this.$canIUse',
    level: 3,
    minimum: 'minAPILevel is 1 (from settings.velakit.minAPILevel)',
    advice: "Raise minAPILevel to 3, or feature-detect the API instead (`typeof module.method === 'function'`).",
  },
  line,
  column,
  endLine: line,
  endColumn: column + 13,
});

const brokenDir = mkdtempSync(join(tmpdir(), 'velakit-broken-'));
writeFileSync(join(brokenDir, 'manifest.json'), '{ "package": "com.example" "name": "x" }');

/** A folder with a manifest.json of these members (and the required ones). */
function manifestDir(members: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'velakit-unsupported-'));
  const manifest = {
    package: 'com.example.app',
    name: 'App',
    icon: '/common/logo.png',
    versionCode: 1,
    config: {},
    router: { entry: 'pages/index', pages: { 'pages/index': { component: 'index' } } },
    ...members,
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
// minAPILevel "3" is present but not an integer: valid-manifest reports it; no level is judged against it, and the
// file is told so once.
const stringLevelDir = manifestDir({ minAPILevel: '3', targetDevices: ['xiaomi-watch-s5'] });
// targetDevices as a string: not a list, so every known device is a target (and the file is told so once).
const stringTargetsDir = manifestDir({ minAPILevel: 4, targetDevices: 'xiaomi-watch-s5' });
const bothWrongDir = manifestDir({ minAPILevel: '4', targetDevices: 'xiaomi-watch-s5' });

/**
 * What a file is told once when its manifest (in `dir`, one line) gives `key` with the wrong type: the schema's words
 * and the value's position. The tester lints with cwd `/`: paths are shown from there.
 */
function unusable(dir: string, key: string, schemaMessage: string): string {
  const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
  const column = text.indexOf(`"${key}":`) + key.length + 4;
  return `${key} in ${join(dir, 'manifest.json')} cannot be used: ${schemaMessage} (line 1, column ${column})`;
}
const notAList = (dir: string) => `targetDevices in ${join(dir, 'manifest.json')} is not a list`;
/**
 * The report of `<module>.<method>(` at the start of `line`, against every known device; the advice is app.canIUse
 * when the API level allows it.
 */
function onEveryDevice(module: string, method: string, line: number, because: string, canIUse = false) {
  const lacking = devicesLacking(findModule(`system.${module}`)!.support, deviceIds);
  const api = `${module}.${method}`;
  return {
    messageId: 'unsupportedOnEveryDevice' as const,
    data: {
      api,
      count: lacking.length,
      total: deviceIds.length,
      some: `${lacking.slice(0, 3).map(deviceName).join(', ')}, and ${lacking.length - 3} more`,
      because,
      advice: `${canIUse ? `Guard it with \`app.canIUse('@system.${module}')\`` : `Feature-detect it (\`typeof ${api} === 'function'\`)`} or list the app's devices in targetDevices.`,
    },
    line,
    column: 1,
    endLine: line,
    endColumn: api.length + 1,
  };
}
// An empty targetDevices names no device: every known device is a target, as when it is absent.
const emptyTargetsDir = manifestDir({ minAPILevel: 4, targetDevices: [] });
const recordLacking = devicesLacking(findModule('system.record')!.support, deviceIds);

createRuleTester().run('no-unsupported-api', rule, {
  valid: [
    // Supported on every target.
    { code: `${upload}uploadtask.uploadFile({})`, settings: s4 },
    // A function returning the module: a feature test of its call's member guards, as one of the module's does; a
    // function that may return null (here when the API is missing) is not followed at all.
    {
      code: `${fetchImport}import app from '@system.app'\nconst api = () => fetch\nif (typeof api().fetch === 'function') api().fetch({ url: 'u' })\nif (app.canIUse('@system.fetch')) api().fetch({ url: 'u' })\nfunction net() {\n  if (typeof fetch.fetch !== 'function') return null\n  return fetch\n}\nnet().fetch({ url: 'u' })`,
      settings: targetSettings({ targetDevices: ['redmi-watch-4'] }),
    },
    // Guards: if, method-level key, early return, &&, ?:, a const holding the check, an else branch of a negated check.
    {
      code: `${upload}if (app.canIUse('@system.uploadtask')) {\n  uploadtask.uploadFile({})\n}`,
      settings: s4AndRedmi4,
    },
    {
      code: `${upload}if (app.canIUse('@system.uploadtask.uploadFile')) uploadtask.uploadFile({})`,
      settings: s4AndRedmi4,
    },
    {
      code: `${upload}function send() {\n  if (!app.canIUse('@system.uploadtask')) return\n  uploadtask.uploadFile({})\n}`,
      settings: s4AndRedmi4,
    },
    {
      code: `${upload}function send() {\n  if (!app.canIUse('@system.uploadtask')) { console.log('no'); throw new Error('x') }\n  return uploadtask.uploadFile({})\n}`,
      settings: s4AndRedmi4,
    },
    { code: `${upload}app.canIUse('@system.uploadtask') && uploadtask.uploadFile({})`, settings: s4AndRedmi4 },
    {
      code: `${upload}if (app.canIUse('@system.uploadtask') === true) uploadtask.uploadFile({})`,
      settings: s4AndRedmi4,
    },
    {
      code: `${upload}function send() {\n  if (false === app.canIUse('@system.uploadtask')) return\n  uploadtask.uploadFile({})\n}`,
      settings: s4AndRedmi4,
    },
    {
      code: `${upload}const task = app.canIUse('@system.uploadtask') ? uploadtask.uploadFile({}) : null`,
      settings: s4AndRedmi4,
    },
    {
      code: `${upload}const canUpload = app.canIUse('@system.uploadtask')\nif (canUpload && ready) uploadtask.uploadFile({})`,
      settings: s4AndRedmi4,
    },
    {
      code: `${upload}if (!app.canIUse('@system.uploadtask')) { console.log('no') } else { uploadtask.uploadFile({}) }`,
      settings: s4AndRedmi4,
    },
    // A helper function returning the test: each call of it in the file is the test (declaration, arrow, negated use,
    // early return, a `const` before the `return`, a flag set from it).
    {
      code: `${upload}export function canUpload() {
  return app.canIUse('@system.uploadtask')
}
function send() {
  if (!canUpload()) return
  uploadtask.uploadFile({})
}`,
      settings: s4AndRedmi4,
    },
    {
      code: `${upload}const hasUpload = () => typeof uploadtask.uploadFile === 'function'
if (hasUpload()) uploadtask.uploadFile({})`,
      settings: s4AndRedmi4,
    },
    // ...bound by a `let` nothing reassigns, handed elsewhere too (no one else can change what it returns), and called
    // through TypeScript wrappers as through parentheses.
    {
      code: `${upload}let hasUpload = () => typeof uploadtask.uploadFile === 'function'
register(hasUpload)
function canUpload(): boolean { return app.canIUse('@system.uploadtask') }
if (hasUpload()) uploadtask.uploadFile({})
if (canUpload!()) uploadtask.uploadFile({})
if (!(canUpload as () => boolean)()) throw new Error('no upload')
uploadtask.uploadFile({})`,
      settings: s4AndRedmi4,
    },
    {
      code: `${upload}const missing = function () {
  const ok = app.canIUse('@system.uploadtask')
  console.log(ok)
  return !ok
}
if (missing()) { console.log('none') } else { uploadtask.uploadFile({}) }`,
      settings: s4AndRedmi4,
    },
    {
      code: `${upload}function canUpload() { return app.canIUse('@system.uploadtask') }
export default {
  onInit() { this.ok = canUpload() },
  send() { if (this.ok) uploadtask.uploadFile({}) }
}`,
      settings: s4AndRedmi4,
    },
    {
      code: "const app = require('@system.app')\nconst { uploadFile } = require('@system.uploadtask')\nif (app.canIUse('system.uploadtask')) uploadFile({})",
      settings: s4AndRedmi4,
    },
    // A test of the module object protects the devices without the module: Redmi Watch 4 has no sensor at all.
    {
      code: "import sensor from '@system.sensor'\nfunction start() {\n  if (!sensor) return\n  sensor.subscribeCompass({})\n}",
      settings: targetSettings({ targetDevices: ['redmi-watch-4', 'xiaomi-watch-s4'] }),
    },
    // A test of a sibling method passes only where that method is: unsubscribeCompass has the same table as
    // subscribeCompass, so it is safe behind its test.
    {
      code: "import sensor from '@system.sensor'\nconst hasCompass = typeof sensor.subscribeCompass === 'function'\nif (hasCompass) sensor.unsubscribeCompass()",
      settings: targetSettings({ targetDevices: ['xiaomi-watch-s3', 'xiaomi-watch-s4'] }),
    },
    // A member read into a variable, then tested before each use: by a computed name (a test of the module, which
    // Redmi Watch 4 lacks), exiting with `throw`, a second read used only behind the first test, and by a name
    // (compass, which Watch S3 lacks too) tested for truthiness; and a method without a table of its own.
    {
      code: "import sensor from '@system.sensor'\nimport geolocation from '@system.geolocation'\nfunction start(name, cb) {\n  const subscribe = sensor[name]\n  const unsubscribe = sensor['un' + name]\n  if (typeof subscribe !== 'function') throw new Error('unsupported')\n  subscribe({ callback: cb })\n  return () => unsubscribe()\n}\nfunction compass(cb) {\n  let sub = sensor.subscribeCompass\n  if (!sub) return\n  sub({ callback: cb })\n}\nconst locate = geolocation.getLocation\nif (typeof locate === 'function') locate({})",
      settings: targetSettings({ targetDevices: ['redmi-watch-4', 'xiaomi-watch-s3', 'xiaomi-watch-s4'] }),
    },
    // Modules with no support table in the docs: velakit does not guess.
    { code: "import alarm from '@system.alarm'\nalarm.setAlarm({})", settings: s4AndRedmi4 },
    // Modules documented as available everywhere, and the one vibrator method that is.
    {
      code: "import storage from '@system.storage'\nimport vibrator from '@system.vibrator'\nstorage.get({})\nvibrator.vibrate({})",
      settings: s4AndRedmi4,
    },
    // The rule option wins over settings.
    {
      code: `${upload}uploadtask.uploadFile({})`,
      options: [{ targetDevices: ['xiaomi-watch-s4'] }],
      settings: s4AndRedmi4,
    },
    // A module object handed elsewhere (argument, export, bare require) is not followed.
    {
      code: "import fetch from '@system.fetch'\nregister(fetch)\nexport { fetch }\nmodule.exports = require('@system.record')",
      settings: s4AndRedmi4,
    },
    // A targetDevices of the wrong type in a manifest whose targets the settings give is not read: nothing to say.
    {
      code: "import record from '@system.record'\nrecord.start({})",
      settings: { velakit: { manifest: stringTargetsDir, targetDevices: ['xiaomi-watch-s5'] } },
    },
    // A type specifier's name is read only in types: no use of the module, on a band that lacks it.
    {
      code: "import { type RequestTask } from '@system.request'\nimport fetch, { type FetchOptions } from '@system.fetch'\nlet task: RequestTask | null = null\nconst options: FetchOptions = { url: '/' }",
      settings: targetSettings({ targetDevices: ['xiaomi-band-9'] }),
    },
    // An import that is never used reports nothing; neither does a file without @system imports.
    { code: "import fetch from '@system.fetch'", settings: s4AndRedmi4 },
    "window.fetch('/x')",
    // A page's this.$canIUse guards as app.canIUse does: a module, a method, an early return, in an arrow callback.
    {
      code: `${fetchImport}import crypto from '@system.crypto'\nexport default {\n  onInit() {\n    if (this.$canIUse('@system.fetch')) {\n      fetch.fetch({ url: 'u', success: (r) => (this.v = r.data) })\n    }\n    list.forEach(() => this.$canIUse('@system.fetch') && fetch.fetch({ url: 'u' }))\n  },\n  digest(text) {\n    if (!this.$canIUse('@system.crypto.hashDigest')) return ''\n    return crypto.hashDigest({ data: text, algo: 'SHA256' })\n  },\n}`,
      filename: pageFile,
      settings: band9(3),
    },
    // Below level 3, a this.$canIUse that is itself feature-detected (or called optionally) is not reported.
    {
      code: `${fetchImport}export default {\n  onInit() {\n    typeof this.$canIUse === 'function' && this.$canIUse('@system.fetch') && fetch.fetch({ url: 'u' })\n    if (this.$canIUse?.('@system.fetch')) fetch.fetch({ url: 'u' })\n  },\n}`,
      filename: pageFile,
      settings: band9(1),
    },
    // Only a page's own this.$canIUse has the level to report: not app.ux's, not a plain function's `this`, not a
    // .js file's, not `this.$app.$canIUse` (no such method is documented; as a name it still tests the API).
    {
      code: `${fetchImport}export default {\n  onCreate() {\n    if (this.$canIUse('@system.fetch')) fetch.fetch({ url: 'u' })\n  },\n}`,
      filename: '/velakit-page/src/app.ux',
      settings: band9(1),
    },
    {
      code: `${fetchImport}export default {\n  onInit() {\n    list.forEach(function () {\n      if (this.$canIUse('@system.fetch')) fetch.fetch({ url: 'u' })\n    })\n    if (this.$app.$canIUse('@system.fetch')) fetch.fetch({ url: 'u' })\n  },\n}`,
      filename: pageFile,
      settings: band9(1),
    },
    {
      code: `${fetchImport}export default {\n  onInit() {\n    if (this.$canIUse('@system.fetch')) fetch.fetch({ url: 'u' })\n  },\n}`,
      filename: '/velakit-page/src/common/mixin.js',
      settings: band9(1),
    },
    // TypeScript wrappers (`!`, `as`) are seen through as parentheses are: by the guards too.
    {
      code: "import request from '@system.request'\nimport app from '@system.app'\nif (app.canIUse('@system.request')) request!.download({ url: 'u' })",
      settings: s4AndRedmi4,
    },
    {
      code: "import fetch from '@system.fetch'\nif (typeof (fetch as any).fetch === 'function') (fetch as any).fetch({ url: 'u' })",
      settings: s4AndRedmi4,
    },
    {
      code: "import request from '@system.request'\nconst { download } = request\nif (download!) download!({ url: 'u' })\nif (typeof (request.download as any) === 'function') (request.download as any)({ url: 'u' })",
      settings: s4AndRedmi4,
    },
  ],
  invalid: [
    {
      // A member kept in a variable that is not tested before every use: called at once, handed away before its test,
      // or assigned again (not followed). Reported at the read, naming the module (the name is computed).
      code: "import sensor from '@system.sensor'\nfunction a(name) {\n  const sub = sensor[name]\n  sub({})\n}\nfunction b(name, register) {\n  const sub = sensor[name]\n  register(sub)\n  if (typeof sub === 'function') sub({})\n}\nfunction c(name, other) {\n  let sub = sensor[name]\n  sub = other\n  if (typeof sub === 'function') sub({})\n}",
      settings: targetSettings({ targetDevices: ['redmi-watch-4', 'xiaomi-watch-s4'] }),
      errors: [
        {
          messageId: 'unsupported',
          data: {
            api: '@system.sensor',
            devices: 'Redmi Watch 4',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Feature-detect it (`typeof sensor[name] === 'function'`) or drop it from targetDevices.",
          },
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 27,
        },
        { messageId: 'unsupported', line: 7, column: 15, endLine: 7, endColumn: 27 },
        { messageId: 'unsupported', line: 12, column: 13, endLine: 12, endColumn: 25 },
      ],
    },
    {
      // A member the catalogue does not list is named by its module, which is what the devices lack; read without a
      // call, it may hold an object, so its test is `!== 'undefined'`; called, `=== 'function'`.
      code: "import geolocation from '@system.geolocation'\nconst keys = Reflect.ownKeys(geolocation.nativeInst)\ngeolocation.locate({})",
      settings: targetSettings({ targetDevices: ['xiaomi-band-9', 'xiaomi-watch-s4'] }),
      errors: [
        {
          messageId: 'unsupported',
          data: {
            api: '@system.geolocation',
            devices: 'Xiaomi Band 9',
            targets: 'targets from settings.velakit.targetDevices',
            advice:
              "Feature-detect it (`typeof geolocation.nativeInst !== 'undefined'`) or drop it from targetDevices.",
          },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 52,
        },
        {
          messageId: 'unsupported',
          data: {
            api: '@system.geolocation',
            devices: 'Xiaomi Band 9',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Feature-detect it (`typeof geolocation.locate === 'function'`) or drop it from targetDevices.",
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 19,
        },
      ],
    },
    {
      // Helpers that are no test of the API: async (its promise is always truthy), a name assigned again, a body that
      // may return earlier, a helper only referenced (not called), a method (not followed).
      code: `${upload}async function canA() { return app.canIUse('@system.uploadtask') }\nif (canA()) uploadtask.uploadFile({})\nlet canB = () => app.canIUse('@system.uploadtask')\ncanB = () => true\nif (canB()) uploadtask.uploadFile({})\nfunction canC(x) {\n  if (x) return true\n  return app.canIUse('@system.uploadtask')\n}\nif (canC(1)) uploadtask.uploadFile({})\nfunction canD() { return app.canIUse('@system.uploadtask') }\nif (canD) uploadtask.uploadFile({})\nconst util = { can() { return app.canIUse('@system.uploadtask') } }\nif (util.can()) uploadtask.uploadFile({})`,
      settings: s4AndRedmi4,
      errors: [
        { messageId: 'unsupported', line: 4, column: 13, endLine: 4, endColumn: 34 },
        { messageId: 'unsupported', line: 7, column: 13, endLine: 7, endColumn: 34 },
        { messageId: 'unsupported', line: 12, column: 14, endLine: 12, endColumn: 35 },
        { messageId: 'unsupported', line: 14, column: 11, endLine: 14, endColumn: 32 },
        { messageId: 'unsupported', line: 16, column: 17, endLine: 16, endColumn: 38 },
      ],
    },
    {
      // Functions handing out the module: each call's use is reported once, where it is made (not at the return).
      code: `${fetchImport}const api = () => fetch\nfunction http() {\n  return fetch\n}\napi().fetch({ url: 'u' })\nhttp().fetch({ url: 'u' })`,
      settings: targetSettings({ targetDevices: ['redmi-watch-4'] }),
      errors: [
        {
          messageId: 'unsupported',
          data: {
            api: 'fetch.fetch',
            devices: 'Redmi Watch 4',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Feature-detect it (`typeof api().fetch === 'function'`) or drop it from targetDevices.",
          },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 12,
        },
        { messageId: 'unsupported', line: 7, column: 1, endLine: 7, endColumn: 13 },
      ],
    },
    {
      // TypeScript wrappers that leave the value as it is: `!`, `as`, `<T>x`, `satisfies`, and an alias through one.
      code: "import request from '@system.request'\nimport fetch from '@system.fetch'\nrequest!.download({ url: 'u' })\n;(fetch as any).fetch({ url: 'u' })\n;(<any>fetch).fetch({ url: 'u' })\n;(fetch satisfies object).fetch({ url: 'u' })\nconst net = fetch as typeof fetch\nnet.fetch({ url: 'u' })",
      settings: targetSettings({ targetDevices: ['redmi-watch-4'] }),
      errors: [
        {
          messageId: 'unsupported',
          data: {
            api: 'request.download',
            devices: 'Redmi Watch 4',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Feature-detect it (`typeof request!.download === 'function'`) or drop it from targetDevices.",
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 18,
        },
        {
          messageId: 'unsupported',
          data: {
            api: 'fetch.fetch',
            devices: 'Redmi Watch 4',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Feature-detect it (`typeof (fetch as any).fetch === 'function'`) or drop it from targetDevices.",
          },
          line: 4,
          column: 2,
          endLine: 4,
          endColumn: 22,
        },
        { messageId: 'unsupported', line: 5, column: 2, endLine: 5, endColumn: 20 },
        { messageId: 'unsupported', line: 6, column: 2, endLine: 6, endColumn: 32 },
        { messageId: 'unsupported', line: 8, column: 1, endLine: 8, endColumn: 10 },
      ],
    },
    {
      // A wrapped member is read as the callee: a call, not a presence test (reported once, where it is called).
      code: "import request from '@system.request'\nimport sensor from '@system.sensor'\nconst { download } = request\ndownload!({ url: 'u' })\n;(request.download as any)({ url: 'u' })\n;(sensor.subscribeCompass as any)({ callback() {} })",
      settings: targetSettings({ targetDevices: ['redmi-watch-4'] }),
      errors: [
        {
          messageId: 'unsupported',
          data: {
            api: 'request.download',
            devices: 'Redmi Watch 4',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Feature-detect it (`typeof download! === 'function'`) or drop it from targetDevices.",
          },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 10,
        },
        {
          messageId: 'unsupported',
          data: {
            api: 'request.download',
            devices: 'Redmi Watch 4',
            targets: 'targets from settings.velakit.targetDevices',
            advice:
              "Feature-detect it (`typeof (request.download as any) === 'function'`) or drop it from targetDevices.",
          },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 26,
        },
        { messageId: 'unsupported', line: 6, column: 3, endLine: 6, endColumn: 33 },
      ],
    },
    {
      code: `${upload}uploadtask.uploadFile({})`,
      settings: s4AndRedmi4,
      errors: [
        {
          messageId: 'unsupported',
          data: {
            api: 'uploadtask.uploadFile',
            devices: 'Redmi Watch 4',
            targets: 'targets from settings.velakit.targetDevices',
            // minAPILevel unknown (settings give none): feature detection works at every level, app.canIUse from 3 only.
            advice: "Feature-detect it (`typeof uploadtask.uploadFile === 'function'`) or drop it from targetDevices.",
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 22,
        },
      ],
    },
    {
      // Comparisons other than with a boolean literal are no guard.
      code: `${upload}if (app.canIUse('@system.uploadtask') !== undefined) uploadtask.uploadFile({})`,
      settings: s4AndRedmi4,
      errors: [{ messageId: 'unsupported', line: 3, column: 54, endLine: 3, endColumn: 75 }],
    },
    {
      // A guard for another module, and code after (not inside) a guarded block, do not count.
      code: `${upload}if (app.canIUse('@system.request')) uploadtask.uploadFile({})\nif (app.canIUse('@system.uploadtask')) {}\nuploadtask.uploadFile({})`,
      settings: s4AndRedmi4,
      errors: [
        { messageId: 'unsupported', line: 3, column: 37, endLine: 3, endColumn: 58 },
        { messageId: 'unsupported', line: 5, column: 1, endLine: 5, endColumn: 22 },
      ],
    },
    {
      // named import, require, destructuring, alias: each use is reported where it happens
      code: "import { download } from '@system.request'\nconst fetch = require('@system.fetch')\nconst { onDownloadComplete } = require('@system.request')\nconst f = fetch\ndownload({})\nonDownloadComplete({})\nf.fetch({})",
      settings: targetSettings({ targetDevices: ['redmi-watch-4'] }),
      errors: [
        {
          messageId: 'unsupported',
          data: {
            api: 'request.download',
            devices: 'Redmi Watch 4',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Feature-detect it (`typeof download === 'function'`) or drop it from targetDevices.",
          },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 9,
        },
        { messageId: 'unsupported', line: 6, column: 1, endLine: 6, endColumn: 19 },
        {
          messageId: 'unsupported',
          data: {
            api: 'fetch.fetch',
            devices: 'Redmi Watch 4',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Feature-detect it (`typeof f.fetch === 'function'`) or drop it from targetDevices.",
          },
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 8,
        },
      ],
    },
    {
      // No manifest and no settings: every known device, one short report that says how many lack it and why.
      code: "import fetch from '@system.fetch'\nfetch.fetch({ url: 'https://example.com' })",
      filename: '/velakit-no-manifest-here/src/page.js',
      errors: [
        {
          messageId: 'unsupportedOnEveryDevice',
          data: {
            api: 'fetch.fetch',
            count: fetchLacking.length,
            total: deviceIds.length,
            some: `${fetchLacking.slice(0, 3).map(deviceName).join(', ')}, and ${fetchLacking.length - 3} more`,
            because: 'no manifest.json was found',
            advice:
              "Feature-detect it (`typeof fetch.fetch === 'function'`) or list the app's devices in targetDevices.",
          },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 12,
        },
      ],
    },
    {
      // Methods with their own support table.
      code: "import vibrator from '@system.vibrator'\nimport sensor from '@system.sensor'\nvibrator.start({})\nconst { subscribeCompass } = sensor\nsubscribeCompass({})\nif (app.canIUse('@system.vibrator')) vibrator.stop()",
      settings: targetSettings({ targetDevices: ['xiaomi-band-9', 'xiaomi-watch-s4'] }),
      errors: [
        {
          messageId: 'unsupported',
          data: {
            api: 'vibrator.start',
            devices: names(['xiaomi-band-9', 'xiaomi-watch-s4']),
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Feature-detect it (`typeof vibrator.start === 'function'`) or drop them from targetDevices.",
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 15,
        },
        {
          messageId: 'unsupported',
          data: {
            api: 'sensor.subscribeCompass',
            devices: 'Xiaomi Band 9',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Feature-detect it (`typeof subscribeCompass === 'function'`) or drop it from targetDevices.",
          },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 17,
        },
        // `app` here is not @system.app (not imported): velakit takes its canIUse as an app's own test of the vibrator
        // module, which every device has; it does not protect vibrator.stop, which has a table of its own.
        { messageId: 'unsupported', line: 6, column: 38, endLine: 6, endColumn: 51 },
      ],
    },
    {
      // API levels: uploadtask needs 3, and so does app.canIUse itself.
      code: `${upload}if (app.canIUse('@system.uploadtask')) uploadtask.uploadFile({})\nuploadtask.uploadFile({})`,
      settings: targetSettings({ targetDevices: ['xiaomi-watch-s4'], minAPILevel: 2 }),
      errors: [
        // Advice that leads out, not into another error: below level 3, app.canIUse does not exist.
        {
          messageId: 'apiLevel',
          data: {
            api: 'app.canIUse',
            level: 3,
            minimum: 'minAPILevel is 2 (from settings.velakit.minAPILevel)',
            advice:
              "Raise minAPILevel to 3, or feature-detect the API instead (`typeof module.method === 'function'`).",
          },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 16,
        },
        {
          messageId: 'apiLevel',
          data: {
            api: 'uploadtask.uploadFile',
            level: 3,
            minimum: 'minAPILevel is 2 (from settings.velakit.minAPILevel)',
            advice: "Raise minAPILevel to 3, or feature-detect it (`typeof uploadtask.uploadFile === 'function'`).",
          },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 22,
        },
      ],
    },
    {
      code: "import uploadtask from '@system.uploadtask'\nuploadtask.uploadFile({})",
      options: [{ minAPILevel: 1 }],
      settings: s4,
      errors: [
        {
          messageId: 'apiLevel',
          data: {
            api: 'uploadtask.uploadFile',
            level: 3,
            minimum: 'minAPILevel is 1 (from the rule option minAPILevel)',
            advice: "Raise minAPILevel to 3, or feature-detect it (`typeof uploadtask.uploadFile === 'function'`).",
          },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 22,
        },
      ],
    },
    {
      // One report per call, naming the most specific API: the method's own table (compass lacks Watch S3 and Redmi
      // Watch 4), not the module's (sensor lacks only Redmi Watch 4) as well. A guard on the module object protects
      // the devices without the module, not those that have it without the method (Watch S3).
      code: "import sensor from '@system.sensor'\nsensor.subscribeCompass({})\nconst s = sensor\ns.subscribeCompass({})\nsensor.subscribePressure({})\nfunction start() {\n  if (!sensor) return\n  sensor.unsubscribeCompass()\n}",
      settings: targetSettings({ targetDevices: ['xiaomi-watch-s3', 'redmi-watch-4'] }),
      errors: [
        {
          messageId: 'unsupported',
          data: {
            api: 'sensor.subscribeCompass',
            devices: 'Xiaomi Watch S3 and Redmi Watch 4',
            targets: 'targets from settings.velakit.targetDevices',
            advice:
              "Feature-detect it (`typeof sensor.subscribeCompass === 'function'`) or drop them from targetDevices.",
          },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 24,
        },
        {
          messageId: 'unsupported',
          data: {
            api: 'sensor.subscribeCompass',
            devices: 'Xiaomi Watch S3 and Redmi Watch 4',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Feature-detect it (`typeof s.subscribeCompass === 'function'`) or drop them from targetDevices.",
          },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 19,
        },
        {
          messageId: 'unsupported',
          data: {
            api: 'sensor.subscribePressure',
            devices: 'Redmi Watch 4',
            targets: 'targets from settings.velakit.targetDevices',
            advice:
              "Feature-detect it (`typeof sensor.subscribePressure === 'function'`) or drop it from targetDevices.",
          },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 25,
        },
        {
          messageId: 'unsupported',
          data: {
            api: 'sensor.unsubscribeCompass',
            devices: 'Xiaomi Watch S3',
            targets: 'targets from settings.velakit.targetDevices',
            advice:
              "Feature-detect it (`typeof sensor.unsubscribeCompass === 'function'`) or drop it from targetDevices.",
          },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 28,
        },
      ],
    },
    {
      // A test of a sibling method protects the devices where it fails (Band 9 has no pressure sensor), not those
      // where it passes and the call still fails (Watch S3 has pressure, not compass).
      code: "import sensor from '@system.sensor'\nif (typeof sensor.subscribePressure === 'function') {\n  sensor.subscribeCompass({})\n}",
      settings: targetSettings({ targetDevices: ['xiaomi-watch-s3', 'xiaomi-band-9'] }),
      errors: [
        {
          messageId: 'unsupported',
          data: {
            api: 'sensor.subscribeCompass',
            devices: 'Xiaomi Watch S3',
            targets: 'targets from settings.velakit.targetDevices',
            advice:
              "Feature-detect it (`typeof sensor.subscribeCompass === 'function'`) or drop it from targetDevices.",
          },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 26,
        },
      ],
    },
    {
      // The same without targetDevices: one short report per call, counting the devices that lack the method.
      code: "import sensor from '@system.sensor'\nimport vibrator from '@system.vibrator'\nsensor.subscribeCompass({})\nvibrator.start({})",
      filename: '/velakit-no-manifest-here/src/page.js',
      errors: [
        {
          messageId: 'unsupportedOnEveryDevice',
          data: {
            api: 'sensor.subscribeCompass',
            count: 8,
            total: 12,
            some: 'Xiaomi S1 Pro Sports Health Watch, Xiaomi Band 8 Pro, Xiaomi Band 9, and 5 more',
            because: 'no manifest.json was found',
            advice:
              "Feature-detect it (`typeof sensor.subscribeCompass === 'function'`) or list the app's devices in targetDevices.",
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 24,
        },
        {
          messageId: 'unsupportedOnEveryDevice',
          data: {
            api: 'vibrator.start',
            count: 11,
            total: 12,
            some: 'Xiaomi S1 Pro Sports Health Watch, Xiaomi Band 8 Pro, Xiaomi Band 9, and 8 more',
            because: 'no manifest.json was found',
            advice:
              "Feature-detect it (`typeof vibrator.start === 'function'`) or list the app's devices in targetDevices.",
          },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 15,
        },
      ],
    },
    {
      // An empty targetDevices: every known device is a target, and the message says why.
      code: "import record from '@system.record'\nrecord.start({})",
      settings: { velakit: { manifest: emptyTargetsDir } },
      errors: [
        {
          messageId: 'unsupportedOnEveryDevice',
          data: {
            api: 'record.start',
            count: recordLacking.length,
            total: deviceIds.length,
            some: `${recordLacking.slice(0, 3).map(deviceName).join(', ')}, and ${recordLacking.length - 3} more`,
            because: `targetDevices in ${join(emptyTargetsDir, 'manifest.json')} names no known device`,
            advice: "Guard it with `app.canIUse('@system.record')` or list the app's devices in targetDevices.",
          },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 13,
        },
      ],
    },
    {
      // minAPILevel "3": the level is unknown (valid-manifest reports the value), not 1, so event.subscribe (level 4)
      // is not judged against it, and the file is told why, once; Watch S5 has the module.
      code: "import event from '@system.event'\nevent.subscribe({ eventName: 'e', callback() {} })\nevent.publish({ eventName: 'e' })",
      settings: { velakit: { manifest: stringLevelDir } },
      errors: [
        {
          messageId: 'minAPILevelProblem',
          data: { problem: unusable(stringLevelDir, 'minAPILevel', 'minAPILevel must be an integer, not a string') },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 34,
        },
      ],
    },
    {
      // targetDevices as a string: not "no targetDevices", but one that cannot be used, said once; every known device
      // is a target, and each report says why.
      code: "import record from '@system.record'\nrecord.start({})",
      settings: { velakit: { manifest: stringTargetsDir } },
      errors: [
        {
          messageId: 'manifestProblem',
          data: {
            problem: unusable(stringTargetsDir, 'targetDevices', 'targetDevices must be an array, not a string'),
          },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 36,
        },
        // Its minAPILevel 4 is used: app.canIUse is the advice.
        onEveryDevice('record', 'start', 2, notAList(stringTargetsDir), true),
      ],
    },
    {
      // Both wrong: each said once, and no API level judged (record is level 1, event.subscribe level 4).
      code: "import record from '@system.record'\nrecord.start({})\nimport event from '@system.event'\nevent.subscribe({ eventName: 'e', callback() {} })",
      settings: { velakit: { manifest: bothWrongDir } },
      errors: [
        {
          messageId: 'manifestProblem',
          data: { problem: unusable(bothWrongDir, 'targetDevices', 'targetDevices must be an array, not a string') },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 36,
        },
        {
          messageId: 'minAPILevelProblem',
          data: { problem: unusable(bothWrongDir, 'minAPILevel', 'minAPILevel must be an integer, not a string') },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 36,
        },
        onEveryDevice('record', 'start', 2, notAList(bothWrongDir)),
        onEveryDevice('event', 'subscribe', 4, notAList(bothWrongDir)),
      ],
    },
    {
      // A broken manifest: one report on the first line, then every known device.
      code: "import record from '@system.record'\nrecord.start({})",
      settings: { velakit: { manifest: brokenDir } },
      errors: [
        { messageId: 'manifestProblem', line: 1, column: 1, endLine: 1, endColumn: 36 },
        { messageId: 'unsupportedOnEveryDevice', line: 2, column: 1, endLine: 2, endColumn: 13 },
      ],
    },
    {
      // Below level 3, a page's this.$canIUse is reported as app.canIUse is, even where it guards the call.
      code: `${fetchImport}export default {\n  onInit() {\n    if (this.$canIUse('@system.fetch')) fetch.fetch({ url: 'u' })\n  },\n  digest() {\n    return (() => !this.$canIUse('@system.crypto'))()\n  },\n}`,
      filename: pageFile,
      settings: band9(1),
      errors: [thisCanIUseLevel(4, 9), thisCanIUseLevel(7, 20)],
    },
    {
      // Where `this` is the page, the advice is the page's this.$canIUse; elsewhere in the file, app.canIUse.
      code: `${fetchImport}export default {\n  onInit() {\n    fetch.fetch({ url: 'u' })\n    setTimeout(function () {\n      fetch.fetch({ url: 'u' })\n    })\n  },\n}\nfunction ping() {\n  fetch.fetch({ url: 'u' })\n}`,
      filename: pageFile,
      settings: band9(3),
      errors: [
        {
          messageId: 'unsupported',
          data: {
            api: 'fetch.fetch',
            devices: 'Xiaomi Band 9',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Guard it with `this.$canIUse('@system.fetch')` or drop it from targetDevices.",
          },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 16,
        },
        {
          messageId: 'unsupported',
          data: {
            api: 'fetch.fetch',
            devices: 'Xiaomi Band 9',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Guard it with `app.canIUse('@system.fetch')` or drop it from targetDevices.",
          },
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 18,
        },
        {
          messageId: 'unsupported',
          data: {
            api: 'fetch.fetch',
            devices: 'Xiaomi Band 9',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Guard it with `app.canIUse('@system.fetch')` or drop it from targetDevices.",
          },
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 14,
        },
      ],
    },
    {
      // A page that imports @system.app already is advised what it uses.
      code: `import app from '@system.app'\n${fetchImport}export default {\n  onInit() {\n    fetch.fetch({ url: 'u' })\n  },\n}`,
      filename: pageFile,
      settings: band9(3),
      errors: [
        {
          messageId: 'unsupported',
          data: {
            api: 'fetch.fetch',
            devices: 'Xiaomi Band 9',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Guard it with `app.canIUse('@system.fetch')` or drop it from targetDevices.",
          },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 16,
        },
      ],
    },
    {
      // this.$canIUse of another API, or of a name velakit cannot read, guards nothing.
      code: `${fetchImport}export default {\n  onInit(name) {\n    if (this.$canIUse('@system.crypto')) fetch.fetch({ url: 'u' })\n    if (this.$canIUse(name)) fetch.fetch({ url: 'u' })\n  },\n}`,
      filename: pageFile,
      settings: band9(3),
      errors: [
        { messageId: 'unsupported', line: 4, column: 42, endLine: 4, endColumn: 53 },
        { messageId: 'unsupported', line: 5, column: 30, endLine: 5, endColumn: 41 },
      ],
    },
  ],
});
