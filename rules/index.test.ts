import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderIndex, ruleNames } from './scripts/generate-index.mjs';
import { rules } from './index.js';

describe('rule index', () => {
  it('is what `npm run generate` writes: every <rule>.ts with a <rule>.md beside it', () => {
    expect(readFileSync(new URL('index.ts', import.meta.url), 'utf8')).toBe(renderIndex(ruleNames()));
    expect(Object.keys(rules)).toEqual(ruleNames());
  });

  it('takes a .ts file as a rule only when its doc is beside it, and never a test', () => {
    expect(
      ruleNames([
        'b-rule.ts',
        'b-rule.md',
        'a-rule.ts',
        'a-rule.md',
        'a-rule.test.ts',
        'index.ts',
        'README.md',
        'helper.ts',
      ]),
    ).toEqual(['a-rule', 'b-rule']);
    expect(renderIndex(['no-thing'])).toContain("import noThing from './no-thing.js';");
    expect(renderIndex(['no-thing'])).toContain("  'no-thing': noThing,");
  });
});
