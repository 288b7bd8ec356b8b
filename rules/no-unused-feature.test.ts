import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createJsonRuleTester } from './test-utils/json-rule-tester.js';
import rule from './no-unused-feature.js';

/** A small app whose sources use @system.request (a .ux import), @system.fetch (require in .js) and @system.record (canIUse). */
function makeApp(): string {
  const root = mkdtempSync(join(tmpdir(), 'velakit-unused-'));
  const write = (path: string, text: string): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write(
    'src/pages/index/index.ux',
    "<template><div></div></template>\n<script>\nimport request from '@system.request'\n</script>\n",
  );
  write('src/common/net.js', 'const fetch = require("@system.fetch")\n');
  write('src/common/guard.ts', 'if (app.canIUse(`@system.record`)) {}\n');
  // Dependencies are not the app's source, nor are comments, type-only imports or other files.
  write('src/node_modules/lib/index.js', "require('@system.battery')\n");
  write('src/common/util.js', "// battery readout removed: '@system.battery' is not on Band 9\n");
  write('src/types/index.ts', "import type { UploadTask } from '@system.uploadtask'\n");
  write('src/notes.txt', "'@system.crypto'\n");
  // Under src/, a page folder named `dist` is source; build output beside src/ is not scanned.
  write('src/pages/dist/index.ux', "<script>\nimport sensor from '@system.sensor'\n</script>\n");
  write('dist/app.js', "require('@system.geolocation')\n");
  return join(root, 'src', 'manifest.json');
}

/** An app with its manifest at the project root: dist/ and build/ beside src/ are its build output. */
function makeRootApp(): string {
  const root = mkdtempSync(join(tmpdir(), 'velakit-unused-root-'));
  for (const [path, text] of Object.entries({
    'src/pages/build/index.ux': "<script>\nimport request from '@system.request'\n</script>\n",
    'dist/app.js': "require('@system.geolocation')\n",
    'build/app.js': "require('@system.battery')\n",
  })) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return join(root, 'manifest.json');
}

const manifestPath = makeApp();
const rootManifestPath = makeRootApp();
/** A manifest with no source file beside it. */
const loneManifestPath = join(mkdtempSync(join(tmpdir(), 'velakit-unused-lone-')), 'manifest.json');
const features = (names: string[]): string =>
  `{\n  "features": [\n${names.map((name) => `    { "name": "${name}" }`).join(',\n')}\n  ]\n}`;

createJsonRuleTester().run('no-unused-feature', rule, {
  valid: [
    { code: features(['system.request', 'system.fetch', 'system.record', 'system.sensor']), filename: manifestPath },
    { code: features(['system.request']), filename: rootManifestPath },
    // Unknown names are valid-manifest's to report, and so are names that are not feature names at all: "@system.battery"
    // declares nothing (valid-manifest suggests "system.battery"), so it is not reported as an unused declaration.
    { code: features(['system.request', 'system.uploadtsk']), filename: manifestPath },
    { code: features(['system.request', '@system.battery']), filename: manifestPath },
    // No features, or features that are not a list: nothing to check.
    { code: '{ "name": "x" }', filename: manifestPath },
    { code: '{ "features": {} }', filename: manifestPath },
    // No source file at all: nothing is known about use.
    { code: features(['system.battery']), filename: loneManifestPath },
  ],
  invalid: [
    {
      code: features(['system.request', 'system.battery', 'system.fetch', 'system.geolocation', 'system.crypto']),
      filename: manifestPath,
      errors: [
        {
          messageId: 'unusedFeature',
          data: { feature: 'system.battery', count: '6', dir: `${dirname(manifestPath)}/` },
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'removeFeature',
              data: { feature: 'system.battery' },
              output: features(['system.request', 'system.fetch', 'system.geolocation', 'system.crypto']),
            },
          ],
        },
        {
          messageId: 'unusedFeature',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'removeFeature',
              output: features(['system.request', 'system.battery', 'system.fetch', 'system.crypto']),
            },
          ],
        },
        {
          messageId: 'unusedFeature',
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'removeFeature',
              output: features(['system.request', 'system.battery', 'system.fetch', 'system.geolocation']),
            },
          ],
        },
      ],
    },
    {
      // The first element takes the comma after it; a lone element leaves an empty list.
      code: features(['system.battery', 'system.request']),
      filename: manifestPath,
      errors: [
        {
          messageId: 'unusedFeature',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            { messageId: 'removeFeature', output: '{\n  "features": [\n    { "name": "system.request" }\n  ]\n}' },
          ],
        },
      ],
    },
    {
      code: features(['system.battery']),
      filename: manifestPath,
      errors: [
        {
          messageId: 'unusedFeature',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 31,
          suggestions: [{ messageId: 'removeFeature', output: '{\n  "features": [\n    \n  ]\n}' }],
        },
      ],
    },
    {
      // Imported for types only: TypeScript erases the import, nothing loads the module.
      code: features(['system.request', 'system.uploadtask']),
      filename: manifestPath,
      errors: [
        {
          messageId: 'unusedFeature',
          data: { feature: 'system.uploadtask', count: '6', dir: `${dirname(manifestPath)}/` },
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 34,
          suggestions: [{ messageId: 'removeFeature', output: features(['system.request']) }],
        },
      ],
    },
    {
      // The manifest at the project root: what only the build output beside src/ names is unused.
      code: features(['system.request', 'system.geolocation', 'system.battery']),
      filename: rootManifestPath,
      errors: [
        {
          messageId: 'unusedFeature',
          data: { feature: 'system.geolocation', count: '1', dir: `${dirname(rootManifestPath)}/` },
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 35,
          suggestions: [{ messageId: 'removeFeature', output: features(['system.request', 'system.battery']) }],
        },
        {
          messageId: 'unusedFeature',
          data: { feature: 'system.battery', count: '1', dir: `${dirname(rootManifestPath)}/` },
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 31,
          suggestions: [{ messageId: 'removeFeature', output: features(['system.request', 'system.geolocation']) }],
        },
      ],
    },
  ],
});
