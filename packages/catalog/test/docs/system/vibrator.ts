// features/system/vibrator: transcribed from the page's tables. The page's support table has one row per method
// and none for the module.
import type { DocTranscript } from '../transcript.js';

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
        ['duration', 'Number', true],
        ['interval', 'Number', true],
        ['count', 'Number', true],
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
