import { describe, expect, it } from 'vitest';
import { deviceName } from '../src/lookup.js';
import {
  count,
  deviceList,
  didYouMean,
  didYouMeanSentence,
  kindOfValue,
  kindPhrase,
  rangePhrase,
  listAnd,
  listOr,
  maxListedItems,
  quote,
} from '../src/words.js';

describe('lists', () => {
  it('join with "and" or "or", with the serial comma from three items on', () => {
    expect(listAnd([])).toBe('');
    expect(listAnd(['a'])).toBe('a');
    expect(listAnd(['a', 'b'])).toBe('a and b');
    expect(listAnd(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(listOr(['a', 'b'])).toBe('a or b');
    expect(listOr(['a', 'b', 'c'])).toBe('a, b, or c');
  });

  it('write what Intl.ListFormat writes in English', () => {
    const and = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
    const or = new Intl.ListFormat('en', { style: 'long', type: 'disjunction' });
    for (let length = 0; length <= 6; length++) {
      const items = ['`fetch`', 'Xiaomi Watch S4', 'a, b', 'REDMI Watch 5', 'x', 'y'].slice(0, length);
      expect(listAnd(items)).toBe(and.format(items));
      expect(listOr(items)).toBe(or.format(items));
    }
  });

  it('name the first items and count the rest past the limit', () => {
    const pages = Array.from({ length: 4000 }, (_, i) => `p${i}`);
    expect(listAnd(pages)).toBe(pages.join(', ').replace(/, (p3999)$/u, ', and $1'));
    expect(listAnd(pages, maxListedItems)).toBe(`${pages.slice(0, maxListedItems).join(', ')}, and 3,990 more`);
    expect(listOr(pages, 2)).toBe('p0, p1, or 3,998 more');
    expect(listAnd(pages.slice(0, maxListedItems), maxListedItems)).not.toContain('more');
  });

  it("counts the rest as toLocaleString('en') writes a number, without ICU", () => {
    for (const n of [0, 7, 999, 1000, 12_345, 999_999, 1_000_000, 1_234_567_890])
      expect(count(n)).toBe(n.toLocaleString('en'));
  });

  it('name devices in English', () => {
    expect(deviceList(['xiaomi-watch-s4', 'redmi-watch-5'])).toBe(
      `${deviceName('xiaomi-watch-s4')} and ${deviceName('redmi-watch-5')}`,
    );
    expect(deviceList(['not-a-device'])).toBe('not-a-device');
  });
});

describe('quote and did you mean', () => {
  it('quote a value, cutting a long one short', () => {
    expect(quote('pages/index')).toBe('"pages/index"');
    expect(quote('x', '`')).toBe('`x`');
    const long = quote('a'.repeat(40_000));
    expect(long.length).toBe(82);
    expect(long.endsWith('…"')).toBe(true);
  });

  it('suggest as a phrase or a sentence, and say nothing without suggestions', () => {
    expect(didYouMean(['system.request'])).toBe('did you mean "system.request"?');
    expect(didYouMean(['a', 'b', 'c'], "'")).toBe("did you mean 'a', 'b', or 'c'?");
    expect(didYouMeanSentence(['a', 'b'])).toBe(' Did you mean "a" or "b"?');
    expect(didYouMean([])).toBe('');
    expect(didYouMeanSentence([])).toBe('');
  });
});

describe('value kinds', () => {
  it('words a range of numbers as messages and hover docs write it', () => {
    expect(rangePhrase({ min: 0, max: 255, integer: true })).toBe('an integer from 0 to 255');
    expect(rangePhrase({ min: 1, integer: true })).toBe('a positive integer');
    // A range of fractions shows its limits with a decimal; a wide one as written.
    expect(rangePhrase({ min: 0, max: 1, integer: false })).toBe('a number from 0.0 to 1.0');
    expect(rangePhrase({ min: 0.5, max: 1, integer: false })).toBe('a number from 0.5 to 1.0');
    expect(rangePhrase({ min: 22, max: 512, integer: false })).toBe('a number from 22 to 512');
    expect(rangePhrase({ min: 0, integer: true })).toBe('an integer of at least 0');
    expect(rangePhrase({ max: 10, integer: false })).toBe('a number of at most 10');
    expect(rangePhrase({ integer: true })).toBe('an integer');
  });

  it('name a kind with its article, and a union as alternatives', () => {
    expect(kindPhrase('string')).toBe('a string');
    expect(kindPhrase('integer')).toBe('an integer');
    expect(kindPhrase('arraybuffer')).toBe('an ArrayBuffer');
    expect(kindPhrase(['string', 'object'])).toBe('a string or an object');
    expect(kindPhrase(['string', 'number', 'boolean'])).toBe('a string, a number, or a boolean');
  });

  it('tell the kind of a JavaScript value', () => {
    expect(
      [
        null,
        [],
        /x/u,
        new ArrayBuffer(1),
        new Uint8Array(1),
        's',
        1,
        true,
        () => 1,
        {},
        undefined,
        1n,
        Symbol('s'),
      ].map(kindOfValue),
    ).toEqual([
      'null',
      'array',
      'regexp',
      'arraybuffer',
      'uint8array',
      'string',
      'number',
      'boolean',
      'function',
      'object',
      'undefined',
      'unknown',
      'unknown',
    ]);
  });
});
