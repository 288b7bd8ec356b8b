import type { Module } from '../types.js';
import { callbacksWithoutResult } from './shared.js';

/** `@system.zip`: unpack zip archives into the app's storage. */
export const zip = {
  name: 'system.zip',
  summary: "Unpack a zip archive into a directory of the app's storage.",
  requiresDeclaration: true,
  apiLevel: 1,
  support: 'everywhere',
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/system/zip.html',
  methods: [
    {
      name: 'decompress',
      description: 'Extracts every entry of a zip archive into a directory.',
      signature: {
        kind: 'options',
        params: [
          {
            name: 'srcUri',
            type: 'string',
            required: true,
            description: 'The archive; any URI except one under `internal://tmp/`.',
          },
          {
            name: 'dstUri',
            type: 'string',
            required: true,
            description:
              'Directory to extract into: an `internal://` URI, neither a packaged resource path nor under `internal://tmp/`.',
          },
          ...callbacksWithoutResult(),
        ],
      },
      errors: [
        { code: 202, meaning: 'a parameter is missing or invalid' },
        { code: 300, meaning: 'reading the archive or writing the files failed' },
      ],
      example: [
        'zip.decompress({',
        "  srcUri: 'internal://cache/maps.zip',",
        "  dstUri: 'internal://files/maps/',",
        "  success() { console.log('unpacked') },",
        '  fail(message, code) { console.log(`unzip failed (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
  ],
  interfaces: [],
} as const satisfies Module;
