// features/system/volume: transcribed from the page's tables. The page has no support table; setMediaValue's fail
// refers to the common error codes rather than listing its own.
import type { DocTranscript } from '../transcript.js';

const callbacks = [
  ['success', 'Function', false],
  ['fail', 'Function', false],
  ['complete', 'Function', false],
] as const;

export default {
  page: 'features/system/volume',
  modules: ['system.volume'],
  declared: true,
  methods: [
    { name: 'volume.getMediaValue', params: [...callbacks], success: [['value', 'Number']] },
    {
      name: 'volume.setMediaValue',
      params: [['value', 'Number', true, { range: { min: 0, max: 1, integer: false } }], ...callbacks],
    },
  ],
  properties: [
    ['onMediaValueChanged', 'Function'],
    // Its callback table.
    ['onMediaValueChanged.value', 'Number'],
  ],
} satisfies DocTranscript;
