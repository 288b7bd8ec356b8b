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
  ],
  invalid: [
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
