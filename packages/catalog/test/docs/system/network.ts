// features/system/network: transcribed from the page's tables.
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/system/network',
  modules: ['system.network'],
  declared: true,
  support: '✔✘✘✔✘✘✘✔✔✔✔',
  methods: [
    {
      name: 'network.getType',
      params: [
        ['success', 'Function', false],
        ['fail', 'Function', false],
        ['complete', 'Function', false],
      ],
      success: [['type', 'String']],
    },
    {
      name: 'network.subscribe',
      // The page marks callback as not required.
      params: [
        ['callback', 'Function', false],
        ['fail', 'Function', false],
      ],
      success: [['type', 'String']],
    },
    { name: 'network.unsubscribe' },
  ],
} satisfies DocTranscript;
