// features/system/geolocation: transcribed from the page's tables.
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/system/geolocation',
  modules: ['system.geolocation'],
  declared: true,
  support: '✘✘✘✔✘✘✘✔✔✔✔',
  methods: [
    {
      name: 'geolocation.getLocation',
      params: [
        ['timeout', 'Number', false, { default: '30000' }],
        ['success', 'Function', true],
        ['fail', 'Function', false],
        ['complete', 'Function', false],
      ],
      success: [
        ['longitude', 'Number'],
        ['latitude', 'Number'],
        ['altitude', 'Number'],
        ['speed', 'Number'],
        ['accuracy', 'Number'],
        ['accuracyInfo', '{ horizontal: Number, vertical: Number }'],
        // The two members the type cell of accuracyInfo spells out.
        ['accuracyInfo.horizontal', 'Number'],
        ['accuracyInfo.vertical', 'Number'],
      ],
      errorCodes: [203, 204],
    },
    {
      name: 'geolocation.subscribe',
      params: [
        ['callback', 'Function', true],
        ['fail', 'Function', false],
      ],
      success: [
        ['longitude', 'Number'],
        ['latitude', 'Number'],
        ['altitude', 'Number'],
        ['speed', 'Number'],
        ['accuracy', 'Number'],
      ],
      errorCodes: [203],
    },
    { name: 'geolocation.unsubscribe' },
  ],
} satisfies DocTranscript;
