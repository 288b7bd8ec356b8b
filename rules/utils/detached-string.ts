/** Flat copies already made, by content: most strings kept are the same few names and specifiers, over and over. */
const flatCopies = new Map<string, string>();
/** Past this many distinct strings the copies start over (an editor may see many a half-typed specifier). */
const maxFlatCopies = 10_000;

/**
 * A copy of `text` that does not keep a larger string alive. V8 makes a substring of 13 characters or more (a regex
 * group, a parser's identifier or string value) a slice that holds on to the whole text it was cut from, so a
 * specifier kept in a run-long cache would keep its whole source file in memory: 2.6 MiB of source texts after a lint
 * of the bench's app, promoted to the old generation and marked by every full GC. The JSON round trip is one way to
 * get a flat copy; short strings are copied by V8 already. A string met before gets the copy made then: a lint of the
 * bench's app asks for a few hundred distinct strings several thousand times.
 */
export function detachedString(text: string): string {
  if (text.length < 13) return text;
  let copy = flatCopies.get(text);
  if (copy === undefined) {
    copy = JSON.parse(JSON.stringify(text)) as string;
    if (flatCopies.size >= maxFlatCopies) flatCopies.clear();
    flatCopies.set(copy, copy);
  }
  return copy;
}
