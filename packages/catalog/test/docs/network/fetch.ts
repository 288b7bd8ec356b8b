// features/network/fetch: transcribed from the page's tables.
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/network/fetch',
  modules: ['system.fetch'],
  declared: true,
  support: '✔✘✘✔✘✘✘✔✔✔✔',
  methods: [
    {
      name: 'fetch.fetch',
      params: [
        ['url', 'String', true],
        ['data', 'String/Object/ArrayBuffer', false],
        ['header', 'Object', false],
        ['method', 'String', false, { default: 'GET', values: ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'] }],
        ['responseType', 'String', false, { values: ['text', 'json', 'file', 'arraybuffer'] }],
        ['success', 'Function', false],
        ['fail', 'Function', false],
        ['complete', 'Function', false],
      ],
      success: [
        ['code', 'Integer'],
        ['data', 'String/Object /ArrayBuffer'],
        ['headers', 'Object'],
      ],
      // The page's example: "we can also handle the callbacks the promise way".
      promise: true,
    },
  ],
} satisfies DocTranscript;
