import type { Severity } from './diagnostic.js';

interface CodeInfo {
  readonly severity: Severity;
  readonly description: string;
}

/**
 * Every diagnostic the validator and the CLI can report, with its default severity.
 * Codes are stable: front ends key settings and docs on them.
 */
export const diagnosticCodes = {
  // Reading and parsing the file.
  'file-too-large': { severity: 'error', description: 'The file is larger than the validator reads (5 MiB).' },
  'invalid-encoding': { severity: 'error', description: 'The file is not valid UTF-8.' },
  'empty-file': { severity: 'error', description: 'The file is empty or holds only whitespace.' },
  'byte-order-mark': { severity: 'warning', description: 'The file starts with a byte order mark, which strict JSON readers reject.' },
  'invalid-json': { severity: 'error', description: 'The text is not JSON; reported at the syntax error.' },
  'json-comment': { severity: 'error', description: 'A comment: manifest.json must be plain JSON.' },
  'trailing-comma': { severity: 'error', description: 'A comma after the last member or element: manifest.json must be plain JSON.' },
  'duplicate-key': { severity: 'warning', description: 'An object names the same key twice; only the last one counts.' },
  // The schema (schemas/manifest.schema.json).
  'missing-property': { severity: 'error', description: 'A required property is absent.' },
  'invalid-type': { severity: 'error', description: 'A value has the wrong JSON type.' },
  'invalid-value': { severity: 'error', description: 'A value is outside what the schema allows (enum, range, pattern, length).' },
  'unknown-property': { severity: 'error', description: 'A property the schema does not allow where objects are closed (feature and permission entries).' },
  // Platform checks a schema cannot express.
  'unknown-feature': { severity: 'warning', description: 'A feature name velakit does not know, with the closest known name.' },
  'duplicate-feature': { severity: 'warning', description: 'The same feature is declared twice.' },
  'unknown-device': { severity: 'error', description: 'A `targetDevices` entry that is not a device id; names and aliases suggest the id.' },
  'duplicate-device': { severity: 'warning', description: 'The same device is listed twice in `targetDevices`.' },
  'unknown-entry-page': { severity: 'error', description: '`router.entry` does not name a page of `router.pages`.' },
  'undeclared-background-feature': { severity: 'error', description: 'A `config.background.features` entry is not declared in `features`.' },
  'background-not-allowed': { severity: 'error', description: 'A feature that may not run in the background is listed in `config.background.features`.' },
  'unsupported-feature': { severity: 'warning', description: 'A declared feature that some target devices do not support.' },
  'api-level-too-low': { severity: 'error', description: '`minAPILevel` is below the API level of a declared feature.' },
  'non-watch-device-type': { severity: 'warning', description: '`deviceTypeList` names a device type other than "watch", which Vela does not run on.' },
  'no-target-devices': { severity: 'info', description: 'No `targetDevices`: every known device is a target.' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

/** The codes as a list, in the order above, for docs and settings UIs. */
export const diagnosticCodeList: readonly { code: DiagnosticCode; severity: Severity; description: string }[] = Object.entries(
  diagnosticCodes,
).map(([code, info]) => ({ code: code as DiagnosticCode, severity: info.severity, description: info.description }));
