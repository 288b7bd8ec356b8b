import { createRuleTester } from './test-utils/rule-tester.js';
import rule from './no-unknown-module.js';

createRuleTester().run('no-unknown-module', rule, {
  valid: [
    "import request from '@system.request'",
    "import ble from '@system.bluetooth.ble'",
    "const fetch = require('@system.fetch')",
    "export { default } from '@system.storage'",
    // Non-Vela specifiers and dynamic names are not checked.
    "import x from 'system.requst'",
    'const name = pick()\nrequire(name)',
    'require(`@system.${name}`)',
  ],
  invalid: [
    {
      code: "import request from '@system.requst'",
      errors: [
        {
          messageId: 'unknownModuleWithSuggestion',
          data: { specifier: '@system.requst', suggestion: '@system.request' },
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'replaceWith',
              data: { suggestion: '@system.request' },
              output: "import request from '@system.request'",
            },
          ],
        },
      ],
    },
    {
      code: 'const vibrator = require("@system.vibrater")',
      errors: [
        {
          messageId: 'unknownModuleWithSuggestion',
          data: { specifier: '@system.vibrater', suggestion: '@system.vibrator' },
          line: 1,
          column: 26,
          endLine: 1,
          endColumn: 44,
          suggestions: [{ messageId: 'replaceWith', output: 'const vibrator = require("@system.vibrator")' }],
        },
      ],
    },
    {
      code: 'const upload = require(`@system.uploadtsk`)',
      errors: [
        {
          messageId: 'unknownModuleWithSuggestion',
          line: 1,
          column: 24,
          endLine: 1,
          endColumn: 43,
          suggestions: [{ messageId: 'replaceWith', output: 'const upload = require(`@system.uploadtask`)' }],
        },
      ],
    },
    {
      code: "export * from '@system.requests'",
      errors: [
        {
          messageId: 'unknownModuleWithSuggestion',
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 33,
          suggestions: [{ messageId: 'replaceWith', output: "export * from '@system.request'" }],
        },
      ],
    },
    {
      code: "import xyzzy from '@system.xyzzyplugh'",
      errors: [
        {
          messageId: 'unknownModule',
          data: { specifier: '@system.xyzzyplugh' },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 39,
        },
      ],
    },
  ],
});
