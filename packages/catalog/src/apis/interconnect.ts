import type { Module } from '../types.js';
import { callbacksWithoutResult, standardCallbacks } from './callbacks.js';

// The page documents only `success` and `fail` for the connection's methods.
const noComplete = { complete: false } as const;

/** `@system.interconnect`: messages with the companion phone app. */
export const interconnect = {
  name: 'system.interconnect',
  summary:
    'Exchange messages with the companion Android app on the paired phone. The link is set up and torn down by the ' +
    'system; the app only listens to its state.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: 'everywhere',
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/network/interconnect.html',
  methods: [
    {
      name: 'instance',
      description:
        "Returns the app's connection object. There is one per app; every send and receive goes through it. The phone " +
        'app must have the same package name and signing certificate as the quick app.',
      signature: { kind: 'positional', params: [] },
      returns: 'Connect',
      example: 'const connect = interconnect.instance()',
    },
  ],
  interfaces: [
    {
      name: 'Connect',
      description: "The app's link to the phone app, from `interconnect.instance()`.",
      methods: [
        {
          name: 'getReadyState',
          description: 'Reports whether the phone app is connected.',
          signature: { kind: 'options', params: standardCallbacks('GetReadyStateSuccess', noComplete) },
          success: [
            { name: 'status', type: 'number', description: '1 when connected, 2 when disconnected.', values: [1, 2] },
          ],
          errors: [{ code: 1006, meaning: 'the connection is broken' }],
          example: [
            'connect.getReadyState({',
            "  success(res) { console.log(res.status === 1 ? 'connected' : 'disconnected') },",
            '})',
          ].join('\n'),
        },
        {
          name: 'diagnosis',
          description:
            'Checks the link to the phone app and reports the outcome; while a connection attempt is under way it ' +
            'waits for its end.',
          signature: {
            kind: 'options',
            params: [
              {
                name: 'timeout',
                type: 'number',
                required: false,
                description: 'How long to wait for the diagnosis, in milliseconds.',
                default: '10000',
              },
              ...standardCallbacks('DiagnosisSuccess', noComplete),
            ],
          },
          success: [
            {
              name: 'status',
              type: 'number',
              description:
                '0: connected; 204: the connection attempt timed out; 1001: the phone app is not installed; 1000: another ' +
                'connection error.',
              values: [0, 204, 1000, 1001],
            },
          ],
          example: 'connect.diagnosis({ success(res) { console.log(`link status ${res.status}`) } })',
        },
        {
          name: 'send',
          description: 'Sends data to the phone app.',
          signature: {
            kind: 'options',
            params: [
              { name: 'data', type: 'object', required: true, description: 'The data to send.' },
              ...callbacksWithoutResult(noComplete),
            ],
          },
          errors: [
            { code: 204, meaning: 'the connection timed out' },
            { code: 1006, meaning: 'the connection is broken' },
          ],
          example: [
            "connect.send({ data: { text: 'hello', n: 1 }, fail(message, code) { console.log(`not sent (${code})`) } })",
          ].join('\n'),
        },
      ],
      properties: [
        {
          name: 'onmessage',
          type: 'function',
          description: 'Set it to receive the data the phone app sends.',
          callback: '(message: { data: string }) => void',
          fields: [{ name: 'data', type: 'string', description: 'The data received.' }],
        },
        {
          name: 'onopen',
          type: 'function',
          description: 'Set it to learn when the connection opens.',
          callback: '(event: { isReconnected: boolean }) => void',
          fields: [{ name: 'isReconnected', type: 'boolean', description: 'True when the link was re-established.' }],
        },
        {
          name: 'onclose',
          type: 'function',
          description: 'Set it to learn when the connection closes.',
          callback: '(event: { code: number; data: string }) => void',
          fields: [
            { name: 'code', type: 'number', description: 'Status code of the closed connection.' },
            { name: 'data', type: 'string', description: 'Data sent with the close.' },
          ],
        },
        {
          name: 'onerror',
          type: 'function',
          description: 'Set it to learn about connection errors.',
          callback: '(error: { code: number; data: string }) => void',
          fields: [
            {
              name: 'code',
              type: 'number',
              description:
                'Error code: 1000 unknown error, 1001 the phone app is not installed, 1006 the connection is broken, or a ' +
                'common code.',
            },
            { name: 'data', type: 'string', description: 'Error message.' },
          ],
        },
      ],
    },
  ],
} as const satisfies Module;
