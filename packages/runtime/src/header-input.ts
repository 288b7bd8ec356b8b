import { validateHeaderName, validateHeaderValue } from 'node:http';
import { invalid } from './errors.js';

/**
 * Request headers from an app: an object whose values are strings or numbers (what a watch accepts), or for
 * `download` also a string of `Key: value` lines (what its docs describe). Anything else is a `202` failure.
 */
export function headersFrom(value: unknown, allowText: boolean, what = 'header'): [string, string][] {
  if (value === undefined || value === null) return [];
  const entries: [string, string][] = [];
  if (typeof value === 'string' && allowText) {
    for (const line of value.split(/\r?\n/u)) {
      if (line.trim() === '') continue;
      const colon = line.indexOf(':');
      if (colon <= 0) throw invalid(`invalid ${what}: "${line}" is not a "Key: value" line`);
      entries.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  } else if (typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, raw] of Object.entries(value)) {
      if (typeof raw !== 'string' && typeof raw !== 'number') {
        throw invalid(`invalid ${what}: the value of "${key}" must be a string or a number`);
      }
      entries.push([key, String(raw)]);
    }
  } else {
    throw invalid(`invalid ${what}: expected ${allowText ? 'a string of "Key: value" lines or ' : ''}an object`);
  }
  for (const [key, text] of entries) {
    try {
      validateHeaderName(key);
      validateHeaderValue(key, text);
    } catch {
      throw invalid(`invalid ${what}: "${key}" is not a valid HTTP header`);
    }
  }
  return entries;
}

/** Form fields of an upload: an object of strings or numbers. */
export function formFieldsFrom(value: unknown): [string, string][] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid('invalid formData: expected an object');
  return Object.entries(value).map(([key, raw]) => {
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      throw invalid(`invalid formData: the value of "${key}" must be a string or a number`);
    }
    return [key, String(raw)];
  });
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
