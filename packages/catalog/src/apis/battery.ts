import { supportedBy } from '../support-table.js';
import type { Module } from '../types.js';
import { standardCallbacks } from './callbacks.js';

/** `@system.battery`: charge level and charging state. */
export const battery = {
  name: 'system.battery',
  summary: 'Read the battery charge level and whether the device is charging.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: supportedBy('system.battery'),
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/system/battery.html',
  methods: [
    {
      name: 'getStatus',
      description: 'Reads the charge level and whether the device is charging.',
      signature: { kind: 'options', params: standardCallbacks('GetStatusSuccess') },
      success: [
        { name: 'charging', type: 'boolean', description: 'Whether the device is charging now.' },
        { name: 'level', type: 'number', description: 'Charge left, from 0.0 (empty) to 1.0 (full).' },
      ],
      example: [
        'battery.getStatus({',
        '  success(res) { console.log(`battery at ${Math.round(res.level * 100)}%${res.charging ? ", charging" : ""}`) },',
        '  fail(message, code) { console.log(`battery unknown (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
  ],
  interfaces: [],
} as const satisfies Module;
