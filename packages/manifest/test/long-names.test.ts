import { maxListedItems, maxQuotedLength } from '@velakit/catalog';
import { describe, expect, it } from 'vitest';
import { validateManifest } from '../src/validate.js';

// A 40,000-character router.entry against long page names: the suggestion is bounded by length (catalog's suggest
// allows at most 8 edits and computes only that band), and the message names a few pages, not all of them.
function manifestWith(entry: string, pages: readonly string[]): string {
  return JSON.stringify({
    package: 'com.a',
    name: 'A',
    icon: '/a.png',
    versionCode: 1,
    config: {},
    router: { entry, pages: Object.fromEntries(pages.map((page) => [page, { component: 'index' }])) },
  });
}

describe('unknown-entry-page with long names', () => {
  const entry = `pages/${'a'.repeat(40_000)}`;
  const page = (as: number) => `pages/${'a'.repeat(as)}c`;

  it('suggests the closest long page and quotes names cut short', () => {
    const pages = Array.from({ length: 60 }, (_, i) => page(39_940 + i));
    const { diagnostics } = validateManifest(manifestWith(entry, pages));
    const diagnostic = diagnostics.find((d) => d.code === 'unknown-entry-page')!;
    expect(diagnostic.suggestion).toBe(page(39_999));
    expect(diagnostic.message.length).toBeLessThan((maxListedItems + 3) * (maxQuotedLength + 4) + 200);
    expect(diagnostic.message).toContain(
      `router.entry "pages/${'a'.repeat(maxQuotedLength - 1 - 'pages/'.length)}…" is not a page in router.pages. Did you mean`,
    );
    expect(diagnostic.message).toMatch(/, and 50 more\.$/u);
  });

  it('lists at most maxListedItems of 4,000 pages and counts the rest', () => {
    const pages = Array.from({ length: 4000 }, (_, i) => `pages/p${i}`);
    const { diagnostics } = validateManifest(manifestWith('pages/nowhere-near', pages));
    const message = diagnostics.find((d) => d.code === 'unknown-entry-page')!.message;
    expect(message).toBe(
      `router.entry "pages/nowhere-near" is not a page in router.pages. Pages: ${pages
        .slice(0, maxListedItems)
        .map((name) => `"${name}"`)
        .join(', ')}, and 3,990 more.`,
    );
  });
});
