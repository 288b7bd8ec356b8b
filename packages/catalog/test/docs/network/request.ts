// features/network/request: transcribed from the page's tables.
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/network/request',
  modules: ['system.request'],
  declared: true,
  support: '✔✘✘✔✘✘✘✔✔✔✔',
  methods: [
    {
      name: 'request.download',
      params: [
        ['url', 'String', true],
        ['header', 'String', false],
        ['filename', 'String', false],
        ['success', 'Function', false],
        ['fail', 'Function', false],
        ['complete', 'Function', false],
      ],
      success: [['token', 'String']],
    },
    {
      name: 'request.onDownloadComplete',
      params: [
        ['token', 'String', true],
        ['success', 'Function', false],
        ['fail', 'Function', false],
        ['complete', 'Function', false],
      ],
      success: [['uri', 'String']],
      errorCodes: [1000, 1001],
    },
  ],
} satisfies DocTranscript;
