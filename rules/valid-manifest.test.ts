import { createJsonRuleTester } from './test-utils/json-rule-tester.js';
import rule from './valid-manifest.js';

/** A manifest with every required field, plus `extra` members. */
function manifest(extra: string): string {
  return [
    '{',
    '  "package": "com.example.demo",',
    '  "name": "Demo",',
    '  "icon": "/common/logo.png",',
    '  "versionCode": 1,',
    '  "config": {},',
    '  "router": { "entry": "pages/index", "pages": { "pages/index": { "component": "index" } } }' + (extra ? ',' : ''),
    ...(extra ? [extra] : []),
    '}',
  ].join('\n');
}

createJsonRuleTester().run('valid-manifest', rule, {
  valid: [
    { code: manifest(''), filename: 'src/manifest.json' },
    {
      // With minimumSeverity: error, the unknown-feature warning is not reported.
      code: manifest('  "features": [{ "name": "system.requst" }]'),
      filename: 'src/manifest.json',
      options: [{ minimumSeverity: 'error' }],
    },
    {
      code: manifest('  "features": [{ "name": "system.request" }],\n  "targetDevices": ["xiaomi-watch-s4"]'),
      filename: 'src/manifest.json',
    },
    // Six Chinese characters, and any number of other characters beside them, are within what the docs allow.
    ...['运动健康助手', 'Weather Forecast And Air Quality', '天气预报 Weather Pro'].map((name) => ({
      code: manifest('').replace('"name": "Demo"', `"name": "${name}"`),
      filename: 'src/manifest.json',
    })),
  ],
  invalid: [
    {
      // Seven Chinese characters: a warning (its message id carries the validator's severity), at the value.
      code: manifest('').replace('"name": "Demo"', '"name": "运动健康小助手"'),
      filename: 'src/manifest.json',
      errors: [
        {
          messageId: 'warning',
          data: {
            message:
              'The app name "运动健康小助手" has 7 Chinese characters; the Vela docs ask for at most 6, as the name is shown under the app\'s icon and in dialogs.',
            code: 'app-name-too-long',
          },
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 20,
          suggestions: [],
        },
      ],
    },
    {
      code: manifest('  "features": [{ "name": "system.requst" }]'),
      filename: 'src/manifest.json',
      errors: [
        {
          message:
            '"system.requst" is not a Vela feature velakit knows. Did you mean "system.request"? [unknown-feature]',
          line: 8,
          column: 26,
          endLine: 8,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'applySuggestion',
              data: { suggestion: 'system.request' },
              output: manifest('  "features": [{ "name": "system.request" }]'),
            },
          ],
        },
      ],
    },
    {
      // A misspelled permission: the documented name is the suggestion; a name far from both gets none.
      code: manifest(
        '  "permissions": [{ "name": "hapjs.permission.LOCATON" }, { "name": "hapjs.permission.CAMERA" }]',
      ),
      filename: 'src/manifest.json',
      errors: [
        {
          message:
            '"hapjs.permission.LOCATON" is not a permission the Vela docs list. Did you mean "hapjs.permission.LOCATION"? [unknown-permission]',
          line: 8,
          column: 29,
          endLine: 8,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'applySuggestion',
              data: { suggestion: 'hapjs.permission.LOCATION' },
              output: manifest(
                '  "permissions": [{ "name": "hapjs.permission.LOCATION" }, { "name": "hapjs.permission.CAMERA" }]',
              ),
            },
          ],
        },
        {
          message:
            '"hapjs.permission.CAMERA" is not a permission velakit knows: the Vela docs list only "hapjs.permission.LOCATION" and "hapjs.permission.DEVICE_INFO", and no API they document checks another. [unknown-permission]',
          line: 8,
          column: 69,
          endLine: 8,
          endColumn: 94,
          suggestions: [],
        },
      ],
    },
    {
      code: manifest('  "minAPILevel": "3"'),
      filename: 'src/manifest.json',
      errors: [
        {
          message: 'minAPILevel must be an integer, not a string. [invalid-type]',
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      // A minAPILevel that is not an integer is the one report: no level check claims the field is absent.
      code: manifest(
        '  "minAPILevel": "3",\n  "targetDevices": ["xiaomi-watch-s4"],\n  "features": [{ "name": "system.event" }]',
      ),
      filename: 'src/manifest.json',
      errors: [
        {
          message: 'minAPILevel must be an integer, not a string. [invalid-type]',
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
    {
      // A feature name that is not one gets the schema's report only: no support or level report built on it.
      code: manifest('  "targetDevices": ["redmi-watch-4"],\n  "features": [{ "name": "@system.request" }]'),
      filename: 'src/manifest.json',
      errors: [
        {
          message:
            '"@system.request" is not a feature name; feature names look like "system.request" (no "@", no spaces). Did you mean "system.request"? [invalid-value]',
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'applySuggestion',
              data: { suggestion: 'system.request' },
              output: manifest('  "targetDevices": ["redmi-watch-4"],\n  "features": [{ "name": "system.request" }]'),
            },
          ],
        },
      ],
    },
    {
      // An empty targetDevices is reported at the array; support is then checked against every device.
      code: manifest('  "targetDevices": [],\n  "features": [{ "name": "system.record" }]'),
      filename: 'src/manifest.json',
      errors: [
        {
          message:
            '"targetDevices" is empty, which names no device: every known device (12) is a target, as when the field is absent. List the ids of the devices the app is for (`velakit devices` shows them). [empty-target-devices]',
          line: 8,
          column: 20,
          endLine: 8,
          endColumn: 22,
          suggestions: [],
        },
        {
          message:
            /^system\.record is not supported on Xiaomi S1 Pro .* \(every known device is a target because "targetDevices" names no known device\)\. .*\[unsupported-feature\]$/u,
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 41,
          suggestions: [],
        },
      ],
    },
    {
      // A missing required field is reported where the object is.
      code: '{ "name": "x" }',
      filename: 'src/manifest.json',
      errors: [
        {
          message:
            'The manifest is missing the required properties "package", "icon", "versionCode", "config", and "router". [missing-property]',
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
