import { supportedBy } from '../support-table.js';
import type { Module } from '../types.js';
import { standardCallbacks } from './callbacks.js';
import { noArguments } from './shared.js';

/** `@system.record`: microphone recording to a file or as a stream of frames (Xiaomi Watch S5 only). */
export const record = {
  name: 'system.record',
  summary: 'Record from the microphone into a file, or receive the recording frame by frame.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: supportedBy('system.record'),
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/system/record.html',
  methods: [
    {
      name: 'start',
      description:
        'Starts recording. `success` receives the URI of the recorded file (in the app cache) when recording ends: ' +
        'after `duration`, after `stop`, or when another sound (call, alarm, notification) interrupts it.',
      signature: {
        kind: 'options',
        params: [
          {
            name: 'duration',
            type: 'number',
            required: false,
            description:
              'Recording length in milliseconds, after which recording stops by itself; 0 records until `stop`.',
            default: '0',
          },
          {
            name: 'sampleRate',
            type: 'number',
            required: false,
            description:
              'Samples per second; 8000, 16000, 32000, 44100 or 48000 are advised. What works depends on `format`.',
            default: '8000',
          },
          {
            name: 'numberOfChannels',
            type: 'number',
            required: false,
            description: 'Mono (1) or stereo (2).',
            values: [1, 2],
            default: '1',
          },
          {
            name: 'encodeBitRate',
            type: 'number',
            required: false,
            description:
              'Bit rate of the encoding. It must suit the sample rate, channels and format; a pcm/wav value that does ' +
              'not is replaced by the one computed from them.',
            default: '128000',
          },
          {
            name: 'frameSize',
            type: 'number',
            required: false,
            description:
              'Size in bytes of the PCM frames passed to `onframerecorded` (at most 4096; the device may adjust it). ' +
              'With a valid size, `success` gives no URI; without one, `onframerecorded` never runs.',
          },
          {
            name: 'format',
            type: 'string',
            required: false,
            description: 'Audio format of the recording.',
            values: ['pcm', 'opus', 'wav'],
            default: "'pcm'",
          },
          ...standardCallbacks('RecordSuccess'),
        ],
      },
      success: [
        { name: 'uri', type: 'string', description: "URI of the recorded file, in the app's cache directory." },
      ],
      errors: [
        { code: 200, meaning: 'not enough free storage' },
        { code: 202, meaning: 'a parameter is invalid' },
        { code: 205, meaning: 'a recording is already running' },
      ],
      example: [
        'record.start({',
        '  duration: 5000,',
        '  sampleRate: 16000,',
        "  format: 'opus',",
        '  success(res) { console.log(`recorded to ${res.uri}`) },',
        '  fail(message, code) { console.log(`recording failed (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'stop',
      description: "Stops the running recording; `start`'s `success` then receives the result.",
      signature: noArguments,
      example: 'record.stop()',
    },
  ],
  properties: [
    {
      name: 'onframerecorded',
      type: 'function',
      description: 'Receives each recorded frame while recording, when `start` was given a `frameSize`.',
      callback: '(data: RecordedFrame) => void',
      fields: [
        { name: 'frameBuffer', type: 'uint8array', description: 'The audio data of this frame.' },
        { name: 'isLastFrame', type: 'boolean', description: 'Whether this is the last frame of the recording.' },
      ],
    },
  ],
  interfaces: [],
} as const satisfies Module;
