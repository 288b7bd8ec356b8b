import { supportedBy } from '../support-table.js';
import type { Module, ResultField } from '../types.js';
import { standardCallbacks } from './callbacks.js';
import { subscriptionCallbacks } from './shared.js';

const locationPermission = 'hapjs.permission.LOCATION';

const positionFields: readonly ResultField[] = [
  { name: 'longitude', type: 'number', description: 'Longitude in degrees (a decimal number).' },
  { name: 'latitude', type: 'number', description: 'Latitude in degrees (a decimal number).' },
  { name: 'altitude', type: 'number', description: 'Height in metres (a decimal number).' },
  { name: 'speed', type: 'number', description: 'Speed in metres per second (a decimal number).' },
  { name: 'accuracy', type: 'number', description: 'Accuracy of the position, a positive integer.' },
];

/** `@system.geolocation`: the watch's position, once or on every change. */
export const geolocation = {
  name: 'system.geolocation',
  summary: 'Get the position of the device once, or follow it as it changes.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: supportedBy('system.geolocation'),
  // One of the three modules the background-running guide allows in `config.background.features`.
  background: true,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/system/geolocation.html',
  methods: [
    {
      name: 'getLocation',
      description: 'Reads the current position once. `success` is required.',
      signature: {
        kind: 'options',
        params: [
          {
            name: 'timeout',
            type: 'number',
            required: false,
            description: 'How long to wait for a position, in milliseconds.',
            default: '30000',
          },
          ...standardCallbacks('GetLocationSuccess').map((param) =>
            param.name === 'success'
              ? { ...param, required: true, description: 'Receives the position; required.' }
              : param,
          ),
        ],
      },
      success: [
        ...positionFields,
        {
          name: 'accuracyInfo',
          type: 'object',
          description: 'Accuracy split into its horizontal and vertical parts.',
          fields: [
            { name: 'horizontal', type: 'number', description: 'Horizontal accuracy.' },
            { name: 'vertical', type: 'number', description: 'Vertical accuracy.' },
          ],
        },
      ],
      errors: [
        { code: 203, meaning: 'location is not supported here' },
        { code: 204, meaning: 'no position arrived within `timeout`' },
      ],
      permission: locationPermission,
      example: [
        'geolocation.getLocation({',
        '  timeout: 10000,',
        '  success(pos) { console.log(`at ${pos.latitude}, ${pos.longitude}`) },',
        '  fail(message, code) { console.log(`no position (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'subscribe',
      description: 'Calls `callback` each time the position changes. A new call replaces the previous subscription.',
      signature: {
        kind: 'options',
        params: subscriptionCallbacks('LocationChange', {
          required: true,
          description: 'Receives every new position.',
        }),
      },
      success: positionFields,
      errors: [{ code: 203, meaning: 'location is not available here' }],
      permission: locationPermission,
      example: [
        'geolocation.subscribe({',
        '  callback(pos) { console.log(`moved to ${pos.latitude}, ${pos.longitude}`) },',
        '  fail(message, code) { console.log(`cannot follow the position (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'unsubscribe',
      description: 'Stops the updates `subscribe` started.',
      signature: { kind: 'positional', params: [] },
      permission: locationPermission,
      example: 'geolocation.unsubscribe()',
    },
  ],
  interfaces: [],
} as const satisfies Module;
