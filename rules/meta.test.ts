import { Ajv } from 'ajv';
import { Linter, type Rule } from 'eslint';
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
    const rule = rules['valid-manifest'] as unknown as Rule.RuleModule;
    // The real rule's meta; its create records what ESLint hands it (on a JavaScript file it visits nothing).
    const spy: Rule.RuleModule = {
      meta: rule.meta,
      create(context) {
        seen.push([...context.options]);
        return rule.create(context);
      },
    };
    const lint = (options: unknown[]): void => {
      new Linter({ configType: 'flat' }).verify('x', {
        plugins: { t: { rules: { spy } } },
        rules: { 't/spy': ['error', ...options] },
      });
    };
    lint([]);
    lint([{ minimumSeverity: 'info' }]);
    expect(seen).toEqual([[{ minimumSeverity: 'warning' }], [{ minimumSeverity: 'info' }]]);
  });
});
