import * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRule, optionsWithDefaults, takesNoOptions } from './rule.js';

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

describe('createRule', () => {
  /** A rule that reports the options its `create` received, with the given schema and defaults. */
  const probe = (schema: unknown, defaultOptions: unknown[]) =>
    createRule({
      name: 'probe',
      meta: {
        type: 'problem',
        docs: { description: 'probe', recommended: 'recommended', language: 'javascript', readsManifest: false },
        messages: { options: '{{ options }}' },
        schema: schema as never,
        ...(defaultOptions.length > 0 ? { defaultOptions: defaultOptions as never } : {}),
      },
      defaultOptions: defaultOptions as never,
      create(context, options) {
        return {
          Program: (node) => context.report({ node, messageId: 'options', data: { options: JSON.stringify(options) } }),
        };
      },
    });
  const lint = (rule: ReturnType<typeof probe>, setting: Linter.RuleEntry): string[] =>
    new Linter({ configType: 'flat' })
      .verify('x', [{ plugins: { v: { rules: { probe: rule as never } } }, rules: { 'v/probe': setting } }])
      .map((message) => message.message);

  it('hands a rule whose schema takes no options none, without reading them (ESLint refuses any)', () => {
    const rule = probe([], []);
    expect(takesNoOptions(rule.meta.schema)).toBe(true);
    expect(lint(rule, 'error')).toEqual(['[]']);
    expect(lint(rule, ['error'])).toEqual(['[]']);
    expect(() => lint(rule, ['error', { a: 1 }])).toThrow(
      /should NOT have more than 0 items|must NOT have more than 0 items/u,
    );
  });

  it('merges the configured options with the defaults for a rule that takes some', () => {
    const schema = [{ type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } } }];
    const rule = probe(schema, [{ a: 1 }]);
    expect(takesNoOptions(rule.meta.schema)).toBe(false);
    expect(lint(rule, 'error')).toEqual(['[{"a":1}]']);
    expect(lint(rule, ['error', { b: 2 }])).toEqual(['[{"a":1,"b":2}]']);
  });
});
