import { createRequire } from 'node:module';
import json from '@eslint/json';
import type { ESLint, Linter } from 'eslint';
import { rules, type RuleName } from '@velakit/eslint-rules';

/** Source files velakit's source rules lint; `.ux` scripts arrive as `<file>.ux/script.js` (or `.ts`) blocks. */
export const sourceFiles = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts'];
export const typeScriptFiles = ['**/*.ts', '**/*.mts', '**/*.cts'];
export const uxFiles = ['**/*.ux'];
export const manifestFiles = ['**/manifest.json'];

/** typescript-eslint's parser, when the project has it (an optional peer): `.ts` files and `lang="ts"` scripts need it. */
function typeScriptParser(): Linter.Parser | undefined {
  try {
    return createRequire(import.meta.url)('@typescript-eslint/parser') as Linter.Parser;
  } catch {
    return undefined;
  }
}

type Level = 'error' | 'warn';

/** Severity of a rule in a config: suggestions (not bugs) warn in `recommended`; everything is an error in `strict`. */
export function ruleLevel(meta: { type: string }, strict: boolean): Level {
  return meta.type === 'suggestion' && !strict ? 'warn' : 'error';
}

function ruleLevels(plugin: ESLint.Plugin, strict: boolean): { source: Linter.RulesRecord; manifest: Linter.RulesRecord } {
  const source: Linter.RulesRecord = {};
  const manifest: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules) as [RuleName, (typeof rules)[RuleName]][]) {
    const docs = rule.meta.docs!;
    if (docs.recommended === 'strict' && !strict) continue;
    const level = ruleLevel(rule.meta, strict);
    const target = docs.language === 'json' ? manifest : source;
    target[`velakit/${name}`] = level;
  }
  if (strict) manifest['velakit/valid-manifest'] = ['error', { minimumSeverity: 'info' }];
  void plugin;
  return { source, manifest };
}

/** The flat config arrays `velakit.configs.recommended` and `velakit.configs.strict`. */
export function createConfigs(plugin: ESLint.Plugin): { recommended: Linter.Config[]; strict: Linter.Config[] } {
  const parser = typeScriptParser();
  const build = (name: 'recommended' | 'strict'): Linter.Config[] => {
    const levels = ruleLevels(plugin, name === 'strict');
    return [
      { name: `velakit/${name}/ux`, files: uxFiles, plugins: { velakit: plugin }, processor: 'velakit/ux' },
      ...(parser ? [{ name: `velakit/${name}/typescript`, files: typeScriptFiles, languageOptions: { parser } }] : []),
      { name: `velakit/${name}/source`, files: sourceFiles, plugins: { velakit: plugin }, rules: levels.source },
      {
        name: `velakit/${name}/manifest`,
        files: manifestFiles,
        plugins: { velakit: plugin, json: json as unknown as ESLint.Plugin },
        language: 'json/json',
        rules: levels.manifest,
      },
    ];
  };
  return { recommended: build('recommended'), strict: build('strict') };
}
