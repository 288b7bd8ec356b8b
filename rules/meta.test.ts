import { Ajv } from 'ajv';
import json from '@eslint/json';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules, type RuleName } from './index.js';

const ruleNames = Object.keys(rules) as RuleName[];

describe('rule meta', () => {
  it.each(ruleNames)(
    '%s: default options live in meta.defaultOptions (ESLint 9.15+), not the deprecated top level',
    (name) => {
      const rule = rules[name] as { defaultOptions?: unknown; meta: { defaultOptions?: unknown[]; schema?: unknown } };
      expect(rule.defaultOptions).toBeUndefined();
      const schema = rule.meta.schema as unknown[];
      if (schema.length === 0) {
        expect(rule.meta.defaultOptions).toBeUndefined();
        return;
      }
      // The defaults are options a user could write: the rule's own schema accepts them.
      const validate = new Ajv({ strict: false }).compile({ type: 'array', items: schema, maxItems: schema.length });
      expect(validate(rule.meta.defaultOptions ?? []), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it('ESLint itself merges meta.defaultOptions into context.options', () => {
    const seen: unknown[][] = [];
    const rule = rules['valid-manifest'];
    // The real rule; its create records the options ESLint hands it.
    const spy: typeof rule = {
      ...rule,
      create(context) {
        seen.push([...context.options]);
        return rule.create(context);
      },
    };
    const lint = (options: unknown[]): void => {
      new Linter({ configType: 'flat' }).verify(
        '{}',
        {
          files: ['**/*.json'],
          plugins: { json, t: { rules: { spy } } },
          language: 'json/json',
          rules: { 't/spy': ['error', ...options] },
        },
        'manifest.json',
      );
    };
    lint([]);
    lint([{ minimumSeverity: 'info' }]);
    expect(seen).toEqual([[{ minimumSeverity: 'warning' }], [{ minimumSeverity: 'info' }]]);
  });

  it.each(ruleNames)('%s: declares the ESLint language it lints in meta.languages', (name) => {
    const { meta } = rules[name];
    expect(meta.languages).toEqual(meta.docs?.language === 'json' ? ['json/json'] : ['js/js']);
  });

  it('ESLint refuses a manifest rule on a JavaScript file and a source rule on manifest.json', () => {
    const plugins = { json, velakit: { rules } as never };
    const linter = new Linter({ configType: 'flat' });
    expect(() => linter.verify('x', { plugins, rules: { 'velakit/valid-manifest': 'error' } }, 'a.js')).toThrow(
      /do not support the language "js\/js":\s+- "velakit\/valid-manifest"/u,
    );
    const manifest = {
      files: ['**/*.json'],
      plugins,
      language: 'json/json',
      rules: { 'velakit/valid-params': 'error' as const },
    };
    expect(() => linter.verify('{}', manifest, 'manifest.json')).toThrow(
      /do not support the language "json\/json":\s+- "velakit\/valid-params"/u,
    );
  });
});
