import json from '@eslint/json';
import { RuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';

// ESLint's own RuleTester knows languages; it runs on vitest through these hooks.
(RuleTester as unknown as { describe: unknown; it: unknown; itOnly: unknown; afterAll?: unknown }).describe = describe;
(RuleTester as unknown as { it: unknown }).it = it;
(RuleTester as unknown as { itOnly: unknown }).itOnly = it.only;
void afterAll;

/** A RuleTester for the manifest rules: files parsed by @eslint/json's `json/json` language. */
export function createJsonRuleTester(): RuleTester {
  return new RuleTester({ plugins: { json }, language: 'json/json' });
}
