import { join } from 'node:path';
import { createJsonRuleTester } from './test-utils/json-rule-tester.js';
import { makeTree } from './test-utils/tree.js';
import rule from './no-missing-feature.js';

/**
 * An app importing @system.request (.ux), @system.fetch (require in .js) and @system.model (which needs no declaration),
 * and only testing @system.record with canIUse (not an import).
 */
const root = makeTree(
  {
    'src/pages/index/index.ux':
      "<template><div></div></template>\n<script>\nimport request from '@system.request'\n</script>\n",
    'src/common/net.js': "const fetch = require('@system.fetch')\n",
    'src/common/model.ts': "import model from '@system.model'\n",
    'src/common/guard.ts': 'if (app.canIUse(`@system.record`)) {}\n',
    // Dependencies are not the app's source.
    'src/node_modules/lib/index.js': "require('@system.battery')\n",
  },
  'velakit-missing-',
);
const manifestPath = join(root, 'src', 'manifest.json');
/** An app that imports no @system module needing a declaration. */
const quietManifestPath = join(
  makeTree({ 'src/app.ux': '<script>\nexport default {}\n</script>\n' }, 'velakit-missing-quiet-'),
  'src',
  'manifest.json',
);

/**
 * An app whose only real imports are @system.storage, @system.vibrator and @system.record (a page in a folder named
 * `dist`): the other modules are named in commented-out code, in a script inside an HTML comment, in a template
 * comment, or imported for types only.
 */
const commentedManifestPath = join(
  makeTree(
    {
      'src/common/util.js':
        "import storage from '@system.storage'\n// import fetch from '@system.fetch'\n/*\nconst request = require('@system.request')\n*/\n",
      'src/pages/index/index.ux':
        "<!--\n<script>\n  import geolocation from '@system.geolocation'\n</script>\n-->\n<template>\n  <!-- <text>{{ require('@system.zip') }}</text> -->\n</template>\n<script>\nimport vibrator from '@system.vibrator'\n</script>\n",
      'src/types/index.ts':
        "import type { UploadTask } from '@system.uploadtask'\nimport { type RequestTask } from '@system.request'\n",
      'src/pages/dist/index.ux': "<script>\nimport record from '@system.record'\n</script>\n",
    },
    'velakit-missing-commented-',
  ),
  'src',
  'manifest.json',
);

const features = (names: string[]): string =>
  `{\n  "features": [\n${names.map((name) => `    { "name": "${name}" }`).join(',\n')}\n  ]\n}`;
const both = {
  modules: '`@system.fetch` and `@system.request`',
  verb: 'are',
  slips: '',
  fixes: 'adds their `{ "name": ... }` entries',
};

createJsonRuleTester().run('no-missing-feature', rule, {
  valid: [
    { code: features(['system.request', 'system.fetch']), filename: manifestPath },
    // More declared than used is no-unused-feature's to report.
    { code: features(['system.request', 'system.fetch', 'system.battery']), filename: manifestPath },
    // "@system.request" declares nothing, but valid-manifest reports it with the fix: adding a second entry would clash.
    { code: features(['@system.request', 'system.fetch']), filename: manifestPath },
    // A `features` that is not a list is the schema's to report.
    { code: '{ "features": {} }', filename: manifestPath },
    // Not an object: the schema's to report.
    { code: '[]', filename: manifestPath },
    // Nothing imported: nothing missing, with or without `features`.
    { code: '{ "package": "com.example.app" }', filename: quietManifestPath },
    // Modules named only in comments, or imported for types only, are not imported.
    { code: features(['system.storage', 'system.vibrator', 'system.record']), filename: commentedManifestPath },
  ],
  invalid: [
    {
      // One missing: appended after the last entry, with its indentation.
      code: features(['system.request']),
      filename: manifestPath,
      output: features(['system.request', 'system.fetch']),
      errors: [
        {
          messageId: 'missingFeatures',
          data: { modules: '`@system.fetch`', verb: 'is', slips: '', fixes: 'adds `{ "name": "system.fetch" }`' },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 13,
        },
      ],
    },
    {
      // An empty list is filled.
      code: '{\n  "package": "com.example.app",\n  "features": []\n}',
      filename: manifestPath,
      output:
        '{\n  "package": "com.example.app",\n  "features": [\n    { "name": "system.fetch" },\n    { "name": "system.request" }\n  ]\n}',
      errors: [{ messageId: 'missingFeatures', data: both, line: 3, column: 3, endLine: 3, endColumn: 13 }],
    },
    {
      // No `features` at all: reported at the manifest's opening brace; the fix adds the list after the last member.
      code: '{\n  "package": "com.example.app",\n  "minAPILevel": 2\n}',
      filename: manifestPath,
      output:
        '{\n  "package": "com.example.app",\n  "minAPILevel": 2,\n  "features": [\n    { "name": "system.fetch" },\n    { "name": "system.request" }\n  ]\n}',
      errors: [{ messageId: 'missingFeatures', data: both, line: 1, column: 1, endLine: 1, endColumn: 2 }],
    },
    {
      // A module declared under a close misspelling (as valid-manifest suggests it): the message names the slip, and
      // the fix writes the module's name in its place instead of adding an entry beside it.
      code: features(['system.requst', 'system.fetch']),
      filename: manifestPath,
      output: features(['system.request', 'system.fetch']),
      errors: [
        {
          messageId: 'missingFeatures',
          data: {
            modules: '`@system.request`',
            verb: 'is',
            slips: ' (features has "system.requst", a misspelling of `system.request`)',
            fixes: 'writes `system.request` in its place',
          },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 13,
        },
      ],
    },
    {
      // A misspelling stands only for the module it is close to ("system.fecth" for fetch, corrected in place);
      // request is added; a name close to no module ("system.teleport") is left to valid-manifest.
      code: features(['system.fecth', 'system.teleport']),
      filename: manifestPath,
      output: features(['system.fetch', 'system.teleport', 'system.request']),
      errors: [
        {
          messageId: 'missingFeatures',
          data: {
            modules: '`@system.fetch` and `@system.request`',
            verb: 'are',
            slips: ' (features has "system.fecth", a misspelling of `system.fetch`)',
            fixes: 'corrects the misspelled name and adds `{ "name": "system.request" }`',
          },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 13,
        },
      ],
    },
    {
      // A CRLF manifest keeps its line ends, in each way the fix writes (after an entry, into an empty list, a new
      // list after the last member).
      code: '{\r\n  "features": [\r\n    { "name": "system.fetch" }\r\n  ]\r\n}',
      filename: manifestPath,
      output: '{\r\n  "features": [\r\n    { "name": "system.fetch" },\r\n    { "name": "system.request" }\r\n  ]\r\n}',
      errors: [
        {
          messageId: 'missingFeatures',
          data: { modules: '`@system.request`', verb: 'is', slips: '', fixes: 'adds `{ "name": "system.request" }`' },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 13,
        },
      ],
    },
    {
      code: '{\r\n  "features": []\r\n}',
      filename: manifestPath,
      output: '{\r\n  "features": [\r\n    { "name": "system.fetch" },\r\n    { "name": "system.request" }\r\n  ]\r\n}',
      errors: [{ messageId: 'missingFeatures', data: both, line: 2, column: 3, endLine: 2, endColumn: 13 }],
    },
    {
      code: '{\r\n  "package": "com.example.app"\r\n}',
      filename: manifestPath,
      output:
        '{\r\n  "package": "com.example.app",\r\n  "features": [\r\n    { "name": "system.fetch" },\r\n    { "name": "system.request" }\r\n  ]\r\n}',
      errors: [{ messageId: 'missingFeatures', data: both, line: 1, column: 1, endLine: 1, endColumn: 2 }],
    },
    {
      // An empty manifest object.
      code: '{}',
      filename: manifestPath,
      output: '{\n  "features": [\n    { "name": "system.fetch" },\n    { "name": "system.request" }\n  ]\n}',
      errors: [{ messageId: 'missingFeatures', data: both, line: 1, column: 1, endLine: 1, endColumn: 2 }],
    },
    {
      // Only the real imports are missing: the page under pages/dist/ counts, commented-out and type-only ones do not.
      code: features(['system.storage']),
      filename: commentedManifestPath,
      output: features(['system.storage', 'system.record', 'system.vibrator']),
      errors: [
        {
          messageId: 'missingFeatures',
          data: {
            modules: '`@system.record` and `@system.vibrator`',
            verb: 'are',
            slips: '',
            fixes: 'adds their `{ "name": ... }` entries',
          },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 13,
        },
      ],
    },
  ],
});
