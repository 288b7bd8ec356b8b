import type { Module } from '../types.js';

/** `@system.prompt`: short on-screen messages. The page documents `showToast` only. */
export const prompt = {
  name: 'system.prompt',
  summary: 'Show a short message over the current page (a toast); the docs describe no other kind of prompt.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: 'everywhere',
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/other/prompt.html',
  methods: [
    {
      name: 'showToast',
      description: 'Shows a message for a moment, then hides it by itself. Takes no callbacks.',
      signature: {
        kind: 'options',
        params: [
          { name: 'message', type: 'string', required: true, description: 'Text to show.' },
          {
            name: 'duration',
            type: 'number',
            required: false,
            description: 'How long the message stays, in milliseconds; the docs advise 1500 to 10000.',
            default: '1500',
          },
        ],
      },
      example: "prompt.showToast({ message: 'Saved', duration: 2000 })",
    },
  ],
  interfaces: [],
} as const satisfies Module;
