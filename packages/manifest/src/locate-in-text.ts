import type { LocationRange } from '@humanwhocodes/momoa';
import type { Anchor } from './locate.js';
import { segmentsOf } from './pointer.js';
import { LineIndex } from './text-position.js';

const quote = 34;
const backslash = 92;
/** A quote or a bracket: what skipping an object or array stops at. */
const structural = /["[\]{}]/gu;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Places JSON pointers in text that `JSON.parse` accepted, the way `locate` does on momoa's tree (same ranges,
 * including for duplicate keys: the last one wins), but without building a tree: it reads only along the path and
 * skips every other value, so a broken manifest costs a few microseconds more than a clean one. Iterative, so deep
 * nesting cannot exhaust the stack.
 */
export class TextLocator {
  readonly #text: string;
  readonly #lines: LineIndex;

  constructor(text: string) {
    this.#text = text;
    this.#lines = new LineIndex(text);
  }

  #skipSpace(at: number): number {
    const text = this.#text;
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    return at;
  }

  /** The offset just past the string that opens at `at`. */
  #endOfString(at: number): number {
    // indexOf runs natively: a diagnostic is placed a few times per file, too few calls for a character loop to be
    // compiled, so the loop would run in the interpreter.
    const text = this.#text;
    for (let i = text.indexOf('"', at + 1); i !== -1; i = text.indexOf('"', i + 1)) {
      let backslashes = 0;
      while (text.charCodeAt(i - 1 - backslashes) === backslash) backslashes++;
      if (backslashes % 2 === 0) return i + 1;
    }
    return text.length;
  }

  /** The offset just past the value that starts at `at`. */
  #endOfValue(at: number): number {
    const text = this.#text;
    const first = text.charCodeAt(at);
    if (first === quote) return this.#endOfString(at);
    if (first === 123 || first === 91) {
      // From one quote or bracket to the next (a native search), not character by character.
      let depth = 0;
      let i = at;
      for (;;) {
        structural.lastIndex = i;
        const found = structural.exec(text);
        if (found === null) return text.length;
        const c = text.charCodeAt(found.index);
        if (c === quote) {
          i = this.#endOfString(found.index);
          continue;
        }
        if (c === 123 || c === 91) depth++;
        else if (--depth === 0) return found.index + 1;
        i = found.index + 1;
      }
    }
    // A number, true, false or null: runs to the next delimiter.
    let i = at;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 44 || c === 125 || c === 93 || isSpace(c)) break;
      i++;
    }
    return i;
  }

  #keyAt(start: number, end: number): string {
    const raw = this.#text.slice(start, end);
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  /** The member of the object at `at` whose key is `key` (the last, as JSON.parse keeps), as offsets. */
  #member(at: number, key: string): { keyStart: number; keyEnd: number; value: number } | undefined {
    const text = this.#text;
    let found: { keyStart: number; keyEnd: number; value: number } | undefined;
    let i = this.#skipSpace(at + 1);
    while (text.charCodeAt(i) === quote) {
      const keyEnd = this.#endOfString(i);
      const value = this.#skipSpace(this.#skipSpace(keyEnd) + 1); // past the colon
      if (this.#keyAt(i, keyEnd) === key) found = { keyStart: i, keyEnd, value };
      i = this.#skipSpace(this.#endOfValue(value));
      if (text.charCodeAt(i) !== 44) break; // "}" ends the object
      i = this.#skipSpace(i + 1);
    }
    return found;
  }

  /** The start of element `index` of the array at `at`. */
  #element(at: number, index: number): number | undefined {
    const text = this.#text;
    let i = this.#skipSpace(at + 1);
    if (text.charCodeAt(i) === 93) return undefined;
    for (let k = 0; k < index; k++) {
      i = this.#skipSpace(this.#endOfValue(i));
      if (text.charCodeAt(i) !== 44) return undefined;
      i = this.#skipSpace(i + 1);
    }
    return i;
  }

  #range(start: number, end: number): LocationRange {
    return { start: this.#lines.position(start), end: this.#lines.position(end) };
  }

  /** The range a diagnostic at `pointer` underlines; a pointer past the text stops at the deepest value that exists. */
  locate(pointer: string, anchor: Anchor): LocationRange {
    const text = this.#text;
    let value = this.#skipSpace(0);
    let key: { start: number; end: number } | undefined;
    for (const segment of segmentsOf(pointer)) {
      const c = text.charCodeAt(value);
      if (c === 123) {
        const member = this.#member(value, segment);
        if (member === undefined) break;
        key = { start: member.keyStart, end: member.keyEnd };
        value = member.value;
      } else if (c === 91) {
        const element = /^\d+$/u.test(segment) ? this.#element(value, Number(segment)) : undefined;
        if (element === undefined) break;
        key = undefined;
        value = element;
      } else {
        break;
      }
    }
    if (key !== undefined && (anchor === 'key' || anchor === 'owner')) return this.#range(key.start, key.end);
    if (anchor === 'owner') return this.#range(value, value + 1);
    return this.#range(value, this.#endOfValue(value));
  }
}
