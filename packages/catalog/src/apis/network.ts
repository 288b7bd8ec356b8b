import { supportedBy } from '../support-table.js';
import type { Module } from '../types.js';
import { standardCallbacks } from './callbacks.js';
import { noArguments, subscriptionCallbacks } from './shared.js';

const networkTypes = ['2g', '3g', '4g', '5g', 'wifi', 'bluetooth', 'none', 'others'] as const;

const typeField = {
  name: 'type',
  type: 'string',
  description:
    'Kind of connection: `2g`, `3g`, `4g`, `5g`, `wifi`, `bluetooth`, `others`, or `none`. ' +
    'Anything but `none` still does not prove a server can be reached.',
  values: networkTypes,
} as const;

/** `@system.network`: the kind of network connection, once or on every change. */
export const network = {
  name: 'system.network',
  summary: 'Learn the kind of network connection the device has, once or whenever it changes.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: supportedBy('system.network'),
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/system/network.html',
  methods: [
    {
      name: 'getType',
      description: 'Reads the kind of connection the device has now.',
      signature: { kind: 'options', params: standardCallbacks('GetTypeSuccess') },
      success: [typeField],
      example: "network.getType({ success(res) { if (res.type === 'none') console.log('offline') } })",
    },
    {
      name: 'subscribe',
      description:
        'Calls `callback` each time the kind of connection changes. A new call replaces the previous subscription.',
      signature: {
        kind: 'options',
        params: subscriptionCallbacks('NetworkTypeChange', {
          required: false,
          description: 'Receives the new kind of connection.',
        }),
      },
      success: [typeField],
      example: 'network.subscribe({ callback(res) { console.log(`network is now ${res.type}`) } })',
    },
    {
      name: 'unsubscribe',
      description: 'Stops the updates `subscribe` started.',
      signature: noArguments,
      example: 'network.unsubscribe()',
    },
  ],
  interfaces: [],
} as const satisfies Module;
