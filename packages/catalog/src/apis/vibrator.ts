import { supportedBy } from '../support-table.js';
import type { Module } from '../types.js';
import { standardCallbacks } from './callbacks.js';
import { supportOfAnyMethod } from './shared.js';

// The docs' table for `start` types all three as Number and requires each to be a positive integer; `fail` receives
// 202 for a value that is not one.
const positiveInteger = { min: 1, integer: true } as const;

const methods = [
  {
    name: 'vibrate',
    description: 'Vibrates once, briefly or for longer. Takes no callbacks.',
    signature: {
      kind: 'options',
      params: [
        {
          name: 'mode',
          type: 'string',
          required: false,
          description: 'Length of the vibration: `long` or `short`.',
          values: ['long', 'short'],
          default: "'long'",
        },
      ],
    },
    support: supportedBy('system.vibrator.vibrate'),
    example: "vibrator.vibrate({ mode: 'short' })",
  },
  {
    name: 'start',
    description:
      'Starts a vibration pattern: `count` pulses of `duration` ms, `interval` ms apart. `success` receives the id ' +
      'of the pattern, which `stop` takes.',
    signature: {
      kind: 'options',
      params: [
        {
          name: 'duration',
          type: 'number',
          required: true,
          description: 'Length of each pulse in milliseconds.',
          range: positiveInteger,
        },
        {
          name: 'interval',
          type: 'number',
          required: true,
          description: 'Pause between pulses in milliseconds.',
          range: positiveInteger,
        },
        {
          name: 'count',
          type: 'number',
          required: true,
          description: 'Number of pulses.',
          range: positiveInteger,
        },
        ...standardCallbacks('StartSuccess'),
      ],
    },
    success: [{ name: 'id', type: 'number', description: 'Identifies this vibration; pass it to `stop`.' }],
    errors: [
      { code: 202, meaning: 'a parameter is missing or not a positive integer' },
      { code: 205, meaning: 'a vibration is already running' },
    ],
    support: supportedBy('system.vibrator.start'),
    example: [
      'vibrator.start({',
      '  duration: 300,',
      '  interval: 200,',
      '  count: 3,',
      '  success(res) { console.log(`vibration ${res.id} started`) },',
      '  fail(message, code) { console.log(`cannot vibrate (${code}): ${message}`) },',
      '})',
    ].join('\n'),
  },
  {
    name: 'stop',
    description: 'Stops the vibration pattern `start` reported, and tells whether that worked.',
    signature: {
      kind: 'positional',
      params: [
        { name: 'id', type: 'number', required: true, description: 'The id `start` passed to its `success` callback.' },
      ],
    },
    returnValue: { type: 'boolean', description: '`true` when the vibration was stopped, `false` otherwise.' },
    support: supportedBy('system.vibrator.stop'),
    example: 'const stopped = vibrator.stop(1)\nconsole.log(stopped ? "stopped" : "nothing stopped")',
  },
  {
    name: 'getSystemDefaultMode',
    description: "Reads the user's vibration setting: 0 off, 1 standard, 2 strong.",
    signature: { kind: 'positional', params: [] },
    returnValue: {
      type: 'number',
      description: '0 when vibration is switched off, 1 for standard strength, 2 for strong.',
      values: [0, 1, 2],
    },
    support: supportedBy('system.vibrator.getSystemDefaultMode'),
    example: "if (vibrator.getSystemDefaultMode() !== 0) vibrator.vibrate({ mode: 'short' })",
  },
] as const;

/** `@system.vibrator`: one-off vibrations everywhere; patterns only on Xiaomi Watch S5. */
export const vibrator = {
  name: 'system.vibrator',
  summary: 'Vibrate the device once, or (Xiaomi Watch S5 only) in a repeating pattern.',
  requiresDeclaration: true,
  apiLevel: 1,
  // The page's table lists every device for `vibrate`; the module is available wherever one method is.
  support: supportOfAnyMethod(methods),
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/system/vibrator.html',
  methods,
  interfaces: [],
} as const satisfies Module;
