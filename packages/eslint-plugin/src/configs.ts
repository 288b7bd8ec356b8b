import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import json from '@eslint/json';
import type { ESLint, Linter } from 'eslint';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import { scriptGlobals } from '@velakit/catalog';
import { rules, type RuleName } from '@velakit/eslint-rules';
import { manifestState } from './manifest-state.js';

/** Source files velakit's source rules lint; `.ux` scripts arrive as `<file>.ux/0_script.js` (or `.ts`) blocks. */
export const sourceFiles = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.mts', '**/*.cts'];
export const typeScriptFiles = ['**/*.ts', '**/*.mts', '**/*.cts'];
export const uxFiles = ['**/*.ux'];
export const manifestFiles = ['**/manifest.json'];

/** A package the project may have beside the plugin (an optional peer), or undefined. */
function optional<T>(name: string): T | undefined {
  try {
    return createRequire(import.meta.url)(name) as T;
  } catch {
    return undefined;
  }
}

/**
 * typescript-eslint's parser, when the project has it: `.ts` files and `lang="ts"` scripts need it. Found without
 * loading it, and loaded on the first TypeScript file: loading it loads TypeScript, most of a second of CPU that a lint
 * run without TypeScript never needed (it was the largest share of velakit in a profile of a JavaScript app's lint).
 */
function lazyTypeScriptParser(): Linter.Parser | undefined {
  const require = createRequire(import.meta.url);
  const name = '@typescript-eslint/parser';
  let version: string | undefined;
  try {
    require.resolve(name);
    version = (require(`${name}/package.json`) as { version?: string }).version;
  } catch {
    return undefined;
  }
  let loaded: Linter.Parser | undefined;
  const load = (): Linter.Parser => (loaded ??= require(name) as Linter.Parser);
  return {
    // The parser's own meta (ESLint's cache and config inspector name the parser by it).
    meta: { name: 'typescript-eslint/parser', version },
    parse: (text: string, options?: Linter.ParserOptions) => {
      const parser = load();
      return 'parse' in parser ? parser.parse(text, options) : parser.parseForESLint(text, options).ast;
    },
    parseForESLint: (text: string, options?: Linter.ParserOptions) => {
      const parser = load();
      return 'parseForESLint' in parser ? parser.parseForESLint(text, options) : { ast: parser.parse(text, options) };
    },
  } as Linter.Parser;
}

const typeScriptParser = lazyTypeScriptParser();
export const hasTypeScriptParser = typeScriptParser !== undefined;

/**
 * Rules that read JavaScript and never run on manifest.json, turned off there. Configs people write before velakit's
 * (`js.configs.recommended`, `tseslint.configs.recommended`) have no `files`, so they reach manifest.json too, where a
 * JavaScript rule crashes ESLint on the JSON tree. ESLint's own rules, and typescript-eslint's when it is installed.
 */
function javaScriptRulesOff(): Linter.RulesRecord {
  const off: Linter.RulesRecord = {};
  for (const name of builtinRules.keys()) off[name] = 'off';
  // Only the names are needed: the plugin's rule table names its rules without loading them (about 10 ms), while the
  // plugin itself loads TypeScript (over a second). The plugin is the fallback for versions without that entry.
  for (const name of Object.keys(typescriptRules())) off[`@typescript-eslint/${name}`] = 'off';
  return off;
}

type TypeScriptRules = Record<string, { meta?: { docs?: { requiresTypeChecking?: boolean } } } | undefined>;

/** typescript-eslint's rules by name, or none when it is not installed. */
function typescriptRules(): TypeScriptRules {
  return (
    optional<TypeScriptRules>('@typescript-eslint/eslint-plugin/use-at-your-own-risk/rules') ??
    optional<{ rules?: TypeScriptRules }>('@typescript-eslint/eslint-plugin')?.rules ??
    {}
  );
}

/** `.ux` scripts as ESLint names the processor's blocks: `<file>.ux/0_script.js` or `.ts`. */
export const uxScriptFiles = ['**/*.ux/*.js', '**/*.ux/*.ts'];

/**
 * The rules typescript-eslint's `disableTypeChecked` turns off: those needing type information. Read from that config's
 * own file, by path: the package exports it only with the whole plugin, and reading each rule's
 * `requiresTypeChecking` loads every rule; both load TypeScript (one to two seconds). That is the fallback when the
 * file moves. None when typescript-eslint is not installed.
 */
function typeCheckedRules(): string[] {
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    root = dirname(require.resolve('@typescript-eslint/eslint-plugin/package.json'));
  } catch {
    return [];
  }
  type Config = { default?: () => { rules?: Record<string, unknown> } };
  const config = optional<Config>(join(root, 'dist', 'configs', 'flat', 'disable-type-checked.js'))?.default?.();
  if (config?.rules) return Object.keys(config.rules);
  return Object.entries(typescriptRules())
    .filter(([, rule]) => rule?.meta?.docs?.requiresTypeChecking)
    .map(([name]) => `@typescript-eslint/${name}`);
}

/**
 * Type-aware linting off for `.ux` scripts, as `disableTypeChecked` does it: no TypeScript program holds a processor's
 * block, so with `projectService` or `project` (typescript-eslint's type-checked configs) every script failed to parse.
 * The rules that need no types still run. `velakit check` type-checks these scripts, with the page's `this`.
 */
function uxScriptsUntyped(): Linter.Config {
  const rules: Linter.RulesRecord = {};
  for (const name of typeCheckedRules()) rules[name] = 'off';
  return {
    files: uxScriptFiles,
    languageOptions: { parserOptions: { program: null, project: false, projectService: false } },
    rules,
  };
}

/**
 * The names Vela scripts use undeclared (`console`, the timers, `require`, `global`, `module`, `exports`), from the
 * catalogue. Flat config declares no environment's globals, so beside `js.configs.recommended` each would be a
 * `no-undef` error. Browser and Node names (`window`, `process`) stay undeclared: Vela has neither.
 */
export const velaGlobals: Linter.Globals = Object.fromEntries(
  scriptGlobals.map((entry) => [entry.name, entry.readonly ? 'readonly' : 'writable']),
);

type Level = 'error' | 'warn';

/** Severity of a rule in a config: suggestions (not bugs) warn in `recommended`; everything is an error in `strict`. */
export function ruleLevel(meta: { type: string }, strict: boolean): Level {
  return meta.type === 'suggestion' && !strict ? 'warn' : 'error';
}

function ruleLevels(
  plugin: ESLint.Plugin,
  strict: boolean,
): { source: Linter.RulesRecord; manifest: Linter.RulesRecord } {
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
  const parser = typeScriptParser;
  const off = javaScriptRulesOff();
  const untyped = uxScriptsUntyped();
  const build = (name: 'recommended' | 'strict'): Linter.Config[] => {
    const levels = ruleLevels(plugin, name === 'strict');
    return [
      { name: `velakit/${name}/ux`, files: uxFiles, plugins: { velakit: plugin }, processor: 'velakit/ux' },
      ...(parser ? [{ name: `velakit/${name}/typescript`, files: typeScriptFiles, languageOptions: { parser } }] : []),
      {
        name: `velakit/${name}/source`,
        files: sourceFiles,
        plugins: { velakit: plugin },
        // Config, not per-file work: ESLint merges it once per combination of blocks a file matches.
        languageOptions: { globals: velaGlobals },
        rules: levels.source,
      },
      {
        name: `velakit/${name}/manifest`,
        files: manifestFiles,
        plugins: { velakit: plugin, json: json as unknown as ESLint.Plugin },
        language: 'json/json',
        processor: 'velakit/manifest',
        rules: { ...off, ...levels.manifest },
      },
      {
        // The rules read the app's manifest while linting any of these files: its state is part of their config, so
        // `eslint --cache` sees a manifest edit.
        name: `velakit/${name}/manifest-state`,
        files: [...sourceFiles, ...uxFiles, ...manifestFiles],
        settings: { 'velakit/manifest-state': manifestState },
      },
      { name: `velakit/${name}/ux-scripts-untyped`, ...untyped },
    ];
  };
  return { recommended: build('recommended'), strict: build('strict') };
}
