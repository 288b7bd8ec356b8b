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
    // Only the exact `@service.` prefix is a phone service; a string naming one is not an import.
    "import x from '@services.share'",
    "import x from 'my@service.share'",
    "const label = '@service.share'",
    'require(`@service.${name}`)',
    "import share from '@system.share'",
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
    {
      // A phone app's service modules, in every form a port keeps them: one report each, at the specifier.
      code: [
        "import share from '@service.share'",
        "import { pay } from '@service.pay'",
        "import fetch from '@system.fetch'",
        "const health = require('@service.health')",
        "export * from '@service.push'",
        "export { default as account } from '@service.account'",
        'const later = () => import(`@service.wxpay`)',
        "fetch.fetch({ url: 'https://example.com' })",
      ].join('\n'),
      errors: [
        {
          messageId: 'phoneService',
          data: { specifier: '@service.share' },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 35,
        },
        {
          messageId: 'phoneService',
          data: { specifier: '@service.pay' },
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 35,
        },
        {
          messageId: 'phoneService',
          data: { specifier: '@service.health' },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 41,
        },
        {
          messageId: 'phoneService',
          data: { specifier: '@service.push' },
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 30,
        },
        {
          messageId: 'phoneService',
          data: { specifier: '@service.account' },
          line: 6,
          column: 36,
          endLine: 6,
          endColumn: 54,
        },
        {
          messageId: 'phoneService',
          data: { specifier: '@service.wxpay' },
          line: 7,
          column: 28,
          endLine: 7,
          endColumn: 44,
        },
      ],
    },
    {
      // A file that imports no `@system.*` module at all is still checked for them.
      code: "import texttoaudio = require('@service.texttoaudio')",
      errors: [
        {
          messageId: 'phoneService',
          data: { specifier: '@service.texttoaudio' },
          line: 1,
          column: 30,
          endLine: 1,
          endColumn: 52,
        },
      ],
    },
  ],
});
