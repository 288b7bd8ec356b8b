import type { Severity } from './diagnostic.js';

interface CodeInfo {
  readonly severity: Severity;
  /** What the code means, in one sentence. */
  readonly description: string;
  /** What to change so the diagnostic goes away (the `help` of a SARIF rule, the docs' "how to fix"). */
  readonly fix: string;
}

/**
 * Every diagnostic the validator and the CLI can report, with its default severity.
 * Codes are stable: front ends key settings and docs on them.
 */
export const diagnosticCodes = {
  // Reading and parsing the file.
  'file-too-large': {
    severity: 'error',
    description: 'The file is larger than the validator reads (5 MiB).',
    fix: "Check that the path names the app's manifest.json; a real manifest is a few kilobytes.",
  },
  'invalid-encoding': {
    severity: 'error',
    description: 'The file is not valid UTF-8.',
    fix: 'Save the file as UTF-8 (without a byte order mark).',
  },
  'empty-file': {
    severity: 'error',
    description: 'The file is empty or holds only whitespace.',
    fix: 'Write the manifest: at least `package`, `name`, `icon`, `versionCode` and `router`.',
  },
  'byte-order-mark': {
    severity: 'warning',
    description: 'The file starts with a byte order mark, which strict JSON readers reject.',
    fix: 'Save the file as UTF-8 without a byte order mark.',
  },
  'invalid-json': {
    severity: 'error',
    description: 'The text is not JSON; reported at the syntax error.',
    fix: 'Fix the syntax at the reported position: quote keys and strings with double quotes, separate members with commas.',
  },
  'json-comment': {
    severity: 'error',
    description: 'A comment: manifest.json must be plain JSON.',
    fix: 'Delete the comment; keep notes in a README.',
  },
  'trailing-comma': {
    severity: 'error',
    description: 'A comma after the last member or element: manifest.json must be plain JSON.',
    fix: 'Delete the comma after the last member or element.',
  },
  'duplicate-key': {
    severity: 'warning',
    description: 'An object names the same key twice; only the last one counts.',
    fix: 'Keep one of the two members: merge their values, then delete the other.',
  },
  // The schema (schemas/manifest.schema.json).
  'missing-property': {
    severity: 'error',
    description: 'A required property is absent.',
    fix: 'Add the property the message names, with a value of the type it states.',
  },
  'invalid-type': {
    severity: 'error',
    description: 'A value has the wrong JSON type.',
    fix: 'Give the value the JSON type the message states (a string in double quotes, a number without quotes, an object or an array).',
  },
  'invalid-value': {
    severity: 'error',
    description: 'A value is outside what the schema allows (enum, range, pattern, length).',
    fix: 'Use one of the values the message lists, or a value inside the range or pattern it states.',
  },
  'unknown-property': {
    severity: 'error',
    description: 'A property the schema does not allow where objects are closed (feature and permission entries).',
    fix: 'Delete the property, or fix its spelling to one the message lists.',
  },
  // Platform checks a schema cannot express.
  'app-name-too-long': {
    severity: 'warning',
    description:
      'The app `name` has more than 6 Chinese characters (Unicode Han script), the most the Vela docs allow: the name is shown under the app icon and in dialogs. Other characters are not counted, as the docs give no limit for them.',
    fix: 'Shorten `name` to at most 6 Chinese characters; the docs also ask for the name the app has in the app store.',
  },
  'unknown-feature': {
    severity: 'warning',
    description:
      'A feature name velakit does not know, with the closest known name; a phone quick-app service (`service.*`) is named as one.',
    fix: 'Fix the spelling to the suggested feature name, or delete the entry if the app does not use that module (always for a phone `service.*`).',
  },
  'duplicate-feature': {
    severity: 'warning',
    description: 'The same feature is declared twice.',
    fix: 'Delete the second declaration.',
  },
  'unknown-permission': {
    severity: 'warning',
    description:
      'A `permissions` name the Vela docs do not list (they list `hapjs.permission.LOCATION` and `hapjs.permission.DEVICE_INFO`), with the documented name it is close to.',
    fix: 'Fix the spelling to the suggested permission name, or delete the entry: no documented API checks another permission.',
  },
  'unknown-device': {
    severity: 'error',
    description: 'A `targetDevices` entry that is not a device id; names and aliases suggest the id.',
    fix: 'Replace the entry with the device id the message suggests (`velakit devices` lists every id).',
  },
  'empty-target-devices': {
    severity: 'warning',
    description:
      '`targetDevices` is an empty list: it names no device, so every known device is a target, as when it is absent.',
    fix: 'List the ids of the devices the app ships to (`velakit devices` lists them), or delete the field.',
  },
  'duplicate-device': {
    severity: 'warning',
    description: 'The same device is listed twice in `targetDevices`.',
    fix: 'Delete the second entry (an alias and an id of the same device count as the same device).',
  },
  'unknown-entry-page': {
    severity: 'error',
    description: '`router.entry` does not name a page of `router.pages`.',
    fix: 'Set `router.entry` to one of the keys of `router.pages`, or add the page there.',
  },
  'duplicate-page-path': {
    severity: 'error',
    description: 'Two pages of `router.pages` have the same `path` (a page without one has `/<page name>`).',
    fix: 'Give one of the pages another `path`.',
  },
  'undeclared-background-feature': {
    severity: 'error',
    description: 'A `config.background.features` entry is not declared in `features`.',
    fix: 'Declare the feature in `features` too, or delete it from `config.background.features`.',
  },
  'background-not-allowed': {
    severity: 'error',
    description: 'A feature that may not run in the background is listed in `config.background.features`.',
    fix: 'Delete the feature from `config.background.features`: only system.audio, system.geolocation and system.request may run in the background.',
  },
  'unsupported-feature': {
    severity: 'warning',
    description: 'A declared feature that some target devices do not support.',
    fix: 'Guard every call with `app.canIUse(...)` (the ESLint rules check this), or drop the devices that lack the feature from `targetDevices`. This stays a warning: declaring the feature is right when the calls are guarded.',
  },
  'api-level-too-low': {
    severity: 'error',
    description: '`minAPILevel` is below the API level of a declared feature.',
    fix: 'Raise `minAPILevel` to the level the message names.',
  },
  'non-watch-device-type': {
    severity: 'warning',
    description: '`deviceTypeList` names a device type other than "watch", which Vela does not run on.',
    fix: 'List only "watch" in `deviceTypeList`: Vela runs on watches and bands.',
  },
  'no-target-devices': {
    severity: 'info',
    description: 'No `targetDevices`: every known device is a target.',
    fix: 'Add `targetDevices` with the ids of the devices the app ships to (`velakit devices` lists them), so the checks stop assuming every device.',
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

/** The codes as a list, in the order above, for docs and settings UIs. */
export const diagnosticCodeList: readonly {
  code: DiagnosticCode;
  severity: Severity;
  description: string;
  fix: string;
}[] = Object.entries(diagnosticCodes).map(([code, info]) => ({
  code: code as DiagnosticCode,
  severity: info.severity,
  description: info.description,
  fix: info.fix,
}));
