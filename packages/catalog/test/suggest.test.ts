import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alphabetically, editDistance, maxSuggestionEdits, suggest } from '../src/suggest.js';

/** The textbook full-matrix optimal string alignment distance, to check the rolling-row one against. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

// A small alphabet makes swaps, repeats and near-misses common.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', '8'), maxLength: 12 });

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('requst', 'request')).toBe(1);
    expect(editDistance('reqeust', 'request')).toBe(1);
    expect(editDistance('request', 'requets')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });

  it('is optimal string alignment, not unrestricted Damerau: a swapped pair is not edited again', () => {
    expect(editDistance('ca', 'abc')).toBe(3);
  });

  it('agrees with the full-matrix definition, in both directions and for long strings', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const expected = referenceDistance(a, b);
        expect(editDistance(a, b)).toBe(expected);
        expect(editDistance(b, a)).toBe(expected);
      }),
      { numRuns: 500 },
    );
    const long = 'x'.repeat(100);
    expect(editDistance(long, `${long}yz`)).toBe(2);
    expect(editDistance('ab', 'ba')).toBe(1);
  });

  it('with max, is exact up to max and max + 1 beyond it', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        const exact = referenceDistance(a, b);
        expect(editDistance(a, b, max)).toBe(exact <= max ? exact : max + 1);
      }),
      { numRuns: 500 },
    );
    expect(editDistance('a', 'abcdef', 2)).toBe(3); // the length difference alone rules it out
    expect(editDistance('xxxxxx', 'yyyyyy', 1)).toBe(2); // every cell of an early row is past max
    expect(editDistance('redmi-watch-9', 'redmi-watch-4', 4)).toBe(1);
  });
});

describe('suggest', () => {
  it('ranks by distance, then alphabetically, case-insensitively, leaving out what is too far', () => {
    // Within 2 edits of the 6-letter input: request and Reqest (1), requ (2); quest is 3 away.
    expect(suggest('Requst', ['requ', 'quest', 'request', 'Reqest'])).toEqual(['Reqest', 'request', 'requ']);
  });

  it('finds a candidate that contains the input even when many edits away', () => {
    expect(suggest('band 8', ['xiaomi-band 8-pro', 'redmi-watch-5'])).toEqual(['xiaomi-band 8-pro']);
  });

  it('skips repeated candidates and honours max', () => {
    expect(suggest('abc', ['abd', 'abd', 'abe', 'abf'], { max: 2 })).toEqual(['abd', 'abe']);
  });
});

describe('alphabetically', () => {
  const sign = (n: number) => Math.sign(n);

  it('orders ids, feature names and device names exactly as localeCompare does', () => {
    const name = fc.string({
      unit: fc.constantFrom(' ', '-', '.', '0', '4', '9', 'a', 'A', 'm', 'M', 'z', 'Z'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(sign(alphabetically(a, b))).toBe(sign(a.localeCompare(b)));
        expect(sign(alphabetically(a, a.toUpperCase()))).toBe(sign(a.localeCompare(a.toUpperCase())));
      }),
      { numRuns: 2000 },
    );
    // Every pair of strings of up to two characters from the whole alphabet it handles itself.
    const alphabet = ' -.0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const short = [''];
    for (const a of alphabet) for (const b of ['', ...alphabet]) short.push(a + b);
    let disagreements = 0;
    for (const a of short)
      for (const b of short) if (sign(alphabetically(a, b)) !== sign(a.localeCompare(b))) disagreements++;
    expect(disagreements).toBe(0);
  });

  it('lets localeCompare order anything else', () => {
    for (const [a, b] of [
      ['a_b', 'a-b'],
      ['é', 'f'],
      ['小米', 'xiaomi'],
      ['pages/index', 'pages-index'],
    ] as const) {
      expect(sign(alphabetically(a, b))).toBe(sign(a.localeCompare(b)));
      expect(sign(alphabetically(b, a))).toBe(sign(b.localeCompare(a)));
    }
    expect(
      suggest('redmi-watch-9', ['redmi-watch-6', 'REDMI Watch 5', 'redmi-watch-4', 'Redmi Watch 4'], { max: 4 }),
    ).toEqual(['redmi-watch-4', 'redmi-watch-6', 'Redmi Watch 4', 'REDMI Watch 5']);
  });
});

describe('bounded by length', () => {
  // Each pair below is 1.6 billion cells without the bound: this test ran for minutes before it.
  const entry = `pages/${'a'.repeat(40_000)}`;
  const page = (as: number) => `pages/${'a'.repeat(as)}c`;
  const pages = Array.from({ length: 25 }, (_, i) => page(39_975 + i));

  it('allows at most maxSuggestionEdits edits, however long the input', () => {
    expect(maxSuggestionEdits).toBe(8);
    // page(n) is 40,000 - n edits away: the 8 closest qualify, closest first.
    expect(suggest(entry, pages, { max: 100 })).toEqual(Array.from({ length: 8 }, (_, i) => page(39_999 - i)));
    expect(suggest('x'.repeat(30), ['y'.repeat(30)])).toEqual([]);
  });

  it('computes only the band within max of the diagonal and stays exact there', () => {
    expect(editDistance(entry, `${entry}bb`, 3)).toBe(2);
    expect(editDistance(entry, `b${entry.slice(1)}`, 3)).toBe(1);
    expect(editDistance(entry, page(39_995), 8)).toBe(5);
    expect(editDistance(entry, page(39_990), 8)).toBe(9);
  });
});
