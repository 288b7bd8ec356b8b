import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/text-position.js';
import { validateManifest } from '../src/validate.js';
import { manifests } from './helpers.js';

const valid = manifests('valid').map(([, text]) => text);

/** Never throws, and every diagnostic lies inside the text with consistent line/column/offset. */
function assertWellPlaced(text: string): void {
  const { diagnostics } = validateManifest(text);
  const lines = new LineIndex(text);
  for (const d of diagnostics) {
    expect(d.start.offset).toBeGreaterThanOrEqual(0);
    expect(d.start.offset).toBeLessThanOrEqual(d.end.offset);
    expect(d.end.offset).toBeLessThanOrEqual(text.length);
    expect(d.start).toEqual(lines.position(d.start.offset));
    expect(d.end).toEqual(lines.position(d.end.offset));
    expect(d.message.length).toBeGreaterThan(0);
  }
}

const awkwardChar = fc.constantFrom(
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  '/',
  '*',
  '\n',
  '\r',
  '\t',
  ' ',
  '\uFEFF',
  '\u2028',
  '\uD800',
  'é',
  '0',
  '-',
  'e',
  't',
);

const textMutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    chars: fc.array(fc.oneof(awkwardChar, fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function applyText(text: string, mutation: TextMutation): string {
  const at = mutation.at % (text.length + 1);
  switch (mutation.kind) {
    case 'insert':
      return text.slice(0, at) + mutation.chars.join('') + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + mutation.length);
    case 'duplicate':
      return (
        text.slice(0, at + mutation.length) + text.slice(at, at + mutation.length) + text.slice(at + mutation.length)
      );
    case 'truncate':
      return text.slice(0, at);
  }
}

/** Every path to a value inside a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const found = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => found.push(...paths(item, [...prefix, index])));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) found.push(...paths(item, [...prefix, key]));
  }
  return found;
}

function setAt(root: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  copy[head!] = setAt(copy[head!], rest, replacement);
  return copy;
}

const interesting = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    'system.request',
    'system.requst',
    '@system.fetch',
    'Redmi Watch 4',
    'redmi-watch-9',
    'pages/index',
    'singleTask',
    'phone',
    0,
    -1,
    3,
    4,
    1.5,
    '',
    null,
  ),
);

describe('property: mutated manifests', () => {
  it('text mutations never throw and every diagnostic points inside the file', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.array(textMutation, { minLength: 1, maxLength: 3 }),
        (text, mutations) => {
          assertWellPlaced(mutations.reduce(applyText, text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('value mutations never throw and every diagnostic points inside the file', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.nat(),
        interesting,
        fc.constantFrom(0, 2, '\t'),
        (text, pick, replacement, indent) => {
          const value = JSON.parse(text) as unknown;
          const all = paths(value);
          const mutated = setAt(value, all[pick % all.length]!, replacement);
          assertWellPlaced(JSON.stringify(mutated, null, indent));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('arbitrary strings never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => assertWellPlaced(text)),
      { numRuns: 300 },
    );
  });
});
