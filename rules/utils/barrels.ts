import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, resolve } from 'node:path';
import { findModule, type Module } from '@velakit/catalog';
import { detachedString } from './detached-string.js';
import { isRecent, now } from './disk-checks.js';
import type { TSESTree } from './rule.js';

/**
 * Barrels: local files that import `@system.*` modules and hand them on (`export { fetch }`, `export * from './net'`,
 * `export * from '@system.fetch'`, `export { fetch } from '@system.fetch'`, `export default { fetch, storage }`,
 * `module.exports = { fetch: require('@system.fetch') }`). A file that imports from a barrel uses the modules as if it
 * had imported them itself, and the rules follow those uses.
 *
 * Only what a barrel's top level says plainly is followed: a module, or one member of a module, bound by
 * `import`/`require` and exported as is, or as a property of an exported object literal, or named by
 * `export { ... } from`, or handed on by `export *`. Anything computed stays unknown (the rules stay silent about it).
 * A member is a method or property the catalogue knows for the module, as `import { name } from '@system.x'` gives
 * it; a module's `default` is the module object. `export *` follows ES modules: it hands on neither `default` nor a
 * name the file exports itself, and a name two of its sources export (other than one module, or one member of a
 * module, both name) is exported by neither. `export * from '@system.x'` hands on all of the module's members by name.
 */

/**
 * A value a barrel exports: a module object, one member of a module (`export * from '@system.fetch'` hands on
 * `fetch`), or an object some of whose properties are such values.
 */
export type ExportedValue =
  | { readonly kind: 'module'; readonly module: Module }
  | { readonly kind: 'member'; readonly module: Module; readonly name: string }
  | { readonly kind: 'object'; readonly members: ReadonlyMap<string, ExportedValue> };

export interface Barrel {
  readonly path: string;
  /** ES module exports by name (`default` included). */
  readonly exports: ReadonlyMap<string, ExportedValue>;
  /** What `module.exports` is, for CommonJS barrels. */
  readonly commonJs: ExportedValue | undefined;
  /** Every name the file exports, module or not (`ExportNames`). */
  readonly names: ExportNames;
}

/**
 * Every name a file exports, modules or not: its ES exports, or the keys of its CommonJS `module.exports`; null when
 * some cannot be known (`export * from 'a-package'`, `module.exports = make()`). What `export *` of the file may hand
 * on, so that a name two sources export is known to be ambiguous.
 */
export type ExportNames = ReadonlySet<string> | null;

/** A barrel's module exports as one object (`import * as`, `require` of an ES module), built once per barrel. */
const namespaces = new WeakMap<Barrel, ExportedValue | null>();

/** What a file gets from an `import`/`require` of a barrel. */
export function importedValue(
  barrel: Barrel,
  imported: 'default' | 'namespace' | 'require' | string,
): ExportedValue | undefined {
  const esm = barrel.exports.size > 0;
  if (imported === 'namespace' || (imported === 'require' && esm)) {
    let namespace = namespaces.get(barrel);
    if (namespace === undefined) {
      namespace = namespaceOf(barrel, esm);
      namespaces.set(barrel, namespace);
    }
    return namespace ?? undefined;
  }
  if (!esm) {
    // A CommonJS barrel: default import and `require` give `module.exports`; a named import gives one of its members.
    if (imported === 'default' || imported === 'require') return barrel.commonJs;
    return barrel.commonJs?.kind === 'object' ? barrel.commonJs.members.get(imported) : undefined;
  }
  return barrel.exports.get(imported);
}

/**
 * A barrel's namespace object: an ES module's exports; for CommonJS, what bundlers make of `module.exports` (its
 * members beside it as `default`; a member named `default` wins), as the tracker's `importedTrace` reads it.
 */
function namespaceOf(barrel: Barrel, esm: boolean): ExportedValue | null {
  if (esm) return { kind: 'object', members: barrel.exports };
  const commonJs = barrel.commonJs;
  if (commonJs === undefined) return null;
  const members = new Map<string, ExportedValue>([['default', commonJs]]);
  if (commonJs.kind === 'object') for (const [name, value] of commonJs.members) members.set(name, value);
  return { kind: 'object', members };
}

type Parser = {
  parse?: (code: string, options: object) => unknown;
  parseForESLint?: (code: string, options: object) => { ast: unknown };
};

const extensions = ['.js', '.ts', '.mjs', '.cjs', '.mts', '.cts'];
const typeScriptExtensions = new Set(['.ts', '.mts', '.cts']);

interface CacheEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly barrel: Barrel | undefined;
  /** When mtime and size were last compared with the disk (`disk-checks.ts`). */
  checkedAt: number;
  /**
   * The names a file that is no barrel exports, for an `export *` of it (`starSource`): undefined until one asks;
   * null (unknown) while the file is read, so that a cycle of `export *` ends.
   */
  names?: ExportNames | undefined;
  /**
   * The local files reading this one read (its `export ... from './x'` sources and theirs, and local imports it
   * hands on), with the mtime and size they had then: an edit of one of them changes what this file exports, though
   * this file is unchanged. Undefined when it read none (most barrels).
   */
  readonly dependencies?: readonly Dependency[] | undefined;
}

interface Dependency {
  readonly path: string;
  readonly mtimeMs: number;
  readonly size: number;
}

const cache = new Map<string, CacheEntry>();
const counters = { parses: 0, stats: 0, reused: 0 };

/**
 * Barrels read from the tree ESLint parsed to lint them, by path: the text linted and what it exports. A lookup that
 * reads the same text from disk takes the barrel from here instead of parsing the file a second time (most importers
 * of a barrel are linted after it: ESLint lints in path order, and `barrel-user` sorts after `barrel`). Only entries
 * that are what a parse would give are kept (`rememberLintedBarrel`); each is dropped at its first lookup, whose cache
 * entry then stands for it.
 */
const lintedBarrels = new Map<string, { readonly text: string; readonly parser: unknown; readonly barrel: Barrel }>();

/**
 * False when a text cannot be a barrel, so it need not be parsed: a barrel names a `@system.` module or imports a
 * local file, and exports a value in a form `readExports` follows: `export {`, `export *`, `export default`,
 * `export const|let|var`, or `module.exports`/`exports.` (these could be spelled with `\u` escapes, keywords cannot; a
 * comment after `export` keeps the file in). Helpers that only `export function` or `export class` are most of an
 * app's files that name `@system.`: they are no barrels, and reading their trees cost every lint.
 */
function mayBeBarrel(text: string): boolean {
  return (
    (exportsValue.test(text) || text.includes('\\u')) &&
    (text.includes('@system.') || /\bfrom\s*['"]\.|require\s*\(\s*['"]\./u.test(text))
  );
}

const exportsValue = /\bexport\s*(?:[{*/]|default\b|const\b|let\b|var\b)|\bexports\b/u;

/** The language options a lint parsed a file with, as far as they decide the tree (ESLint's `languageOptions`). */
export interface LintLanguageOptions {
  readonly parser?: unknown;
  readonly sourceType?: unknown;
  readonly ecmaVersion?: unknown;
  readonly parserOptions?: unknown;
}

/**
 * Learns a barrel from the tree of its own lint (the analysis calls this for each file it tracks), so its importers
 * need not parse it again. Kept only when parsing the text here would give the same barrel: a JavaScript file (the
 * linting parser is the one `parse` tries first), parsed as a module of the parser's latest version with no other
 * parser options, exporting `@system.*` modules it imports itself (a barrel that re-exports another is read through
 * that one at its lookup, which may find it changed).
 */
export function rememberLintedBarrel(
  path: string,
  program: TSESTree.Program,
  text: string,
  languageOptions: LintLanguageOptions | undefined,
): void {
  // One search decides most files; the rest stays out of the caller's optimised code, which runs for every file.
  if (text.includes('export')) learnBarrel(path, program, text, languageOptions);
}

function learnBarrel(
  path: string,
  program: TSESTree.Program,
  text: string,
  languageOptions: LintLanguageOptions | undefined,
): void {
  const extension = extname(path);
  if (!extensions.includes(extension) || typeScriptExtensions.has(extension) || !mayBeBarrel(text)) return;
  if (languageOptions === undefined || !parsesAsBarrelsDo(languageOptions)) return;
  const followed = { local: false };
  const barrel = barrelOf(path, readExports(program, text, path, languageOptions.parser as Parser, 0, followed));
  if (barrel === undefined || followed.local) lintedBarrels.delete(path);
  else lintedBarrels.set(path, { text, parser: languageOptions.parser, barrel });
}

/** Per language options object (ESLint hands the files under one config the same one): `judgeOptions`. */
const optionVerdicts = new WeakMap<object, boolean>();

function parsesAsBarrelsDo(options: LintLanguageOptions): boolean {
  let verdict = optionVerdicts.get(options);
  if (verdict === undefined) {
    verdict = judgeOptions(options);
    optionVerdicts.set(options, verdict);
  }
  return verdict;
}

/** True when a lint with these options parsed as `parse` does: a module, the parser's latest version, nothing else. */
function judgeOptions(options: LintLanguageOptions): boolean {
  if (options.sourceType !== 'module' || typeof options.parser !== 'object' || options.parser === null) return false;
  const latest = (options.parser as { latestEcmaVersion?: unknown }).latestEcmaVersion;
  const latestYear = typeof latest === 'number' ? (latest < 2015 ? latest + 2009 : latest) : undefined;
  if (options.ecmaVersion !== 'latest' && (latestYear === undefined || options.ecmaVersion !== latestYear))
    return false;
  const parserOptions = options.parserOptions ?? {};
  if (typeof parserOptions !== 'object' || parserOptions === null) return false;
  return Object.entries(parserOptions).every(([key, value]) =>
    key === 'sourceType'
      ? value === 'module'
      : key === 'ecmaVersion'
        ? value === options.ecmaVersion || value === 'latest'
        : false,
  );
}

let typeScriptParser: Parser | null | undefined;
function loadTypeScriptParser(): Parser | undefined {
  if (typeScriptParser === undefined) {
    try {
      typeScriptParser = createRequire(import.meta.url)('@typescript-eslint/parser') as Parser;
    } catch {
      typeScriptParser = null;
    }
  }
  return typeScriptParser ?? undefined;
}

function parse(text: string, path: string, fallback: Parser | undefined): TSESTree.Program | undefined {
  // `comment`: a CommonJS file's comments are told apart from its code (`readExports`).
  const options = {
    ecmaVersion: 'latest',
    sourceType: 'module',
    range: true,
    loc: true,
    comment: true,
    filePath: path,
  };
  // typescript-eslint's parser is loaded only when it is needed: loading it loads TypeScript (over a second of CPU),
  // and a JavaScript barrel that the linting parser reads never needs it.
  const parsers = typeScriptExtensions.has(extname(path))
    ? [loadTypeScriptParser]
    : [() => fallback, loadTypeScriptParser];
  for (const parserFor of parsers) {
    const parser = parserFor();
    if (!parser) continue;
    try {
      counters.parses++;
      const result = parser.parseForESLint ? parser.parseForESLint(text, options).ast : parser.parse?.(text, options);
      if (result) return result as TSESTree.Program;
    } catch {
      // Not this parser's syntax, or not valid code: try the next, then give up (unknown, never a crash).
    }
  }
  return undefined;
}

function systemModule(specifier: unknown): Module | undefined {
  return typeof specifier === 'string' && specifier.startsWith('@system.') ? findModule(specifier.slice(1)) : undefined;
}

/** The specifier of `require('...')`; undefined for anything else. */
function requiredSpecifier(node: TSESTree.Node | null | undefined): unknown {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require')
    return undefined;
  const argument = node.arguments[0];
  return argument?.type === 'Literal' ? argument.value : undefined;
}

/**
 * The expression inside TypeScript's wrappers that leave its value as it is (`x!`, `x as T`, `x satisfies T`, `<T>x`,
 * `f<T>`): a barrel's `export default { fetch } as const` exports what parentheses around the object would.
 */
function unwrapped(node: TSESTree.Node): TSESTree.Node {
  let inner = node;
  while (
    inner.type === 'TSAsExpression' ||
    inner.type === 'TSSatisfiesExpression' ||
    inner.type === 'TSNonNullExpression' ||
    inner.type === 'TSTypeAssertion' ||
    inner.type === 'TSInstantiationExpression'
  )
    inner = inner.expression;
  return inner;
}

function keyName(property: TSESTree.Property): string | undefined {
  if (property.computed)
    return property.key.type === 'Literal' && typeof property.key.value === 'string' ? property.key.value : undefined;
  if (property.key.type === 'Identifier') return property.key.name;
  return property.key.type === 'Literal' ? String(property.key.value) : undefined;
}

/** The name an `import`/`export` clause gives (`{ a }`, `{ 'a-b' as c }`). */
export function exportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

/** What an import clause takes from the module: `default`, `namespace` (`* as x`), or an exported name. */
export function importedName(specifier: TSESTree.ImportClause): string {
  return specifier.type === 'ImportDefaultSpecifier'
    ? 'default'
    : specifier.type === 'ImportNamespaceSpecifier'
      ? 'namespace'
      : exportName(specifier.imported);
}

/** The value names an exported declaration binds (`export const { a, b: [c] } = x` binds a and c); types bind none. */
function addDeclaredNames(node: TSESTree.Node | null, names: Set<string>): void {
  switch (node?.type) {
    case 'Identifier':
      names.add(detachedString(node.name));
      return;
    case 'VariableDeclaration':
      for (const declarator of node.declarations) addDeclaredNames(declarator.id, names);
      return;
    case 'ObjectPattern':
      for (const property of node.properties)
        addDeclaredNames(property.type === 'Property' ? property.value : property, names);
      return;
    case 'ArrayPattern':
      for (const element of node.elements) addDeclaredNames(element, names);
      return;
    case 'RestElement':
      addDeclaredNames(node.argument, names);
      return;
    case 'AssignmentPattern':
      addDeclaredNames(node.left, names);
      return;
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSDeclareFunction':
    case 'TSEnumDeclaration':
    case 'TSImportEqualsDeclaration':
      addDeclaredNames(node.id, names);
      return;
    case 'TSModuleDeclaration': {
      // `export namespace a.b {}` exports `a`.
      let id: TSESTree.Node = node.id;
      while (id.type === 'TSQualifiedName') id = id.left;
      addDeclaredNames(id, names);
      return;
    }
    default:
      return;
  }
}

/** The keys of an object literal; null when one is computed or spread in. */
function objectKeys(node: TSESTree.Node): Set<string> | null {
  if (node.type !== 'ObjectExpression') return null;
  const keys = new Set<string>();
  for (const property of node.properties) {
    const key = property.type === 'Property' ? keyName(property) : undefined;
    if (key === undefined) return null;
    keys.add(detachedString(key));
  }
  return keys;
}

/** `module.exports` */
function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === 'MemberExpression' &&
    !node.computed &&
    node.object.type === 'Identifier' &&
    node.object.name === 'module' &&
    node.property.type === 'Identifier' &&
    node.property.name === 'exports'
  );
}

/** What a file's top level exports, barrel or not. */
interface FileExports {
  readonly exports: Map<string, ExportedValue>;
  readonly commonJs: ExportedValue | undefined;
  readonly names: ExportNames;
}

/** What `export *` of a file hands on: the names it exports, and which of them hold modules. */
interface StarSource {
  readonly names: ExportNames;
  readonly values: ReadonlyMap<string, ExportedValue> | undefined;
}
const unknownSource: StarSource = { names: null, values: undefined };
const noNames: ReadonlySet<string> = new Set();

/** The barrel a file's exports make, or undefined when it exports no module. */
function barrelOf(path: string, read: FileExports): Barrel | undefined {
  if (read.exports.size === 0 && read.commonJs === undefined) return undefined;
  return { path, exports: read.exports, commonJs: read.commonJs, names: read.names };
}

/**
 * What reading a file followed: `local` when it looked for another local file, and the files it then read (`read`,
 * each once), for the cache to check later (`CacheEntry.dependencies`).
 */
interface Followed {
  local: boolean;
  read?: Set<string>;
}

/** Reads what a file's top level binds and exports (`followed`: the other local files it read for it). */
function readExports(
  program: TSESTree.Program,
  text: string,
  path: string,
  parser: Parser | undefined,
  depth: number,
  followed: Followed = { local: false },
): FileExports {
  const bindings = new Map<string, ExportedValue>();
  const exports = new Map<string, ExportedValue>();
  let commonJs: ExportedValue | undefined;
  /** The names ES export statements give (`export *` aside); undefined while there is none. */
  let esNames: Set<string> | undefined;
  /** The keys `module.exports` gets; null when one is not known. */
  let commonJsNames: Set<string> | null | undefined;
  /** How many assignments to `exports`/`module.exports` were read, to know whether any other use of them is left. */
  let commonJsAssignments = 0;
  let stars: TSESTree.ExportAllDeclaration[] | undefined;

  const valueOf = (node: TSESTree.Node | null | undefined): ExportedValue | undefined => {
    if (!node) return undefined;
    const inner = unwrapped(node);
    if (inner.type === 'Identifier') return bindings.get(inner.name);
    const required = systemModule(requiredSpecifier(inner));
    if (required) return { kind: 'module', module: required };
    if (inner.type === 'ObjectExpression') {
      const members = new Map<string, ExportedValue>();
      for (const property of inner.properties) {
        if (property.type !== 'Property' || property.kind !== 'init') continue;
        const name = keyName(property);
        const value = valueOf(property.value);
        if (name !== undefined && value) members.set(detachedString(name), value);
      }
      return members.size > 0 ? { kind: 'object', members } : undefined;
    }
    return undefined;
  };
  /** The file a local specifier names; undefined for a package, a missing file, or past the depth followed. */
  const localFile = (specifier: unknown): string | undefined => {
    followed.local = true;
    if (typeof specifier !== 'string' || depth >= 3) return undefined;
    const target = resolveLocalImport(dirname(path), specifier);
    if (target !== undefined) (followed.read ??= new Set()).add(target);
    return target;
  };
  const fromLocal = (specifier: unknown, imported: string): ExportedValue | undefined => {
    const target = localFile(specifier);
    const barrel = target === undefined ? undefined : loadBarrel(target, parser, depth + 1);
    return barrel ? importedValue(barrel, imported) : undefined;
  };

  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') {
      const module = systemModule(statement.source.value);
      for (const specifier of statement.specifiers) {
        const local = specifier.local.name;
        if (module) {
          if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') continue;
          const value =
            specifier.type === 'ImportSpecifier'
              ? moduleExport(module, exportName(specifier.imported))
              : ({ kind: 'module', module } as const);
          if (value) bindings.set(local, value);
          continue;
        }
        const value = fromLocal(statement.source.value, importedName(specifier));
        if (value) bindings.set(local, value);
      }
    } else if (
      statement.type === 'VariableDeclaration' ||
      (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration')
    ) {
      const declaration =
        statement.type === 'VariableDeclaration' ? statement : (statement.declaration as TSESTree.VariableDeclaration);
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== 'Identifier') continue;
        let value = valueOf(declarator.init);
        if (!value && declarator.init) {
          const specifier = requiredSpecifier(unwrapped(declarator.init));
          if (specifier !== undefined) value = fromLocal(specifier, 'require');
        }
        if (!value) continue;
        bindings.set(declarator.id.name, value);
        if (statement.type === 'ExportNamedDeclaration') exports.set(detachedString(declarator.id.name), value);
      }
    }
  }

  for (const statement of program.body) {
    switch (statement.type) {
      case 'ExportNamedDeclaration': {
        if (statement.exportKind === 'type') break;
        const names = (esNames ??= new Set());
        if (statement.declaration) {
          addDeclaredNames(statement.declaration, names);
          break;
        }
        const module = statement.source ? systemModule(statement.source.value) : undefined;
        for (const specifier of statement.specifiers) {
          if (specifier.exportKind === 'type') continue;
          const local = exportName(specifier.local);
          const exported = detachedString(exportName(specifier.exported));
          names.add(exported);
          const value = statement.source
            ? module
              ? moduleExport(module, local)
              : fromLocal(statement.source.value, local)
            : bindings.get(local);
          if (value) exports.set(exported, value);
        }
        break;
      }
      case 'ExportAllDeclaration': {
        if (statement.exportKind === 'type') break;
        if (!statement.exported) {
          (stars ??= []).push(statement);
          break;
        }
        const exported = detachedString(exportName(statement.exported));
        (esNames ??= new Set()).add(exported);
        const module = systemModule(statement.source.value);
        const value = module ? ({ kind: 'module', module } as const) : fromLocal(statement.source.value, 'namespace');
        if (value) exports.set(exported, value);
        break;
      }
      case 'ExportDefaultDeclaration': {
        (esNames ??= new Set()).add('default');
        const value = valueOf(statement.declaration as TSESTree.Node);
        if (value) exports.set('default', value);
        break;
      }
      case 'TSExportAssignment':
        // `export = value`: what it holds is not read.
        commonJsNames = null;
        break;
      case 'ExpressionStatement': {
        const assignment = statement.expression;
        if (assignment.type !== 'AssignmentExpression' || assignment.operator !== '=') break;
        const { left, right } = assignment;
        if (left.type !== 'MemberExpression') break;
        if (isModuleExports(left)) {
          commonJsAssignments++;
          commonJs = valueOf(right);
          commonJsNames = objectKeys(unwrapped(right));
          break;
        }
        // `module.exports.fetch = ...` and `exports.fetch = ...`
        const target = left.object;
        if (!isModuleExports(target) && !(target.type === 'Identifier' && target.name === 'exports')) break;
        commonJsAssignments++;
        const property = left.property;
        const name = !left.computed
          ? property.type === 'Identifier'
            ? property.name
            : undefined
          : property.type === 'Literal' && typeof property.value === 'string'
            ? property.value
            : undefined;
        if (name === undefined) {
          commonJsNames = null;
          break;
        }
        if (commonJsNames !== null) (commonJsNames ??= new Set()).add(detachedString(name));
        const value = valueOf(right);
        if (!value) break;
        const members = new Map(commonJs?.kind === 'object' ? commonJs.members : []);
        members.set(detachedString(name), value);
        commonJs = { kind: 'object', members };
        break;
      }
      default:
        break;
    }
  }

  let names: ExportNames;
  if (stars !== undefined) {
    names = handOnStars(stars, esNames ?? new Set(), exports, localFile, parser, depth);
  } else if (esNames !== undefined) {
    names = esNames;
  } else {
    // CommonJS: the keys are known when every mention of `exports` outside comments is an assignment read here (not
    // a helper's `Object.assign(exports, ...)` or an `exports[key]` in a loop).
    names =
      commonJsNames === null || mentionsOfExports(program, text) !== commonJsAssignments
        ? null
        : (commonJsNames ?? noNames);
  }
  return { exports, commonJs, names };
}

/** How many times `exports` is written in a file's text outside its comments (in code or in strings). */
function mentionsOfExports(program: TSESTree.Program, text: string): number {
  const word = /\bexports\b/gu;
  let count = text.match(word)?.length ?? 0;
  if (count > 0) for (const comment of program.comments ?? []) count -= comment.value.match(word)?.length ?? 0;
  return count;
}

/**
 * Adds to `exports` the modules and module members `export * from` statements hand on, and returns every name the
 * file exports. A name the file exports itself is its own; `default` is never handed on; a name two sources export is
 * ambiguous and exported by neither, unless both hold the same module or the same member of one. When a source's names
 * are unknown, any name may be ambiguous: nothing is handed on.
 */
function handOnStars(
  stars: readonly TSESTree.ExportAllDeclaration[],
  own: Set<string>,
  exports: Map<string, ExportedValue>,
  localFile: (specifier: unknown) => string | undefined,
  parser: Parser | undefined,
  depth: number,
): ExportNames {
  const sources: StarSource[] = [];
  for (const star of stars) {
    const specifier = star.source.value;
    const module = systemModule(specifier);
    let source: StarSource;
    if (module) {
      source = moduleStarSource(module);
    } else {
      const target = localFile(specifier);
      source = target === undefined ? unknownSource : starSource(target, parser, depth + 1);
    }
    if (source.names === null) return null;
    sources.push(source);
  }
  const found = new Map<string, ExportedValue | null>();
  for (const { names, values } of sources) {
    for (const name of names!) {
      if (name === 'default' || own.has(name)) continue;
      const value = values?.get(name) ?? null;
      const before = found.get(name);
      if (before === undefined) found.set(name, value);
      else if (!sameValue(before, value)) found.set(name, null);
    }
  }
  const names = new Set(own);
  for (const [name, value] of found) {
    names.add(name);
    if (value) exports.set(name, value);
  }
  return names;
}

function sameValue(a: ExportedValue | null, b: ExportedValue | null): boolean {
  if (a === b) return true;
  if (a?.kind === 'module') return b?.kind === 'module' && a.module === b.module;
  return a?.kind === 'member' && b?.kind === 'member' && a.module === b.module && a.name === b.name;
}

/** Per module, what `export * from` it hands on: built once, on the first barrel that asks. */
const moduleStarSources = new WeakMap<Module, StarSource>();

/**
 * What `export * from '@system.x'` hands on: the ES module view of the module (as a named import of it reads it), its
 * methods and properties by name, each a member of the module; no `default`. Names the catalogue does not know are
 * not handed on (nothing would check their uses); a property's name counts, so that it is ambiguous beside another
 * source's export of it.
 */
function moduleStarSource(module: Module): StarSource {
  let source = moduleStarSources.get(module);
  if (source === undefined) {
    const values = new Map<string, ExportedValue>();
    for (const { name } of [...module.methods, ...(module.properties ?? [])])
      values.set(name, { kind: 'member', module, name });
    source = { names: new Set(values.keys()), values };
    moduleStarSources.set(module, source);
  }
  return source;
}

/**
 * What a module's export `name` holds, as an import of it reads it: `default` is the module object; a method or
 * property the catalogue knows is that member (the value `export *` hands on); any other name holds nothing followed.
 */
function moduleExport(module: Module, name: string): ExportedValue | undefined {
  return name === 'default' ? { kind: 'module', module } : moduleStarSource(module).values!.get(name);
}

/** What `export * from` a local file hands on: a barrel's names and values; another file's names. */
function starSource(path: string, parser: Parser | undefined, depth: number): StarSource {
  const barrel = loadBarrel(path, parser, depth);
  if (barrel) {
    const values =
      barrel.exports.size > 0
        ? barrel.exports
        : barrel.commonJs?.kind === 'object'
          ? barrel.commonJs.members
          : undefined;
    return { names: barrel.names, values };
  }
  const entry = cache.get(path);
  if (entry === undefined) return unknownSource;
  if (entry.names === undefined) {
    entry.names = null;
    entry.names = readNames(path, parser, depth);
  }
  return { names: entry.names, values: undefined };
}

/** The names a file that is no barrel exports (a plain helper `export *` hands on beside a barrel). */
function readNames(path: string, parser: Parser | undefined, depth: number): ExportNames {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  // A file that never says `export` or `exports` exports nothing (keywords cannot be spelled with escapes).
  if (!/\bexports?\b|\\u/u.test(text)) return noNames;
  const program = parse(text, path, parser);
  return program ? readExports(program, text, path, parser, depth).names : null;
}

const resolvedByDir = new Map<string, string | null>();
/** Per importing folder, per specifier: the pages of an app ask the same question for every file, without `resolve`. */
const resolvedBySpecifier = new Map<string, Map<string, string | null>>();

/** The stat of a regular file; undefined for anything else, and for a missing path without a thrown error. */
function fileStat(path: string): fs.Stats | undefined {
  try {
    const stat = fs.statSync(path, { throwIfNoEntry: false });
    return stat?.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The stat that found the file a specifier names, for the barrel lookup that follows: a file's first lookup is then
 * one `stat`, not two (the resolution's and the barrel check's). Taken once. However long ago it was made, it is
 * made before the read it stands for, as the check's own would be: a change in between leaves the cache an older
 * mtime or size than the text it read, and the next check reads again.
 */
let resolvedStat: { readonly path: string; readonly stat: fs.Stats } | undefined;

function takeResolvedStat(path: string): fs.Stats | undefined {
  const taken = resolvedStat;
  if (taken === undefined || taken.path !== path) return undefined;
  resolvedStat = undefined;
  return taken.stat;
}

/**
 * The file a relative specifier names, trying the extensions Vela's build tool resolves; undefined for packages.
 * The lookup of a known answer is kept apart from the first resolution (`resolveFirst`): the lookup runs for every
 * import of every file and is optimised on its own, without the path and disk code in it (see `loadBarrel`).
 */
export function resolveLocalImport(dir: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const known = resolvedBySpecifier.get(dir)?.get(specifier);
  if (known !== undefined) return known ?? undefined;
  return resolveFirst(dir, specifier);
}

/** The first file a resolved specifier may name, in the order Vela's build tool tries them, its stat kept. */
function firstFile(base: string): string | undefined {
  if (extensions.includes(extname(base)) && isFileKeepingStat(base)) return base;
  for (const extension of extensions) {
    const candidate = base + extension;
    if (isFileKeepingStat(candidate)) return candidate;
  }
  for (const extension of extensions) {
    const candidate = `${base}/index${extension}`;
    if (isFileKeepingStat(candidate)) return candidate;
  }
  return undefined;
}

function isFileKeepingStat(path: string): boolean {
  const stat = fileStat(path);
  if (stat === undefined) return false;
  resolvedStat = { path, stat };
  return true;
}

function resolveFirst(dir: string, specifier: string): string | undefined {
  let bySpecifier = resolvedBySpecifier.get(dir);
  if (!bySpecifier) {
    bySpecifier = new Map();
    resolvedBySpecifier.set(dir, bySpecifier);
  }
  // Keyed by the resolved path: the pages of an app (one folder each) importing one helper share one lookup.
  const base = resolve(dir, specifier);
  const cached = resolvedByDir.get(base);
  if (cached !== undefined) {
    bySpecifier.set(detachedString(specifier), cached);
    return cached ?? undefined;
  }
  const found = firstFile(base);
  resolvedByDir.set(base, found ?? null);
  bySpecifier.set(detachedString(specifier), found ?? null);
  return found;
}

/**
 * The barrel at `path`, undefined when it exports no module. Parsed once; after the last check's window
 * (`recheckAfterMs`) a lookup stats it, and the local files it hands on (`CacheEntry.dependencies`), and reads and
 * parses it again only when the mtime or size of one of them changed. Lookups within the window (the other importers
 * in a lint run) use the cache without touching the disk.
 */
export function loadBarrel(path: string, parser: Parser | undefined, depth = 0): Barrel | undefined {
  const cached = cache.get(path);
  if (cached !== undefined && isRecent(cached.checkedAt)) return cached.barrel;
  return checkBarrel(path, parser, depth, cached);
}

/**
 * `loadBarrel` past its window: stat, then read and parse when new or changed. Apart from the lookup so that the
 * lookup's optimised code does not carry it: inlined, this path put disk and parser code into the tracker's hottest
 * function, which V8 then compiled four times in a lint of the bench's app (each first stat after a window, each new
 * kind of entry, threw the optimised code away).
 */
function checkBarrel(
  path: string,
  parser: Parser | undefined,
  depth: number,
  cached: CacheEntry | undefined,
): Barrel | undefined {
  let stat = takeResolvedStat(path);
  if (stat === undefined) {
    try {
      counters.stats++;
      stat = fs.statSync(path, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
  }
  if (!stat) {
    cache.delete(path);
    return undefined;
  }
  const checkedAt = now();
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && unchanged(cached.dependencies)) {
    cached.checkedAt = checkedAt;
    return cached.barrel;
  }
  // Record a placeholder first: a barrel that (indirectly) imports itself ends there.
  cache.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, barrel: undefined, checkedAt, names: null });
  let barrel: Barrel | undefined;
  // A file read but no barrel keeps its names, for an `export *` of it.
  let names: ExportNames | undefined;
  const followed: Followed = { local: false };
  try {
    const text = fs.readFileSync(path, 'utf8');
    const linted = lintedBarrels.get(path);
    lintedBarrels.delete(path);
    if (linted !== undefined && linted.text === text && linted.parser === parser) {
      counters.reused++;
      barrel = linted.barrel;
    } else if (mayBeBarrel(text)) {
      const program = parse(text, path, parser);
      const read = program ? readExports(program, text, path, parser, depth, followed) : undefined;
      barrel = read && barrelOf(path, read);
      if (read && !barrel) names = read.names;
    }
  } catch {
    barrel = undefined;
  }
  const dependencies = followed.read && dependenciesOf(path, followed.read);
  cache.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, barrel, checkedAt, names, dependencies });
  return barrel;
}

/**
 * The files a read followed, and theirs, as their cache entries hold them now (just read or checked by that read):
 * what a later check compares with the disk. The file itself is left out (a cycle), and so is a file with no entry.
 */
function dependenciesOf(path: string, read: ReadonlySet<string>): Dependency[] | undefined {
  const found = new Map<string, Dependency>();
  const add = (target: string): void => {
    if (target === path || found.has(target)) return;
    const entry = cache.get(target);
    if (entry === undefined) return;
    found.set(target, { path: target, mtimeMs: entry.mtimeMs, size: entry.size });
    for (const dependency of entry.dependencies ?? []) add(dependency.path);
  };
  for (const target of read) add(target);
  return found.size > 0 ? [...found.values()] : undefined;
}

/** True when every file a barrel's read followed still has the mtime and size it had then (one `stat` each). */
function unchanged(dependencies: readonly Dependency[] | undefined): boolean {
  if (dependencies === undefined) return true;
  for (const dependency of dependencies) {
    let stat: fs.Stats | undefined;
    try {
      counters.stats++;
      stat = fs.statSync(dependency.path, { throwIfNoEntry: false });
    } catch {
      return false;
    }
    if (!stat || stat.mtimeMs !== dependency.mtimeMs || stat.size !== dependency.size) return false;
  }
  return true;
}

/** Relative specifiers of `import ... from`, `export ... from` and `require()` in a text, found without parsing. */
export function localSpecifiers(text: string): string[] {
  return Array.from(text.matchAll(/(?:\bfrom\s*|\brequire\s*\(\s*)(['"])(\.\.?\/[^'"\n]*)\1/gu), (match) => match[2]!);
}

/**
 * How many files were parsed as barrels, `stat`s made, and barrels taken from their own lint instead of a parse, since
 * the last `clearBarrelCache()`.
 */
export function barrelCacheStats(): { parses: number; stats: number; reused: number; cached: number } {
  return { parses: counters.parses, stats: counters.stats, reused: counters.reused, cached: cache.size };
}

export function clearBarrelCache(): void {
  cache.clear();
  resolvedByDir.clear();
  resolvedBySpecifier.clear();
  lintedBarrels.clear();
  resolvedStat = undefined;
  counters.parses = 0;
  counters.stats = 0;
  counters.reused = 0;
}
