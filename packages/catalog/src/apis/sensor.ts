import { supportedBy } from '../support-table.js';
import type { Module } from '../types.js';
import { noArguments, subscriptionCallbacks, supportOfAnyMethod } from './shared.js';

const methods = [
  {
    name: 'subscribePressure',
    description: 'Calls `callback` with each new air-pressure reading. A new call replaces the previous subscription.',
    signature: {
      kind: 'options',
      params: [
        {
          name: 'callback',
          type: 'function',
          required: true,
          description: 'Receives every new reading.',
          callback: '(data: PressureChange) => void',
        },
      ],
    },
    success: [{ name: 'pressure', type: 'number', description: 'Air pressure in hectopascals (a decimal number).' }],
    support: supportedBy('system.sensor.subscribePressure'),
    example: 'sensor.subscribePressure({ callback(res) { console.log(`${res.pressure} hPa`) } })',
  },
  {
    name: 'unsubscribePressure',
    description: 'Stops the readings `subscribePressure` started.',
    signature: noArguments,
    support: supportedBy('system.sensor.unsubscribePressure'),
    example: 'sensor.unsubscribePressure()',
  },
  {
    name: 'subscribeAccelerometer',
    description: 'Calls `callback` with the acceleration along the three axes, at the rate `interval` asks for.',
    signature: {
      kind: 'options',
      params: [
        {
          name: 'interval',
          type: 'string',
          required: false,
          description:
            'How often readings arrive: `game` about every 20 ms, `ui` about every 60 ms, `normal` about every 200 ms.',
          values: ['game', 'ui', 'normal'],
          default: "'normal'",
        },
        ...subscriptionCallbacks('AccelerometerChange', { required: true, description: 'Receives every new reading.' }),
      ],
    },
    success: [
      { name: 'x', type: 'number', description: 'Acceleration along the x axis.' },
      { name: 'y', type: 'number', description: 'Acceleration along the y axis.' },
      { name: 'z', type: 'number', description: 'Acceleration along the z axis.' },
    ],
    support: supportedBy('system.sensor.subscribeAccelerometer'),
    example: [
      'sensor.subscribeAccelerometer({',
      "  interval: 'ui',",
      '  callback(res) { console.log(res.x, res.y, res.z) },',
      '  fail(message, code) { console.log(`no accelerometer (${code}): ${message}`) },',
      '})',
    ].join('\n'),
  },
  {
    name: 'unsubscribeAccelerometer',
    description: 'Stops the readings `subscribeAccelerometer` started.',
    signature: noArguments,
    support: supportedBy('system.sensor.unsubscribeAccelerometer'),
    example: 'sensor.unsubscribeAccelerometer()',
  },
  {
    name: 'subscribeCompass',
    description:
      'Calls `callback` with the heading each time it changes. A new call replaces the previous subscription.',
    signature: {
      kind: 'options',
      params: subscriptionCallbacks('CompassChange', { required: true, description: 'Receives every new heading.' }),
    },
    success: [
      {
        name: 'direction',
        type: 'number',
        description:
          "Angle between the device's y axis and magnetic north, in radians: 0 north, π/2 east, π south, -π/2 west.",
      },
      {
        name: 'accuracy',
        type: 'number',
        description:
          'How far to trust the heading: 3 high, 2 medium, 1 low, 0 unreliable (unknown cause), -1 unreliable (sensor disconnected).',
        values: [3, 2, 1, 0, -1],
      },
    ],
    errors: [{ code: 1000, meaning: 'the device has no compass sensor' }],
    support: supportedBy('system.sensor.subscribeCompass'),
    example: [
      'sensor.subscribeCompass({',
      '  callback(res) { if (res.accuracy >= 2) console.log(`heading ${res.direction}`) },',
      '  fail(message, code) { console.log(`no compass (${code}): ${message}`) },',
      '})',
    ].join('\n'),
  },
  {
    name: 'unsubscribeCompass',
    description: 'Stops the headings `subscribeCompass` started.',
    signature: noArguments,
    support: supportedBy('system.sensor.unsubscribeCompass'),
    example: 'sensor.unsubscribeCompass()',
  },
] as const;

/** `@system.sensor`: air pressure, accelerometer and compass, each on its own set of devices. */
export const sensor = {
  name: 'system.sensor',
  summary: 'Follow the air-pressure sensor, the accelerometer or the compass, where the device has one.',
  requiresDeclaration: true,
  apiLevel: 1,
  // The page has one table per method and none for the module: a device has the module when it has one sensor.
  support: supportOfAnyMethod(methods),
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/system/sensor.html',
  methods,
  interfaces: [],
} as const satisfies Module;
