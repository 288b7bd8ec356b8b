// The one voice of velakit's messages: every package (manifest, runtime, rules, CLI) builds lists, suggestions and
// value kinds with these, so a report reads the same wherever it comes from.
import { deviceName } from './lookup.js';
import type { NumberRange, ValueType } from './types.js';

/** How many items of a list the user wrote (pages, entries) a message names before it counts the rest. */
export const maxListedItems = 10;
/** Past this many characters, a value quoted in a message is cut short (a manifest may hold a 40,000-character name). */
export const maxQuotedLength = 80;

/** `12,345`: digits grouped by thousands, as `toLocaleString('en')` writes a whole number (without ICU's number data). */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}

/** Lists of what the catalogue holds (devices, options) are short; lists of what the user wrote pass a `max`. */
function shortened(items: readonly string[], max: number): string[] {
  return items.length <= max ? [...items] : [...items.slice(0, max), `${count(items.length - max)} more`];
}

/**
 * English series as `Intl.ListFormat('en', { style: 'long' })` writes them (serial comma from three items on), without
 * its cost: building a ListFormat loads ICU data, tens of milliseconds that a lint run reporting one call would pay.
 */
function series(items: readonly string[], word: 'and' | 'or'): string {
  if (items.length <= 2) return items.join(` ${word} `);
  return `${items.slice(0, -1).join(', ')}, ${word} ${items[items.length - 1]!}`;
}

/** `a`, `a and b`, `a, b, and c`; past `max` items, `a, b, …, and 12 more`. */
export function listAnd(items: readonly string[], max = Infinity): string {
  return series(shortened(items, max), 'and');
}

/** `a`, `a or b`, `a, b, or c`; past `max` items, `a, b, …, or 12 more`. */
export function listOr(items: readonly string[], max = Infinity): string {
  return series(shortened(items, max), 'or');
}

/** `"text"` (or with the given mark), cut short with `…` past `maxQuotedLength` characters. */
export function quote(text: string, mark: '"' | "'" | '`' = '"'): string {
  const shown = text.length > maxQuotedLength ? `${text.slice(0, maxQuotedLength - 1)}…` : text;
  return `${mark}${shown}${mark}`;
}

/** `did you mean "a" or "b"?`, or '' when there is nothing to suggest. */
export function didYouMean(suggestions: readonly string[], mark: '"' | "'" | '`' = '"'): string {
  return suggestions.length === 0
    ? ''
    : `did you mean ${listOr(suggestions.map((suggestion) => quote(suggestion, mark)))}?`;
}

/** ` Did you mean "a" or "b"?` to append to a sentence, or '' when there is nothing to suggest. */
export function didYouMeanSentence(suggestions: readonly string[], mark: '"' | "'" | '`' = '"'): string {
  const phrase = didYouMean(suggestions, mark);
  return phrase === '' ? '' : ` D${phrase.slice(1)}`;
}

/** English names of device ids (`Xiaomi Watch S4 and Redmi Watch 5`). */
export function deviceList(ids: readonly string[], max = Infinity): string {
  return listAnd(ids.map(deviceName), max);
}

/** The kinds of value a message can name: the catalogue's value types, and what code or JSON can hold besides. */
export type ValueKind = ValueType | 'null' | 'regexp' | 'undefined' | 'unknown';

const kindWords: Readonly<Record<ValueKind, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  function: 'a function',
  array: 'an array',
  arraybuffer: 'an ArrayBuffer',
  uint8array: 'a Uint8Array',
  null: 'null',
  regexp: 'a regular expression',
  undefined: 'undefined',
  unknown: 'a value of unknown type',
};

/** `a string`, `an object`; for several kinds (a union), `a string or an object`. */
export function kindPhrase(kind: ValueKind | readonly ValueKind[]): string {
  return typeof kind === 'string' ? kindWords[kind] : listOr(kind.map((one) => kindWords[one]));
}

/** The kind of a JavaScript value, in the words above. */
export function kindOfValue(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof RegExp) return 'regexp';
  if (value instanceof ArrayBuffer) return 'arraybuffer';
  if (value instanceof Uint8Array) return 'uint8array';
  const type = typeof value;
  return type === 'bigint' || type === 'symbol' ? 'unknown' : type;
}

/**
 * A limit as a message writes it. A range of fractions that spans at most 1 (volume: 0.0 to 1.0) shows its whole
 * limits with a decimal, so `from 0 to 1` cannot be read as the two values 0 and 1.
 */
function limitWords(limit: number, range: NumberRange): string {
  const fractions = !range.integer && range.min !== undefined && range.max !== undefined && range.max - range.min <= 1;
  return fractions && Number.isInteger(limit) ? limit.toFixed(1) : String(limit);
}

/**
 * The numbers a range allows, as a message or a hover doc writes them: `an integer from 0 to 255`, `a positive
 * integer`, `a number from 0.0 to 1.0`, `a number of at least 5`.
 */
export function rangePhrase(range: NumberRange): string {
  const { min, max } = range;
  const kind = range.integer ? 'an integer' : 'a number';
  if (range.integer && min === 1 && max === undefined) return 'a positive integer';
  if (min !== undefined && max !== undefined)
    return `${kind} from ${limitWords(min, range)} to ${limitWords(max, range)}`;
  if (min !== undefined) return `${kind} of at least ${limitWords(min, range)}`;
  if (max !== undefined) return `${kind} of at most ${limitWords(max, range)}`;
  return kind;
}
