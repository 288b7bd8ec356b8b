// features/basic/device: transcribed from the page's tables (the page shows a declaration block; no support table).
import type { DocTranscript } from '../transcript.js';

const callbacks = [
  ['success', 'Function', false],
  ['fail', 'Function', false],
  ['complete', 'Function', false],
] as const;

export default {
  page: 'features/basic/device',
  modules: ['system.device'],
  declared: true,
  methods: [
    {
      name: 'device.getInfo',
      params: callbacks,
      success: [
        ['brand', 'string'],
        ['manufacturer', 'string'],
        ['model', 'string'],
        ['product', 'string'],
        ['osType', 'string'],
        ['osVersionName', 'string'],
        ['osVersionCode', 'number'],
        ['platformVersionName', 'string'],
        ['platformVersionCode', 'number'],
        ['language', 'string'],
        ['region', 'string'],
        ['APILevel', 'number', 2],
        ['screenWidth', 'number'],
        ['screenHeight', 'number'],
        ['screenDensity', 'number', 3],
        ['screenShape', 'string'],
        ['deviceType', 'string', 2],
      ],
    },
    { name: 'device.getDeviceId', params: callbacks, success: [['deviceId', 'String']] },
    { name: 'device.getSerial', params: callbacks, success: [['serial', 'String']] },
    { name: 'device.getTotalStorage', params: callbacks, success: [['totalStorage', 'Number']] },
    { name: 'device.getAvailableStorage', params: callbacks, success: [['availableStorage', 'Number']] },
  ],
} satisfies DocTranscript;
