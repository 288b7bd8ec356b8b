import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

// typescript-eslint's RuleTester runs on any test framework that gives it these four hooks.
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** Settings that pin the targets, so rule tests never depend on a manifest found on disk. */
export function targetSettings(velakit: Record<string, unknown>): { velakit: Record<string, unknown> } {
  return { velakit };
}

type TesterRule<MessageIds extends string, Options extends readonly unknown[]> = Parameters<typeof RuleTester.prototype.run<MessageIds, Options>>[1];

/**
 * The rule as the tester's type. The plugin depends on a newer @typescript-eslint/utils than the rule tester, so the
 * two declare structurally equal but distinct RuleContext types; the rule itself runs unchanged.
 */
export function testable<MessageIds extends string, Options extends readonly unknown[]>(rule: {
  readonly meta: { readonly messages: Readonly<Record<MessageIds, string>> };
  readonly defaultOptions?: Readonly<Options>;
}): TesterRule<MessageIds, Options> {
  return rule as unknown as TesterRule<MessageIds, Options>;
}

/** A RuleTester for velakit's source rules: `.ts` files parsed by typescript-eslint, ES modules. */
export function createRuleTester(): RuleTester {
  return new RuleTester();
}

export { RuleTester };
