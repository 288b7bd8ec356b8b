import json from '@eslint/json';
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';

// ESLint's own RuleTester knows languages; it runs on vitest through these hooks.
const hooks = RuleTester as unknown as { describe: unknown; it: unknown; itOnly: unknown };
hooks.describe = describe;
hooks.it = it;
hooks.itOnly = it.only;

/** A RuleTester for the manifest rules: files parsed by @eslint/json's `json/json` language. */
export function createJsonRuleTester(): RuleTester {
  return new RuleTester({ plugins: { json }, language: 'json/json' });
}
