import fc from 'fast-check';
import { parse } from '@humanwhocodes/momoa';
import { describe, expect, it } from 'vitest';
import { TextLocator } from '../src/locate-in-text.js';
import { locate, type Anchor } from '../src/locate.js';
import { pointerOf } from '../src/pointer.js';
import { manifests } from './helpers.js';

const anchors: Anchor[] = ['value', 'key', 'owner'];

/** Every pointer into a value, plus pointers just past what exists (which stop at the deepest value). */
function pointersOf(value: unknown, path: (string | number)[] = [], into: string[] = []): string[] {
  into.push(pointerOf(...path), pointerOf(...path, 'missing'), pointerOf(...path, 7));
  if (Array.isArray(value)) value.forEach((item, index) => pointersOf(item, [...path, index], into));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) pointersOf(item, [...path, key], into);
  }
  return into;
}

/** The locator agrees with `locate` on momoa's tree for every pointer and anchor. */
function expectSameAsTree(text: string, pointers: readonly string[]): void {
  const document = parse(text, { mode: 'json' });
  const locator = new TextLocator(text);
  for (const pointer of pointers) {
    for (const anchor of anchors)
      expect(locator.locate(pointer, anchor), `${pointer} (${anchor})`).toEqual(locate(document, pointer, anchor));
  }
}

const layout = fc.record({
  indent: fc.constantFrom(0, 1, 2, '\t', ' \t'),
  newline: fc.constantFrom('\n', '\r\n', '\r'),
  padding: fc.constantFrom('', ' ', '\n\n  ', '\r\n'),
});

describe('TextLocator', () => {
  it('places every pointer as momoa does, in any layout, with awkward keys and strings', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), layout, (value, { indent, newline, padding }) => {
        // JSON.stringify escapes line breaks inside strings, so replacing them changes only the layout.
        const text = padding + JSON.stringify(value, null, indent).replace(/\n/gu, newline) + padding;
        expectSameAsTree(text, pointersOf(value));
      }),
      { numRuns: 300 },
    );
  });

  it('places every pointer of the test manifests as momoa does', () => {
    for (const [, text] of manifests('valid')) expectSameAsTree(text, pointersOf(JSON.parse(text)));
  });

  it('finds keys written with escapes, and the last of duplicate keys', () => {
    const text = '{"a/b": 1, "\\u0061": [true, null], "a": {"x~y": -1.5e3}}';
    expectSameAsTree(text, ['/a~1b', '/a', '/a/x~0y', '/a/0', '/a/x~0y/z']);
    expect(new TextLocator(text).locate('/a/x~0y', 'value')).toEqual({
      start: { line: 1, column: 49, offset: 48 },
      end: { line: 1, column: 55, offset: 54 },
    });
  });

  it('points at the deepest value that exists, and at the opening bracket for "owner" without a key', () => {
    const text = '[\n  [1, 2],\n  {}\n]';
    const locator = new TextLocator(text);
    expect(locator.locate('/0/5', 'value')).toEqual({
      start: { line: 2, column: 3, offset: 4 },
      end: { line: 2, column: 9, offset: 10 },
    });
    expect(locator.locate('/1/name', 'owner')).toEqual({
      start: { line: 3, column: 3, offset: 14 },
      end: { line: 3, column: 4, offset: 15 },
    });
    expect(locator.locate('/x', 'key')).toEqual({
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 4, column: 2, offset: 18 },
    });
  });

  it('walks nesting too deep for a recursive parser without running out of stack', () => {
    const depth = 20_000;
    const text = `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
    const range = new TextLocator(text).locate('/0'.repeat(depth), 'value');
    expect(range.start.offset).toBe(depth);
    expect(range.end.offset).toBe(depth + 3);
  });
});
