import type { Module } from '../types.js';

/** `@system.app`: the running app, and feature detection. */
export const app = {
  name: 'system.app',
  summary: 'Information about the running app, quitting it, and `canIUse` to test whether an API is available.',
  requiresDeclaration: false,
  apiLevel: 1,
  support: 'everywhere',
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/basic/app.html',
  methods: [
    {
      name: 'getInfo',
      description: 'Returns facts about the running app, at once.',
      signature: { kind: 'positional', params: [] },
      returnValue: {
        type: 'object',
        description: "The running app's package name, name, version, icon, log level and where it was opened from.",
        fields: [
          { name: 'packageName', type: 'string', description: 'Package name, as in manifest.json `package`.' },
          { name: 'icon', type: 'string', description: 'Path of the app icon.' },
          { name: 'name', type: 'string', description: 'App name.' },
          { name: 'versionName', type: 'string', description: 'Version name, such as `1.0.0`.' },
          { name: 'versionCode', type: 'integer', description: 'Version code.' },
          { name: 'logLevel', type: 'string', description: 'Log level, as in manifest.json `config.logLevel`.' },
          {
            name: 'source',
            type: 'object',
            description: 'Where the app was opened from.',
            fields: [
              {
                name: 'packageName',
                type: 'string',
                description: 'Package name of the app that opened this one (first-level source).',
              },
              {
                name: 'type',
                type: 'string',
                description: 'Kind of source (second level).',
                values: ['shortcut', 'push', 'url', 'barcode', 'nfc', 'bluetooth', 'other'],
              },
            ],
          },
        ],
      },
      example: 'const { packageName, versionName } = app.getInfo()',
    },
    {
      name: 'terminate',
      description: 'Quits the app.',
      signature: { kind: 'positional', params: [] },
      example: 'app.terminate()',
    },
    {
      name: 'canIUse',
      description:
        "Tells whether the running device offers a module (`'@system.router'`), a method (`'@system.router.push'`), a " +
        "component (`'scroll'`) or a component's attribute, style or method (`'scroll.attr.scroll-x'`). Needs API " +
        "level 3; apps for lower levels test `typeof module.method === 'function'` instead.",
      signature: {
        kind: 'positional',
        params: [
          {
            name: 'feature',
            type: 'string',
            required: true,
            description:
              'What to look up: `@<feature>` or `@<feature>.<method>` for an API; `<component>` or ' +
              '`<component>.<attr|style|method>.<name>` for a component.',
          },
        ],
      },
      returnValue: { type: 'boolean', description: 'True when the device supports it.' },
      apiLevel: 3,
      example: "if (app.canIUse('@system.fetch.fetch')) console.log('fetch is available')",
    },
  ],
  interfaces: [],
} as const satisfies Module;
