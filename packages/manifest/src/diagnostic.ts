/** The shapes every front end (CLI, ESLint, editors) shares. */

export type Severity = 'error' | 'warning' | 'info';

/** A place in the manifest's text. */
export interface Position {
  /** 1-based line. `\n`, `\r\n` and a lone `\r` each end a line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units. */
  column: number;
  /** 0-based UTF-16 index into the text. */
  offset: number;
}

export interface Diagnostic {
  /** Stable kebab-case id; see `diagnosticCodes`. */
  code: string;
  severity: Severity;
  message: string;
  start: Position;
  /** Exclusive. */
  end: Position;
  /** JSON pointer of the offending value (`''` for the whole document). */
  pointer: string;
  /** The replacement value, when there is one obvious fix (`"system.request"`). */
  suggestion?: string;
}

export interface ManifestSummary {
  package?: string;
  /** Declared feature names, in order (duplicates kept). */
  features: string[];
  /**
   * Canonical device ids from `targetDevices`; undefined when the field is absent. Empty when the list names no known
   * device (it is empty, or every entry is wrong): tools then take every known device as a target, as when it is
   * absent (the validator reports the list).
   */
  targetDevices?: string[];
  /** `minAPILevel`, 1 when absent or not a positive integer. */
  minAPILevel: number;
  /**
   * Which of these fields the file has with a usable value (`minAPILevel`: a positive integer), so messages never name
   * a field the file lacks.
   */
  has: { minAPILevel: boolean; features: boolean; permissions: boolean };
  /**
   * Fields the file has with a value the schema rejects (`"minAPILevel": "3"`, `"targetDevices": "xiaomi-watch-s4"`,
   * `"features": {}`): the schema's diagnostic is the one report, so tools judge nothing by the field and never say it
   * is absent. `minAPILevel`: not a positive integer; `targetDevices`, `features`, `permissions`: not an array;
   * `pages`: `router` or `router.pages` not an object; `document`: the manifest itself is not an object (every field
   * is then absent, and the file tells nothing).
   */
  invalid: {
    minAPILevel: boolean;
    targetDevices: boolean;
    features: boolean;
    permissions: boolean;
    pages: boolean;
    document: boolean;
  };
  /** Names in `config.background.features`. */
  backgroundFeatures: string[];
  /** Declared `permissions[].name` strings, in order (duplicates kept). */
  permissions: string[];
  /**
   * The pages of `router.pages`, in order, each with the path the app opens it by; absent when the file has no
   * `router.pages` object.
   */
  pages?: RouterPage[];
}

/** One page of `router.pages`: its name (the key, the page's folder) and its path. */
export interface RouterPage {
  readonly name: string;
  /**
   * Its `path`, or `/<name>` when it has none (the platform's default). Absent when the page is not an object or its
   * `path` is not a string (the schema reports both): the path the device gives it is then unknown.
   */
  readonly path?: string;
  /** True when the page sets `path` itself. */
  readonly explicit: boolean;
}

export interface ValidationResult {
  /** Sorted by position. */
  diagnostics: Diagnostic[];
  /** Undefined when the text cannot be parsed as JSON. */
  summary?: ManifestSummary;
}
