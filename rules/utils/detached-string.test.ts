import { describe, expect, it } from 'vitest';
import { detachedString } from './detached-string.js';

describe('detachedString', () => {
  it('returns the same text, short or long, whatever characters it holds', () => {
    const text = `import a from '../../common/plain-0.js'\n${'x'.repeat(2000)}`;
    const specifier = /from '([^']+)'/u.exec(text)![1]!;
    for (const value of [specifier, 'short', '', 'système.réseau-日本語-🙂', 'lone \ud800 surrogate and more']) {
      expect(detachedString(value)).toBe(value);
    }
  });

  it('keeps returning the right text for strings met again, and after many distinct ones', () => {
    const page = (n: number) => `import a from '../../common/plain-${n}.js'\n${'x'.repeat(200)}`;
    const specifierOf = (n: number) => /from '([^']+)'/u.exec(page(n))![1]!;
    expect(detachedString(specifierOf(7))).toBe('../../common/plain-7.js');
    expect(detachedString(specifierOf(7))).toBe('../../common/plain-7.js');
    for (let n = 0; n < 12_000; n++) expect(detachedString(specifierOf(n))).toBe(`../../common/plain-${n}.js`);
    expect(detachedString(specifierOf(7))).toBe('../../common/plain-7.js');
  });
});
