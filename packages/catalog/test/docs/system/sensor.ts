// features/system/sensor: transcribed from the page's tables. The page has one support row per method and none for
// the module; its rows tell Band 9 from Band 9 Pro, so they are written with 12 marks:
// S1P B8P B9 B9P WS3 RW4 H1 B10 WS4 RW5 RW6 WS5.
import type { DocTranscript } from '../transcript.js';

const pressure = '✘✘✘✔✔✘✘✔✔✘✘✔';
const accelerometer = '✘✘✔✔✘✘✘✔✘✘✘✔';
// "subscribeCompass / unsubscribeCompass": WS4, RW5, RW6, WS5; "every other device" unsupported.
const compass = '✘✘✘✘✘✘✘✘✔✔✔✔';

export default {
  page: 'features/system/sensor',
  modules: ['system.sensor'],
  declared: true,
  methods: [
    {
      name: 'sensor.subscribePressure',
      params: [['callback', 'Function', true]],
      success: [['pressure', 'Number']],
      support: pressure,
    },
    { name: 'sensor.unsubscribePressure', support: pressure },
    {
      name: 'sensor.subscribeAccelerometer',
      params: [
        ['interval', 'String', false, { default: 'normal', values: ['game', 'ui', 'normal'] }],
        ['callback', 'Function', true],
        ['fail', 'Function', false],
      ],
      success: [
        ['x', 'Number'],
        ['y', 'Number'],
        ['z', 'Number'],
      ],
      support: accelerometer,
    },
    { name: 'sensor.unsubscribeAccelerometer', support: accelerometer },
    {
      name: 'sensor.subscribeCompass',
      params: [
        ['callback', 'Function', true],
        ['fail', 'Function', false],
      ],
      success: [
        ['direction', 'Number'],
        ['accuracy', 'Number'],
      ],
      support: compass,
      errorCodes: [1000],
    },
    { name: 'sensor.unsubscribeCompass', support: compass },
  ],
} satisfies DocTranscript;
