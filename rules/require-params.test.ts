import { createRuleTester } from './test-utils/rule-tester.js';
import rule from './require-params.js';

const upload = "import uploadtask from '@system.uploadtask'\n";
const request = "import request from '@system.request'\n";
const complete = "{ url: 'u', filePath: 'f', name: 'n' }";

createRuleTester().run('require-params', rule, {
  valid: [
    "import fetch from '@system.fetch'\nfetch.fetch({ url: 'https://example.com/' }).then((res) => res.data)",
    // No required option: the object may be left out.
    "import router from '@system.router'\nrouter.back()\nrouter.getPages()",
    "import device from '@system.device'\ndevice.getInfo({ success() {} })",
    `${upload}uploadtask.uploadFile(${complete})`,
    `${request}request.download({ url: 'https://example.com/a.zip' })`,
    `${request}request.onDownloadComplete({ token: 't', success() {} })`,
    // Shorthand and quoted keys count as present.
    `${request}const url = 'u'\nrequest.download({ url })`,
    `${request}request.download({ 'url': 'u' })`,
    `${request}request.download({ ['url']: 'u' })`,
    `${upload}const task = uploadtask.uploadFile(${complete})\ntask.onProgressUpdate((event) => event)\ntask.offProgressUpdate()\ntask.abort()`,
    // Too dynamic to know: spread, computed key, options from a call, a parameter, a reassigned or mutated variable.
    `${upload}uploadtask.uploadFile({ ...defaults, url: 'u' })`,
    `${request}request.download({ [key]: 'u' })`,
    `${request}request.download(makeOptions())`,
    `${request}export function start(options) { request.download(options) }`,
    `${request}let options = {}\noptions = load()\nrequest.download(options)`,
    `${request}const options = {}\noptions.url = 'u'\nrequest.download(options)`,
    `${request}request.download(...argumentList)`,
    `${request}request.download(options as Options)`,
    // A function that may return something else, or returns a promise: its calls are not checked.
    "import interconnect from '@system.interconnect'\nfunction link(other) { return ready ? interconnect.instance() : other }\nlink().send({})",
    "import interconnect from '@system.interconnect'\nasync function link() { return interconnect.instance() }\nlink().send({})",
    `${upload}const task = uploadtask.uploadFile(${complete})\ntask.onProgressUpdate(...listeners)`,
    // Not Vela's modules, or shadowed bindings.
    "import request from 'request'\nrequest.download({})",
    `${request}function start(request) { request.download({}) }`,
    'const request = require(name)\nrequest.download({})',
    // A file without any @system import is not looked at.
    'download({})',
  ],
  invalid: [
    // Every module with parameters, from the catalogue: fetch, the phone link's connection object, router.
    {
      code: "import fetch from '@system.fetch'\nfetch.fetch({ method: 'GET' })",
      errors: [
        {
          messageId: 'missingRequired',
          data: { api: 'fetch.fetch', missing: '`url`', plural: '' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 12,
        },
      ],
    },
    {
      code: "import interconnect from '@system.interconnect'\nconst connect = interconnect.instance()\nconnect.send({ success() {} })",
      errors: [
        {
          messageId: 'missingRequired',
          data: { api: 'Connect.send', missing: '`data`', plural: '' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 13,
        },
      ],
    },
    {
      // Through functions returning the connection: a lazy singleton, and an arrow returning the call's result.
      code: [
        "import interconnect from '@system.interconnect'",
        'let connect',
        'function getConnect() {',
        '  return connect || (connect = interconnect.instance())',
        '}',
        'const link = () => getConnect()',
        'getConnect().send({ success() {} })',
        'link().send({})',
      ].join('\n'),
      errors: [
        {
          messageId: 'missingRequired',
          data: { api: 'Connect.send', missing: '`data`', plural: '' },
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 18,
        },
        {
          messageId: 'missingRequired',
          data: { api: 'Connect.send', missing: '`data`', plural: '' },
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 12,
        },
      ],
    },
    {
      // a computed key naming a constant is read through the call's scope: the object is complete, `name` missing
      code: `${upload}const FILE = 'filePath'\nuploadtask.uploadFile({ url: 'u', [FILE]: 'f' })`,
      errors: [
        {
          messageId: 'missingRequired',
          data: { api: 'uploadtask.uploadFile', missing: '`name`', plural: '' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 22,
        },
      ],
    },
    {
      // default import; one report naming the one missing option
      code: `${upload}uploadtask.uploadFile({ url: 'u', filePath: 'f' })`,
      errors: [
        {
          messageId: 'missingRequired',
          data: { api: 'uploadtask.uploadFile', missing: '`name`', plural: '' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 22,
        },
      ],
    },
    {
      // every missing option in one report
      code: `${upload}uploadtask.uploadFile({ timeout: 1000 })`,
      errors: [
        {
          messageId: 'missingRequired',
          data: { api: 'uploadtask.uploadFile', missing: '`url`, `filePath`, and `name`', plural: 's' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 22,
        },
      ],
    },
    {
      // named import
      code: "import { download } from '@system.request'\ndownload({ header: 'h' })",
      errors: [
        {
          messageId: 'missingRequired',
          data: { api: 'request.download', missing: '`url`', plural: '' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 9,
        },
      ],
    },
    {
      // namespace import
      code: "import * as request from '@system.request'\nrequest.onDownloadComplete({ success() {} })",
      errors: [
        {
          messageId: 'missingRequired',
          data: { api: 'request.onDownloadComplete', missing: '`token`', plural: '' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 27,
        },
      ],
    },
    {
      // require
      code: "const request = require('@system.request')\nrequest.download({})",
      errors: [{ messageId: 'missingRequired', line: 2, column: 1, endLine: 2, endColumn: 17 }],
    },
    {
      // destructured require
      code: "const { download } = require('@system.request')\ndownload({})",
      errors: [{ messageId: 'missingRequired', line: 2, column: 1, endLine: 2, endColumn: 9 }],
    },
    {
      // inline require
      code: "require('@system.request').download({})",
      errors: [{ messageId: 'missingRequired', line: 1, column: 1, endLine: 1, endColumn: 36 }],
    },
    {
      // TypeScript's import-equals
      code: "import request = require('@system.request')\nrequest.download({})",
      errors: [{ messageId: 'missingRequired', line: 2, column: 1, endLine: 2, endColumn: 17 }],
    },
    {
      // alias
      code: `${request}const r = request\nr.download({})`,
      errors: [{ messageId: 'missingRequired', line: 3, column: 1, endLine: 3, endColumn: 11 }],
    },
    {
      // a const options object used only as an argument is read
      code: `${request}const options = { filename: 'a.zip' }\nrequest.download(options)`,
      errors: [{ messageId: 'missingRequired', line: 3, column: 1, endLine: 3, endColumn: 17 }],
    },
    {
      // TypeScript wrappers around an object literal
      code: `${request}request.download({ filename: 'a' } satisfies object)`,
      errors: [{ messageId: 'missingRequired', line: 2, column: 1, endLine: 2, endColumn: 17 }],
    },
    {
      // TypeScript wrappers around the module and its members: `!`, `as`, `<T>x`, `satisfies`
      code: `${request}request!.download({})\n;(request as any).download({})\n;(<any>request).download({})\n;(request satisfies object).download!({})\nconst { download } = request as typeof request\ndownload({})`,
      errors: [
        { messageId: 'missingRequired', line: 2, column: 1, endLine: 2, endColumn: 18 },
        { messageId: 'missingRequired', line: 3, column: 2, endLine: 3, endColumn: 27 },
        { messageId: 'missingRequired', line: 4, column: 2, endLine: 4, endColumn: 25 },
        { messageId: 'missingRequired', line: 5, column: 2, endLine: 5, endColumn: 38 },
        { messageId: 'missingRequired', line: 7, column: 1, endLine: 7, endColumn: 9 },
      ],
    },
    {
      // a misspelled key is named as the likely cause
      code: `${upload}uploadtask.uploadFile({ url: 'u', filepath: 'f', Name: 'n' })`,
      errors: [
        {
          messageId: 'missingRequiredMisspelled',
          data: {
            api: 'uploadtask.uploadFile',
            missing: '`filePath` and `name`',
            plural: 's',
            misspelled: 'perhaps `filepath` is written for `filePath` and `Name` is written for `name`',
          },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 22,
        },
      ],
    },
    {
      code: `${request}request.download()`,
      errors: [
        {
          messageId: 'missingOptions',
          data: { api: 'request.download', required: '`url`' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 17,
        },
      ],
    },
    {
      code: `${request}request.download('https://example.com/a.zip')`,
      errors: [
        {
          messageId: 'notAnObject',
          data: { api: 'request.download', required: '`url`', actual: 'a string' },
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 45,
        },
      ],
    },
    {
      code: `${upload}uploadtask.uploadFile(() => {})`,
      errors: [
        {
          messageId: 'notAnObject',
          data: { api: 'uploadtask.uploadFile', required: '`url`, `filePath`, and `name`', actual: 'a function' },
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 31,
        },
      ],
    },
    {
      code: `${request}request.onDownloadComplete(null)`,
      errors: [
        {
          messageId: 'notAnObject',
          data: { api: 'request.onDownloadComplete', required: '`token`', actual: 'null' },
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 32,
        },
      ],
    },
    {
      // the UploadTask returned by uploadFile, through a variable
      code: `${upload}const task = uploadtask.uploadFile(${complete})\ntask.onProgressUpdate()`,
      errors: [
        {
          messageId: 'missingArgument',
          data: { api: 'UploadTask.onProgressUpdate', missing: '`callback`', plural: '' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 24,
        },
      ],
    },
    {
      // ... and chained on the call
      code: `${upload}uploadtask.uploadFile(${complete}).onProgressUpdate()`,
      errors: [{ messageId: 'missingArgument', line: 2, column: 1, endLine: 2, endColumn: 81 }],
    },
    {
      // ... and through an alias of the task
      code: `${upload}const task = uploadtask.uploadFile(${complete})\nconst same = task\nsame.onProgressUpdate()`,
      errors: [{ messageId: 'missingArgument', line: 4, column: 1, endLine: 4, endColumn: 24 }],
    },
  ],
});
