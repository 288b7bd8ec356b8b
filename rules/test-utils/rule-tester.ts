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

/** A RuleTester for velakit's source rules: `.ts` files parsed by typescript-eslint, ES modules. */
export function createRuleTester(): RuleTester {
  return new RuleTester();
}

export { RuleTester };
