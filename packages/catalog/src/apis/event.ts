import { supportedBy } from '../support-table.js';
import type { Module } from '../types.js';

/** `@system.event`: publish and subscribe to events shared between apps and the system (API level 4). */
export const event = {
  name: 'system.event',
  summary: 'Publish events to other apps and subscribe to events from apps and the system (battery and charging).',
  requiresDeclaration: true,
  apiLevel: 4,
  support: supportedBy('system.event'),
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/system/event.html',
  methods: [
    {
      name: 'publish',
      description:
        'Sends an event to every subscriber allowed to receive it. Do not publish under the names the system ' +
        'reserves for its own events (`usual.event.*`).',
      signature: {
        kind: 'options',
        params: [
          { name: 'eventName', type: 'string', required: true, description: 'Name of the event.' },
          {
            name: 'options',
            type: 'object',
            required: false,
            description: 'What the event carries and who may receive it.',
            fields: [
              { name: 'params', type: 'object', required: false, description: 'Data delivered to the subscribers.' },
              {
                name: 'permissions',
                type: 'array',
                items: 'string',
                required: false,
                description: 'Package names allowed to receive the event; others do not get it.',
              },
            ],
          },
        ],
      },
      example: [
        'event.publish({',
        "  eventName: 'com.example.scores.updated',",
        "  options: { params: { score: 42 }, permissions: ['com.example.board'] },",
        '})',
      ].join('\n'),
    },
    {
      name: 'subscribe',
      description:
        'Calls `callback` each time the named event is published and returns the subscription id, or `undefined` ' +
        'when subscribing failed. The system publishes `usual.event.BATTERY_CHANGED` (with `level` from 0.0 to 1.0), ' +
        '`usual.event.CHARGING` and `usual.event.DISCHARGING`.',
      signature: {
        kind: 'options',
        params: [
          { name: 'eventName', type: 'string', required: true, description: 'Name of the event to receive.' },
          {
            name: 'callback',
            type: 'function',
            required: true,
            description: 'Receives each published event.',
            callback: '(data: PublishedEvent) => void',
          },
        ],
      },
      success: [
        { name: 'params', type: 'object', description: 'Data the publisher attached, if any.' },
        { name: 'package', type: 'string', description: 'Package name of the app that published the event.' },
      ],
      returnValue: {
        type: 'number',
        description: 'Id of the subscription, for `unsubscribe`; `undefined` when subscribing failed.',
      },
      example: [
        'const id = event.subscribe({',
        "  eventName: 'usual.event.BATTERY_CHANGED',",
        '  callback(res) { console.log(`battery event from ${res.package}`, res.params) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'unsubscribe',
      description: 'Ends a subscription `subscribe` started.',
      signature: {
        kind: 'options',
        params: [{ name: 'id', type: 'number', required: true, description: 'The id `subscribe` returned.' }],
      },
      example: [
        "const id = event.subscribe({ eventName: 'usual.event.CHARGING', callback() { console.log('charging') } })",
        'event.unsubscribe({ id })',
      ].join('\n'),
    },
  ],
  interfaces: [],
} as const satisfies Module;
