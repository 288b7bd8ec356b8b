import type { JSONRuleDefinition } from '@eslint/json';
// The `eslint-utils` entry only: the package's root loads its AST and TypeScript helpers too, about 250 ms of CPU at
// every `eslint` start (ten times this entry), for names the rules only use as types.
import * as ESLintUtils from '@typescript-eslint/utils/eslint-utils';
import type { TSESLint } from '@typescript-eslint/utils';

// Rules import ESLint types and helpers from here, so every rule file
// resolves one copy of @typescript-eslint/utils (this package's own dependency).
export type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Extra `meta.docs` fields velakit's rules carry; the README's rule table is generated from them. */
// A type, not an interface: @eslint/json's rule type wants docs assignable to `Record<string, unknown>`.
export type VelakitRuleDocs = {
  description: string;
  /** The lightest shared config that turns the rule on. */
  recommended: 'recommended' | 'strict';
  /** What the rule lints: source files (`.js`, `.ts`, `.ux` scripts) or `manifest.json`. */
  language: 'javascript' | 'json';
  /** True when the rule reads the app's manifest (targets, features, API level). */
  readsManifest: boolean;
};

const repositoryUrl = 'https://github.com/velakit/velakit';

/** Where a rule's documentation lives: beside its source in `rules/`. */
export function ruleDocsUrl(name: string): string {
  return `${repositoryUrl}/blob/main/rules/${name}.md`;
}

/** The ESLint languages (`meta.languages`, ESLint 10) each kind of rule runs on; ESLint refuses a rule elsewhere. */
export const ruleLanguages = { javascript: ['js/js'], json: ['json/json'] } as const;

const createTypedRule = ESLintUtils.RuleCreator<VelakitRuleDocs>(ruleDocsUrl);

/**
 * The options a rule's `create` receives: its defaults merged with the configured options, as typescript-eslint's
 * RuleCreator merges them, but once per configuration instead of once per file. RuleCreator clones the defaults with
 * `structuredClone` for every rule on every file (a profile of a 2,400-file lint put it near 2 % of the whole run);
 * ESLint hands every file under one config the same option objects (`context.options` is a new array of them), so the
 * merge is remembered per first option object. Rules never modify their options.
 */
export function optionsWithDefaults(defaults: readonly unknown[]): (configured: readonly unknown[]) => unknown[] {
  const merge = (configured: readonly unknown[]): unknown[] => ESLintUtils.applyDefault([...defaults], configured);
  let withoutOptions: unknown[] | undefined;
  const byFirstOption = new WeakMap<object, unknown[]>();
  return (configured) => {
    if (configured.length === 0) return (withoutOptions ??= merge(configured));
    const first = configured[0];
    // Primitive or several options (no velakit rule has them): merged each time, as RuleCreator does.
    if (configured.length > 1 || typeof first !== 'object' || first === null) return merge(configured);
    let merged = byFirstOption.get(first);
    if (!merged) {
      merged = merge(configured);
      byFirstOption.set(first, merged);
    }
    return merged;
  };
}

/** A source rule (JavaScript, TypeScript, `.ux` scripts), written with typescript-eslint's typed RuleCreator. */
export const createRule: typeof createTypedRule = (rule) => {
  const created = createTypedRule({
    ...rule,
    meta: { ...rule.meta, languages: [...ruleLanguages[rule.meta.docs.language]] },
  });
  const defaults = rule.meta.defaultOptions ?? rule.defaultOptions ?? [];
  // A rule whose schema takes no options gets none: ESLint refuses a config that gives it some. Its `create` then
  // reads nothing from the context for them (a context is a new object for every rule on every file).
  if (takesNoOptions(rule.meta.schema) && defaults.length === 0) {
    const none = [] as unknown as Parameters<typeof rule.create>[1];
    return { ...created, create: (context) => rule.create(context, none) };
  }
  const options = optionsWithDefaults(defaults);
  return { ...created, create: (context) => rule.create(context, options(context.options) as never) };
};

/** True for a schema that allows no options at all (`[]`); any other schema, or none, may allow some. */
export function takesNoOptions(schema: unknown): boolean {
  return Array.isArray(schema) && schema.length === 0;
}

type JsonRuleDefinition<Options extends unknown[], MessageIds extends string> = JSONRuleDefinition<{
  RuleOptions: Options;
  MessageIds: MessageIds;
  ExtRuleDocs: VelakitRuleDocs;
}>;
type JsonRuleMeta<Options extends unknown[], MessageIds extends string> = NonNullable<
  JsonRuleDefinition<Options, MessageIds>['meta']
>;

/** A manifest rule: an @eslint/json rule, with velakit's docs fields, its name and its meta. */
export type JsonRule<Options extends unknown[], MessageIds extends string> = JsonRuleDefinition<Options, MessageIds> & {
  name: string;
  meta: JsonRuleMeta<Options, MessageIds> &
    Required<Pick<JsonRuleMeta<Options, MessageIds>, 'type' | 'docs' | 'schema' | 'messages'>>;
};

/**
 * A manifest rule (`manifest.json` through @eslint/json's `json/json` language), with its docs URL and `meta.languages`
 * filled in. ESLint applies `meta.defaultOptions` to `context.options` itself.
 */
export function createJsonRule<Options extends unknown[], MessageIds extends string>(rule: {
  name: string;
  meta: Omit<JsonRule<Options, MessageIds>['meta'], 'languages' | 'docs'> & {
    docs: VelakitRuleDocs & { language: 'json' };
  };
  create: JsonRule<Options, MessageIds>['create'];
}): JsonRule<Options, MessageIds> {
  return {
    name: rule.name,
    meta: {
      ...rule.meta,
      docs: { ...rule.meta.docs, url: ruleDocsUrl(rule.name) },
      languages: [...ruleLanguages.json],
    },
    create: rule.create,
  };
}

type JsonReport = Parameters<Parameters<JsonRule<[], string>['create']>[0]['report']>[0];
/** What a manifest rule's `fix` receives: ESLint's text editor for the linted manifest. */
export type JsonFixer = Parameters<NonNullable<JsonReport['fix']>>[0];
/** A manifest rule's suggestions. */
export type JsonSuggestions<MessageIds extends string> = NonNullable<
  Parameters<Parameters<JsonRule<[], MessageIds>['create']>[0]['report']>[0]['suggest']
>;

/** What a source rule's `create` receives as `context`, for the functions it hands the context to. */
export type RuleContext<MessageIds extends string, Options extends readonly unknown[]> = Readonly<
  TSESLint.RuleContext<MessageIds, Options>
>;
