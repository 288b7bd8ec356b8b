import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { EntryType } from '@velakit/catalog';
import { entryTypeWords, fitsEntryType } from './entry-types.js';
import { invalid } from './errors.js';

export interface HeaderInput {
  /** Types a property value may have (the catalogue's `entries` of the parameter); absent: no object form. */
  readonly entries?: readonly EntryType[];
  /** Also accept a string of `Key: value` lines (`download`'s documented form). */
  readonly allowText?: boolean;
  /** Parameter name for messages. */
  readonly what?: string;
}

/** `[key, text]` for each property of an object whose values must be of the given types, or a `202` failure. */
function textEntries(value: object, entries: readonly EntryType[], what: string): [string, string][] {
  return Object.entries(value).map(([key, raw]) => {
    if (!fitsEntryType(raw, entries))
      throw invalid(`invalid ${what}: the value of "${key}" must be ${entryTypeWords(entries)}`);
    return [key, String(raw)];
  });
}

/**
 * Request headers from an app, in the forms the catalogue gives the parameter (`headerInputOf`): an object whose values
 * are of the listed types, and for `download` also a string of `Key: value` lines. Anything else is a `202` failure.
 */
export function headersFrom(
  value: unknown,
  { entries, allowText = false, what = 'header' }: HeaderInput,
): [string, string][] {
  if (value === undefined || value === null) return [];
  let headers: [string, string][] = [];
  if (typeof value === 'string' && allowText) {
    for (const line of value.split(/\r?\n/u)) {
      if (line.trim() === '') continue;
      const colon = line.indexOf(':');
      if (colon <= 0) throw invalid(`invalid ${what}: "${line}" is not a "Key: value" line`);
      headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  } else if (typeof value === 'object' && !Array.isArray(value) && entries !== undefined) {
    headers = textEntries(value, entries, what);
  } else {
    const forms = [
      ...(allowText ? ['a string of "Key: value" lines'] : []),
      ...(entries === undefined ? [] : ['an object']),
    ];
    throw invalid(`invalid ${what}: expected ${forms.join(' or ')}`);
  }
  for (const [key, text] of headers) {
    try {
      validateHeaderName(key);
      validateHeaderValue(key, text);
    } catch {
      throw invalid(`invalid ${what}: "${key}" is not a valid HTTP header`);
    }
  }
  return headers;
}

/** Form fields of an upload: an object whose values are of the types the catalogue lists for `formData`. */
export function formFieldsFrom(value: unknown, entries: readonly EntryType[]): [string, string][] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid('invalid formData: expected an object');
  return textEntries(value, entries, 'formData');
}

/** An http(s) URL, or a `202` failure naming what was wrong. */
export function httpUrlFrom(value: unknown): URL {
  if (typeof value !== 'string' || value === '') throw invalid('invalid url: url is a required string');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`invalid url: "${value}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(`invalid url: "${value}" is not http(s)`);
  return url;
}
