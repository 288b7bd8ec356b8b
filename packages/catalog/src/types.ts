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
  /** The device's column heading in the support tables of `support-table.ts` (`WS4`): the docs' column, abbreviated. */
  readonly column: string;
  /** A table without this device's own column gives it the column named here (Band 9 Pro: `B9`). */
  readonly sharesColumn?: string;
  /** Internal hardware codename, where one is public. */
  readonly codename?: string;
  readonly screen: { readonly shape: ScreenShape; readonly width: number; readonly height: number };
  /** Listed in the support tables of the two seed pages (`uploadtask`, `request`). */
  readonly inSeeds: boolean;
  /** Facts of this entry known from the community, not from the official docs (e.g. Redmi Watch 4's screen). */
  readonly communityFacts?: readonly ('screen' | 'codename')[];
}

/**
 * Where an API runs.
 * - `everywhere`: the docs state no restriction.
 * - `undocumented`: the toolkit knows the module but Vela docs give no table; tools stay silent.
 * - a list: exactly these device ids support it.
 */
export type Support = 'everywhere' | 'undocumented' | readonly string[];

/** The value types the docs use for parameters and results. */
export type ValueType =
  'string' | 'number' | 'integer' | 'boolean' | 'object' | 'function' | 'array' | 'arraybuffer' | 'uint8array';

/** One type, or a union the docs write as `String/Object/ArrayBuffer` (`['string', 'object', 'arraybuffer']`). */
export type TypeSpec = ValueType | readonly ValueType[];

/** A value of an enumeration (fetch `method: 'GET'`, a numeric mode). */
export type EnumValue = string | number;

/** The value types a property of an `object` value may have: plain values only, never nested objects. */
export type EntryType = 'string' | 'number' | 'integer' | 'boolean';

/**
 * The numbers a `number` or `integer` parameter accepts, as the docs state them in prose (`value`: 0 to 255). Only
 * limits the platform enforces belong here: a limit the docs give as advice, or one the platform clamps silently (a
 * larger value becomes the maximum), is no error and stays in the description.
 */
export interface NumberRange {
  /** Smallest value allowed, inclusive. Absent: no lower limit. */
  readonly min?: number;
  /** Largest value allowed, inclusive. Absent: no upper limit. */
  readonly max?: number;
  /** Only whole numbers: the docs call the value an integer (`a positive integer` is `{ min: 1, integer: true }`). */
  readonly integer: boolean;
}

/** An `object` value whose properties hold plain values of the listed types. */
export interface ObjectForm {
  readonly type: 'object';
  readonly entries: readonly EntryType[];
}

export interface Parameter {
  readonly name: string;
  readonly type: TypeSpec;
  readonly required: boolean;
  readonly description: string;
  /** Human-readable default, when the platform documents or applies one. */
  readonly default?: string;
  /** For `function` parameters: the callback's signature in TypeScript syntax. */
  readonly callback?: string;
  /** For `object` parameters: the types each property value may have. Absent: the docs do not say. */
  readonly entries?: readonly EntryType[];
  /**
   * A form the docs' text gives beside the type of their table: download `header` is typed String but described as
   * an object whose every property becomes a header. Typings and lint keep to `type`; the runtime accepts this too.
   */
  readonly describedAs?: ObjectForm;
  /** The only values allowed (an enum such as fetch `method`). Absent: any value of the type. */
  readonly values?: readonly EnumValue[];
  /** For numeric parameters: the numbers allowed, where the docs state a range. Absent: any number of the type. */
  readonly range?: NumberRange;
  /** For `array` parameters of plain values: the type of each item. */
  readonly items?: ValueType;
  /** The documented properties of an `object` value, or of each item of an `array` of objects. */
  readonly fields?: readonly Parameter[];
  /** Known from the watch's own code, not from the docs (download `share`): tools may call it undocumented, not unknown. */
  readonly undocumented?: true;
  /** API level this parameter needs, when higher than its method's. */
  readonly apiLevel?: number;
}

export interface ResultField {
  readonly name: string;
  readonly type: TypeSpec;
  readonly description: string;
  /** For `object` fields: the types each property value has. Absent: the docs do not say. */
  readonly entries?: readonly EntryType[];
  /** The only values the field takes (device `screenShape`). */
  readonly values?: readonly EnumValue[];
  /** For `array` fields of plain values: the type of each item. */
  readonly items?: ValueType;
  /** The documented properties of an `object` field, or of each item of an `array` of objects. */
  readonly fields?: readonly ResultField[];
  /** API level from which the field is present, when higher than its method's (device `screenDensity`: 3). */
  readonly apiLevel?: number;
  /** Known from the watch's own code, not from the docs. */
  readonly undocumented?: true;
}

/** An error code a method's `fail` may receive, with what it means there. */
export interface MethodError {
  readonly code: number;
  readonly meaning: string;
  /** Not on the method's docs page: known from the watch's code or the common codes (`grammar`). */
  readonly undocumented?: true;
}

/** What a method returns synchronously, when that is a plain value rather than one of the module's interfaces. */
export interface ReturnValue {
  readonly type: TypeSpec;
  readonly description: string;
  /** The documented properties of a returned object. */
  readonly fields?: readonly ResultField[];
  readonly values?: readonly EnumValue[];
}

/**
 * An attribute or `onxxx` event handler of a module or interface (audio `src`, `onplay`). Event handlers have
 * type `function` and a `callback` signature.
 */
export interface Property {
  readonly name: string;
  readonly type: TypeSpec;
  readonly description: string;
  /** Read-only: assigning it has no effect. */
  readonly readonly?: true;
  readonly values?: readonly EnumValue[];
  /** For `function` properties (event handlers): the handler's signature in TypeScript syntax. */
  readonly callback?: string;
  /** Fields of the object an event handler receives. */
  readonly fields?: readonly ResultField[];
  readonly default?: string;
  readonly support?: Support;
  readonly apiLevel?: number;
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
  readonly errors?: readonly MethodError[];
  /** Name of the interface the method returns synchronously, if any. */
  readonly returns?: string;
  /** A plain value the method returns synchronously (app `getInfo`, `canIUse`); exclusive with `returns`. */
  readonly returnValue?: ReturnValue;
  /** Called without `success`/`fail`/`complete`, the method returns a Promise of the success data (fetch). */
  readonly promise?: true;
  /** A manifest `permissions` entry the method needs (`hapjs.permission.DEVICE_INFO`). */
  readonly permission?: string;
  /** Known from the watch's own code, not from the docs. */
  readonly undocumented?: true;
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
  /** Attributes and event handlers of the interface. */
  readonly properties?: readonly Property[];
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
  /**
   * The module's own docs page, `https://iot.mi.com/vela/quickapp/zh/features/<area>/<name>.html` (the English path
   * only where that page is known to exist). Modules no page documents point to the features index.
   */
  readonly docUrl: string;
  /** Methods velakit knows in full (the seed modules) or per-method facts (support, API level). */
  readonly methods: readonly Method[];
  /** Interfaces the module's methods return (e.g. `UploadTask`). */
  readonly interfaces: readonly ApiInterface[];
  /** Attributes and `onxxx` event handlers of the module object itself (audio `src`, `onplay`). */
  readonly properties?: readonly Property[];
}

export interface ErrorCode {
  readonly code: number;
  readonly name: string;
  readonly meaning: string;
}

/**
 * Where a fact comes from. `docs`: a Vela docs page states or shows it (`note` says what the
 * page shows where the fact is not written out in it). `published-apps`: a community fact, as Redmi Watch 4's screen
 * is: no docs page states it, and published Vela apps rely on it (`note` says how).
 */
export type FactSource =
  | { readonly kind: 'docs'; readonly docUrl: string; readonly note: string }
  | { readonly kind: 'published-apps'; readonly note: string };

/** A name a Vela script uses without declaring or importing it (`console`, `setTimeout`, `require`). */
export interface ScriptGlobal {
  /** The identifier, as scripts write it. */
  readonly name: string;
  /** Scripts read it (and its members) but never assign the name itself (`no-global-assign` reports that). */
  readonly readonly: boolean;
  /** One line: what it is in a Vela script. */
  readonly description: string;
  readonly source: FactSource;
}
