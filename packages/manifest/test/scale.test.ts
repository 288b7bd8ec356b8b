import { describe, expect, it } from 'vitest';
import { TextLocator } from '../src/locate-in-text.js';
import { pointerOf } from '../src/pointer.js';
import { validateManifest } from '../src/validate.js';
import { brief, manifests } from './helpers.js';

// Placing N diagnostics must cost one pass over the text plus N lookups. These tests count the locator's work
// (timing belongs in `npm run bench`, which prints the 8,000-page figure).

/** A manifest whose router has `count` pages, each with a bad launchMode: `count` diagnostics inside router.pages. */
function manyBadPages(count: number): string {
  const pages: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) pages[`pages/p${i}`] = { component: 'index', launchMode: 'bogus' };
  const manifest = {
    package: 'com.a',
    name: 'A',
    icon: '/a.png',
    versionCode: 1,
    config: {},
    router: { entry: 'pages/p0', pages },
    targetDevices: ['xiaomi-watch-s4'],
  };
  return JSON.stringify(manifest, null, 2);
}

describe('placing many diagnostics', () => {
  it('lists each object and array on the paths once: 4,000 pointers into router.pages', () => {
    const count = 4000;
    const text = manyBadPages(count);
    for (const uniqueKeys of [true, false]) {
      const locator = new TextLocator(text, { uniqueKeys });
      const ranges = [];
      for (let i = 0; i < count; i++)
        ranges.push(locator.locate(pointerOf('router', 'pages', `pages/p${i}`, 'launchMode'), 'value'));
      // The document, router, router.pages and each page: listed once each, however many pointers go through them.
      expect(locator.work.containersListed).toBe(3 + count);
      // Root (up to router: 6 of 7 members, or all 7 when a key may repeat), router (2), pages, each page (2):
      // no member is gone through twice.
      expect(locator.work.entriesListed).toBe((uniqueKeys ? 6 : 7) + 2 + count + 2 * count);
      // Skipping a page to reach the next scans it once; nothing is scanned twice per level.
      expect(locator.work.charactersScanned).toBeLessThan(text.length);
      const last = ranges.at(-1)!;
      expect(text.slice(last.start.offset, last.end.offset)).toBe('"bogus"');
      expect(new Set(ranges.map((range) => range.start.offset)).size).toBe(count);
    }
  });

  it('lists an array once for 20,000 pointers into it, scans nested arrays once, and a nested array path once per level', () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => `bad-${i}`);
    const text = JSON.stringify({ targetDevices: entries });
    const locator = new TextLocator(text);
    for (let i = 0; i < entries.length; i++) locator.locate(pointerOf('targetDevices', i), 'value');
    // The root is listed to its end (a key might repeat), which skips the array once: all but '{"targetDevices":' and '}'.
    expect(locator.work).toEqual({
      containersListed: 2,
      entriesListed: 1 + 20_000,
      containersScanned: 1,
      charactersScanned: text.length - 18,
    });
    // An array of arrays: skipping it (the root is listed to its end) scans it once and keeps the end of every
    // array inside, so listing it and its elements later scans nothing again.
    const nested = JSON.stringify({ a: Array.from({ length: 2000 }, (_, i) => [i, [i]]) });
    const nestedLocator = new TextLocator(nested);
    for (let i = 0; i < 2000; i++) nestedLocator.locate(pointerOf('a', i, 1, 0), 'value');
    for (let i = 0; i < 2000; i++) nestedLocator.locate(pointerOf('a', i), 'value');
    expect(nestedLocator.work.containersScanned).toBe(1);
    expect(nestedLocator.work.charactersScanned).toBeLessThan(nested.length);

    // 5,000 levels, each listed once (only as far as element 0): nothing is scanned.
    const depth = 5000;
    const deep = new TextLocator(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
    expect(deep.locate('/0'.repeat(depth), 'value').start.offset).toBe(depth);
    expect(deep.work).toEqual({
      containersListed: depth,
      entriesListed: depth,
      containersScanned: 0,
      charactersScanned: 0,
    });
    // The whole nest as one value: one scan to its end, whatever the depth.
    expect(deep.locate('', 'value').end.offset).toBe(2 * depth + 1);
    expect(deep.work.containersScanned).toBe(1);
  });

  it('validateManifest places 4,000 page diagnostics, sorted, each at its own page', () => {
    const count = 4000;
    const { diagnostics } = validateManifest(manyBadPages(count));
    expect(diagnostics).toHaveLength(count);
    expect(diagnostics.every((d) => d.code === 'invalid-value')).toBe(true);
    // Each page takes 4 lines in JSON.stringify's layout; the launchMode value is on the page's third line.
    const lines = diagnostics.map((d) => d.start.line);
    expect(brief(diagnostics[0]!)).toBe('invalid-value 12:23-12:30');
    expect(lines).toEqual(Array.from({ length: count }, (_, i) => 12 + 4 * i));
    expect(brief(diagnostics[count - 1]!)).toBe(`invalid-value ${12 + 4 * (count - 1)}:23-${12 + 4 * (count - 1)}:30`);
  });

  it('places 20,000 unknown targetDevices, and places them from the tree too when the text has a comment', () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => `bad-${i % 50}`);
    const [, full] = manifests('valid').find(([name]) => name === 'full.json')!;
    const text = full.replace(
      '"targetDevices": ["xiaomi-watch-s4", "redmi-watch-5"]',
      `"targetDevices": ${JSON.stringify(entries)}`,
    );
    const plain = validateManifest(text).diagnostics.filter((d) => d.code === 'unknown-device');
    expect(plain).toHaveLength(20_000);
    const commented = validateManifest(text.replace('{\n', '{\n  // hand-made\n')).diagnostics.filter(
      (d) => d.code === 'unknown-device',
    );
    expect(commented).toHaveLength(20_000);
    // The comment adds one line; columns stay.
    expect(commented.map((d) => `${d.start.line - 1}:${d.start.column}`)).toEqual(
      plain.map((d) => `${d.start.line}:${d.start.column}`),
    );
    expect(plain[19_999]!.pointer).toBe('/targetDevices/19999');
  });
});
