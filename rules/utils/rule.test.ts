import * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';
import { describe, expect, it } from 'vitest';
import { optionsWithDefaults } from './rule.js';

describe('optionsWithDefaults', () => {
  const defaults = [{ minimumSeverity: 'warning', nested: { a: 1, b: 2 } }];

  it("merges as typescript-eslint's RuleCreator does", () => {
    const options = optionsWithDefaults(defaults);
    for (const configured of [[], [{}], [{ minimumSeverity: 'info' }], [{ nested: { b: 3 } }]]) {
      expect(options(configured)).toEqual(ESLintUtils.applyDefault(defaults, configured as never));
    }
    expect(options([{ nested: { b: 3 } }])).toEqual([{ minimumSeverity: 'warning', nested: { a: 1, b: 3 } }]);
  });

  it('merges once per configured option object (one per config), anew for another', () => {
    const options = optionsWithDefaults(defaults);
    const configured = { minimumSeverity: 'info' };
    // ESLint gives every file a new options array holding the config's own option object.
    const first = options([configured]);
    expect(options([configured])).toBe(first);
    expect(options([{ minimumSeverity: 'info' }])).not.toBe(first);
    expect(options([])).toBe(options([]));
    expect(options([])).toEqual(defaults);
  });

  it('merges primitive or several options each time (the general path)', () => {
    const options = optionsWithDefaults(['always']);
    expect(options(['never'])).toEqual(['never']);
    expect(options(['never'])).not.toBe(options(['never']));
    expect(optionsWithDefaults([{ a: 1 }, 'x'])([{ b: 2 }, 'y'])).toEqual([{ a: 1, b: 2 }, 'y']);
  });
});
