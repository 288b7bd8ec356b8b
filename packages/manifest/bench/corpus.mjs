// @ts-check
// The bench corpus: generated, seeded (the same files every run), varied the way a monorepo of real apps varies.
// See README.md in this folder for what it holds and why.
import { devices, modules } from '@velakit/catalog';
import { seededRandom } from '../../../fixtures/support/seeded-random.mjs';

const deviceIds = devices.map((device) => device.id);
// Features that need no more than minAPILevel 1 and whose support is documented on every target is not required:
// unsupported-feature is a warning, so it does not change which files are flagged.
const featureNames = modules.map((module) => module.name);
const apiLevelOf = new Map(modules.map((module) => [module.name, module.apiLevel]));
const backgroundNames = modules.filter((module) => module.background).map((module) => module.name);
const logLevels = ['off', 'error', 'warn', 'info', 'log', 'debug'];
const layouts = [2, 2, 2, 4, '\t', 0]; // most files pretty-printed with two spaces, some with four or tabs, some minified

/**
 * Problems the JSON Schema itself rejects, so ajv-cli and velakit-manifest must flag exactly the same files (the
 * platform checks only add warnings on this corpus, or errors where the schema also fails).
 */
/** @typedef {Record<string, any>} Manifest a manifest being built (any: a problem may break its shape on purpose) */
/** @type {((m: Manifest) => unknown)[]} */
const problems = [
  (m) => (m.config.logLevel = 'verbose'), // enum
  (m) => m.targetDevices?.push('redmi-watch-9') ?? (m.targetDevices = ['redmi-watch-9']), // unknown device id (enum)
  (m) => delete m.icon, // required
  (m) => (m.versionCode = String(m.versionCode)), // type
  (m) => (m.minAPILevel = 0), // minimum
  (m) => (m.router.pages[Object.keys(m.router.pages)[0] ?? ''].launchMode = 'singletask'), // enum, a did-you-mean
  (m) => (m.name = ''), // minLength
];

/**
 * Manifest number `i`: about one in ten has one problem.
 * @param {number} i
 * @param {number} [seed]
 * @returns {string}
 */
export function manifest(i, seed = 20_261_126) {
  const next = seededRandom(seed + i * 7919);
  /**
   * @template T
   * @param {readonly T[]} list
   * @returns {T}
   */
  const pick = (list) => /** @type {T} */ (list[Math.floor(next() * list.length)]);
  const pageCount = 1 + Math.floor(next() ** 2 * 12);
  /** @type {Record<string, Manifest>} */
  const pages = {};
  for (let p = 0; p < pageCount; p++) {
    /** @type {Manifest} */
    const page = { component: pick(['index', 'detail', 'list', 'settings']) };
    if (next() < 0.3) page.path = `/p${p}`;
    if (next() < 0.2) page.launchMode = pick(['standard', 'singleTask']);
    pages[p === 0 ? 'pages/index' : `pages/page${p}`] = page;
  }
  /** @type {Manifest[]} */
  const features = [];
  for (let f = Math.floor(next() * 9); f > 0; f--) {
    const name = pick(featureNames);
    if (!features.some((feature) => feature.name === name))
      features.push(next() < 0.1 ? { name, params: { scope: 'app' } } : { name });
  }
  const level = Math.max(1, ...features.map((feature) => apiLevelOf.get(feature.name) ?? 1));
  /** @type {Manifest} */
  const m = {
    package: `com.example.app${i}`,
    name: `App ${i}`,
    versionName: `1.${i % 10}.${i % 7}`,
    versionCode: 1 + (i % 50),
    icon: '/common/logo.png',
  };
  if (level > 1 || next() < 0.5) m.minAPILevel = level + (next() < 0.2 ? 1 : 0);
  if (next() < 0.4) m.minPlatformVersion = pick([1000, 1100, 1200]);
  if (next() < 0.6) m.deviceTypeList = ['watch'];
  if (next() < 0.85) {
    m.targetDevices = [];
    for (let d = 1 + Math.floor(next() * 4); d > 0; d--) {
      const id = pick(deviceIds);
      if (!m.targetDevices.includes(id)) m.targetDevices.push(id);
    }
  }
  m.features = features;
  if (next() < 0.3) m.permissions = [{ name: 'hapjs.permission.LOCATION' }];
  m.config = { logLevel: pick(logLevels) };
  if (next() < 0.5) m.config.designWidth = pick([466, 480, 336, 'device-width']);
  const background = features.map((feature) => feature.name).filter((name) => backgroundNames.includes(name));
  if (background.length > 0 && next() < 0.5) m.config.background = { features: background };
  m.router = { entry: 'pages/index', pages };
  if (next() < 0.5) m.display = { backgroundColor: pick(['#000000', '#101010', '#ffffff']) };
  if (next() < 0.2) m.packageInfo = { builtBy: 'aiot-toolkit', time: 1_700_000_000 + i };
  const problem = next() < 0.1 ? pick(problems) : undefined;
  problem?.(m);
  const text = JSON.stringify(m, null, pick(layouts));
  return `${next() < 0.1 ? text.replace(/\n/gu, '\r\n') : text}\n`;
}

/**
 * One manifest whose router has `count` pages, each with a launchMode the schema rejects: `count` diagnostics.
 * @param {number} count
 */
export function manyPages(count) {
  /** @type {Record<string, Manifest>} */
  const pages = {};
  for (let p = 0; p < count; p++) pages[`pages/page${p}`] = { component: 'index', launchMode: 'bogus' };
  return `${JSON.stringify({ package: 'com.example.big', name: 'Big', icon: '/common/logo.png', versionCode: 1, config: {}, router: { entry: 'pages/page0', pages } }, null, 2)}\n`;
}
