/**
 * Adds a header to a record of headers, joining a repeated one with ", ". Own properties only, defined rather than
 * assigned: a header named `__proto__`, `constructor` or `toString` is stored like any other, never inherited,
 * never turned into a prototype.
 */
export function setHeaderValue(headers: Record<string, string>, key: string, value: string): void {
  const joined = Object.hasOwn(headers, key) ? `${headers[key]}, ${value}` : value;
  Object.defineProperty(headers, key, { value: joined, enumerable: true, writable: true, configurable: true });
}

/** An empty header record with no prototype, for the runtime's own lookups (`headers['content-length']`). */
export function emptyHeaders(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}
