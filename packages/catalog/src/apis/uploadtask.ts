import { supportedBy } from '../support-table.js';
import type { Module } from '../types.js';
import { standardCallbacks } from './callbacks.js';

const progressCallback = '(event: UploadProgressEvent) => void';

/** `@system.uploadtask`: multipart file upload with a task handle. */
export const uploadtask = {
  name: 'system.uploadtask',
  summary: 'Upload a local file to a server as multipart/form-data and follow its progress.',
  requiresDeclaration: true,
  apiLevel: 3,
  support: supportedBy('system.uploadtask'),
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/en/features/network/uploadtask.html',
  methods: [
    {
      name: 'uploadFile',
      description:
        'Starts uploading one file and returns an `UploadTask` for this request at once. The file is sent in a POST ' +
        'multipart/form-data body under the field `name`; `formData` entries travel as extra text fields.',
      signature: {
        kind: 'options',
        params: [
          {
            name: 'url',
            type: 'string',
            required: true,
            description: 'Address of the server endpoint that receives the upload (http or https).',
          },
          {
            name: 'filePath',
            type: 'string',
            required: true,
            description: 'Local path of the file to send, such as `internal://files/photo.png`.',
          },
          {
            name: 'name',
            type: 'string',
            required: true,
            description: 'Form field name of the file part; the server reads the file content under this key.',
          },
          {
            name: 'header',
            type: 'object',
            required: false,
            description: 'Request headers; every property becomes one header of the request.',
            // A watch refuses any other value (`202`) before sending; numbers are sent as their decimal text.
            entries: ['string', 'number'],
          },
          {
            name: 'formData',
            type: 'object',
            required: false,
            description: 'Extra form fields sent alongside the file, one text part per property.',
            // As for `header`: anything else is refused with `202`; numbers travel as text parts.
            entries: ['string', 'number'],
          },
          {
            name: 'timeout',
            type: 'number',
            required: false,
            description: 'Time limit for the whole transfer, in milliseconds.',
            default: '20000',
          },
          ...standardCallbacks('UploadFileSuccess'),
        ],
      },
      success: [
        { name: 'statusCode', type: 'integer', description: 'HTTP status code the server answered with.' },
        { name: 'data', type: 'string', description: 'Body of the server response, as text.' },
        {
          name: 'headers',
          type: 'object',
          description: 'Every header of the server response, each value as text.',
          // One string per header name, never a list (Node would give string[] for a repeated header).
          entries: ['string'],
        },
      ],
      // The page lists no codes. A watch checks the options first (202) and otherwise passes its network layer's raw
      // libcurl code to `fail`, so no 200/204/300 mapping can be promised for a device.
      errors: [
        {
          code: 202,
          meaning:
            'an option failed the checks made before sending: `url` not http(s), no file at `filePath`, empty `name`, ' +
            "or a `header`/`formData` value that is neither a string nor a number (known from the watch's code)",
          undocumented: true,
        },
        {
          code: 203,
          meaning: 'the API is not supported (the only meaning the docs give this common code)',
          undocumented: true,
        },
        { code: 6, meaning: 'the host name could not be resolved (raw libcurl code on a watch)', undocumented: true },
        { code: 7, meaning: 'the connection was refused (raw libcurl code on a watch)', undocumented: true },
        { code: 26, meaning: 'the file could not be read (raw libcurl code on a watch)', undocumented: true },
        {
          code: 28,
          meaning: 'the transfer took longer than `timeout` (raw libcurl code on a watch)',
          undocumented: true,
        },
      ],
      returns: 'UploadTask',
      example: [
        'const task = uploadtask.uploadFile({',
        "  url: 'https://example.com/upload',",
        "  filePath: 'internal://files/photo.png',",
        "  name: 'photo',",
        '  success(res) { console.log(res.statusCode, res.data) },',
        '  fail(message, code) { console.log(`upload failed (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
  ],
  interfaces: [
    {
      name: 'UploadTask',
      description: 'Handle of one upload started by `uploadFile`.',
      methods: [
        {
          name: 'abort',
          description: 'Stops the upload at once. Neither `fail` nor `complete` is called afterwards.',
          signature: { kind: 'positional', params: [] },
          example: 'uploadTask.abort()',
        },
        {
          name: 'onProgressUpdate',
          description: 'Adds a listener called as the upload progresses.',
          signature: {
            kind: 'positional',
            params: [
              {
                name: 'callback',
                type: 'function',
                required: true,
                description: 'Listener that receives each progress event.',
                callback: progressCallback,
              },
            ],
          },
          success: [
            { name: 'progress', type: 'number', description: 'Share of the upload already sent, in percent (0-100).' },
            { name: 'totalBytesSent', type: 'number', description: 'Bytes sent so far.' },
            { name: 'totalBytesExpectedToSend', type: 'number', description: 'Total bytes the upload will send.' },
          ],
          example: 'uploadTask.onProgressUpdate((event) => console.log(`${event.progress}%`))',
        },
        {
          name: 'offProgressUpdate',
          description:
            'Removes a progress listener. Given a callback, removes only that listener; without one, removes them all.',
          signature: {
            kind: 'positional',
            params: [
              {
                name: 'callback',
                type: 'function',
                required: false,
                description: 'The listener to remove; omit it to remove every listener.',
                callback: progressCallback,
              },
            ],
          },
          example: 'uploadTask.offProgressUpdate()',
        },
      ],
    },
  ],
} as const satisfies Module;
