// features/system/brightness: transcribed from the page's tables. The page has no support table.
import type { DocTranscript } from '../transcript.js';

const callbacks = [
  ['success', 'Function', false],
  ['fail', 'Function', false],
  ['complete', 'Function', false],
] as const;

export default {
  page: 'features/system/brightness',
  modules: ['system.brightness'],
  declared: true,
  methods: [
    { name: 'brightness.getValue', params: [...callbacks], success: [['value', 'Integer']] },
    {
      name: 'brightness.setValue',
      params: [['value', 'Integer', true, { range: { min: 0, max: 255, integer: true } }], ...callbacks],
    },
    { name: 'brightness.getMode', params: [...callbacks], success: [['mode', 'Integer']] },
    { name: 'brightness.setMode', params: [['mode', 'Integer', true, { values: [0, 1] }], ...callbacks] },
    { name: 'brightness.setKeepScreenOn', params: [['keepScreenOn', 'Boolean', true], ...callbacks] },
  ],
} satisfies DocTranscript;
