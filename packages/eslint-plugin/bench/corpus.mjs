// @ts-check
// Writes a generated Vela app for the lint benchmark: `.ux` pages and components, `.js` helpers, barrels and a
// manifest, in the shapes public Vela apps use. Most files (about two in three) use `@system.*` modules, the way
// a real app's pages do; the rest are plain helpers and components. Deterministic: a seed gives the same app.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { seededRandom } from '../../../fixtures/support/seeded-random.mjs';
import { appLogic } from './app-logic.mjs';
import { median } from './median-interval.mjs';

const manifest = {
  package: 'com.example.fitness',
  name: 'Fitness',
  icon: '/common/logo.png',
  versionName: '1.4.0',
  versionCode: 14,
  minAPILevel: 2,
  minPlatformVersion: 1200,
  targetDevices: ['xiaomi-watch-s3', 'xiaomi-watch-s4', 'redmi-watch-5'],
  features: [
    'system.router',
    'system.prompt',
    'system.storage',
    'system.fetch',
    'system.request',
    'system.vibrator',
    'system.device',
    'system.sensor',
    'system.file',
  ].map((name) => ({ name })),
  config: { logLevel: 'log', designWidth: 466 },
  // Every page the sources navigate to is declared, as in a real app (`/pages/detail`: see the page shape).
  router: {
    entry: 'pages/index',
    pages: { 'pages/index': { component: 'index' }, 'pages/detail': { component: 'index' } },
  },
  deviceTypeList: ['watch'],
};

// Each shape takes (i, pick) and returns the file's text. `pick(array)` chooses deterministically, so files of one
// shape still differ in names, import styles and guards.

/** @typedef {<T>(array: readonly T[]) => T} Pick */

/** @type {((name: string, local: string) => string)[]} */
const importStyles = [
  (name, local) => `import ${local} from '@system.${name}'`,
  (name, local) => `const ${local} = require('@system.${name}')`,
];

/** @param {number} i @param {Pick} pick */
function networkJs(i, pick) {
  const imp = pick(importStyles);
  const guard = pick(['typeof', 'truthy', 'try', 'none']);
  const fetchCall = `fetch.fetch({
    url: base + '/sessions/${i}',
    method: '${pick(['GET', 'POST'])}',
    responseType: 'json',
    success(response) { done(null, response.data) },
    fail(message, code) { done(new Error(\`fetch failed (\${code}): \${message}\`)) },
  })`;
  const guarded =
    guard === 'typeof'
      ? `if (typeof fetch.fetch !== 'function') return done(new Error('no network'))\n  ${fetchCall}`
      : guard === 'truthy'
        ? `if (fetch && fetch.fetch) {\n    ${fetchCall}\n  }`
        : guard === 'try'
          ? `try {\n    ${fetchCall}\n  } catch (error) {\n    done(error)\n  }`
          : fetchCall;
  return `${imp('fetch', 'fetch')}
${imp('request', 'request')}

const base = 'https://api.example.com/v${(i % 3) + 1}'

export function loadSession${i}(done) {
  ${guarded}
}

export function fetchPromise${i}(id) {
  return fetch.fetch({ url: base + '/items/' + id, responseType: 'text' }).then((res) => res.data)
}

export function downloadFace${i}(name, done) {
  request.download({
    url: base + '/faces/' + name,
    filename: 'internal://files/faces/' + name,
    success({ token }) {
      request.onDownloadComplete({
        token,
        success: (result) => done(null, result.uri),
        fail: (message, code) => done({ message, code }),
      })
    },
    fail: (message, code) => done({ message, code }),
  })
}
${i % 17 === 0 ? `\nexport function broken${i}() {\n  fetch.fetch({ headers: { a: 'b' } })\n}\n` : ''}`;
}

/** @param {number} i @param {Pick} pick */
function storageJs(i, pick) {
  const imp = pick(importStyles);
  return `${imp('storage', 'storage')}
${imp('file', 'file')}

const key = 'settings-${i}'

export function readSettings${i}() {
  return new Promise((resolve) => {
    storage.get({
      key,
      default: '{}',
      success: (value) => resolve(JSON.parse(value || '{}')),
      fail: () => resolve({}),
    })
  })
}

export function saveSettings${i}(settings) {
  storage.set({ key, value: JSON.stringify(settings) })
}

export function appendLog${i}(line) {
  file.writeText({ uri: 'internal://files/log-${i}.txt', text: line + '\\n', append: true })
}
`;
}

/** @param {number} i @param {Pick} pick */
function sensorJs(i, pick) {
  const guard = pick(['typeof-return', 'optional', 'and-chain']);
  const body =
    guard === 'typeof-return'
      ? `if (!sensor || typeof sensor.subscribeAccelerometer !== 'function') return false
  sensor.subscribeAccelerometer({ callback: (data) => onSample(data.x, data.y, data.z) })
  return true`
      : guard === 'optional'
        ? `sensor.subscribeAccelerometer?.({ callback: (data) => onSample(data.x, data.y, data.z) })
  return true`
        : `sensor && sensor.subscribeAccelerometer && sensor.subscribeAccelerometer({ callback: (data) => onSample(data.x, data.y, data.z) })
  return true`;
  return `import sensor from '@system.sensor'
import vibrator from '@system.vibrator'

let steps${i} = 0

export function startCounting${i}(onSample) {
  ${body}
}

export function celebrate${i}() {
  steps${i} += 1
  vibrator.vibrate({ mode: '${pick(['short', 'long'])}' })
}
`;
}

/** @param {number} i */
function barrelJs(i) {
  return `import fetch from '@system.fetch'
import storage from '@system.storage'
import prompt from '@system.prompt'

export { fetch, storage, prompt }

export function toast${i}(message) {
  prompt.showToast({ message, duration: 1 })
}
`;
}

/** @param {number} i */
function barrelUserJs(i) {
  return `import { fetch, storage } from './barrel-${i - (i % 10)}.js'

export function sync${i}() {
  storage.get({
    key: 'token',
    success(token) {
      fetch.fetch({ url: 'https://api.example.com/sync?token=' + token, method: 'POST', data: { i: ${i} } })
    },
  })
}
`;
}

/** @param {number} i @param {Pick} pick */
function plainJs(i, pick) {
  const shape = pick(['format', 'store', 'math']);
  if (shape === 'format')
    return `// Formatting helpers for the watch face (${i}).
export function pad${i}(value, width = 2) {
  const text = String(value)
  return text.length >= width ? text : '0'.repeat(width - text.length) + text
}

export function duration${i}(seconds) {
  const parts = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60]
  return parts.map((part) => pad${i}(part)).join(':')
}

export function pace${i}(meters, seconds) {
  if (meters <= 0) return '--'
  const perKm = seconds / (meters / 1000)
  return \`\${Math.floor(perKm / 60)}'\${pad${i}(Math.round(perKm % 60))}"\`
}
`;
  if (shape === 'store')
    return `// A tiny event store shared by pages (${i}).
export class Store${i} {
  constructor(initial = {}) {
    this.state = { ...initial }
    this.listeners = new Set()
  }
  subscribe(listener) {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  set(patch) {
    this.state = { ...this.state, ...patch }
    for (const listener of this.listeners) listener(this.state)
  }
}

export const store${i} = new Store${i}({ count: 0 })
`;
  return `// Heart-rate zones (${i}).
const zones = [
  { name: 'rest', max: 100 },
  { name: 'fat burn', max: 130 },
  { name: 'cardio', max: 160 },
  { name: 'peak', max: 220 },
]

export function zoneOf${i}(rate) {
  return zones.find((zone) => rate <= zone.max) ?? zones[zones.length - 1]
}

export function average${i}(samples) {
  let total = 0
  for (const sample of samples) total += sample
  return samples.length ? total / samples.length : 0${i % 29 === 0 ? '\n  debugger' : ''}
}
`;
}

/** @param {number} i @param {Pick} pick */
function pageUx(i, pick) {
  const importTag = pick([
    `<import name="header-bar" src="../../components/header-bar/index"></import>\n`,
    `<import name="header-bar" src="../../components/header-bar/index" />\n`,
    '',
  ]);
  const upload = pick([true, false, false]);
  return `${importTag}<template>
  <div class="page">
    <text class="title">{{ title }}</text>
    <list class="list">
      <list-item for="{{ items }}" type="row"><text>{{ $item.name }}</text></list-item>
    </list>
    <input type="button" value="Sync" onclick="sync" />
  </div>
</template>

<script>
import router from '@system.router'
import prompt from '@system.prompt'
import fetch from '@system.fetch'
${upload ? "import uploadtask from '@system.uploadtask'\n" : ''}import * as util from '../../common/plain-${i - (i % 10)}.js'

export default {
  private: { title: 'Page ${i}', items: [], elapsed: 0 },
  onInit() {
    this.title = util ? 'Page ${i}' : ''
  },
  onShow() {
    this.load()
  },
  load() {
    fetch.fetch({
      url: 'https://api.example.com/list/${i}',
      responseType: 'json',
      success: (res) => { this.items = res.data.items || [] },
      fail: (message) => prompt.showToast({ message }),
    })
  },
  sync() {
${
  upload
    ? `    uploadtask.uploadFile({
      url: 'https://api.example.com/upload',
      filePath: 'internal://files/log.txt',
      name: 'log',
      success: () => prompt.showToast({ message: 'uploaded' }),
    })`
    : `    prompt.showToast({ message: 'synced' })`
}
  },
  openDetail(id) {
    router.push({ uri: '/pages/detail', params: { id } })
  },
}
</script>

<style>
.page { flex-direction: column; align-items: center; }
.title { font-size: 32px; }
</style>
`;
}

/** @param {number} i */
function componentUx(i) {
  return `<template>
  <div class="bar">
    <text class="label">{{ label }}</text>
  </div>
</template>

<script>
export default {
  props: ['label'],
  data: { pressed: false, index: ${i} },
  onTap() {
    this.pressed = !this.pressed
    this.$emit('tap', { index: this.index })
  },
}
</script>

<style>
.bar { height: 60px; }
</style>
`;
}

/**
 * How long each kind of file's script is, in characters (a `.ux` file's `<script>` block, a `.js` file whole), as three
 * sizes a file picks from: the lower quartile, median and upper quartile of the files of that kind in public Vela watch
 * apps (bench/README.md, "The corpus"), measured there in UTF-8 bytes and taken here at 0.91 characters per byte, the
 * ratio over those apps' helpers (Chinese comments and strings). A file whose Vela calls alone are longer keeps them as
 * they are. No public Vela app surveyed writes components of its own: they get the sizes of an `app.ux` script, the
 * smallest kind. Barrels keep their re-exports alone.
 */
export const scriptCharacters = {
  page: [369, 2775, 5282],
  helper: [1978, 2441, 4114],
  component: [204, 722, 940],
};

/** The same survey's script per Vela call (`scriptPerVelaCall`), for the bench to print beside the corpus' own. */
export const publicAppsPerVelaCall =
  'public Vela watch apps: about 870–1,000 characters, 950–1,090 bytes; per file 509 bytes';

/** The text ESLint lints of a corpus file: a `.ux` file's script block, a `.js` file whole. */
export function scriptOf(/** @type {string} */ path, /** @type {string} */ text) {
  if (!path.endsWith('.ux')) return text;
  return text.slice(text.indexOf('<script>') + '<script>'.length, text.indexOf('</script>'));
}

/**
 * Writes a generated app with `count` source files under `dir/src`, and returns what it wrote, relative to `dir`: the
 * files that import a `@system.*` module (`system`), the files that use Vela APIs only through a barrel
 * (`barrelUsers`: no `@system` string of their own) and the files that use none (`plain`).
 * With `logic: 'none'` every file holds its Vela calls alone, at the same lines: the same reports, over a fraction of
 * the code.
 * @param {string} dir
 * @param {number} count
 * @param {{ seed?: number, logic?: 'app' | 'none' }} [options]
 * @returns {{ system: string[], barrelUsers: string[], plain: string[] }}
 */
export function writeCorpus(dir, count, { seed = 20261126, logic = 'app' } = {}) {
  const next = seededRandom(seed);
  // The logic has its own numbers, so that both corpora pick the same shapes, guards and import styles.
  const nextForLogic = seededRandom(seed ^ 0x5eed);
  /** @type {Pick} */
  const pick = (array) => /** @type {typeof array[number]} */ (array[Math.floor(next() * array.length)]);
  /**
   * The file with the code around its Vela calls: methods at the end of a page's exported object and functions after
   * it, functions at the end of a helper. Every line of the Vela calls stays where it was.
   * @param {number} i @param {string} relative @param {string} text @param {keyof typeof scriptCharacters | undefined} kind
   */
  const withLogic = (i, relative, text, kind) => {
    if (logic === 'none' || kind === undefined) return text;
    const sizes = scriptCharacters[kind];
    const target = /** @type {number} */ (sizes[Math.floor(nextForLogic() * sizes.length)]);
    const ux = relative.endsWith('.ux');
    const added = appLogic(i, nextForLogic, target - scriptOf(relative, text).length, ux);
    if (!ux) return text + added.functions;
    const objectEnd = text.lastIndexOf('}\n</script>');
    return `${text.slice(0, objectEnd)}${added.methods}}\n${added.functions}</script>${text.slice(objectEnd + '}\n</script>'.length)}`;
  };
  /** @type {{ system: string[], barrelUsers: string[], plain: string[] }} */
  const written = { system: [], barrelUsers: [], plain: [] };
  /**
   * @param {number} i @param {string} relative @param {string} text @param {keyof typeof written} kind
   * @param {keyof typeof scriptCharacters} [size] the kind of file whose size it takes (none: as written)
   */
  const write = (i, relative, text, kind, size) => {
    const path = join(dir, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, withLogic(i, relative, text, size));
    written[kind].push(relative);
  };
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'src', 'manifest.json'), JSON.stringify(manifest, null, 2));
  // One slot in ten of each kind: 3 pages, 1 component, 1 network, 1 storage, 1 sensor, 1 barrel, 1 barrel user,
  // 1 plain helper — 7 of 10 files use @system modules.
  for (let i = 0; i < count; i++) {
    const slot = i % 10;
    if (slot <= 2) write(i, `src/pages/p${i}/index.ux`, pageUx(i, pick), 'system', 'page');
    else if (slot === 3) write(i, `src/components/c${i}/index.ux`, componentUx(i), 'plain', 'component');
    else if (slot === 4) write(i, `src/common/network-${i}.js`, networkJs(i, pick), 'system', 'helper');
    else if (slot === 5) write(i, `src/common/storage-${i}.js`, storageJs(i, pick), 'system', 'helper');
    else if (slot === 6) write(i, `src/common/sensor-${i}.js`, sensorJs(i, pick), 'system', 'helper');
    else if (slot === 7) write(i, `src/common/barrel-${i - 7}.js`, barrelJs(i), 'system');
    else if (slot === 8) write(i, `src/common/barrel-user-${i}.js`, barrelUserJs(i), 'barrelUsers', 'helper');
    else write(i, `src/common/plain-${i - 9}.js`, plainJs(i, pick), 'plain', 'helper');
  }
  return written;
}

/** Calls on the modules the corpus imports (`fetch.fetch(`, `sensor.subscribeAccelerometer?.(`): its Vela call sites. */
const velaCall = /\b(?:fetch|request|prompt|router|storage|file|sensor|vibrator|uploadtask)\.\w+\s*(?:\?\.)?\(/gu;

/**
 * How much script a Vela call comes with in the files that import `@system.*` modules: pooled (their script
 * characters over their call sites) and the median of the files' own ratios, as bench/README.md gives them for public
 * Vela apps.
 * @param {string} dir
 * @param {readonly string[]} system the files importing `@system.*` (`writeCorpus(...).system`)
 * @returns {{ pooled: number, median: number }}
 */
export function scriptPerVelaCall(dir, system) {
  let characters = 0;
  let calls = 0;
  /** @type {number[]} */
  const ratios = [];
  for (const relative of system) {
    const script = scriptOf(relative, readFileSync(join(dir, relative), 'utf8'));
    const count = script.match(velaCall)?.length ?? 0;
    characters += script.length;
    calls += count;
    if (count > 0) ratios.push(script.length / count);
  }
  return { pooled: characters / calls, median: median(ratios) };
}
