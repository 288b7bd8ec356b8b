// features/system/vibrator: transcribed from the page's tables. The page's support table has one row per method
// and none for the module.
import type { DocTranscript } from '../transcript.js';

// The page requires each of `duration`, `interval` and `count` to be a positive integer.
const positiveInteger = { min: 1, integer: true };

const watchS5Only = '✘✘✘✘✘✘✘✘✘✘✔';

export default {
  page: 'features/system/vibrator',
  modules: ['system.vibrator'],
  declared: true,
  methods: [
    {
      name: 'vibrator.vibrate',
      params: [['mode', 'String', false, { default: 'long', values: ['long', 'short'] }]],
      support: '✔✔✔✔✔✔✔✔✔✔✔',
    },
    {
      name: 'vibrator.start',
      params: [
        ['duration', 'Number', true, { range: positiveInteger }],
        ['interval', 'Number', true, { range: positiveInteger }],
        ['count', 'Number', true, { range: positiveInteger }],
        ['success', 'Function', false],
        ['fail', 'Function', false],
        ['complete', 'Function', false],
      ],
      success: [['id', 'Number']],
      errorCodes: [205, 202],
      support: watchS5Only,
    },
    // `stop(Number)`: one unnamed argument.
    { name: 'vibrator.stop', params: [['#0', 'Number', true]], returns: 'Boolean', support: watchS5Only },
    { name: 'vibrator.getSystemDefaultMode', returns: 'Number', support: watchS5Only },
  ],
} satisfies DocTranscript;
