// features/system/zip: transcribed from the page's tables. The page has no support table.
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/system/zip',
  modules: ['system.zip'],
  declared: true,
  methods: [
    {
      name: 'zip.decompress',
      params: [
        ['srcUri', 'String', true],
        ['dstUri', 'String', true],
        ['success', 'Function', false],
        ['fail', 'Function', false],
        ['complete', 'Function', false],
      ],
      errorCodes: [202, 300],
    },
  ],
} satisfies DocTranscript;
