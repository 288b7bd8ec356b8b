import { dirname } from 'node:path';
import {
  CALL,
  ESM,
  findVariable,
  getPropertyName,
  getStringIfConstant,
  READ,
  ReferenceTracker,
} from '@eslint-community/eslint-utils';
import { findMethod, findModule, modules, type Method, type Module } from '@velakit/catalog';
import { importedValue, loadBarrel, resolveLocalImport, type Barrel, type ExportedValue } from './barrels.js';
import type { TSESLint, TSESTree } from './rule.js';

/** One place where a module is brought in: `import x from '@system.x'`, `require('@system.x')`, `export ... from`. */
export interface ModuleImport {
  /** As written: `@system.request`. */
  readonly specifier: string;
  /** Feature name: `system.request`. */
  readonly featureName: string;
  /** Undefined for a module the catalogue does not know. */
  readonly module: Module | undefined;
  /** The string literal naming the module. */
  readonly node: TSESTree.Node;
}

/** A use of a known module, resolved through imports, `require`, destructuring and aliases. */
export interface ApiUse {
  readonly module: Module;
  /** Property of the module (or of the interface) that is used; undefined when the module object itself escapes. */
  readonly member: string | undefined;
  /** The catalogue's entry for `member`, when it has one. */
  readonly method: Method | undefined;
  /** Set for methods of a returned object, such as `UploadTask` from `uploadFile`. */
  readonly interfaceName: string | undefined;
  /** `call`: `node` is the CallExpression; `read`: `node` is where the value is read. */
  readonly kind: 'call' | 'read';
  readonly node: TSESTree.Node;
}

/** A read of a binding that holds a module object itself (`if (!geo) return`, `fetchModule ? ... : null`). */
export interface ObjectRead {
  readonly module: Module;
  readonly node: TSESTree.Node;
}

export interface ModuleUsage {
  readonly imports: readonly ModuleImport[];
  /** Reads of the module objects themselves that are not member accesses (tests, arguments), in source order. */
  readonly objectReads: readonly ObjectRead[];
  /** Calls and reads of catalogue methods (module methods and methods of returned interfaces), via ReferenceTracker; in source order. */
  readonly methodUses: readonly ApiUse[];
  /** Every read of a binding that holds a module or one of its members, for module-wide checks; in source order. */
  readonly moduleUses: readonly ApiUse[];
}

interface TraceInfo {
  readonly module: Module;
  readonly method: Method;
  readonly interfaceName?: string;
}

type TraceMapObject = { [key: string]: TraceMapObject; [READ]?: TraceInfo; [CALL]?: TraceInfo; [ESM]?: boolean };

function methodEntry(info: TraceInfo): TraceMapObject {
  return { [READ]: info, [CALL]: info } as TraceMapObject;
}

/** `{ '@system.request': { download: { [READ], [CALL] }, ... }, ... }`, built once from the catalogue. */
const moduleTraceMap: Record<string, TraceMapObject> = Object.fromEntries(
  modules.map((module) => [
    `@${module.name}`,
    Object.fromEntries(
      module.methods.map((method) => [method.name, methodEntry({ module, method })]),
    ) as TraceMapObject,
  ]),
);

/**
 * The same maps as ES module maps: each module also answers its default import (`import fetch from '@system.fetch'`)
 * and is flagged `ESM`, which is what eslint-utils' legacy mode builds (`{ default: map, ...map }`) for every import
 * specifier of every file; built once here instead.
 */
const esmTraceMap: Record<string, TraceMapObject> = Object.fromEntries(
  Object.entries(moduleTraceMap).map(([specifier, map]) => [
    specifier,
    { [ESM]: true, default: map, ...map } as TraceMapObject,
  ]),
);

/** For each module method that returns an interface (`uploadFile` → `UploadTask`), the trace map of its methods. */
function interfaceTraceMap(module: Module, method: Method): TraceMapObject | undefined {
  if (method.returns === undefined) return undefined;
  const returned = module.interfaces.find((entry) => entry.name === method.returns);
  if (!returned) return undefined;
  return Object.fromEntries(
    returned.methods.map((inner) => [inner.name, methodEntry({ module, method: inner, interfaceName: returned.name })]),
  ) as TraceMapObject;
}

// The typings of eslint-utils speak ESTree; ours speak TSESTree. The shapes are the same at run time.
type Tracker = {
  iterateEsmReferences(
    map: unknown,
  ): IterableIterator<{ node: unknown; path: string[]; type: symbol; info: TraceInfo }>;
  iteratePropertyReferences(
    node: unknown,
    map: unknown,
  ): IterableIterator<{ node: unknown; path: string[]; type: symbol; info: TraceInfo }>;
};

function stringOf(node: TSESTree.Node | undefined, scope: TSESLint.Scope.Scope): string | undefined {
  if (!node) return undefined;
  return getStringIfConstant(node as never, scope as never) ?? undefined;
}

function staticMemberName(node: TSESTree.MemberExpression | TSESTree.Property): string | undefined {
  return getPropertyName(node as never) ?? undefined;
}

/** The reads of every variable a pattern (identifier or destructuring) declares, with the member each one holds. */
function* patternBindings(
  pattern: TSESTree.Node,
  member: string | undefined,
  scope: TSESLint.Scope.Scope,
): Generator<{ variable: TSESLint.Scope.Variable; member: string | undefined }> {
  if (pattern.type === 'Identifier') {
    const variable = findVariable(scope as never, pattern as never) as TSESLint.Scope.Variable | null;
    if (variable) yield { variable, member };
  } else if (pattern.type === 'ObjectPattern' && member === undefined) {
    for (const property of pattern.properties) {
      if (property.type !== 'Property') continue;
      const key = staticMemberName(property);
      if (key !== undefined) yield* patternBindings(property.value, key, scope);
    }
  } else if (pattern.type === 'AssignmentPattern') {
    yield* patternBindings(pattern.left, member, scope);
  }
}

/** Every read of a `require` that the file does not define itself (a declared or an implicit global). */
function* globalRequireReferences(globalScope: TSESLint.Scope.Scope): Generator<TSESTree.Identifier> {
  const declared = globalScope.set.get('require');
  if (declared) {
    if (declared.defs.length > 0) return;
    for (const reference of declared.references) yield reference.identifier as TSESTree.Identifier;
  }
  for (const reference of globalScope.through) {
    if (reference.identifier.name === 'require' && reference.resolved === null)
      yield reference.identifier as TSESTree.Identifier;
  }
}

/**
 * Finds every `@system.*` module a file brings in and how it uses them. Default, named and namespace imports,
 * `require` (bare, assigned or destructured), aliases (`const r = request`) and the objects methods return
 * (`const task = uploadtask.uploadFile(...)`) are followed; anything more dynamic is not, so rules stay silent there.
 */
export interface TrackOptions {
  /** The file on disk (a `.ux` file for its script), to find the barrels it imports; none: barrels are not followed. */
  readonly physicalFilename?: string;
  /** The parser of the file being linted, tried first on barrels it imports. */
  readonly parser?: unknown;
}

/** The trace map for a value a barrel exports: the module's own map, or an object of module maps. */
function exportedTraceMap(value: ExportedValue): TraceMapObject | undefined {
  if (value.kind === 'module') return moduleTraceMap[`@${value.module.name}`];
  return Object.fromEntries(
    [...value.members].map(([name, module]) => [name, moduleTraceMap[`@${module.name}`]!]),
  ) as TraceMapObject;
}

/** `{ [ESM]: true, default: ..., fetch: ... }` for ES module barrels, `module.exports`' map for CommonJS ones. */
function barrelTraceMap(barrel: Barrel): TraceMapObject | undefined {
  if (barrel.exports.size === 0) return barrel.commonJs ? exportedTraceMap(barrel.commonJs) : undefined;
  const map: TraceMapObject = { [ESM]: true } as TraceMapObject;
  for (const [name, value] of barrel.exports) {
    const entry = exportedTraceMap(value);
    if (entry) map[name] = entry;
  }
  return map;
}

export function trackModules(sourceCode: Readonly<TSESLint.SourceCode>, options: TrackOptions = {}): ModuleUsage {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return { imports: [], objectReads: [], methodUses: [], moduleUses: [] };
  const tracker = new ReferenceTracker(globalScope as never, { mode: 'legacy' }) as unknown as Tracker;
  const imports: ModuleImport[] = [];
  const moduleUses: ApiUse[] = [];
  const objectReads: ObjectRead[] = [];

  const addImport = (specifier: string, node: TSESTree.Node): Module | undefined => {
    const featureName = specifier.slice(1);
    const module = findModule(featureName);
    imports.push({ specifier, featureName, module, node });
    return module;
  };
  const addUse = (module: Module, member: string | undefined, node: TSESTree.Node): void => {
    moduleUses.push({
      module,
      member,
      method: member === undefined ? undefined : findMethod(module, member),
      interfaceName: undefined,
      kind: 'read',
      node,
    });
  };
  const followed = new Set<TSESLint.Scope.Variable>();
  /**
   * A read of a binding that holds the module (member undefined) or one of its members. Aliases and destructuring of
   * the module are followed to their own reads; a module object that escapes (an argument, a return value, an
   * export) is not a use this file makes, so it is not recorded.
   */
  const addReference = (module: Module, member: string | undefined, identifier: TSESTree.Node): void => {
    const parent = identifier.parent;
    if (member !== undefined) {
      addUse(module, member, identifier);
    } else if (parent?.type === 'MemberExpression' && parent.object === identifier) {
      addUse(module, staticMemberName(parent), parent);
    } else if (parent?.type === 'VariableDeclarator' && parent.init === identifier) {
      for (const binding of patternBindings(parent.id, undefined, globalScope))
        addVariableReads(module, binding.variable, binding.member);
    } else if (identifier.type === 'Identifier' || identifier.type === 'MemberExpression') {
      objectReads.push({ module, node: identifier });
    }
  };
  function addVariableReads(module: Module, variable: TSESLint.Scope.Variable, member: string | undefined): void {
    if (followed.has(variable)) return;
    followed.add(variable);
    for (const reference of variable.references) {
      if (reference.isRead()) addReference(module, member, reference.identifier);
    }
  }

  for (const statement of sourceCode.ast.body) {
    if (
      (statement.type === 'ImportDeclaration' ||
        statement.type === 'ExportAllDeclaration' ||
        statement.type === 'ExportNamedDeclaration') &&
      statement.source &&
      typeof statement.source.value === 'string' &&
      statement.source.value.startsWith('@system.') &&
      // `import type` and `export type` vanish at build time: they load nothing and need no feature.
      !('importKind' in statement && statement.importKind === 'type') &&
      !('exportKind' in statement && statement.exportKind === 'type')
    ) {
      const module = addImport(statement.source.value, statement.source);
      if (!module || statement.type !== 'ImportDeclaration') continue;
      for (const specifier of statement.specifiers) {
        const member =
          specifier.type === 'ImportSpecifier'
            ? specifier.imported.type === 'Identifier'
              ? specifier.imported.name
              : String(specifier.imported.value)
            : undefined;
        for (const variable of sourceCode.scopeManager!.getDeclaredVariables(specifier))
          addVariableReads(module, variable, member);
      }
    }
  }

  // Barrels: local files that hand on `@system.*` modules. Their exports bind here as if imported directly.
  const barrelMaps: { specifier: string; map: TraceMapObject }[] = [];
  const barrelRequires: { call: TSESTree.CallExpression; map: TraceMapObject }[] = [];
  const dir = options.physicalFilename === undefined ? undefined : dirname(options.physicalFilename);
  const barrelAt = (specifier: unknown): Barrel | undefined => {
    if (dir === undefined || typeof specifier !== 'string') return undefined;
    const path = resolveLocalImport(dir, specifier);
    return path === undefined ? undefined : loadBarrel(path, options.parser as never);
  };
  /** Reads of a binding that holds an object some of whose properties are modules (`native.fetch.fetch(...)`). */
  const addObjectVariableReads = (members: ReadonlyMap<string, Module>, variable: TSESLint.Scope.Variable): void => {
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const identifier = reference.identifier as TSESTree.Node;
      const parent = identifier.parent;
      if (parent?.type === 'MemberExpression' && parent.object === identifier) {
        const name = staticMemberName(parent);
        const module = name === undefined ? undefined : members.get(name);
        if (module) addReference(module, undefined, parent);
      } else if (
        parent?.type === 'VariableDeclarator' &&
        parent.init === identifier &&
        parent.id.type === 'ObjectPattern'
      ) {
        for (const property of parent.id.properties) {
          const name = property.type === 'Property' ? staticMemberName(property) : undefined;
          const module = name === undefined ? undefined : members.get(name);
          if (!module || property.type !== 'Property') continue;
          for (const binding of patternBindings(property.value, undefined, globalScope))
            addVariableReads(module, binding.variable, binding.member);
        }
      }
    }
  };
  const bindExported = (value: ExportedValue | undefined, variable: TSESLint.Scope.Variable): void => {
    if (value?.kind === 'module') addVariableReads(value.module, variable, undefined);
    else if (value?.kind === 'object') addObjectVariableReads(value.members, variable);
  };
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
    const barrel = barrelAt(statement.source.value);
    if (!barrel) continue;
    const map = barrelTraceMap(barrel);
    if (map) barrelMaps.push({ specifier: statement.source.value, map });
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') continue;
      const imported =
        specifier.type === 'ImportDefaultSpecifier'
          ? 'default'
          : specifier.type === 'ImportNamespaceSpecifier'
            ? 'namespace'
            : specifier.imported.type === 'Identifier'
              ? specifier.imported.name
              : String(specifier.imported.value);
      for (const variable of sourceCode.scopeManager!.getDeclaredVariables(specifier))
        bindExported(importedValue(barrel, imported), variable);
    }
  }

  // TypeScript's `import request = require('@system.request')`.
  const importEquals: { variable: TSESLint.Scope.Variable; specifier: string }[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== 'TSImportEqualsDeclaration' || statement.importKind === 'type') continue;
    const reference = statement.moduleReference;
    if (reference.type !== 'TSExternalModuleReference' || reference.expression.type !== 'Literal') continue;
    const specifier = reference.expression.value;
    if (typeof specifier !== 'string' || !specifier.startsWith('@system.')) continue;
    const module = addImport(specifier, reference.expression);
    if (!module) continue;
    for (const variable of sourceCode.scopeManager!.getDeclaredVariables(statement)) {
      addVariableReads(module, variable, undefined);
      importEquals.push({ variable, specifier });
    }
  }

  const requireCalls: TSESTree.CallExpression[] = [];
  for (const identifier of globalRequireReferences(globalScope)) {
    const call = identifier.parent;
    if (call?.type !== 'CallExpression' || call.callee !== identifier) continue;
    const specifier = stringOf(call.arguments[0], globalScope);
    if (specifier !== undefined && (specifier.startsWith('./') || specifier.startsWith('../'))) {
      const barrel = barrelAt(specifier);
      const value = barrel ? importedValue(barrel, 'require') : undefined;
      if (!value) continue;
      barrelRequires.push({ call, map: exportedTraceMap(value)! });
      const parent = call.parent;
      if (parent.type === 'VariableDeclarator' && parent.init === call) {
        if (parent.id.type === 'Identifier') {
          for (const variable of sourceCode.scopeManager!.getDeclaredVariables(parent)) bindExported(value, variable);
        } else if (parent.id.type === 'ObjectPattern' && value.kind === 'object') {
          for (const property of parent.id.properties) {
            const name = property.type === 'Property' ? staticMemberName(property) : undefined;
            const module = name === undefined ? undefined : value.members.get(name);
            if (!module || property.type !== 'Property') continue;
            for (const binding of patternBindings(property.value, undefined, globalScope))
              addVariableReads(module, binding.variable, binding.member);
          }
        }
      }
      continue;
    }
    if (specifier === undefined || !specifier.startsWith('@system.')) continue;
    const module = addImport(specifier, call.arguments[0]!);
    if (!module) continue;
    requireCalls.push(call);
    const parent = call.parent;
    if (parent.type === 'VariableDeclarator' && parent.init === call) {
      for (const { variable, member } of patternBindings(parent.id, undefined, globalScope))
        addVariableReads(module, variable, member);
    } else if (parent.type === 'MemberExpression' && parent.object === call) {
      addUse(module, staticMemberName(parent), parent);
    }
  }

  const methodUses: ApiUse[] = [];
  const seen = { call: new Set<unknown>(), read: new Set<unknown>() };
  const collect = (references: Iterable<{ node: unknown; type: symbol; info: TraceInfo }>): void => {
    for (const { node, type, info } of references) {
      const kind = type === CALL ? 'call' : 'read';
      if (seen[kind].has(node)) continue;
      seen[kind].add(node);
      methodUses.push({
        module: info.module,
        member: info.method.name,
        method: info.method,
        interfaceName: info.interfaceName,
        kind,
        node: node as TSESTree.Node,
      });
      const returned =
        kind === 'call' && info.interfaceName === undefined ? interfaceTraceMap(info.module, info.method) : undefined;
      if (returned) collect(tracker.iteratePropertyReferences(node, returned));
    }
  };
  collect(tracker.iterateEsmReferences(esmTraceMap));
  // Barrel specifiers are relative paths, never `@system.*` ones: their own pass, without copying the module maps.
  if (barrelMaps.length > 0)
    collect(tracker.iterateEsmReferences(Object.fromEntries(barrelMaps.map((entry) => [entry.specifier, entry.map]))));
  for (const { call, map } of barrelRequires) collect(tracker.iteratePropertyReferences(call, map));
  // Not `iterateCjsReferences`: it only sees `require` when the config declares it a global, and Vela's `.ux`
  // scripts use it without any declaration.
  for (const { variable, specifier } of importEquals) {
    const map = moduleTraceMap[specifier];
    for (const reference of variable.references) {
      if (map && reference.isRead()) collect(tracker.iteratePropertyReferences(reference.identifier, map));
    }
  }
  for (const call of requireCalls) {
    const specifier = stringOf(call.arguments[0], globalScope)!;
    const map = moduleTraceMap[specifier];
    if (map) collect(tracker.iteratePropertyReferences(call, map));
  }
  const bySource = (a: { node: TSESTree.Node }, b: { node: TSESTree.Node }): number =>
    a.node.range[0] - b.node.range[0] || a.node.range[1] - b.node.range[1];
  return {
    imports,
    objectReads: objectReads.sort(bySource),
    methodUses: methodUses.sort(bySource),
    moduleUses: moduleUses.sort(bySource),
  };
}
