import type { LocationRange } from '@humanwhocodes/momoa';
import type { Anchor } from './locate.js';
import { segmentsOf } from './pointer.js';
import { LineIndex } from './text-position.js';

const quote = 34;
const backslash = 92;
const openBrace = 123;
const closeBrace = 125;
const openBracket = 91;
const closeBracket = 93;
const comma = 44;
/** A quote or a bracket: what skipping an object or array stops at. */
const structural = /["[\]{}]/gu;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** A member of an object in the text, as offsets: its key (quotes included) and the start of its value. */
interface MemberAt {
  keyStart: number;
  keyEnd: number;
  value: number;
}

/** What a locator did, for tests that check placing N diagnostics stays linear. */
export interface LocatorWork {
  /** Objects and arrays whose members were listed (each at most once). */
  containersIndexed: number;
  /** Members and elements those listings went through. */
  entriesListed: number;
  /** Passes over the whole text to match brackets: at most one. */
  bracketPasses: number;
}

/**
 * Places JSON pointers in text that `JSON.parse` accepted, the way `locate` does on momoa's tree (same ranges,
 * including for duplicate keys: the last one wins), but without building a tree: it reads only along the paths asked
 * for and skips every other value, so a broken manifest costs a few microseconds more than a clean one.
 *
 * Each object or array on a path is listed once, the first time a pointer goes through it, and its members are kept:
 * N diagnostics in one file cost one pass over the containers they sit in plus N lookups, not N passes over the text
 * (4,000 diagnostics in `router.pages` once took 12 s). Iterative, so deep nesting cannot exhaust the stack.
 */
export class TextLocator {
  readonly #text: string;
  readonly #lines: LineIndex;
  /** The members of each object listed so far, by the offset of its `{`. */
  readonly #objects = new Map<number, Map<string, MemberAt>>();
  /** The element starts of each array listed so far, by the offset of its `[`. */
  readonly #arrays = new Map<number, number[]>();
  /** Where each object and array ends, by the offset of its opening bracket: one pass, the first time one is skipped. */
  #ends: Map<number, number> | undefined;
  readonly work: LocatorWork = { containersIndexed: 0, entriesListed: 0, bracketPasses: 0 };

  constructor(text: string, lines: LineIndex = new LineIndex(text)) {
    this.#text = text;
    this.#lines = lines;
  }

  #skipSpace(at: number): number {
    const text = this.#text;
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    return at;
  }

  /** The offset just past the value that starts at `at`. */
  #endOfValue(at: number): number {
    const c = this.#text.charCodeAt(at);
    if (c !== openBrace && c !== openBracket) return endOfScalar(this.#text, at);
    this.#ends ??= containerEnds(this.#text, this.work);
    return this.#ends.get(at) ?? this.#text.length;
  }

  #keyAt(start: number, end: number): string {
    const raw = this.#text.slice(start, end);
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  /** The members of the object at `at` by key (the last of duplicates, as JSON.parse keeps). */
  #membersOf(at: number): Map<string, MemberAt> {
    let members = this.#objects.get(at);
    if (members !== undefined) return members;
    members = new Map();
    const text = this.#text;
    let i = this.#skipSpace(at + 1);
    while (text.charCodeAt(i) === quote) {
      const keyEnd = endOfString(text, i);
      const value = this.#skipSpace(this.#skipSpace(keyEnd) + 1); // past the colon
      members.set(this.#keyAt(i, keyEnd), { keyStart: i, keyEnd, value });
      this.work.entriesListed++;
      i = this.#skipSpace(this.#endOfValue(value));
      if (text.charCodeAt(i) !== comma) break; // "}" ends the object
      i = this.#skipSpace(i + 1);
    }
    this.#objects.set(at, members);
    this.work.containersIndexed++;
    return members;
  }

  /** The start of each element of the array at `at`. */
  #elementsOf(at: number): number[] {
    let elements = this.#arrays.get(at);
    if (elements !== undefined) return elements;
    elements = [];
    const text = this.#text;
    let i = this.#skipSpace(at + 1);
    if (text.charCodeAt(i) !== closeBracket) {
      for (;;) {
        elements.push(i);
        this.work.entriesListed++;
        i = this.#skipSpace(this.#endOfValue(i));
        if (text.charCodeAt(i) !== comma) break;
        i = this.#skipSpace(i + 1);
      }
    }
    this.#arrays.set(at, elements);
    this.work.containersIndexed++;
    return elements;
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
      if (c === openBrace) {
        const member = this.#membersOf(value).get(segment);
        if (member === undefined) break;
        key = { start: member.keyStart, end: member.keyEnd };
        value = member.value;
      } else if (c === openBracket) {
        const element = /^\d+$/u.test(segment) ? this.#elementsOf(value)[Number(segment)] : undefined;
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

/** The offset just past the string that opens at `at`. */
function endOfString(text: string, at: number): number {
  // indexOf runs natively: a diagnostic is placed a few times per file, too few calls for a character loop to be
  // compiled, so the loop would run in the interpreter.
  for (let i = text.indexOf('"', at + 1); i !== -1; i = text.indexOf('"', i + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === backslash) backslashes++;
    if (backslashes % 2 === 0) return i + 1;
  }
  return text.length;
}

/** The offset just past the string, number, true, false or null that starts at `at`. */
function endOfScalar(text: string, at: number): number {
  if (text.charCodeAt(at) === quote) return endOfString(text, at);
  // Runs to the next delimiter.
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === comma || c === closeBrace || c === closeBracket || isSpace(c)) break;
    i++;
  }
  return i;
}

/** The end (just past the closing bracket) of every object and array, by the offset of its opening bracket. */
function containerEnds(text: string, work: LocatorWork): Map<number, number> {
  work.bracketPasses++;
  const ends = new Map<number, number>();
  const open: number[] = [];
  // From one quote or bracket to the next (a native search), not character by character.
  structural.lastIndex = 0;
  for (let found = structural.exec(text); found !== null; found = structural.exec(text)) {
    const at = found.index;
    const c = text.charCodeAt(at);
    if (c === quote) structural.lastIndex = endOfString(text, at);
    else if (c === openBrace || c === openBracket) open.push(at);
    else {
      const start = open.pop();
      if (start !== undefined) ends.set(start, at + 1);
    }
  }
  return ends;
}

/** A key an object already had: JSON.parse kept the later one. */
export interface RepeatedKey {
  key: string;
  /** JSON pointer of the member. */
  pointer: string;
  /** Offsets of the repeated key, quotes included. */
  start: number;
  end: number;
  /** Offset of the same key's previous occurrence in that object. */
  previous: number;
}

interface ObjectFrame {
  kind: 'object';
  /** Where each key was last seen. */
  seen: Map<string, number>;
  /** The escaped pointer segment of the member being read. */
  segment: string;
  expectingKey: boolean;
}

interface ArrayFrame {
  kind: 'array';
  index: number;
}

/**
 * Every repeated key in text that JSON.parse accepted, in one pass with an explicit stack (no recursion, so no depth
 * is too deep), without building a tree.
 */
export function repeatedKeys(text: string, escapeSegment: (segment: string) => string): RepeatedKey[] {
  const found: RepeatedKey[] = [];
  const stack: (ObjectFrame | ArrayFrame)[] = [];
  const pointerTo = (segment: string) => {
    let pointer = '';
    for (let k = 0; k < stack.length - 1; k++) {
      const frame = stack[k]!;
      pointer += `/${frame.kind === 'object' ? frame.segment : String(frame.index)}`;
    }
    return `${pointer}/${segment}`;
  };
  const delimiters = /["[\]{},]/gu; // all that matters here: from one to the next is a native search
  for (;;) {
    const next = delimiters.exec(text);
    if (next === null) break;
    const i = next.index;
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === quote) {
      const end = endOfString(text, i);
      if (top?.kind === 'object' && top.expectingKey) {
        const raw = text.slice(i, end);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        top.segment = escapeSegment(key);
        top.expectingKey = false;
        const previous = top.seen.get(key);
        if (previous !== undefined) found.push({ key, pointer: pointerTo(top.segment), start: i, end, previous });
        top.seen.set(key, i);
      }
      delimiters.lastIndex = end;
      continue;
    }
    if (c === openBrace) stack.push({ kind: 'object', seen: new Map(), segment: '', expectingKey: true });
    else if (c === openBracket) stack.push({ kind: 'array', index: 0 });
    else if (c === closeBrace || c === closeBracket) stack.pop();
    else if (c === comma) {
      if (top?.kind === 'object') top.expectingKey = true;
      else if (top?.kind === 'array') top.index++;
    }
  }
  return found;
}
