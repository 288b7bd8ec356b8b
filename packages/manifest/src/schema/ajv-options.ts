import type { Options } from 'ajv';

/** How the schema is compiled, both at build time (standalone code) and by tests that compare with a fresh compile. */
export const ajvOptions = {
  strict: true,
  allErrors: true,
  // `targetDevices` & co. are validated element by element; ajv's own message texts are never shown.
  messages: false,
} as const satisfies Options;
