import type { Module } from '../types.js';
import { standardCallbacks } from './callbacks.js';
import { callbacksWithoutResult } from './shared.js';

const volumeDescription = 'Media volume, from 0.0 (silent) to 1.0 (loudest).';

/** `@system.volume`: the system's media volume. */
export const volume = {
  name: 'system.volume',
  summary: "Read, set and follow the system's media volume.",
  requiresDeclaration: true,
  apiLevel: 1,
  support: 'everywhere',
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/system/volume.html',
  methods: [
    {
      name: 'getMediaValue',
      description: 'Reads the current media volume.',
      signature: { kind: 'options', params: standardCallbacks('GetMediaValueSuccess') },
      success: [{ name: 'value', type: 'number', description: volumeDescription }],
      example: 'volume.getMediaValue({ success(res) { console.log(`volume ${res.value}`) } })',
    },
    {
      name: 'setMediaValue',
      description: 'Sets the media volume. `fail` receives one of the common error codes.',
      signature: {
        kind: 'options',
        params: [
          // The docs' parameter table gives the range, 0.0 to 1.0.
          {
            name: 'value',
            type: 'number',
            required: true,
            description: volumeDescription,
            range: { min: 0, max: 1, integer: false },
          },
          ...callbacksWithoutResult(),
        ],
      },
      example: [
        'volume.setMediaValue({',
        '  value: 0.5,',
        '  fail(message, code) { console.log(`volume unchanged (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
  ],
  properties: [
    {
      name: 'onMediaValueChanged',
      type: 'function',
      description: 'Receives the new volume each time the media volume changes.',
      callback: '(data: MediaVolumeChange) => void',
      fields: [{ name: 'value', type: 'number', description: volumeDescription }],
    },
  ],
  interfaces: [],
} as const satisfies Module;
