import { createRuleTester } from './test-utils/rule-tester.js';
import rule from './valid-params.js';

const upload = "import uploadtask from '@system.uploadtask'\n";
const request = "import request from '@system.request'\n";
const bright = "import brightness from '@system.brightness'\n";
const vib = "import vibrator from '@system.vibrator'\n";
const vol = "import volume from '@system.volume'\n";
// A lazy singleton: calls through `getConnect()` are the connection's.
const singleton =
  "import interconnect from '@system.interconnect'\nlet connect = null\nfunction getConnect() {\n  if (!connect) connect = interconnect.instance()\n  return connect\n}\n";
const ble = "import ble from '@system.bluetooth.ble'\nconst client = ble.createGattClientDevice('12:34:56:78:9A:BC')\n";

createRuleTester().run('valid-params', rule, {
  valid: [
    // Documented values, a value not written out (too dynamic to know), and options known from the watch's code only.
    `${bright}brightness.setMode({ mode: auto ? 1 : 0 })\nbrightness.setValue({ value: night ? 20 : day ? 255 : level })`,
    "import fetch from '@system.fetch'\nfetch.fetch({ url: 'u', method: 'POST', responseType: 'json', data: { a: 1 } })",
    "import fetch from '@system.fetch'\nfetch.fetch({ url: 'u', method: verb, responseType: pick() })",
    "import request from '@system.request'\nrequest.download({ url: 'u', share: false, onDownLoadNotify() {} })",
    "import interconnect from '@system.interconnect'\nconst connect = interconnect.instance()\nconnect.diagnosis({ timeout: 5000 })",
    `${singleton}export default { send(data) { getConnect().send({ data, success: () => {} }) } }`,
    // A function that may return something else: its calls are not checked.
    "import fetch from '@system.fetch'\nfunction http(other) { return other || fetch }\nhttp().fetch({ url: 'u', metod: 'GET' })",
    `${upload}uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n', header: { a: 'b' }, formData: {}, timeout: 5000, success() {}, fail: (m, c) => {}, complete: function () {} })`,
    `${request}request.download({ url: \`https://\${host}/a\`, header: 'Accept: */*', filename: 'a.zip' })`,
    // Values whose type cannot be known from the syntax are left alone, and so are null and spreads.
    `${upload}uploadtask.uploadFile({ url, filePath: path(), name: names[0], timeout: config.timeout, success: handler, header: null })`,
    `${upload}uploadtask.uploadFile({ ...rest, [dynamicKey]: 1 })`,
    `${request}request.download(buildOptions())`,
    `${upload}uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n', timeout: -1 })`,
    `${upload}const task = uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n' })\ntask.onProgressUpdate(listener)\ntask.offProgressUpdate(function () {})`,
    // header and formData entries: strings and numbers, and values whose type the syntax does not show.
    `${upload}uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n', header: { 'X-A': 'a', 'X-B': 2, 'X-C': \`t\`, 'X-D': -1, 'X-E': token, 'X-F': f(), 'X-G': cfg.v }, formData: { n: 1.5, s: typeof x } })`,
    // Spreads, keys only known at run time, getters and objects held in variables are left alone.
    `${upload}uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n', header: { ...extra, [dynamicKey]: true, get g() { return true } } })`,
    `${upload}const headers = { 'X-A': true }\nuploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n', header: headers })`,
    `${upload}uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n', formData: { day: 'mon' } as Record<string, string> })`,
    // Documented ranges: values inside them and on their limits, written out or wrapped in a type assertion.
    `${bright}brightness.setValue({ value: 0 })\nbrightness.setValue({ value: 255 })\nbrightness.setValue({ value: 128 as number })`,
    `${bright}brightness.setValue({ value: -0 })\nbrightness.setValue({ value: 0xff })\nbrightness.setValue({ value: 2e2 })`,
    `${vib}vibrator.start({ duration: 1, interval: 1, count: 1 })\nvibrator.start({ duration: 300, interval: 200, count: +3 })`,
    `${vol}volume.setMediaValue({ value: 0.0 })\nvolume.setMediaValue({ value: 1 })\nvolume.setMediaValue({ value: 0.35 })`,
    // mtu's range says nothing of whole numbers: a fraction inside it is not reported.
    `${ble}client.setBLEMtuSize({ mtu: 22 })\nclient.setBLEMtuSize({ mtu: 512 })\nclient.setBLEMtuSize({ mtu: 185.5 })`,
    // Computed values and variables are not followed, however plain: only numbers written in the call are compared.
    `${bright}const level = 300\nbrightness.setValue({ value: level })\nbrightness.setValue({ value: level * 2 })\nbrightness.setValue({ value: Math.round(x) })`,
    `${vib}vibrator.start({ duration: 2 * 0.25, interval: -gap, count: +'0' })\nvibrator.start({ duration: ms!, interval: 1 - 2, count: Infinity })`,
    `${vol}volume.setMediaValue({ value: percent / 100 })\nvolume.setMediaValue({ get value() { return 5 } })`,
    // Another method's option of the same name has no range.
    `${vib}vibrator.stop(0)`,
    // Other libraries' download functions are none of velakit's business.
    "import request from 'superagent'\nrequest.download({ filepath: 1 })",
  ],
  invalid: [
    {
      // Each branch of `?:` is a value the call gets, checked on its own (nested too); a computed branch is unknown.
      code: `${bright}${vib}${vol}brightness.setMode({ mode: on ? 'auto' : 'manual' })\nvibrator.vibrate({ mode: strong ? 'long' : 'medium' })\nvolume.setMediaValue({ value: muted ? 0 : loud ? 80 : level })`,
      errors: [
        {
          messageId: 'wrongType',
          data: { name: 'mode', api: 'brightness.setMode', expected: 'an integer', actual: 'a string' },
          line: 4,
          column: 33,
          endLine: 4,
          endColumn: 39,
        },
        { messageId: 'wrongType', line: 4, column: 42, endLine: 4, endColumn: 50 },
        {
          messageId: 'wrongValue',
          data: { value: "'medium'", name: 'mode', api: 'vibrator.vibrate', allowed: "'long' or 'short'" },
          line: 5,
          column: 44,
          endLine: 5,
          endColumn: 52,
        },
        { messageId: 'outOfRange', line: 6, column: 50, endLine: 6, endColumn: 52 },
      ],
    },
    // Every module with parameters is covered from the catalogue: fetch's `header` (not `headers`) and its enums.
    {
      code: "import fetch from '@system.fetch'\nfetch.fetch({ url: 'u', headers: { a: 'b' } })",
      errors: [
        {
          messageId: 'unknownOptionWithSuggestion',
          data: { name: 'headers', api: 'fetch.fetch', suggestion: 'header' },
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'renameOption',
              data: { name: 'headers', suggestion: 'header' },
              output: "import fetch from '@system.fetch'\nfetch.fetch({ url: 'u', header: { a: 'b' } })",
            },
          ],
        },
      ],
    },
    {
      code: "import fetch from '@system.fetch'\nfetch.fetch({ url: 'u', method: 'GETT', responseType: `blob` })",
      errors: [
        {
          messageId: 'wrongValue',
          data: {
            value: "'GETT'",
            name: 'method',
            api: 'fetch.fetch',
            allowed: "'OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', or 'CONNECT'",
          },
          line: 2,
          column: 33,
          endLine: 2,
          endColumn: 39,
        },
        {
          messageId: 'wrongValue',
          data: {
            value: "'blob'",
            name: 'responseType',
            api: 'fetch.fetch',
            allowed: "'text', 'json', 'file', or 'arraybuffer'",
          },
          line: 2,
          column: 55,
          endLine: 2,
          endColumn: 61,
        },
      ],
    },
    {
      code: "import fetch from '@system.fetch'\nfetch.fetch({ url: 'u', data: 42 })",
      errors: [
        {
          messageId: 'wrongType',
          data: {
            name: 'data',
            api: 'fetch.fetch',
            expected: 'a string, an object, or an ArrayBuffer',
            actual: 'a number',
          },
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 33,
        },
      ],
    },
    {
      // Through a lazy singleton's getter, and through a function handing out the module.
      code: `${singleton}export default { send(data) { getConnect().send({ data, sucess: () => {} }) } }\nconst http = () => require('@system.fetch')\nhttp().fetch({ url: 'u', metod: 'GET' })`,
      errors: [
        {
          messageId: 'unknownOptionWithSuggestion',
          data: { name: 'sucess', api: 'Connect.send', suggestion: 'success' },
          line: 7,
          column: 57,
          endLine: 7,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'renameOption',
              data: { name: 'sucess', suggestion: 'success' },
              output: `${singleton}export default { send(data) { getConnect().send({ data, success: () => {} }) } }\nconst http = () => require('@system.fetch')\nhttp().fetch({ url: 'u', metod: 'GET' })`,
            },
          ],
        },
        {
          messageId: 'unknownOptionWithSuggestion',
          data: { name: 'metod', api: 'fetch.fetch', suggestion: 'method' },
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'renameOption',
              data: { name: 'metod', suggestion: 'method' },
              output: `${singleton}export default { send(data) { getConnect().send({ data, sucess: () => {} }) } }\nconst http = () => require('@system.fetch')\nhttp().fetch({ url: 'u', method: 'GET' })`,
            },
          ],
        },
      ],
    },
    {
      code: "const router = require('@system.router')\nrouter.push({ url: '/about' })",
      errors: [
        {
          messageId: 'unknownOptionWithSuggestion',
          data: { name: 'url', api: 'router.push', suggestion: 'uri' },
          line: 2,
          column: 15,
          endLine: 2,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'renameOption',
              data: { name: 'url', suggestion: 'uri' },
              output: "const router = require('@system.router')\nrouter.push({ uri: '/about' })",
            },
          ],
        },
      ],
    },
    {
      code: `${upload}uploadtask.uploadFile({ url: 'u', filepath: 'f', name: 'n' })`,
      errors: [
        {
          messageId: 'unknownOptionWithSuggestion',
          data: { name: 'filepath', api: 'uploadtask.uploadFile', suggestion: 'filePath' },
          line: 2,
          column: 35,
          endLine: 2,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'renameOption',
              data: { name: 'filepath', suggestion: 'filePath' },
              output: `${upload}uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n' })`,
            },
          ],
        },
      ],
    },
    {
      // shorthand and quoted keys keep their value and quotes
      code: `${request}const fileName = 'a.zip'\nrequest.download({ url: 'u', fileName, 'heder': 'x' })`,
      errors: [
        {
          messageId: 'unknownOptionWithSuggestion',
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'renameOption',
              output: `${request}const fileName = 'a.zip'\nrequest.download({ url: 'u', filename: fileName, 'heder': 'x' })`,
            },
          ],
        },
        {
          messageId: 'unknownOptionWithSuggestion',
          data: { name: 'heder', api: 'request.download', suggestion: 'header' },
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'renameOption',
              output: `${request}const fileName = 'a.zip'\nrequest.download({ url: 'u', fileName, 'header': 'x' })`,
            },
          ],
        },
      ],
    },
    {
      // no rename when the right name is already there
      code: `${request}request.download({ url: 'u', URL: 'v' })`,
      errors: [
        {
          messageId: 'unknownOptionWithSuggestion',
          data: { name: 'URL', api: 'request.download', suggestion: 'url' },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      code: `${request}request.onDownloadComplete({ token: 't', method: 'GET' })`,
      errors: [
        {
          messageId: 'unknownOption',
          data: {
            name: 'method',
            api: 'request.onDownloadComplete',
            known: '`token`, `success`, `fail`, and `complete`',
          },
          line: 2,
          column: 42,
          endLine: 2,
          endColumn: 48,
        },
      ],
    },
    {
      code: `${upload}uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n', timeout: '5s' })`,
      errors: [
        {
          messageId: 'wrongType',
          data: { name: 'timeout', api: 'uploadtask.uploadFile', expected: 'a number', actual: 'a string' },
          line: 2,
          column: 70,
          endLine: 2,
          endColumn: 74,
        },
      ],
    },
    {
      code: `${request}request.download({ url: 'u', header: { Accept: '*/*' } })`,
      errors: [
        {
          messageId: 'wrongType',
          data: { name: 'header', api: 'request.download', expected: 'a string', actual: 'an object' },
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 55,
        },
      ],
    },
    {
      code: `${upload}uploadtask.uploadFile({ url: 42, filePath: 'f', name: 'n', success: 'done', header: [] })`,
      errors: [
        {
          messageId: 'wrongType',
          data: { name: 'url', api: 'uploadtask.uploadFile', expected: 'a string', actual: 'a number' },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 32,
        },
        {
          messageId: 'wrongType',
          data: { name: 'success', api: 'uploadtask.uploadFile', expected: 'a function', actual: 'a string' },
          line: 2,
          column: 69,
          endLine: 2,
          endColumn: 75,
        },
        {
          messageId: 'wrongType',
          data: { name: 'header', api: 'uploadtask.uploadFile', expected: 'an object', actual: 'an array' },
          line: 2,
          column: 85,
          endLine: 2,
          endColumn: 87,
        },
      ],
    },
    {
      code: `${upload}uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n', header: { 'X-Count': true, 'X-Name': 'a', 'X-N': 2 } })`,
      errors: [
        {
          messageId: 'wrongEntryType',
          data: {
            key: 'X-Count',
            name: 'header',
            api: 'uploadtask.uploadFile',
            expected: 'a string or a number',
            actual: 'a boolean',
          },
          line: 2,
          column: 82,
          endLine: 2,
          endColumn: 86,
        },
      ],
    },
    {
      // nested objects, lists, null and regular expressions are no form field values; other entries are still checked
      code: `${upload}uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n', formData: { meta: { day: 1 }, tags: [], when: null, at: /x/, ok: \`t\`, neg: -1 } })`,
      errors: [
        {
          messageId: 'wrongEntryType',
          data: {
            key: 'meta',
            name: 'formData',
            api: 'uploadtask.uploadFile',
            expected: 'a string or a number',
            actual: 'an object',
          },
          line: 2,
          column: 79,
          endLine: 2,
          endColumn: 89,
        },
        {
          messageId: 'wrongEntryType',
          data: {
            key: 'tags',
            name: 'formData',
            api: 'uploadtask.uploadFile',
            expected: 'a string or a number',
            actual: 'an array',
          },
          line: 2,
          column: 97,
          endLine: 2,
          endColumn: 99,
        },
        {
          messageId: 'wrongEntryType',
          data: {
            key: 'when',
            name: 'formData',
            api: 'uploadtask.uploadFile',
            expected: 'a string or a number',
            actual: 'null',
          },
          line: 2,
          column: 107,
          endLine: 2,
          endColumn: 111,
        },
        {
          messageId: 'wrongEntryType',
          data: {
            key: 'at',
            name: 'formData',
            api: 'uploadtask.uploadFile',
            expected: 'a string or a number',
            actual: 'a regular expression',
          },
          line: 2,
          column: 117,
          endLine: 2,
          endColumn: 120,
        },
      ],
    },
    {
      // a computed key whose name is known statically, a method, and an object wrapped in `satisfies`, inside a const options object
      code: `${upload}const options = { url: 'u', filePath: 'f', name: 'n', header: { ['X-A']: !0, b() {} } satisfies object }\nuploadtask.uploadFile(options)`,
      errors: [
        {
          messageId: 'wrongEntryType',
          data: {
            key: 'X-A',
            name: 'header',
            api: 'uploadtask.uploadFile',
            expected: 'a string or a number',
            actual: 'a boolean',
          },
          line: 2,
          column: 74,
          endLine: 2,
          endColumn: 76,
        },
        {
          messageId: 'wrongEntryType',
          data: {
            key: 'b',
            name: 'header',
            api: 'uploadtask.uploadFile',
            expected: 'a string or a number',
            actual: 'a function',
          },
          line: 2,
          column: 79,
          endLine: 2,
          endColumn: 84,
        },
      ],
    },
    {
      // a const options object is read, and the report points into it
      code: `${request}const options = { url: 'u', fail: true }\nrequest.download(options)`,
      errors: [
        {
          messageId: 'wrongType',
          data: { name: 'fail', api: 'request.download', expected: 'a function', actual: 'a boolean' },
          line: 2,
          column: 35,
          endLine: 2,
          endColumn: 39,
        },
      ],
    },
    {
      // a computed key naming a constant, in a nested object: read through that object's scope
      code: `${upload}const H = 'X-Count'\nuploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n', header: { [H]: true } })`,
      errors: [
        {
          messageId: 'wrongEntryType',
          data: {
            key: 'X-Count',
            name: 'header',
            api: 'uploadtask.uploadFile',
            expected: 'a string or a number',
            actual: 'a boolean',
          },
          line: 3,
          column: 76,
          endLine: 3,
          endColumn: 80,
        },
      ],
    },
    {
      code: `${bright}brightness.setValue({ value: 256 })`,
      errors: [
        {
          messageId: 'outOfRange',
          data: { value: '`256`', name: 'value', api: 'brightness.setValue', allowed: 'an integer from 0 to 255' },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 33,
        },
      ],
    },
    {
      code: `${bright}brightness.setValue({ value: -1, fail() {} })`,
      errors: [
        {
          messageId: 'outOfRange',
          data: { value: '`-1`', name: 'value', api: 'brightness.setValue', allowed: 'an integer from 0 to 255' },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 32,
        },
      ],
    },
    {
      code: `${bright}brightness.setValue({ value: 1.5 })`,
      errors: [
        {
          messageId: 'notInteger',
          data: { value: '`1.5`', name: 'value', api: 'brightness.setValue', allowed: 'an integer from 0 to 255' },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 33,
        },
      ],
    },
    {
      code: `${bright}brightness.setValue({ value: -1 as number })`,
      errors: [
        {
          messageId: 'outOfRange',
          data: { value: '`-1`', name: 'value', api: 'brightness.setValue', allowed: 'an integer from 0 to 255' },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 42,
        },
      ],
    },
    {
      code: `${bright}brightness.setValue({ value: 0x100 satisfies number })`,
      errors: [
        {
          messageId: 'outOfRange',
          data: { value: '`0x100`', name: 'value', api: 'brightness.setValue', allowed: 'an integer from 0 to 255' },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 52,
        },
      ],
    },
    {
      code: `${vib}vibrator.start({ duration: 300, interval: 200, count: 0 })`,
      errors: [
        {
          messageId: 'outOfRange',
          data: { value: '`0`', name: 'count', api: 'vibrator.start', allowed: 'a positive integer' },
          line: 2,
          column: 55,
          endLine: 2,
          endColumn: 56,
        },
      ],
    },
    {
      code: `${vib}vibrator.start({ duration: 0.5, interval: 2.5, count: -3 })`,
      errors: [
        {
          messageId: 'outOfRange',
          data: { value: '`0.5`', name: 'duration', api: 'vibrator.start', allowed: 'a positive integer' },
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 31,
        },
        {
          messageId: 'notInteger',
          data: { value: '`2.5`', name: 'interval', api: 'vibrator.start', allowed: 'a positive integer' },
          line: 2,
          column: 43,
          endLine: 2,
          endColumn: 46,
        },
        {
          messageId: 'outOfRange',
          data: { value: '`-3`', name: 'count', api: 'vibrator.start', allowed: 'a positive integer' },
          line: 2,
          column: 55,
          endLine: 2,
          endColumn: 57,
        },
      ],
    },
    {
      code: `${vol}volume.setMediaValue({ value: 50 })\nvolume.setMediaValue({ value: -0.1 })`,
      errors: [
        {
          messageId: 'outOfRange',
          data: { value: '`50`', name: 'value', api: 'volume.setMediaValue', allowed: 'a number from 0.0 to 1.0' },
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 33,
        },
        {
          messageId: 'outOfRange',
          data: { value: '`-0.1`', name: 'value', api: 'volume.setMediaValue', allowed: 'a number from 0.0 to 1.0' },
          line: 3,
          column: 31,
          endLine: 3,
          endColumn: 35,
        },
      ],
    },
    {
      code: `${ble}client.setBLEMtuSize({ mtu: 20 })\nclient.setBLEMtuSize({ mtu: 1024 })`,
      errors: [
        {
          messageId: 'outOfRange',
          data: {
            value: '`20`',
            name: 'mtu',
            api: 'GattClientDevice.setBLEMtuSize',
            allowed: 'a number from 22 to 512',
          },
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 31,
        },
        {
          messageId: 'outOfRange',
          data: {
            value: '`1024`',
            name: 'mtu',
            api: 'GattClientDevice.setBLEMtuSize',
            allowed: 'a number from 22 to 512',
          },
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 33,
        },
      ],
    },
    {
      // A string is still the wrong type, not a number out of range.
      code: `${bright}brightness.setValue({ value: '300' })`,
      errors: [
        {
          messageId: 'wrongType',
          data: { name: 'value', api: 'brightness.setValue', expected: 'an integer', actual: 'a string' },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 35,
        },
      ],
    },
    {
      // require + destructuring
      code: "const { download } = require('@system.request')\ndownload({ url: 'u', timeout: 1 })",
      errors: [{ messageId: 'unknownOption', line: 2, column: 22, endLine: 2, endColumn: 29 }],
    },
    {
      code: `${upload}const task = uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n' })\ntask.onProgressUpdate('progress')`,
      errors: [
        {
          messageId: 'wrongArgumentType',
          data: { name: 'callback', api: 'UploadTask.onProgressUpdate', expected: 'a function', actual: 'a string' },
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 33,
        },
      ],
    },
  ],
});
