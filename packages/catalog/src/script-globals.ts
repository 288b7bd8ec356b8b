import type { ScriptGlobal } from './types.js';

const scriptGuide = 'https://iot.mi.com/vela/quickapp/zh/guide/framework/script/index.html';
const lifecycleGuide = 'https://iot.mi.com/vela/quickapp/zh/guide/framework/script/lifecycle.html';
const grammar = 'https://iot.mi.com/vela/quickapp/zh/features/grammar.html';

/**
 * The globals of the Vela script environment: names every `.ux` script and `.js`/`.ts` file of an app may use without
 * declaring them. Beyond the ECMAScript built-ins, which every JavaScript engine has, this is all: the environment is
 * neither a browser nor Node (the script guide says not to use Node's modules), so `window`, `document`,
 * `localStorage`, `process`, `Buffer` and `__dirname` are not here, and a use of one is an error a linter should report.
 * ESLint configs declare these (`languageOptions.globals`); `global` is also declared by the typings
 * (`packages/types/framework.d.ts`), and a test keeps the two in agreement.
 */
export const scriptGlobals: readonly ScriptGlobal[] = [
  {
    name: 'console',
    readonly: true,
    description:
      "The app's log: `console.log`, `console.info` and the other levels, kept as the manifest's `config.logLevel` allows.",
    source: { kind: 'docs', docUrl: scriptGuide, note: 'The examples of the script and lifecycle guides log with it.' },
  },
  {
    name: 'setTimeout',
    readonly: true,
    description:
      'Calls a function once after a delay; the timer belongs to the page and never fires after the page is destroyed.',
    source: {
      kind: 'docs',
      docUrl: lifecycleGuide,
      note: "The lifecycle guide's onDestroy example starts one and says such timers are bound to the page.",
    },
  },
  {
    name: 'clearTimeout',
    readonly: true,
    description: 'Cancels a timer that `setTimeout` started.',
    source: {
      kind: 'docs',
      docUrl: lifecycleGuide,
      note: 'Comes with `setTimeout`, whose timers the lifecycle guide binds to the page; no docs example calls it.',
    },
  },
  {
    name: 'setInterval',
    readonly: true,
    description: 'Calls a function repeatedly at an interval, until `clearInterval` or the end of the page.',
    source: {
      kind: 'docs',
      docUrl: lifecycleGuide,
      note: 'The lifecycle guide binds `setTimeout` and timers like it to the page; no docs example calls this one.',
    },
  },
  {
    name: 'clearInterval',
    readonly: true,
    description: 'Stops a timer that `setInterval` started.',
    source: {
      kind: 'docs',
      docUrl: lifecycleGuide,
      note: 'Comes with `setInterval`, a timer the lifecycle guide binds to the page; no docs example calls it.',
    },
  },
  {
    name: 'require',
    readonly: true,
    description: "Loads a module: `require('@system.fetch')` gives the module object, as a default import does.",
    source: {
      kind: 'docs',
      docUrl: grammar,
      note: "The API grammar page gives `require('@system.network')` as the other way to import a module.",
    },
  },
  {
    name: 'global',
    readonly: true,
    description:
      "The global object of the app's JavaScript context, shared by every page (the same object as `globalThis`).",
    source: {
      kind: 'published-apps',
      note: 'Published apps keep app-wide state on it (`global.sessionStart = Date.now()` in `app.ux`).',
    },
  },
  {
    name: 'module',
    readonly: true,
    description:
      "A `.js` file's CommonJS module object: what the file sets as `module.exports` is what `require` of it gives.",
    source: {
      kind: 'published-apps',
      note: "Helpers and barrels of published apps export this way (`module.exports = { fetch: require('@system.fetch') }`).",
    },
  },
  {
    name: 'exports',
    readonly: false,
    description: "A `.js` file's CommonJS exports object, `module.exports` until the file assigns another.",
    source: {
      kind: 'published-apps',
      note: 'Helpers of published apps add to it (`exports.format = ...`) or rebind it (`exports = module.exports = ...`).',
    },
  },
];
