import { join } from 'node:path';
import { createJsonRuleTester } from './test-utils/json-rule-tester.js';
import { makeTree } from './test-utils/tree.js';
import rule from './require-target-devices.js';

/** An app importing @system.request (a .ux page) and @system.geolocation (a .js helper): some devices lack each. */
const partialApp = makeTree(
  {
    'src/pages/index/index.ux':
      "<template><div></div></template>\n<script>\nimport request from '@system.request'\n</script>\n",
    'src/common/where.js': "const geolocation = require('@system.geolocation')\n",
  },
  'velakit-targets-',
);
const manifestPath = join(partialApp, 'src', 'manifest.json');
/** Modules every device has (router, storage), and one whose support is undocumented (alarm). */
const everywhereApp = makeTree(
  {
    'src/pages/index/index.ux':
      "<script>\nimport router from '@system.router'\nimport storage from '@system.storage'\nimport alarm from '@system.alarm'\n</script>\n",
  },
  'velakit-targets-everywhere-',
);
const everywherePath = join(everywhereApp, 'src', 'manifest.json');

const noTargets = {
  modules: '`@system.geolocation` and `@system.request`',
  verb: 'are',
  count: '7',
  total: '12',
  some: 'Xiaomi S1 Pro Sports Health Watch, Xiaomi Band 8 Pro, Xiaomi Band 9, and 4 more',
};
const supporting = ['xiaomi-watch-s3', 'xiaomi-watch-s4', 'redmi-watch-5', 'redmi-watch-6', 'xiaomi-watch-s5'];
const addSupporting = {
  count: '5',
  devices: 'Xiaomi Watch S3, Xiaomi Watch S4, REDMI Watch 5, REDMI Watch 6, and Xiaomi Watch S5',
};
const targetList = (indent: string): string =>
  `"targetDevices": [\n${supporting.map((id) => `${indent}  "${id}"`).join(',\n')}\n${indent}]`;

createJsonRuleTester().run('require-target-devices', rule, {
  valid: [
    { code: '{ "package": "com.example.app", "targetDevices": ["xiaomi-watch-s4"] }', filename: manifestPath },
    // An empty or wrong targetDevices is valid-manifest's to report.
    { code: '{ "targetDevices": [] }', filename: manifestPath },
    { code: '{ "targetDevices": "xiaomi-watch-s4" }', filename: manifestPath },
    // Every module the app imports is on every device, or its support is undocumented.
    { code: '{ "package": "com.example.app" }', filename: everywherePath },
    // Not an object: the schema's to report.
    { code: '[]', filename: manifestPath },
  ],
  invalid: [
    {
      // The suggestion goes after deviceTypeList, with the devices that have every module the app imports.
      code: '{\n  "package": "com.example.app",\n  "deviceTypeList": ["watch"],\n  "versionCode": 1\n}',
      filename: manifestPath,
      errors: [
        {
          messageId: 'noTargetDevices',
          data: noTargets,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
          suggestions: [
            {
              messageId: 'addSupporting',
              data: addSupporting,
              output: `{\n  "package": "com.example.app",\n  "deviceTypeList": ["watch"],\n  ${targetList('  ')},\n  "versionCode": 1\n}`,
            },
          ],
        },
      ],
    },
    {
      // Without deviceTypeList, after the last member.
      code: '{\n    "package": "com.example.app"\n}',
      filename: manifestPath,
      errors: [
        {
          messageId: 'noTargetDevices',
          data: noTargets,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
          suggestions: [
            {
              messageId: 'addSupporting',
              data: addSupporting,
              output: `{\n    "package": "com.example.app",\n    ${targetList('    ')}\n}`,
            },
          ],
        },
      ],
    },
    {
      // An empty manifest: the report, but nothing to place a suggestion after.
      code: '{}',
      filename: manifestPath,
      errors: [
        {
          messageId: 'noTargetDevices',
          data: noTargets,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 2,
          suggestions: [],
        },
      ],
    },
  ],
});
