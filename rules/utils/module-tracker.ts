import { CALL, findVariable, getPropertyName, getStringIfConstant, READ, ReferenceTracker } from '@eslint-community/eslint-utils';
import { findMethod, findModule, modules, type Method, type Module } from '@velakit/catalog';
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

export interface ModuleUsage {
  readonly imports: readonly ModuleImport[];
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

type TraceMapObject = { [key: string]: TraceMapObject; [READ]?: TraceInfo; [CALL]?: TraceInfo };

function methodEntry(info: TraceInfo): TraceMapObject {
  return { [READ]: info, [CALL]: info } as TraceMapObject;
}

/** `{ '@system.request': { download: { [READ], [CALL] }, ... }, ... }`, built once from the catalogue. */
const moduleTraceMap: Record<string, TraceMapObject> = Object.fromEntries(
  modules.map((module) => [
    `@${module.name}`,
    Object.fromEntries(module.methods.map((method) => [method.name, methodEntry({ module, method })])) as TraceMapObject,
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
  iterateEsmReferences(map: unknown): IterableIterator<{ node: unknown; path: string[]; type: symbol; info: TraceInfo }>;
  iteratePropertyReferences(node: unknown, map: unknown): IterableIterator<{ node: unknown; path: string[]; type: symbol; info: TraceInfo }>;
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
    if (reference.identifier.name === 'require' && reference.resolved === null) yield reference.identifier as TSESTree.Identifier;
  }
}

/**
 * Finds every `@system.*` module a file brings in and how it uses them. Default, named and namespace imports,
 * `require` (bare, assigned or destructured), aliases (`const r = request`) and the objects methods return
 * (`const task = uploadtask.uploadFile(...)`) are followed; anything more dynamic is not, so rules stay silent there.
 */
export function trackModules(sourceCode: Readonly<TSESLint.SourceCode>): ModuleUsage {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return { imports: [], methodUses: [], moduleUses: [] };
  const tracker = new ReferenceTracker(globalScope as never, { mode: 'legacy' }) as unknown as Tracker;
  const imports: ModuleImport[] = [];
  const moduleUses: ApiUse[] = [];

  const addImport = (specifier: string, node: TSESTree.Node): Module | undefined => {
    const featureName = specifier.slice(1);
    const module = findModule(featureName);
    imports.push({ specifier, featureName, module, node });
    return module;
  };
  const addUse = (module: Module, member: string | undefined, node: TSESTree.Node): void => {
    moduleUses.push({ module, member, method: member === undefined ? undefined : findMethod(module, member), interfaceName: undefined, kind: 'read', node });
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
      for (const binding of patternBindings(parent.id, undefined, globalScope)) addVariableReads(module, binding.variable, binding.member);
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
      (statement.type === 'ImportDeclaration' || statement.type === 'ExportAllDeclaration' || statement.type === 'ExportNamedDeclaration') &&
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
        for (const variable of sourceCode.scopeManager!.getDeclaredVariables(specifier)) addVariableReads(module, variable, member);
      }
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
    if (specifier === undefined || !specifier.startsWith('@system.')) continue;
    const module = addImport(specifier, call.arguments[0]!);
    if (!module) continue;
    requireCalls.push(call);
    const parent = call.parent;
    if (parent.type === 'VariableDeclarator' && parent.init === call) {
      for (const { variable, member } of patternBindings(parent.id, undefined, globalScope)) addVariableReads(module, variable, member);
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
      methodUses.push({ module: info.module, member: info.method.name, method: info.method, interfaceName: info.interfaceName, kind, node: node as TSESTree.Node });
      const returned = kind === 'call' && info.interfaceName === undefined ? interfaceTraceMap(info.module, info.method) : undefined;
      if (returned) collect(tracker.iteratePropertyReferences(node, returned));
    }
  };
  collect(tracker.iterateEsmReferences(moduleTraceMap));
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
  const bySource = (a: ApiUse, b: ApiUse): number => a.node.range[0] - b.node.range[0] || a.node.range[1] - b.node.range[1];
  return { imports, methodUses: methodUses.sort(bySource), moduleUses: moduleUses.sort(bySource) };
}
