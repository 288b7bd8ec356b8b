import { createRuleTester } from './test-utils/rule-tester.js';
import rule from './no-unknown-member.js';

const request = "import request from '@system.request'\n";
const upload = "import uploadtask from '@system.uploadtask'\n";
const options = "{ url: 'u', filePath: 'f', name: 'n' }";

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
    // Writes.
    `${request}request.donwload = () => {}`,
    // A reassigned variable may hold anything.
    `${upload}let task = uploadtask.uploadFile(${options})\ntask = other\ntask.onProgresUpdate(() => {})`,
    // Not Vela's module.
    "import request from 'request'\nrequest.donwload()",
    // A file without any @system import.
    'request.donwload()',
  ],
  invalid: [
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
          suggestions: [{ messageId: 'replaceWith', data: { suggestion: 'download' }, output: `${request}request.download({ url: 'u' })` }],
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
          data: { object: 'task', name: 'onProgresUpdate', interface: 'UploadTask', api: 'uploadtask.uploadFile', suggestion: 'onProgressUpdate' },
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 21,
          suggestions: [{ messageId: 'replaceWith', output: `${upload}const task = uploadtask.uploadFile(${options})\ntask.onProgressUpdate(() => {})` }],
        },
      ],
    },
    {
      // The returned UploadTask, chained on the call.
      code: `${upload}uploadtask.uploadFile(${options}).abrot()`,
      errors: [
        {
          messageId: 'unknownInterfaceMember',
          data: { object: `uploadtask.uploadFile(${options})`, name: 'abrot', interface: 'UploadTask', api: 'uploadtask.uploadFile', suggestion: 'abort' },
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
          suggestions: [{ messageId: 'replaceWith', output: `${request}if (typeof request.donwload === 'function') request.download()` }],
        },
      ],
    },
  ],
});
