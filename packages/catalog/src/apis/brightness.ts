import type { Module } from '../types.js';
import { standardCallbacks } from './callbacks.js';
import { callbacksWithoutResult } from './shared.js';

const levelDescription = 'Screen brightness, an integer from 0 to 255.';
const modeDescription = '0: the brightness is set by hand; 1: the device adjusts it automatically.';

/** `@system.brightness`: screen brightness, its automatic mode, and keeping the screen on. */
export const brightness = {
  name: 'system.brightness',
  summary: 'Read and set the screen brightness and its automatic mode, and keep the screen from turning off.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: 'everywhere',
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/system/brightness.html',
  methods: [
    {
      name: 'getValue',
      description: 'Reads the current screen brightness (0-255).',
      signature: { kind: 'options', params: standardCallbacks('GetValueSuccess') },
      success: [{ name: 'value', type: 'integer', description: levelDescription }],
      example: 'brightness.getValue({ success(res) { console.log(`brightness ${res.value}/255`) } })',
    },
    {
      name: 'setValue',
      description: 'Sets the screen brightness (0-255).',
      signature: {
        kind: 'options',
        params: [
          // The docs' parameter table gives the range, 0 to 255.
          {
            name: 'value',
            type: 'integer',
            required: true,
            description: 'Screen brightness to set.',
            range: { min: 0, max: 255, integer: true },
          },
          ...callbacksWithoutResult(),
        ],
      },
      example: [
        'brightness.setValue({',
        '  value: 200,',
        '  fail(message, code) { console.log(`brightness unchanged (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'getMode',
      description: 'Tells whether the brightness is set by hand (0) or automatically (1).',
      signature: { kind: 'options', params: standardCallbacks('GetModeSuccess') },
      success: [{ name: 'mode', type: 'integer', description: modeDescription, values: [0, 1] }],
      example: "brightness.getMode({ success(res) { console.log(res.mode === 1 ? 'automatic' : 'manual') } })",
    },
    {
      name: 'setMode',
      description: 'Switches between brightness set by hand (0) and automatic brightness (1).',
      signature: {
        kind: 'options',
        params: [
          { name: 'mode', type: 'integer', required: true, description: modeDescription, values: [0, 1] },
          ...callbacksWithoutResult(),
        ],
      },
      example: 'brightness.setMode({ mode: 0 })',
    },
    {
      name: 'setKeepScreenOn',
      description: 'Keeps the screen on while the app runs, or lets it turn off again.',
      signature: {
        kind: 'options',
        params: [
          {
            name: 'keepScreenOn',
            type: 'boolean',
            required: true,
            description: '`true` keeps the screen on; `false` lets it turn off as usual.',
          },
          ...callbacksWithoutResult(),
        ],
      },
      example: 'brightness.setKeepScreenOn({ keepScreenOn: true })',
    },
  ],
  interfaces: [],
} as const satisfies Module;
