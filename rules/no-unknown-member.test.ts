import { createRuleTester } from './test-utils/rule-tester.js';
import rule from './no-unknown-member.js';

const request = "import request from '@system.request'\n";
const upload = "import uploadtask from '@system.uploadtask'\n";
const options = "{ url: 'u', filePath: 'f', name: 'n' }";
/** `let connect = null`, then `function start() { connect = interconnect.instance()` (open: the test goes on). */
const lazyLet =
  "import interconnect from '@system.interconnect'\nlet connect = null\nfunction start() {\n  connect = interconnect.instance()\n  ";
const singleton = [
  "import interconnect from '@system.interconnect'",
  'let connect = null',
  'function getConnect() {',
  '  if (!connect) connect = interconnect.instance()',
  '  return connect',
  '}',
  '',
].join('\n');

createRuleTester().run('no-unknown-member', rule, {
  valid: [
    // Documented members, on the module and on what a method returns.
    `${request}request.download({ url: 'u' })\nrequest.onDownloadComplete({ token: 't' })`,
    `${upload}const task = uploadtask.uploadFile(${options})\ntask.onProgressUpdate(() => {})\ntask.abort()`,
    `${upload}uploadtask.uploadFile(${options}).abort()`,
    // Too dynamic to know: a computed member.
    `${request}const name = 'donwload'\nrequest[name]({ url: 'u' })`,
    // A name nowhere near a documented member may be something velakit does not know.
    `${request}request.somethingElseEntirely()`,
    // Names every object has.
    `${request}request.toString()\nrequest.hasOwnProperty('download')`,
    // Undocumented and reserved modules: nothing documented to compare with.
    "import alarm from '@system.alarm'\nalarm.setAlarn()",
    "import telecom from '@system.telecom'\ntelecom.donwload()",
    // Feature detection asks whether a member exists (newer firmware may have it): silent, on modules and returned objects.
    `${request}if (typeof request.download === 'function') request.download({ url: 'u' })`,
    `${request}if (typeof request.donwloadFast === 'function') {}`,
    `${request}if (typeof request.donwload !== 'undefined') {}`,
    `${upload}const task = uploadtask.uploadFile(${options})\nif (typeof task.onProgresUpdate === 'function') {}`,
    // The other existence tests are feature detection too: a truthy test, `!`, `?:`, `&&`/`||` chains, `== null`,
    // `'x' in mod` (no member read at all), and a `const` holding a `typeof` test.
    `${request}if (request.donwload) {}`,
    `${request}if (!request.donwload) {}\nwhile (request.donwload) {}`,
    `${request}const mode = request.donwload ? 'new' : 'old'`,
    `${request}const ok = request && request.donwload && ready`,
    `${request}if (request.donwload == null || request.donwload === undefined || request.donwload !== void 0) {}`,
    `${request}if ('donwload' in request) {}`,
    `${upload}const task = uploadtask.uploadFile(${options})\nif (task.onProgresUpdate) {}`,
    "import vibrator from '@system.vibrator'\nconst canVibrate = typeof vibrator.vibrat === 'function'",
    // Writes: to a module without attributes or event handlers, compound writes, and names far from any.
    `${request}request.donwload = () => {}`,
    "import fetch from '@system.fetch'\nfetch.fecth = () => {}",
    "import audio from '@system.audio'\naudio.onend += 1\naudio.scr++\ndelete audio.scr",
    "import audio from '@system.audio'\naudio.myPlaylist = []\naudio.onload = () => {}",
    // Documented attributes and handlers, set and cleared.
    "import audio from '@system.audio'\naudio.src = 'internal://files/a.mp3'\naudio.loop = true\naudio.onplay = null\naudio.onended = () => {}",
    "import interconnect from '@system.interconnect'\nconst conn = interconnect.instance()\nconn.onmessage = (data) => {}\nconn.onerror = () => {}",
    // A reassigned variable may hold anything.
    `${upload}let task = uploadtask.uploadFile(${options})\ntask = other\ntask.onProgresUpdate(() => {})`,
    // A function returning the connection (a lazy singleton): documented members through its calls are fine.
    `${singleton}getConnect().onmessage = (message) => {}\ngetConnect().send({ data: {} })`,
    // A `let` whose one value is the connection (assigned later, after `null`): documented members are fine.
    `${lazyLet}connect.onmessage = (data) => {}\n  connect.send({ data: {} })\n}\nif (connect) connect.getReadyState()`,
    // A `let` assigned twice, or starting as something else, or a parameter, may hold anything: not followed.
    `${lazyLet}}\nfunction restart() {\n  connect = interconnect.instance()\n}\nconnect.onmesage = () => {}`,
    "import interconnect from '@system.interconnect'\nlet connect = fallback\nconnect = interconnect.instance()\nconnect.onmesage = () => {}",
    "import interconnect from '@system.interconnect'\nfunction start(connect) {\n  connect = interconnect.instance()\n  connect.onmesage = () => {}\n}",
    // A function that may return something else is not followed.
    "import interconnect from '@system.interconnect'\nfunction getConnect(other) { return ready ? interconnect.instance() : other }\ngetConnect().onmesage = () => {}",
    // Not Vela's module.
    "import request from 'request'\nrequest.donwload()",
    // A file without any @system import.
    'request.donwload()',
  ],
  invalid: [
    // Assigned attributes and event handlers: a slip is a new property the device never reads.
    {
      code: "import audio from '@system.audio'\naudio.scr = 'internal://files/a.mp3'",
      errors: [
        {
          messageId: 'unknownAssigned',
          data: { object: 'audio', name: 'scr', owner: '`@system.audio`', suggestion: 'src' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'replaceWith',
              data: { suggestion: 'src' },
              output: "import audio from '@system.audio'\naudio.src = 'internal://files/a.mp3'",
            },
          ],
        },
      ],
    },
    {
      code: "import audio from '@system.audio'\naudio.onend = () => {}",
      errors: [
        {
          messageId: 'unknownAssigned',
          data: { object: 'audio', name: 'onend', owner: '`@system.audio`', suggestion: 'onended' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'replaceWith',
              data: { suggestion: 'onended' },
              output: "import audio from '@system.audio'\naudio.onended = () => {}",
            },
          ],
        },
      ],
    },
    {
      code: "import volume from '@system.volume'\nvolume.onMediaValueChange = (res) => {}",
      errors: [
        {
          messageId: 'unknownAssigned',
          data: {
            object: 'volume',
            name: 'onMediaValueChange',
            owner: '`@system.volume`',
            suggestion: 'onMediaValueChanged',
          },
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'replaceWith',
              data: { suggestion: 'onMediaValueChanged' },
              output: "import volume from '@system.volume'\nvolume.onMediaValueChanged = (res) => {}",
            },
          ],
        },
      ],
    },
    {
      code: "import interconnect from '@system.interconnect'\nconst conn = interconnect.instance()\nconn.onerorr = () => {}",
      errors: [
        {
          messageId: 'unknownAssigned',
          data: {
            object: 'conn',
            name: 'onerorr',
            owner: '`Connect` (what `interconnect.instance` returns)',
            suggestion: 'onerror',
          },
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'replaceWith',
              data: { suggestion: 'onerror' },
              output:
                "import interconnect from '@system.interconnect'\nconst conn = interconnect.instance()\nconn.onerror = () => {}",
            },
          ],
        },
      ],
    },
    {
      code: `${request}request.donwload({ url: 'u' })`,
      errors: [
        {
          messageId: 'unknownMember',
          data: { object: 'request', name: 'donwload', module: 'system.request', suggestion: 'download' },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'replaceWith',
              data: { suggestion: 'download' },
              output: `${request}request.download({ url: 'u' })`,
            },
          ],
        },
      ],
    },
    {
      // Another case of the same name.
      code: `${upload}uploadtask.uploadfile(${options})`,
      errors: [
        {
          messageId: 'unknownMember',
          data: { object: 'uploadtask', name: 'uploadfile', module: 'system.uploadtask', suggestion: 'uploadFile' },
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 22,
          suggestions: [{ messageId: 'replaceWith', output: `${upload}uploadtask.uploadFile(${options})` }],
        },
      ],
    },
    {
      // The returned UploadTask, through a variable.
      code: `${upload}const task = uploadtask.uploadFile(${options})\ntask.onProgresUpdate(() => {})`,
      errors: [
        {
          messageId: 'unknownInterfaceMember',
          data: {
            object: 'task',
            name: 'onProgresUpdate',
            interface: 'UploadTask',
            api: 'uploadtask.uploadFile',
            suggestion: 'onProgressUpdate',
          },
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'replaceWith',
              output: `${upload}const task = uploadtask.uploadFile(${options})\ntask.onProgressUpdate(() => {})`,
            },
          ],
        },
      ],
    },
    {
      // The returned UploadTask, chained on the call.
      code: `${upload}uploadtask.uploadFile(${options}).abrot()`,
      errors: [
        {
          messageId: 'unknownInterfaceMember',
          data: {
            object: `uploadtask.uploadFile(${options})`,
            name: 'abrot',
            interface: 'UploadTask',
            api: 'uploadtask.uploadFile',
            suggestion: 'abort',
          },
          line: 2,
          column: 63,
          endLine: 2,
          endColumn: 68,
          suggestions: [{ messageId: 'replaceWith', output: `${upload}uploadtask.uploadFile(${options}).abort()` }],
        },
      ],
    },
    {
      // Behind a `typeof` test, the test is silent but the call of the misspelled member is reported.
      code: `${request}if (typeof request.donwload === 'function') request.donwload()`,
      errors: [
        {
          messageId: 'unknownMember',
          data: { object: 'request', name: 'donwload', module: 'system.request', suggestion: 'download' },
          line: 2,
          column: 53,
          endLine: 2,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'replaceWith',
              output: `${request}if (typeof request.donwload === 'function') request.download()`,
            },
          ],
        },
      ],
    },
    {
      // Each existence test is silent; each call of the misspelled member is reported, once, optional calls included
      // (the name is never there, so the call silently never runs on any device).
      code: `${request}if (request.donwload) request.donwload({ url: 'u' })\nrequest.donwload && request.donwload({ url: 'u' })\nrequest.donwload?.({ url: 'u' })`,
      errors: [
        {
          messageId: 'unknownMember',
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'replaceWith',
              output: `${request}if (request.donwload) request.download({ url: 'u' })\nrequest.donwload && request.donwload({ url: 'u' })\nrequest.donwload?.({ url: 'u' })`,
            },
          ],
        },
        {
          messageId: 'unknownMember',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'replaceWith',
              output: `${request}if (request.donwload) request.donwload({ url: 'u' })\nrequest.donwload && request.download({ url: 'u' })\nrequest.donwload?.({ url: 'u' })`,
            },
          ],
        },
        {
          messageId: 'unknownMember',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'replaceWith',
              output: `${request}if (request.donwload) request.donwload({ url: 'u' })\nrequest.donwload && request.donwload({ url: 'u' })\nrequest.download?.({ url: 'u' })`,
            },
          ],
        },
      ],
    },
    {
      // A test through a helper `const`, then the call: the call is reported.
      code: "import vibrator from '@system.vibrator'\nconst canVibrate = typeof vibrator.vibrat === 'function'\nif (canVibrate) vibrator.vibrat({ mode: 'short' })",
      errors: [
        {
          messageId: 'unknownMember',
          data: { object: 'vibrator', name: 'vibrat', module: 'system.vibrator', suggestion: 'vibrate' },
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'replaceWith',
              output:
                "import vibrator from '@system.vibrator'\nconst canVibrate = typeof vibrator.vibrat === 'function'\nif (canVibrate) vibrator.vibrate({ mode: 'short' })",
            },
          ],
        },
      ],
    },
    {
      // A value used as more than a test is a use: a bare read hands the member on, and so does the right side of a
      // chain whose value is used. The left side of `??`/`||` is a test with a fallback.
      code: `${request}const get = request.donwload\nconst pick = request.donwload ?? fallback\nuse(!!request.donwload || request.donwload)`,
      errors: [
        {
          messageId: 'unknownMember',
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'replaceWith',
              output: `${request}const get = request.download\nconst pick = request.donwload ?? fallback\nuse(!!request.donwload || request.donwload)`,
            },
          ],
        },
        {
          messageId: 'unknownMember',
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'replaceWith',
              output: `${request}const get = request.donwload\nconst pick = request.donwload ?? fallback\nuse(!!request.donwload || request.download)`,
            },
          ],
        },
      ],
    },
    {
      // Through a function returning the connection (a lazy singleton): an assigned handler and a called method.
      code: `${singleton}getConnect().onmesage = (message) => {}\nconst conn = getConnect()\nconn.sned({ data: {} })`,
      errors: [
        {
          messageId: 'unknownAssigned',
          data: {
            object: 'getConnect()',
            name: 'onmesage',
            owner: '`Connect` (what `interconnect.instance` returns)',
            suggestion: 'onmessage',
          },
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'replaceWith',
              output: `${singleton}getConnect().onmessage = (message) => {}\nconst conn = getConnect()\nconn.sned({ data: {} })`,
            },
          ],
        },
        {
          messageId: 'unknownInterfaceMember',
          data: {
            object: 'conn',
            name: 'sned',
            interface: 'Connect',
            api: 'interconnect.instance',
            suggestion: 'send',
          },
          line: 9,
          column: 6,
          endLine: 9,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'replaceWith',
              output: `${singleton}getConnect().onmesage = (message) => {}\nconst conn = getConnect()\nconn.send({ data: {} })`,
            },
          ],
        },
      ],
    },
    {
      // A `let` whose one value is the connection: a misspelled handler and method, wherever the variable is read.
      code: `${lazyLet}connect.onmesage = (data) => {}\n}\nexport function stop() {\n  if (connect) connect.sned({ data: {} })\n}`,
      errors: [
        {
          messageId: 'unknownAssigned',
          data: {
            object: 'connect',
            name: 'onmesage',
            owner: '`Connect` (what `interconnect.instance` returns)',
            suggestion: 'onmessage',
          },
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'replaceWith',
              output: `${lazyLet}connect.onmessage = (data) => {}\n}\nexport function stop() {\n  if (connect) connect.sned({ data: {} })\n}`,
            },
          ],
        },
        {
          messageId: 'unknownInterfaceMember',
          data: {
            object: 'connect',
            name: 'sned',
            interface: 'Connect',
            api: 'interconnect.instance',
            suggestion: 'send',
          },
          line: 8,
          column: 24,
          endLine: 8,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'replaceWith',
              output: `${lazyLet}connect.onmesage = (data) => {}\n}\nexport function stop() {\n  if (connect) connect.send({ data: {} })\n}`,
            },
          ],
        },
      ],
    },
    {
      // A function returning the module: its members are the module's.
      code: "import fetch from '@system.fetch'\nconst api = () => fetch\napi().fecth({ url: 'u' })",
      errors: [
        {
          messageId: 'unknownMember',
          data: { object: 'api()', name: 'fecth', module: 'system.fetch', suggestion: 'fetch' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'replaceWith',
              output: "import fetch from '@system.fetch'\nconst api = () => fetch\napi().fetch({ url: 'u' })",
            },
          ],
        },
      ],
    },
  ],
});
