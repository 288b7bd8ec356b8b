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
  /** Objects and arrays whose members were listed (each listing is kept, and resumed where it stopped). */
  containersListed: number;
  /** Members and elements those listings went through. */
  entriesListed: number;
  /** Objects and arrays scanned to their closing bracket to skip them (each end is kept). */
  containersScanned: number;
  /** Characters those scans covered. */
  charactersScanned: number;
}

/** An object or array listed up to some member: what was found, and where to go on. */
interface Listing<Entries> {
  entries: Entries;
  /** Offset to go on from; -1 when the listing reached the closing bracket. */
  cursor: number;
  /** Whether `cursor` is at the value of the last entry listed, which must be skipped before the next entry. */
  atValue: boolean;
}

export interface TextLocatorOptions {
  /**
   * The caller knows no object in the text repeats a key (parse.ts counts members): a lookup may stop at the first
   * member with the key. Otherwise every object on a path is listed to its end, as the last of repeated keys wins.
   */
  uniqueKeys?: boolean;
  /** The line index of the text, when the caller has one. */
  lines?: LineIndex;
}

/**
 * Places JSON pointers in text that `JSON.parse` accepted, the way `locate` does on momoa's tree (same ranges,
 * including for duplicate keys: the last one wins), but without building a tree: it reads only along the paths asked
 * for, as far as they go, and skips every other value, so a broken manifest costs a few microseconds more than a
 * clean one.
 *
 * Placing N diagnostics is linear: each object or array on a path is listed once (a listing that stopped at the member
 * it needed resumes where it stopped), and the end of each value skipped over is kept, so no diagnostic re-reads the
 * text from the start (4,000 diagnostics in `router.pages` once took 12 s). A region can be scanned again only by a
 * container around it, so the work is at most the text times the depth of the pointers (the schema's, about 5) plus N.
 * Iterative, so deep nesting cannot exhaust the stack.
 */
export class TextLocator {
  readonly #text: string;
  readonly #lines: LineIndex;
  readonly #uniqueKeys: boolean;
  /** Objects listed so far, by the offset of their `{`. */
  readonly #objects = new Map<number, Listing<Map<string, MemberAt>>>();
  /** Arrays listed so far (element starts), by the offset of their `[`. */
  readonly #arrays = new Map<number, Listing<number[]>>();
  /** Where each object and array scanned so far ends, by the offset of its opening bracket. */
  readonly #ends = new Map<number, number>();
  readonly work: LocatorWork = { containersListed: 0, entriesListed: 0, containersScanned: 0, charactersScanned: 0 };

  constructor(text: string, options: TextLocatorOptions = {}) {
    this.#text = text;
    this.#lines = options.lines ?? new LineIndex(text);
    this.#uniqueKeys = options.uniqueKeys ?? false;
  }

  #skipSpace(at: number): number {
    const text = this.#text;
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    return at;
  }

  /** The offset just past the value that starts at `at`. */
  #endOfValue(at: number): number {
    const text = this.#text;
    const c = text.charCodeAt(at);
    if (c !== openBrace && c !== openBracket) return endOfScalar(text, at);
    const known = this.#ends.get(at);
    if (known !== undefined) return known;
    // To the matching bracket, keeping the end of every container on the way (a later skip of one is a lookup).
    this.work.containersScanned++;
    const open: number[] = [];
    structural.lastIndex = at;
    // test() rather than exec(): no match object per quote or bracket (a manifest has hundreds).
    while (structural.test(text)) {
      const found = structural.lastIndex - 1;
      const k = text.charCodeAt(found);
      if (k === quote) structural.lastIndex = endOfString(text, found);
      else if (k === openBrace || k === openBracket) open.push(found);
      else {
        const start = open.pop()!;
        this.#ends.set(start, found + 1);
        if (open.length === 0) {
          this.work.charactersScanned += found + 1 - at;
          return found + 1;
        }
      }
    }
    this.work.charactersScanned += text.length - at;
    return text.length;
  }

  #keyAt(start: number, end: number): string {
    const raw = this.#text.slice(start, end);
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  /** Moves a listing past the value of its last entry, to the next entry's start; false at the closing bracket. */
  #advance(listing: Listing<unknown>): boolean {
    if (listing.cursor === -1) return false;
    if (listing.atValue) {
      const after = this.#skipSpace(this.#endOfValue(listing.cursor));
      listing.atValue = false;
      listing.cursor = this.#text.charCodeAt(after) === comma ? this.#skipSpace(after + 1) : -1;
    }
    return listing.cursor !== -1;
  }

  /** The member of the object at `at` whose key is `key` (the last of repeated keys, as JSON.parse keeps). */
  #member(at: number, key: string): MemberAt | undefined {
    const text = this.#text;
    let listing = this.#objects.get(at);
    if (listing === undefined) {
      const first = this.#skipSpace(at + 1);
      listing = { entries: new Map(), cursor: text.charCodeAt(first) === quote ? first : -1, atValue: false };
      this.#objects.set(at, listing);
      this.work.containersListed++;
    }
    if (this.#uniqueKeys) {
      const known = listing.entries.get(key);
      if (known !== undefined) return known;
    }
    while (this.#advance(listing)) {
      const start = listing.cursor;
      if (text.charCodeAt(start) !== quote) {
        listing.cursor = -1;
        break;
      }
      const keyEnd = endOfString(text, start);
      const value = this.#skipSpace(this.#skipSpace(keyEnd) + 1); // past the colon
      const member = { keyStart: start, keyEnd, value };
      const name = this.#keyAt(start, keyEnd);
      listing.entries.set(name, member);
      this.work.entriesListed++;
      listing.cursor = value;
      listing.atValue = true;
      if (this.#uniqueKeys && name === key) return member;
    }
    return listing.entries.get(key);
  }

  /** The start of element `index` of the array at `at`. */
  #element(at: number, index: number): number | undefined {
    const text = this.#text;
    let listing = this.#arrays.get(at);
    if (listing === undefined) {
      const first = this.#skipSpace(at + 1);
      listing = { entries: [], cursor: text.charCodeAt(first) === closeBracket ? -1 : first, atValue: false };
      this.#arrays.set(at, listing);
      this.work.containersListed++;
    }
    const elements = listing.entries;
    while (elements.length <= index && this.#advance(listing)) {
      elements.push(listing.cursor);
      this.work.entriesListed++;
      listing.atValue = true;
    }
    return elements[index];
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
        const member = this.#member(value, segment);
        if (member === undefined) break;
        key = { start: member.keyStart, end: member.keyEnd };
        value = member.value;
      } else if (c === openBracket) {
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
