import { ESLintUtils } from '@typescript-eslint/utils';

// Rules import ESLint types and helpers from here, so every rule file
// resolves one copy of @typescript-eslint/utils (this package's own dependency).
export { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields velakit's rules carry; the README's rule table is generated from them. */
export interface VelakitRuleDocs {
  description: string;
  /** The lightest shared config that turns the rule on. */
  recommended: 'recommended' | 'strict';
  /** What the rule lints: source files (`.js`, `.ts`, `.ux` scripts) or `manifest.json`. */
  language: 'javascript' | 'json';
  /** True when the rule reads the app's manifest (targets, features, API level). */
  readsManifest: boolean;
}

const repositoryUrl = 'https://github.com/velakit/velakit';

/** Where a rule's documentation lives: beside its source in `rules/`. */
export function ruleDocsUrl(name: string): string {
  return `${repositoryUrl}/blob/main/rules/${name}.md`;
}

export const createRule = ESLintUtils.RuleCreator<VelakitRuleDocs>(ruleDocsUrl);
