// features/other/prompt: transcribed from the page's tables (the page documents showToast only).
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/other/prompt',
  modules: ['system.prompt'],
  declared: true,
  methods: [
    {
      name: 'prompt.showToast',
      params: [
        ['message', 'String', true],
        ['duration', 'Number', false, { default: '1500' }],
      ],
    },
  ],
} satisfies DocTranscript;
