import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilesConditionally } from './conditional-compilation.js';
import rule from '../no-unsupported-api.js';
import { createRuleTester, targetSettings } from '../test-utils/rule-tester.js';
import { makeTree } from '../test-utils/tree.js';

// Conditional compilation (`// if true: <condition>` … `// endif`), through no-unsupported-api. The targets mix
// screens: Xiaomi Watch S4 (round, has @system.fetch), Redmi Watch 4 (rect, lacks it) and, where said, Xiaomi Band 9
// (pill-shaped, lacks it). A fetch call is therefore unsupported only on the non-round devices.
const fetchImport = "import fetch from '@system.fetch'\n";
const call = "fetch.fetch({ url: 'u' })";
const roundAndRect = targetSettings({ targetDevices: ['xiaomi-watch-s4', 'redmi-watch-4'], minAPILevel: 1 });
const withPill = targetSettings({
  targetDevices: ['xiaomi-watch-s4', 'redmi-watch-4', 'xiaomi-band-9'],
  minAPILevel: 1,
});
const block = (condition: string, body = call): string => `${fetchImport}// if true: ${condition}\n${body}\n// endif\n`;
const fromSettings = 'targets from settings.velakit.targetDevices';
const noEffectInTs = (condition: string) =>
  `; \`if true: ${condition}\` has no effect in a .ts file, Vela's build compiles conditionally only .ux and .js`;
const advice = (n: number) =>
  `Feature-detect it (\`typeof fetch.fetch === 'function'\`) or drop ${n > 1 ? 'them' : 'it'} from targetDevices.`;

/** One `unsupported` error for fetch.fetch at a line starting at `column` (the callee is 11 characters). */
const at = (line: number, column: number, devices: string, targets: string, lacking = 1) => ({
  messageId: 'unsupported' as const,
  data: { api: 'fetch.fetch', devices, targets, advice: advice(lacking) },
  line,
  column,
  endLine: line,
  endColumn: column + 11,
});

// The same round + rect target list, from a manifest on disk instead of settings.
const app = makeTree({
  'src/manifest.json': JSON.stringify({
    package: 'com.example.shapes',
    name: 'Shapes',
    versionName: '1.0.0',
    versionCode: 1,
    minAPILevel: 1,
    deviceTypeList: ['watch'],
    targetDevices: ['xiaomi-watch-s4', 'redmi-watch-4'],
    features: [{ name: 'system.fetch' }],
    config: { logLevel: 'log', designWidth: 466 },
    router: { entry: 'pages/index', pages: { 'pages/index': { component: 'index' } } },
  }),
  'src/pages/index/index.js': '',
});
const pageFile = join(app, 'src/pages/index/index.js');

// The build compiles conditionally only `.ux` and `.js` files, so these cases are `.js` (the tester's default is `.ts`).
const inJs = <T extends { filename?: string }>(cases: T[]): T[] => cases.map((c) => ({ filename: 'page.js', ...c }));

createRuleTester().run('conditional compilation', rule, {
  valid: inJs([
    // A call unsupported only on the rect device is silent where only round devices are kept.
    { code: block("process.env.SHAPE === 'CIRCLE'"), settings: roundAndRect },
    { code: block('process.env.SHAPE == "CIRCLE"'), settings: roundAndRect },
    { code: block("'CIRCLE' === process.env.SHAPE"), settings: roundAndRect },
    { code: block("process.env.SHAPE !== 'RECT'"), settings: roundAndRect },
    { code: block("!(process.env.SHAPE === 'RECT')"), settings: roundAndRect },
    {
      code: `${fetchImport}/* if true: process.env.SHAPE === 'CIRCLE' */\n${call}\n/* endif */`,
      settings: roundAndRect,
    },
    { code: block("process.env.SHAPE === 'CIRCLE' && process.env.DEVICE_TYPE === 'WATCH'"), settings: roundAndRect },
    { code: block("process.env.SHAPE === 'CIRCLE' || process.env.SHAPE === 'ROUND'"), settings: roundAndRect },
    // Pill-shaped blocks keep no device of a round + rect list: nothing is left to lack the API.
    { code: block("process.env.SHAPE === 'PILL-SHAPED'"), settings: roundAndRect },
    // Nested blocks narrow further: a RECT block inside a CIRCLE block keeps nothing.
    {
      code: `${fetchImport}// if true: process.env.SHAPE === 'CIRCLE'\n// if true: process.env.DEVICE_TYPE === 'WATCH'\n${call}\n// endif\n// endif`,
      settings: roundAndRect,
    },
    // An `if` with no `endif` runs to the end of the file.
    { code: `${fetchImport}// if true: process.env.SHAPE === 'CIRCLE'\n${call}`, settings: roundAndRect },
    // A condition velakit cannot evaluate leaves the targets unknown: silent.
    { code: block("process.env.BRAND === 'xiaomi'"), settings: roundAndRect },
    { code: block("process.env.SHAPE === 'HEXAGON'"), settings: roundAndRect },
    { code: block("process.env.DEVICE_TYPE === 'PHONE'"), settings: roundAndRect },
    { code: block("process.env.SHAPE.startsWith('C')"), settings: roundAndRect },
    { code: block("process.env.SHAPE === 'CIRCLE' &&"), settings: roundAndRect },
    { code: block("(process.env.SHAPE === 'CIRCLE'"), settings: roundAndRect },
    // The manifest's targets are narrowed the same way.
    { code: block("process.env.SHAPE === 'CIRCLE'"), filename: pageFile },
    // `.mjs` and `.cjs` are JavaScript too.
    { code: block("process.env.SHAPE === 'CIRCLE'"), settings: roundAndRect, filename: 'page.mjs' },
    { code: block("process.env.SHAPE === 'CIRCLE'"), settings: roundAndRect, filename: 'page.cjs' },
  ]),
  invalid: inJs([
    // Outside any block: every target, so the rect device is reported.
    { code: `${fetchImport}${call}`, settings: roundAndRect, errors: [at(2, 1, 'Redmi Watch 4', fromSettings)] },
    // After the endif, and before the if: the block does not reach there.
    {
      code: `${fetchImport}${call}\n// if true: process.env.SHAPE === 'CIRCLE'\n${call}\n// endif\n${call}`,
      settings: roundAndRect,
      errors: [at(2, 1, 'Redmi Watch 4', fromSettings), at(6, 1, 'Redmi Watch 4', fromSettings)],
    },
    // RECT keeps the rect device; the message says which condition kept it.
    {
      code: block("process.env.SHAPE === 'RECT'"),
      settings: roundAndRect,
      errors: [at(3, 1, 'Redmi Watch 4', `${fromSettings} kept by \`if true: process.env.SHAPE === 'RECT'\``)],
    },
    // CIRCLE negated keeps every non-round device.
    {
      code: block("process.env.SHAPE !== 'CIRCLE'"),
      settings: withPill,
      errors: [
        at(
          3,
          1,
          'Redmi Watch 4 and Xiaomi Band 9',
          `${fromSettings} kept by \`if true: process.env.SHAPE !== 'CIRCLE'\``,
          2,
        ),
      ],
    },
    // PILL-SHAPED keeps only the band.
    {
      code: block("process.env.SHAPE === 'PILL-SHAPED'"),
      settings: withPill,
      errors: [at(3, 1, 'Xiaomi Band 9', `${fromSettings} kept by \`if true: process.env.SHAPE === 'PILL-SHAPED'\``)],
    },
    // DEVICE_TYPE WATCH keeps every device (bands are WATCH too).
    {
      code: block("process.env.DEVICE_TYPE === 'WATCH'"),
      settings: withPill,
      errors: [
        at(
          3,
          1,
          'Redmi Watch 4 and Xiaomi Band 9',
          `${fromSettings} kept by \`if true: process.env.DEVICE_TYPE === 'WATCH'\``,
          2,
        ),
      ],
    },
    // An evaluable inner block inside another: the innermost condition is named.
    {
      code: `${fetchImport}// if true: process.env.DEVICE_TYPE === 'WATCH'\n// if true: process.env.SHAPE === 'RECT'\n  ${call}\n// endif\n// endif`,
      settings: roundAndRect,
      errors: [at(4, 3, 'Redmi Watch 4', `${fromSettings} kept by \`if true: process.env.SHAPE === 'RECT'\``)],
    },
    // A code line commented `if true` without the comment form is no block.
    {
      code: `${fetchImport}const s = "// if true: process.env.SHAPE === 'CIRCLE'"\n${call}\n// endif`,
      settings: roundAndRect,
      errors: [at(3, 1, 'Redmi Watch 4', fromSettings)],
    },
    // From the manifest: outside the block reported, inside the CIRCLE block silent.
    {
      code: `${block("process.env.SHAPE === 'CIRCLE'")}${call}`,
      filename: pageFile,
      // (The message names the manifest relative to ESLint's cwd; the settings cases check the wording.)
      errors: [{ messageId: 'unsupported', line: 5, column: 1, endLine: 5, endColumn: 12 }],
    },
    // In a `.ts` file the comments are plain comments: the block is built for every target, and the message says so.
    {
      code: block("process.env.SHAPE === 'CIRCLE'"),
      settings: roundAndRect,
      filename: 'page.ts',
      errors: [at(3, 1, 'Redmi Watch 4', `${fromSettings}${noEffectInTs("process.env.SHAPE === 'CIRCLE'")}`)],
    },
    // Nested in `.ts`: the innermost block is named; a condition velakit cannot evaluate silences nothing there.
    {
      code: `${fetchImport}// if true: process.env.BRAND === 'x'\n// if true: process.env.SHAPE === 'CIRCLE'\n${call}\n// endif\n// endif`,
      settings: roundAndRect,
      filename: 'src/common/shapes.mts',
      errors: [at(4, 1, 'Redmi Watch 4', `${fromSettings}${noEffectInTs("process.env.SHAPE === 'CIRCLE'")}`)],
    },
    // Outside the block in `.ts`: no note.
    {
      code: `${block("process.env.SHAPE === 'CIRCLE'")}${call}`,
      settings: roundAndRect,
      filename: 'page.ts',
      errors: [
        at(3, 1, 'Redmi Watch 4', `${fromSettings}${noEffectInTs("process.env.SHAPE === 'CIRCLE'")}`),
        at(5, 1, 'Redmi Watch 4', fromSettings),
      ],
    },
  ]),
});

describe('compilesConditionally', () => {
  it('is true for the file types Vela builds conditionally and false for TypeScript', () => {
    for (const name of ['a/index.ux', 'a/util.js', 'A/UTIL.JS', 'a/x.mjs', 'a/x.cjs'])
      expect(compilesConditionally(name), name).toBe(true);
    for (const name of ['a/util.ts', 'a/x.mts', 'a/x.cts', 'a/x.tsx', 'a/ux', 'a/x.json'])
      expect(compilesConditionally(name), name).toBe(false);
  });
});
