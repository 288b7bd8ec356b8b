import type { Module } from '../types.js';
import { standardCallbacks } from './callbacks.js';
import { callbacksWithoutResult } from './shared.js';

const keyParameter = {
  name: 'key',
  type: 'string',
  required: true,
  description: 'Name the value is stored under.',
} as const;

/** `@system.storage`: a small persistent key-value store of strings, private to the app. */
export const storage = {
  name: 'system.storage',
  summary: 'Keep small strings across app launches in a key-value store private to the app.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: 'everywhere',
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/data/storage.html',
  methods: [
    {
      name: 'get',
      description: 'Reads the string stored under a key. `success` receives the string itself, not an object.',
      signature: {
        kind: 'options',
        params: [
          keyParameter,
          {
            name: 'default',
            type: 'string',
            required: false,
            description: 'What `success` receives when nothing is stored under `key`.',
            default: "'' (an empty string)",
          },
          ...standardCallbacks('string'),
        ],
      },
      example: [
        'storage.get({',
        "  key: 'lastCity',",
        "  default: 'Beijing',",
        '  success(value) { console.log(`stored city: ${value}`) },',
        '  fail(message, code) { console.log(`read failed (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'set',
      description: 'Stores a string under a key, replacing what was there. Storing an empty string removes the key.',
      signature: {
        kind: 'options',
        params: [
          keyParameter,
          {
            name: 'value',
            type: 'string',
            required: false,
            description: 'The string to store; an empty string deletes the entry instead.',
          },
          ...callbacksWithoutResult(),
        ],
      },
      example: [
        'storage.set({',
        "  key: 'lastCity',",
        "  value: 'Shanghai',",
        "  success() { console.log('saved') },",
        '  fail(message, code) { console.log(`save failed (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'clear',
      description: 'Removes every key the app has stored.',
      signature: { kind: 'options', params: callbacksWithoutResult() },
      example: "storage.clear({ success() { console.log('storage emptied') } })",
    },
    {
      name: 'delete',
      description: 'Removes one key and its value.',
      signature: { kind: 'options', params: [keyParameter, ...callbacksWithoutResult()] },
      example: [
        'storage.delete({',
        "  key: 'lastCity',",
        '  fail(message, code) { console.log(`delete failed (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
  ],
  interfaces: [],
} as const satisfies Module;
