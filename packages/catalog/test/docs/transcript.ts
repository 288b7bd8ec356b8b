/**
 * A transcription of one Vela docs page's tables, written by reading the page and never by reading the catalogue.
 * `docs.test.ts` checks the catalogue against every transcript, so a catalogue fact cannot change without its page.
 *
 * Types are written exactly as the page's tables write them (`String/Object/ArrayBuffer`, `Integer`, `Function`);
 * support rows as the ✔/✘ marks of the page's "support details" table in the docs' column order:
 * `moduleTableColumns` (Band 9 and 9 Pro share a column), or `deviceTableColumns` where a table tells Band 9 and
 * Band 9 Pro apart.
 */
/** The columns of the docs' module support tables, in the docs' order (Band 9 and Band 9 Pro share `B9`). */
export const moduleTableColumns = ['S1P', 'B8P', 'B9', 'WS3', 'RW4', 'H1', 'B10', 'WS4', 'RW5', 'RW6', 'WS5'] as const;

/** The columns of a table that tells Band 9 and Band 9 Pro apart (the sensor page's), in the docs' order. */
export const deviceTableColumns = ['S1P', 'B8P', 'B9', 'B9P', 'WS3', 'RW4', 'H1', 'B10', 'WS4', 'RW5', 'RW6', 'WS5'] as const;

export interface DocTranscript {
  /** The page's path below the docs root, without `.html`: `'features/network/fetch'`. */
  readonly page: string;
  /** Feature names of the modules the page documents: `['system.fetch']`. */
  readonly modules: readonly string[];
  /** The page shows a manifest declaration block (`{ "name": "system.fetch" }`); false for "no declaration needed". */
  readonly declared: boolean;
  /** The API-level badge in the page title; absent: level 1. */
  readonly apiLevel?: number;
  /** The page's support table; absent when the page has none (then every device is assumed). */
  readonly support?: string;
  readonly methods: readonly DocMethod[];
  /**
   * Attributes and events the page lists for a module (`'src'`) or an object (`'connect.onopen'`), and the rows of
   * an event's callback table as `'connect.onopen.isReconnected'`.
   */
  readonly properties?: readonly DocField[];
  /** Error codes of a table that applies to the whole page rather than to one method. */
  readonly errorCodes?: readonly number[];
}

export interface DocMethod {
  /**
   * `binding.method` as the page's heading writes it (`'fetch.fetch'`, `'sensor.subscribePressure'`), or
   * `object.method` for a method of a returned object (`'UploadTask.abort'`, `'connect.send'`: the object's name is
   * matched with the catalogue's interface name regardless of case).
   */
  readonly name: string;
  /**
   * The parameter table's rows (or, for a method with no table, its heading's arguments). Absent: the page says the
   * method takes none. An argument the table leaves unnamed (a bare type row) is written `'#0'`, `'#1'`: by position.
   * Rows of a table describing an object parameter's properties are written `'params.___PARAM_LAUNCH_FLAG___'`.
   */
  readonly params?: readonly DocParam[];
  /** Rows of the `success` (or `callback`) result table; nested fields as `'source.packageName'`. */
  readonly success?: readonly DocField[];
  /**
   * What the method returns at once: a type word (`'Boolean'`), the name of a returned object (`'UploadTask'`), or
   * the rows of a return-value table (an object; a row named `''` gives another type, e.g. `['', 'Array']` for an
   * array whose items have the other rows as fields).
   */
  readonly returns?: string | readonly DocField[];
  /** The method's own support table (pages such as sensor or vibrator). Absent: the page's applies. */
  readonly support?: string;
  /** The API-level badge of the method's heading. Absent: the page's. */
  readonly apiLevel?: number;
  /** The codes of the method's own `fail` code table. */
  readonly errorCodes?: readonly number[];
  /** The page shows the method returning a Promise when called without callbacks. */
  readonly promise?: boolean;
}

/**
 * `[name, type as written, required]`, with the default, the allowed values and the range of numbers where the page
 * states them (`range`: the limits its text gives, `integer` when it says the value must be whole).
 */
export type DocParam = readonly [
  name: string,
  docsType: string,
  required: boolean,
  extra?: {
    readonly default?: string;
    readonly values?: readonly (string | number)[];
    readonly range?: { readonly min?: number; readonly max?: number; readonly integer: boolean };
  },
];

/** `[name, type as written]`, with the field's API-level badge where it has one. */
export type DocField = readonly [name: string, docsType: string, apiLevel?: number];
