// features/system/record: transcribed from the page's tables (this page has a default column).
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/system/record',
  modules: ['system.record'],
  declared: true,
  support: '✘✘✘✘✘✘✘✘✘✘✔',
  methods: [
    {
      name: 'record.start',
      params: [
        ['duration', 'Number', false, { default: '0' }],
        ['sampleRate', 'Number', false, { default: '8000' }],
        ['numberOfChannels', 'Number', false, { default: '1', values: [1, 2] }],
        ['encodeBitRate', 'Number', false, { default: '128000' }],
        ['frameSize', 'Number', false],
        ['format', 'String', false, { default: 'pcm', values: ['pcm', 'opus', 'wav'] }],
        ['success', 'Function', false],
        ['fail', 'Function', false],
        ['complete', 'Function', false],
      ],
      success: [['uri', 'String']],
      errorCodes: [200, 205, 202],
    },
    { name: 'record.stop' },
  ],
  properties: [
    ['onframerecorded', 'Function'],
    // Its callback table.
    ['onframerecorded.frameBuffer', 'Uint8Array'],
    ['onframerecorded.isLastFrame', 'boolean'],
  ],
} satisfies DocTranscript;
