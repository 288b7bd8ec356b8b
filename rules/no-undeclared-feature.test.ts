import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuleTester, targetSettings } from './test-utils/rule-tester.js';
import rule from './no-undeclared-feature.js';

const declared = targetSettings({ features: ['system.request', 'system.fetch'] });

/** An app whose manifest has no `features` at all: messages must not name a field it lacks. */
const bareApp = mkdtempSync(join(tmpdir(), 'velakit-no-features-'));
mkdirSync(join(bareApp, 'src'));
writeFileSync(
  join(bareApp, 'src', 'manifest.json'),
  JSON.stringify({
    package: 'com.example.bare',
    name: 'Bare',
    versionCode: 1,
    icon: '/i.png',
    config: {},
    router: { entry: 'p', pages: { p: { component: 'index' } } },
  }),
);

/** An app whose manifest has this text (one line) in `src/manifest.json`. */
function appWith(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'velakit-wrong-type-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'manifest.json'), text);
  return dir;
}
/** `features` given as an object: it declares nothing knowable, which is not "no features". */
const objectFeaturesText = JSON.stringify({
  package: 'com.example.objects',
  name: 'Objects',
  versionCode: 1,
  icon: '/i.png',
  config: {},
  router: { entry: 'p', pages: { p: { component: 'index' } } },
  features: { 'system.fetch': {} },
});
const objectFeaturesApp = appWith(objectFeaturesText);
/** A manifest that is a JSON array: unusable as a whole, as broken JSON is. */
const arrayApp = appWith('[{ "package": "com.example.array" }]');
const shown = (app: string): string => join(app, 'src', 'manifest.json').slice(1);

createRuleTester().run('no-undeclared-feature', rule, {
  valid: [
    { code: "import request from '@system.request'\nconst fetch = require('@system.fetch')", settings: declared },
    // Modules that need no declaration, and modules the catalogue does not know (no-unknown-module's job).
    {
      code: "import app from '@system.app'\nimport router from '@system.router'\nimport configuration from '@system.configuration'",
      settings: declared,
    },
    { code: "import x from '@system.requst'", settings: declared },
    // A declaration written as the specifier is valid-manifest's to report (with the fix), once: not again here.
    {
      code: "import request from '@system.request'",
      settings: targetSettings({ features: ['@system.request'] }),
    },
    // The rule option wins over settings.
    {
      code: "import upload from '@system.uploadtask'",
      options: [{ features: ['system.uploadtask'] }],
      settings: declared,
    },
    // Type-only imports load nothing.
    {
      code: "import type { UploadFileSuccess } from '@system.uploadtask'\nexport type { DownloadSuccess } from '@system.request'",
      settings: declared,
    },
    // Nor do braces holding only type specifiers: TypeScript erases the whole statement.
    {
      code: "import { type UploadTask, type UploadFileSuccess as Done } from '@system.uploadtask'\nexport { type BatteryStatus } from '@system.battery'\nlet task: UploadTask | Done | null = null",
      settings: declared,
    },
    // No @system import: nothing to check, no manifest needed.
    "import lodash from 'lodash'",
    // A features object in the manifest is not read when the settings or the rule option give the features.
    {
      code: "import fetch from '@system.fetch'",
      filename: join(objectFeaturesApp, 'src', 'page.js'),
      settings: targetSettings({ features: ['system.fetch'] }),
    },
    {
      code: "import fetch from '@system.fetch'",
      filename: join(objectFeaturesApp, 'src', 'page.js'),
      options: [{ features: ['system.fetch'] }],
    },
    // Nor is it reported for a file that imports nothing needing a declaration.
    { code: "import router from '@system.router'", filename: join(objectFeaturesApp, 'src', 'page.js') },
  ],
  invalid: [
    {
      code: "import request from '@system.request'\nimport upload from '@system.uploadtask'\nconst battery = require('@system.battery')",
      settings: declared,
      errors: [
        {
          messageId: 'undeclaredFeature',
          data: {
            specifier: '@system.uploadtask',
            feature: 'system.uploadtask',
            where: 'not in settings.velakit.features',
          },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 40,
        },
        {
          messageId: 'undeclaredFeature',
          data: { specifier: '@system.battery', feature: 'system.battery', where: 'not in settings.velakit.features' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 42,
        },
      ],
    },
    {
      // Declared under a close misspelling: said so, with the name to write; a misspelling stands only for the module
      // it is close to ("system.storge" says nothing of vibrator), and a name close to no module for none.
      code: "import storage from '@system.storage'\nimport vibrator from '@system.vibrator'",
      settings: targetSettings({ features: ['system.storge', 'system.teleport'] }),
      errors: [
        {
          messageId: 'misspelledFeature',
          data: {
            specifier: '@system.storage',
            feature: 'system.storage',
            slip: 'system.storge',
            source: 'settings.velakit.features',
          },
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 38,
        },
        {
          messageId: 'undeclaredFeature',
          data: {
            specifier: '@system.vibrator',
            feature: 'system.vibrator',
            where: 'not in settings.velakit.features',
          },
          line: 2,
          column: 22,
          endLine: 2,
          endColumn: 40,
        },
      ],
    },
    {
      // A value beside a type specifier loads the module.
      code: "import { type UploadTask, uploadFile } from '@system.uploadtask'",
      settings: declared,
      errors: [{ messageId: 'undeclaredFeature', line: 1, column: 45, endLine: 1, endColumn: 65 }],
    },
    {
      code: "import upload = require('@system.uploadtask')",
      settings: declared,
      errors: [{ messageId: 'undeclaredFeature', line: 1, column: 25, endLine: 1, endColumn: 45 }],
    },
    {
      code: "import request from '@system.request'",
      options: [{ features: [] }],
      settings: declared,
      errors: [
        {
          messageId: 'undeclaredFeature',
          data: { specifier: '@system.request', feature: 'system.request', where: 'not in the rule option features' },
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 38,
        },
      ],
    },
    {
      code: "import fetch from '@system.fetch'",
      filename: join(bareApp, 'src', 'page.js'),
      errors: [
        {
          messageId: 'undeclaredFeature',
          // The tester lints with cwd `/`, and messages show paths relative to the cwd.
          data: {
            specifier: '@system.fetch',
            feature: 'system.fetch',
            where: `${join(bareApp, 'src', 'manifest.json').slice(1)} has no features`,
          },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 34,
        },
      ],
    },
    {
      // features as an object: not "has no features" for each import, but one report on the first line saying it
      // cannot be used (valid-manifest reports it at the value).
      code: "import fetch from '@system.fetch'\nimport request from '@system.request'",
      filename: join(objectFeaturesApp, 'src', 'page.js'),
      errors: [
        {
          messageId: 'manifestProblem',
          data: {
            problem: `features in ${shown(objectFeaturesApp)} cannot be used: features must be an array, not an object (line 1, column ${objectFeaturesText.indexOf('{"system.fetch"') + 1})`,
          },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 34,
        },
      ],
    },
    {
      // A manifest that is an array: unusable, as broken JSON is.
      code: "import fetch from '@system.fetch'",
      filename: join(arrayApp, 'src', 'page.js'),
      errors: [
        {
          messageId: 'manifestProblem',
          data: {
            problem: `${shown(arrayApp)} cannot be used: The manifest must be an object, not an array (line 1, column 1)`,
          },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 34,
        },
      ],
    },
    {
      // No manifest anywhere above the file and nothing in settings: one report on the first line.
      code: "\n  import request from '@system.request'\nimport fetch from '@system.fetch'",
      filename: '/velakit-no-manifest-here/src/page.js',
      errors: [{ messageId: 'noManifest', line: 2, column: 3, endLine: 2, endColumn: 40 }],
    },
    {
      code: "import request from '@system.request'",
      settings: { velakit: { features: 'system.request' } },
      filename: '/velakit-no-manifest-here/src/page.js',
      errors: [
        {
          messageId: 'manifestProblem',
          data: { problem: 'settings.velakit.features must be an array of strings' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 38,
        },
      ],
    },
  ],
});
