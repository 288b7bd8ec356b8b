/**
 * A copy of `text` that does not keep a larger string alive. V8 makes a substring of 13 characters or more (a regex
 * group, a parser's identifier or string value) a slice that holds on to the whole text it was cut from, so a
 * specifier kept in a run-long cache would keep its whole source file in memory: 2.6 MiB of source texts after a lint
 * of the bench's app, promoted to the old generation and marked by every full GC. The JSON round trip is one way to
 * get a flat copy; short strings are copied by V8 already.
 */
export function detachedString(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
