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
});
