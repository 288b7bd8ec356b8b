import type { Module } from '../types.js';

/** `@system.configuration`: the app's locale. */
export const configuration = {
  name: 'system.configuration',
  summary: 'Read the locale the app runs in.',
  requiresDeclaration: false,
  apiLevel: 1,
  support: 'everywhere',
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/basic/configuration.html',
  methods: [
    {
      name: 'getLocale',
      description:
        "Returns the app's current locale: the system's unless changed, so it follows changes of the system language.",
      signature: { kind: 'positional', params: [] },
      returnValue: {
        type: 'object',
        description: 'The current locale.',
        fields: [
          { name: 'language', type: 'string', description: 'Language code, such as `zh` or `en`.' },
          { name: 'countryOrRegion', type: 'string', description: 'Country or region code, such as `CN`.' },
        ],
      },
      example: 'const { language } = configuration.getLocale()',
    },
  ],
  interfaces: [],
} as const satisfies Module;
