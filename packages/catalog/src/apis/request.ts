import { supportedBy } from '../support-table.js';
import type { Module } from '../types.js';
import { standardCallbacks } from './callbacks.js';

/** `@system.request`: background file download identified by a token. */
export const request = {
  name: 'system.request',
  summary: 'Download a file in the background and learn when it has finished.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: supportedBy('system.request'),
  background: true,
  docUrl: 'https://iot.mi.com/vela/quickapp/en/features/network/request.html',
  methods: [
    {
      name: 'download',
      description:
        'Starts downloading a file. `success` receives a token at once; pass it to `onDownloadComplete` to learn ' +
        'where the file was saved.',
      signature: {
        kind: 'options',
        params: [
          {
            name: 'url',
            type: 'string',
            required: true,
            description: 'Address of the resource to download (http or https).',
          },
          {
            name: 'header',
            type: 'string',
            required: false,
            description: 'Request headers as text, one `Key: value` line per header.',
            // The page's table says String, while its text is uploadFile's `header` text word for word ("every
            // property becomes a header"): an object taking what uploadFile's takes.
            describedAs: { type: 'object', entries: ['string', 'number'] },
          },
          {
            name: 'filename',
            type: 'string',
            required: false,
            description:
              'Name to save the file under: a plain name or an `internal://` URI. Without it the name comes from the ' +
              'response or the URL.',
            default: 'the name from the response or the URL, in the app cache directory',
          },
          ...standardCallbacks('DownloadSuccess'),
          {
            name: 'share',
            type: 'boolean',
            required: false,
            description: "Not in the docs: an option the watch's code reads; its effect is not documented.",
            default: 'true',
            undocumented: true,
          },
          {
            name: 'onDownLoadNotify',
            type: 'function',
            required: false,
            description:
              "Not in the docs: a progress listener the watch's code calls with `{ result, percent }` while the file downloads.",
            callback: '(event: { result: number; percent: number }) => void',
            undocumented: true,
          },
        ],
      },
      success: [
        { name: 'token', type: 'string', description: 'Identifies the download; pass it to `onDownloadComplete`.' },
      ],
      // The page lists no codes for `download`; these come from the watch's code.
      errors: [
        { code: 202, meaning: "the URL is missing or not http(s) (known from the watch's code)", undocumented: true },
        { code: 200, meaning: "no space left to store the download (known from the watch's code)", undocumented: true },
        {
          code: 203,
          meaning: 'the API is not supported (the only meaning the docs give this common code)',
          undocumented: true,
        },
      ],
      example: [
        'request.download({',
        "  url: 'https://example.com/watchface.zip',",
        '  success(res) { console.log(`download started: ${res.token}`) },',
        '  fail(message, code) { console.log(`download not started (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'onDownloadComplete',
      description: 'Waits for the download a token names and reports the URI of the saved file.',
      signature: {
        kind: 'options',
        params: [
          {
            name: 'token',
            type: 'string',
            required: true,
            description: 'The token `download` passed to its `success` callback.',
          },
          ...standardCallbacks('DownloadCompleteSuccess'),
        ],
      },
      success: [
        {
          name: 'uri',
          type: 'string',
          description:
            'internal:// URI of the downloaded file, in the app cache directory unless `filename` chose another place.',
        },
      ],
      errors: [
        { code: 1000, meaning: 'the download failed' },
        { code: 1001, meaning: 'no download task has this token, or `token` is missing' },
        { code: 2, meaning: "the download was cancelled (known from the watch's code)", undocumented: true },
        { code: 1002, meaning: "the download was cancelled (known from the watch's code)", undocumented: true },
      ],
      example: [
        'request.onDownloadComplete({',
        "  token: 'token-from-download',",
        '  success(res) { console.log(`saved at ${res.uri}`) },',
        '  fail(message, code) { console.log(`download failed (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
  ],
  interfaces: [],
} as const satisfies Module;
