import { supportedBy } from '../support-table.js';
import type { Module } from '../types.js';
import { standardCallbacks } from './callbacks.js';

/** `@system.fetch`: HTTP requests, with callbacks or a Promise. */
export const fetch = {
  name: 'system.fetch',
  summary: 'Send an HTTP request and receive the response as text, a parsed object, a file or an ArrayBuffer.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: supportedBy('system.fetch'),
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/network/fetch.html',
  methods: [
    {
      name: 'fetch',
      description:
        'Sends an HTTP request. How `data` is sent depends on its type and the `Content-Type` header: a string is the ' +
        'body as is (text/plain by default), an object is form-encoded unless another content type is set, an ' +
        'ArrayBuffer is sent as binary (application/octet-stream by default). Called without `success`, `fail` and ' +
        '`complete`, it returns a Promise.',
      signature: {
        kind: 'options',
        params: [
          { name: 'url', type: 'string', required: true, description: 'Address of the resource.' },
          {
            name: 'data',
            type: ['string', 'object', 'arraybuffer'],
            required: false,
            description:
              'Request body: a string, a plain object (form-encoded when no other `Content-Type` is set) or an ArrayBuffer.',
          },
          {
            name: 'header',
            type: 'object',
            required: false,
            description: 'Request headers; every property becomes one header. The option is `header`, not `headers`.',
          },
          {
            name: 'method',
            type: 'string',
            required: false,
            description: 'HTTP method.',
            default: 'GET',
            values: ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'],
          },
          {
            name: 'responseType',
            type: 'string',
            required: false,
            description:
              'How to hand over the response body: `text` (a string), `json` (a parsed object), `file` (the URI of a ' +
              'temporary file) or `arraybuffer`. Without it the response `Content-Type` decides: text types and JSON, ' +
              'JavaScript or XML give text, anything else a temporary file URI.',
            default: 'chosen from the response Content-Type',
            values: ['text', 'json', 'file', 'arraybuffer'],
          },
          ...standardCallbacks('FetchSuccess'),
        ],
      },
      success: [
        { name: 'code', type: 'integer', description: 'HTTP status code of the response.' },
        {
          name: 'data',
          type: ['string', 'object', 'arraybuffer'],
          description:
            'Response body: a string for `text` (or a temporary file URI for `file`), an object for `json`, an ' +
            'ArrayBuffer for `arraybuffer`.',
        },
        {
          name: 'headers',
          type: 'object',
          description: 'Every header of the response, each value as text.',
          entries: ['string'],
        },
      ],
      // The page lists no codes; a watch maps its network failures to these common codes (only fetch does so).
      errors: [
        { code: 200, meaning: "the request failed (known from the watch's code)", undocumented: true },
        { code: 202, meaning: 'an option is missing or invalid (common code)', undocumented: true },
        { code: 204, meaning: "the request timed out (known from the watch's code)", undocumented: true },
        { code: 300, meaning: "the response could not be stored (known from the watch's code)", undocumented: true },
      ],
      promise: true,
      example: [
        'fetch.fetch({',
        "  url: 'https://example.com/weather.json',",
        "  responseType: 'json',",
        '  success(res) { console.log(res.code, res.data) },',
        '  fail(message, code) { console.log(`request failed (${code}): ${message}`) },',
        '})',
        '// Without callbacks it returns a Promise of `{ data }`, where `data` is what `success` receives:',
        "fetch.fetch({ url: 'https://example.com/' }).then((res) => console.log(res.data.code))",
      ].join('\n'),
    },
  ],
  interfaces: [],
} as const satisfies Module;
