/** Shapes of the catalogue's data. Everything velakit knows about the platform is one of these. */

export type ScreenShape = 'round' | 'rect' | 'pill';

export interface Device {
  /** Stable lower-case slug used in manifests (`targetDevices`) and settings. */
  readonly id: string;
  /** Product name as the English docs write it. */
  readonly name: string;
  /** Product name as the Chinese docs write it. */
  readonly nameZh: string;
  /** Other spellings people and docs use; matched case-insensitively. */
  readonly aliases: readonly string[];
  /** Internal hardware codename, where one is public. */
  readonly codename?: string;
  readonly screen: { readonly shape: ScreenShape; readonly width: number; readonly height: number };
  /** Listed in the support tables of the two seed pages (`uploadtask`, `request`). */
  readonly inSeeds: boolean;
}

/**
 * Where an API runs.
 * - `everywhere`: the docs state no restriction.
 * - `undocumented`: the toolkit knows the module but Vela docs give no table; tools stay silent.
 * - a list: exactly these device ids support it.
 */
export type Support = 'everywhere' | 'undocumented' | readonly string[];

/** The value types the docs use for parameters and results. */
export type ValueType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'function' | 'array';

/** The value types a property of an `object` value may have: plain values only, never nested objects. */
export type EntryType = 'string' | 'number' | 'integer' | 'boolean';

export interface Parameter {
  readonly name: string;
  readonly type: ValueType;
  readonly required: boolean;
  readonly description: string;
  /** Human-readable default, when the platform documents or applies one. */
  readonly default?: string;
  /** For `function` parameters: the callback's signature in TypeScript syntax. */
  readonly callback?: string;
  /** For `object` parameters: the types each property value may have. Absent: the docs do not say. */
  readonly entries?: readonly EntryType[];
}

export interface ResultField {
  readonly name: string;
  readonly type: ValueType;
  readonly description: string;
  /** For `object` fields: the types each property value has. Absent: the docs do not say. */
  readonly entries?: readonly EntryType[];
}

/** How a method takes its arguments. */
export type Signature =
  /** One object whose properties are the parameters (`uploadFile({ url, ... })`). */
  | { readonly kind: 'options'; readonly params: readonly Parameter[] }
  /** Plain positional arguments (`onProgressUpdate(callback)`). */
  | { readonly kind: 'positional'; readonly params: readonly Parameter[] };

export interface Method {
  readonly name: string;
  readonly description: string;
  readonly signature: Signature;
  /** Fields of the object passed to `success`, when the method has one. */
  readonly success?: readonly ResultField[];
  /** Error codes `fail` may receive, with what each means for this method. */
  readonly errors?: readonly { readonly code: number; readonly meaning: string }[];
  /** Name of the interface the method returns synchronously, if any. */
  readonly returns?: string;
  /** API level; defaults to the module's. */
  readonly apiLevel?: number;
  /** Per-method support; defaults to the module's. */
  readonly support?: Support;
  /** A short example that compiles against the typings. */
  readonly example?: string;
}

export interface ApiInterface {
  readonly name: string;
  readonly description: string;
  readonly methods: readonly Method[];
}

export interface Module {
  /** Feature name as written in `manifest.json` `features[].name`, e.g. `system.request`. */
  readonly name: string;
  /** One-line summary. */
  readonly summary: string;
  /** Must be listed in the manifest's `features` before it can be called. */
  readonly requiresDeclaration: boolean;
  /** Minimum API level of the module. */
  readonly apiLevel: number;
  readonly support: Support;
  /** May be listed in `config.background.features` (runs while the app is in the background). */
  readonly background: boolean;
  readonly docUrl: string;
  /** Methods velakit knows in full (the seed modules) or per-method facts (support, API level). */
  readonly methods: readonly Method[];
  /** Interfaces the module's methods return (e.g. `UploadTask`). */
  readonly interfaces: readonly ApiInterface[];
}

export interface ErrorCode {
  readonly code: number;
  readonly name: string;
  readonly meaning: string;
}
