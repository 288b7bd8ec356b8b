// features/system/battery: transcribed from the page's tables.
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/system/battery',
  modules: ['system.battery'],
  declared: true,
  support: '✘✘✘✘✘✘✔✔✔✔✔',
  methods: [
    {
      name: 'battery.getStatus',
      params: [
        ['success', 'Function', false],
        ['fail', 'Function', false],
        ['complete', 'Function', false],
      ],
      success: [
        ['charging', 'Boolean'],
        ['level', 'Number'],
      ],
    },
  ],
} satisfies DocTranscript;
