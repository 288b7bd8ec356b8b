import { dirname } from 'node:path';
import { findVariable, getPropertyName, getStringIfConstant } from '@eslint-community/eslint-utils';
import { findMethod, findModule, modules, type Method, type Module } from '@velakit/catalog';
import {
  exportName,
  importedName,
  importedValue,
  loadBarrel,
  resolveLocalImport,
  type Barrel,
  type ExportedValue,
} from './barrels.js';
import type { TSESLint, TSESTree } from './rule.js';
import { callAt, callGivesReturn, nameBinding, nameVariable, type FunctionNode } from './same-file-functions.js';
import { isTypeWrapper, throughTypes, withoutTypes } from './type-wrappers.js';

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

/**
 * An import of a specifier that is neither `@system.*` nor relative: an npm package, a Node built-in module. Kept only
 * as written: the tracker follows no value of these.
 */
export interface PackageImport {
  /** As written: `dayjs`, `fs/promises`, `node:path`. */
  readonly specifier: string;
  /** The string literal naming the package. */
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
  /**
   * `call`: `node` is the CallExpression; `read`: `node` is where the value is read, with the TypeScript wrappers
   * around it that leave the value as it is (`download!`, `(request.download as any)`), as if they were parentheses.
   */
  readonly kind: 'call' | 'read';
  readonly node: TSESTree.Node;
}

/** A read of a binding that holds a module object itself (`if (!geo) return`, `fetchModule ? ... : null`). */
export interface ObjectRead {
  readonly module: Module;
  /** The read, with the TypeScript wrappers around it (`geo!`). */
  readonly node: TSESTree.Node;
}

/**
 * A call of a same-file function that returns the object a catalogue method returns (`getConnect()`, returning what
 * `interconnect.instance()` gave): the call holds that object, as the method's own call would.
 */
export interface GetterCall {
  readonly module: Module;
  /** The method whose returned object the call holds (`instance`). */
  readonly method: Method;
  /** The object's interface (`Connect`). */
  readonly interfaceName: string;
  readonly node: TSESTree.CallExpression;
}

export interface ModuleUsage {
  readonly imports: readonly ModuleImport[];
  /**
   * Top-level `import`, `export ... from` and `import x = require()` statements (not type-only ones), and `require()`
   * of a literal, that name a specifier neither `@system.*` nor relative, in the order the tracker meets them.
   */
  readonly packageImports: readonly PackageImport[];
  /** True when the file imports or requires a local barrel (a file handing on `@system.*` modules). */
  readonly importsBarrel: boolean;
  /** Reads of the module objects themselves that are not member accesses (tests, arguments), in source order. */
  readonly objectReads: readonly ObjectRead[];
  /** Calls and reads of catalogue methods (module methods and methods of returned interfaces); in source order. */
  readonly methodUses: readonly ApiUse[];
  /** Every read of a binding that holds a module or one of its members, for module-wide checks; in source order. */
  readonly moduleUses: readonly ApiUse[];
  /** Calls of same-file functions returning an object a method returned (`getConnect()`); in source order. */
  readonly getterCalls: readonly GetterCall[];
}

/** A catalogue method a traced value holds: reading the value is a use of it, calling the value a call. */
interface TraceInfo {
  readonly module: Module;
  readonly method: Method;
  /** Set for a method of a returned interface (`UploadTask.abort`). */
  readonly interfaceName: string | undefined;
}

/**
 * What a value holds, as far as the tracker follows it: reading one of `members` gives that member's trace; `info` is
 * set for a catalogue method. `esm` marks what an ES module import of a specifier sees (a module's `default`, a
 * barrel's named exports); without it, an import sees a CommonJS value (`importedTrace`).
 */
interface Trace {
  readonly members?: ReadonlyMap<string, Trace>;
  readonly info?: TraceInfo;
  readonly esm?: boolean;
}

const membersTrace = (entries: Iterable<readonly [string, Trace]>): Trace => ({ members: new Map(entries) });
const methodTrace = (module: Module, method: Method, interfaceName?: string): Trace => ({
  info: { module, method, interfaceName },
});

/** Each module object's trace (its methods), built once from the catalogue. */
const moduleTraces = new Map<Module, Trace>(
  modules.map((module) => [
    module,
    membersTrace(module.methods.map((method) => [method.name, methodTrace(module, method)] as const)),
  ]),
);
const traceOfModule = (module: Module): Trace => moduleTraces.get(module)!;
/** The module each module trace is of: a function returning the module object hands it on to its calls. */
const moduleOfTrace = new Map<Trace, Module>(Array.from(moduleTraces, ([module, trace]) => [trace, module]));

/** By exact specifier (`@system.request`): the module object, and what an ES module import of it sees. */
const moduleTraceBySpecifier = new Map<string, Trace>(
  modules.map((module) => [`@${module.name}`, traceOfModule(module)]),
);
const esmTraceBySpecifier = new Map<string, Trace>(
  modules.map((module) => {
    const trace = traceOfModule(module);
    return [`@${module.name}`, { esm: true, members: new Map([['default', trace], ...trace.members!]) }];
  }),
);

/** For each module method that returns an interface (`uploadFile` → `UploadTask`), the trace of what it returns. */
const returnedTraces = new Map<Method, Trace>();
/** Back from such a trace to the method that returns it, for the calls of a function handing that object on. */
const returnerOfTrace = new Map<Trace, Omit<GetterCall, 'node'>>();
for (const module of modules) {
  for (const method of module.methods) {
    const returned =
      method.returns === undefined ? undefined : module.interfaces.find((entry) => entry.name === method.returns);
    if (!returned) continue;
    const methods = returned.methods.map((inner) => [inner.name, methodTrace(module, inner, returned.name)] as const);
    const trace = membersTrace(methods);
    returnedTraces.set(method, trace);
    returnerOfTrace.set(trace, { module, method, interfaceName: returned.name });
  }
}

/** What a member of a module that is no catalogue method holds (a property): nothing the trace walk follows. */
const untraced: Trace = {};

/** The trace of a value a barrel exports, remembered per value (a barrel is read once and shared by its users). */
const exportedTraces = new WeakMap<ExportedValue, Trace>();
function exportedTrace(value: ExportedValue): Trace {
  let trace = exportedTraces.get(value);
  if (!trace) {
    trace =
      value.kind === 'module'
        ? traceOfModule(value.module)
        : value.kind === 'member'
          ? (traceOfModule(value.module).members!.get(value.name) ?? untraced)
          : membersTrace(Array.from(value.members, ([name, member]) => [name, exportedTrace(member)] as const));
    exportedTraces.set(value, trace);
  }
  return trace;
}

/** An ES module barrel's named exports, or a CommonJS barrel's `module.exports`; remembered per barrel. */
const barrelTraces = new WeakMap<Barrel, Trace | null>();
function barrelTrace(barrel: Barrel): Trace | undefined {
  let trace = barrelTraces.get(barrel);
  if (trace === undefined) {
    if (barrel.exports.size > 0) {
      const members = Array.from(barrel.exports, ([name, value]) => [name, exportedTrace(value)] as const);
      trace = { esm: true, members: new Map(members) };
    } else {
      trace = barrel.commonJs ? exportedTrace(barrel.commonJs) : null;
    }
    barrelTraces.set(barrel, trace);
  }
  return trace ?? undefined;
}

/**
 * What an `import` sees of a value: an ES module's exports as they are; a CommonJS value as its own `default` beside
 * its members (a member named `default` wins), as eslint-utils' legacy mode reads it. Remembered per value.
 */
const importedTraces = new WeakMap<Trace, Trace>();
function importedTrace(trace: Trace): Trace {
  if (trace.esm) return trace;
  let imported = importedTraces.get(trace);
  if (!imported) {
    const members = new Map<string, Trace>([['default', trace]]);
    if (trace.members) for (const [name, member] of trace.members) members.set(name, member);
    imported = { members };
    importedTraces.set(trace, imported);
  }
  return imported;
}

function stringOf(node: TSESTree.Node | undefined, scope: TSESLint.Scope.Scope): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  return getStringIfConstant(node as never, scope as never) ?? undefined;
}

function staticMemberName(node: TSESTree.MemberExpression | TSESTree.Property): string | undefined {
  // `mod.name` and `{ name }`, the usual cases, are named here; computed and other keys by eslint-utils.
  const key = node.type === 'MemberExpression' ? node.property : node.key;
  if (!node.computed && key.type === 'Identifier') return key.name;
  return getPropertyName(node as never) ?? undefined;
}

/** True when `node`'s value flows on to its parent (`a || b`, `c ? a : b`, `(x, a)`, `a?.b`, `a!`, `a as T`). */
function isPassThrough(node: TSESTree.Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case 'ConditionalExpression':
      return parent.consequent === node || parent.alternate === node;
    case 'SequenceExpression':
      return parent.expressions.at(-1) === node;
    case 'LogicalExpression':
    case 'ChainExpression':
      return true;
    default:
      return parent !== undefined && isTypeWrapper(parent);
  }
}

/**
 * Finds every `@system.*` module a file brings in and how it uses them. Default, named and namespace imports,
 * `require` (bare, assigned or destructured), aliases (`const r = request`), the objects methods return
 * (`const task = uploadtask.uploadFile(...)`) and the calls of same-file functions that always return one of these
 * (`getConnect()`, see `resolveGetters`) are followed; anything more dynamic is not, so rules stay silent there.
 */
export interface TrackOptions {
  /** The file on disk (a `.ux` file for its script), to find the barrels it imports; none: barrels are not followed. */
  readonly physicalFilename?: string;
  /** The parser of the file being linted, tried first on barrels it imports. */
  readonly parser?: unknown;
}

type Variable = TSESLint.Scope.Variable;
type ModuleStatement = TSESTree.ImportDeclaration | TSESTree.ExportAllDeclaration | TSESTree.ExportNamedDeclaration;

/** A statement TypeScript erases: `import type`, `export type`, or braces holding only `type` specifiers. */
function isTypeOnly(statement: ModuleStatement): boolean {
  if (statement.type === 'ImportDeclaration') {
    if (statement.importKind === 'type') return true;
    const specifiers = statement.specifiers;
    return (
      specifiers.length > 0 &&
      specifiers.every((clause) => clause.type === 'ImportSpecifier' && clause.importKind === 'type')
    );
  }
  if (statement.exportKind === 'type') return true;
  return (
    statement.type === 'ExportNamedDeclaration' &&
    statement.specifiers.length > 0 &&
    statement.specifiers.every((clause) => clause.exportKind === 'type')
  );
}

/** A string literal, or a template literal without expressions: a specifier written out where it is used. */
function isWrittenOut(node: TSESTree.Node): boolean {
  return node.type === 'Literal' || (node.type === 'TemplateLiteral' && node.expressions.length === 0);
}

/** `./x`, `../x`: the specifiers that may name a barrel (as `resolveLocalImport` reads them). */
function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/**
 * One file's tracking: two walks over the scope analysis, each starting where a module comes in.
 * - The binding walk (`moduleUses`, `objectReads`): every read of a variable that holds a module or one of its members.
 * - The trace walk (`methodUses`): the calls and reads of catalogue methods, through member reads, calls,
 *   destructuring, aliases, assignments and expressions a value passes through (`a || b`, `c ? a : b`), and into the
 *   interfaces methods return. It finds what eslint-utils' `ReferenceTracker` finds with the same maps, walked
 *   directly: no generators, paths or per-file maps (the tracker was half of this file's time, and its garbage).
 * Lists stay unallocated until something is found.
 */
class FileTracker {
  readonly imports: ModuleImport[] = [];
  packageImports: PackageImport[] | undefined;
  importsBarrel = false;
  moduleUses: ApiUse[] | undefined;
  objectReads: ObjectRead[] | undefined;
  methodUses: ApiUse[] | undefined;
  /** Variables whose reads the binding walk has taken. */
  #followed: Set<Variable> | undefined;
  /** Nodes the trace walk recorded: a call is always a CallExpression and a read never is, so one set serves both. */
  #recorded: Set<TSESTree.Node> | undefined;
  /** The variables the trace walk is inside, so that `a = a` ends. */
  #tracing: Variable[] | undefined;
  /** Functions returning a traced value (see `resolveGetters`): made when a traced value first reaches a `return`. */
  #returns: ReturnState | undefined;
  /** Writes of variables that are not `const` (the pattern's identifier), with the trace written (null: two). */
  #writes: Map<TSESTree.Node, Trace | null> | undefined;
  getterCalls: GetterCall[] | undefined;
  /** The folder of the file, found when a relative import first asks for it. */
  #dir: string | undefined;
  // What the one pass over the statements leaves for later phases; most files have none of the last three.
  /** `import`, `export ... from` of `@system.*` specifiers, type-only ones too: where the trace walk starts. */
  #systemStatements: ModuleStatement[] | undefined;
  /** `import`, `export ... from` of relative specifiers: barrels, perhaps. */
  #localStatements: ModuleStatement[] | undefined;
  #importEquals: TSESTree.TSImportEqualsDeclaration[] | undefined;
  // Where the trace walk starts besides the `@system.*` statements, each found by its phase of the binding walk.
  #barrelTraceBySpecifier: Map<string, Trace> | undefined;
  #barrelRequires: { call: TSESTree.CallExpression; trace: Trace }[] | undefined;
  #importEqualsTraces: { variable: Variable; trace: Trace | undefined }[] | undefined;
  #moduleRequires: { call: TSESTree.CallExpression; trace: Trace | undefined }[] | undefined;

  constructor(
    private readonly scopeManager: TSESLint.Scope.ScopeManager,
    private readonly globalScope: TSESLint.Scope.Scope,
    private readonly physicalFilename: string | undefined,
    private readonly parser: unknown,
  ) {}

  addImport(specifier: string, node: TSESTree.Node): Module | undefined {
    const featureName = specifier.slice(1);
    const module = findModule(featureName);
    this.imports.push({ specifier, featureName, module, node });
    return module;
  }

  addPackageImport(specifier: string, node: TSESTree.Node): void {
    (this.packageImports ??= []).push({ specifier, node });
  }

  barrelAt(specifier: unknown): Barrel | undefined {
    if (this.physicalFilename === undefined || typeof specifier !== 'string') return undefined;
    const path = resolveLocalImport((this.#dir ??= dirname(this.physicalFilename)), specifier);
    return path === undefined ? undefined : loadBarrel(path, this.parser as never);
  }

  // The statements, in one pass.

  /**
   * One top-level statement: an `@system.*` import binds at once (the binding walk's first phase); the kinds most files
   * lack (relative imports, `import x = require(...)`) are kept for their own phases, in the order they had before.
   */
  takeStatement(statement: TSESTree.ProgramStatement): void {
    switch (statement.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration': {
        const specifier = statement.source?.value;
        if (typeof specifier !== 'string') return;
        if (specifier.startsWith('@system.')) this.takeSystemStatement(statement, specifier);
        else if (isRelative(specifier)) {
          if (this.physicalFilename !== undefined) (this.#localStatements ??= []).push(statement);
        } else if (!isTypeOnly(statement)) this.addPackageImport(specifier, statement.source!);
        return;
      }
      case 'TSImportEqualsDeclaration':
        (this.#importEquals ??= []).push(statement);
        return;
      default:
        return;
    }
  }

  takeSystemStatement(statement: ModuleStatement, specifier: string): void {
    (this.#systemStatements ??= []).push(statement);
    // `import type`, `export type`, and braces of `type` specifiers only (`import { type A } from`) vanish at build
    // time: they load nothing and need no feature (the manifest rules' app-source scan reads them so too).
    if (isTypeOnly(statement)) return;
    const module = this.addImport(specifier, statement.source!);
    if (!module || statement.type !== 'ImportDeclaration') return;
    const specifiers = statement.specifiers;
    for (let index = 0; index < specifiers.length; index++) {
      const clause = specifiers[index]!;
      // A type specifier's name is read only in types: no use of the module.
      if (clause.type === 'ImportSpecifier' && clause.importKind === 'type') continue;
      const member = clause.type === 'ImportSpecifier' ? exportName(clause.imported) : undefined;
      const variables = this.scopeManager.getDeclaredVariables(clause);
      for (let at = 0; at < variables.length; at++) this.addVariableReads(module, variables[at]!, member);
    }
  }

  /** The binding walk's later phases: barrel imports, `import x = require(...)`, then `require` calls. */
  takeRest(): void {
    if (this.#localStatements) this.bindBarrelImports(this.#localStatements);
    if (this.#importEquals) this.bindImportEquals(this.#importEquals);
    const declared = this.globalScope.set.get('require');
    if (declared) {
      // A `require` the file defines itself is not Node's.
      if (declared.defs.length > 0) return;
      const references = declared.references;
      for (let index = 0; index < references.length; index++) this.takeRequire(references[index]!.identifier);
    }
    // `require` is followed without `iterateCjsReferences`' condition that the config declares it a global: Vela's
    // `.ux` scripts use it without any declaration.
    const through = this.globalScope.through;
    for (let index = 0; index < through.length; index++) {
      const reference = through[index]!;
      if (reference.identifier.name === 'require' && reference.resolved === null)
        this.takeRequire(reference.identifier);
    }
  }

  /** Barrels: local files that hand on `@system.*` modules. Their exports bind here as if imported directly. */
  bindBarrelImports(statements: readonly ModuleStatement[]): void {
    for (const statement of statements) {
      if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
      const barrel = this.barrelAt(statement.source.value);
      if (!barrel) continue;
      this.importsBarrel = true;
      const trace = barrelTrace(barrel);
      if (trace) (this.#barrelTraceBySpecifier ??= new Map()).set(statement.source.value, trace);
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') continue;
        const imported = importedName(specifier);
        for (const variable of this.scopeManager.getDeclaredVariables(specifier))
          this.bindExported(importedValue(barrel, imported), variable);
      }
    }
  }

  /** TypeScript's `import request = require('@system.request')`. */
  bindImportEquals(statements: readonly TSESTree.TSImportEqualsDeclaration[]): void {
    for (const statement of statements) {
      if (statement.importKind === 'type') continue;
      const reference = statement.moduleReference;
      if (reference.type !== 'TSExternalModuleReference' || reference.expression.type !== 'Literal') continue;
      const specifier = reference.expression.value;
      if (typeof specifier !== 'string') continue;
      if (!specifier.startsWith('@system.')) {
        if (!isRelative(specifier)) this.addPackageImport(specifier, reference.expression);
        continue;
      }
      const module = this.addImport(specifier, reference.expression);
      if (!module) continue;
      for (const variable of this.scopeManager.getDeclaredVariables(statement)) {
        this.addVariableReads(module, variable, undefined);
        (this.#importEqualsTraces ??= []).push({ variable, trace: moduleTraceBySpecifier.get(specifier) });
      }
    }
  }

  /** A read of the global `require`: `require('@system.x')` binds like an import; `require('./barrel')` too. */
  takeRequire(identifier: TSESTree.Node): void {
    const call = identifier.parent;
    if (call?.type !== 'CallExpression' || call.callee !== identifier) return;
    const argument = call.arguments[0];
    const specifier = stringOf(argument, this.globalScope);
    if (specifier === undefined) return;
    if (isRelative(specifier)) {
      this.takeBarrelRequire(call, specifier);
      return;
    }
    if (!specifier.startsWith('@system.')) {
      // Only a specifier written out: `require(name)` of a constant is left to the tracker's `@system.*` following.
      if (isWrittenOut(argument!)) this.addPackageImport(specifier, argument!);
      return;
    }
    const module = this.addImport(specifier, argument!);
    if (!module) return;
    (this.#moduleRequires ??= []).push({ call, trace: moduleTraceBySpecifier.get(specifier) });
    const value = throughTypes(call);
    const parent = value.parent;
    if (parent?.type === 'VariableDeclarator' && parent.init === value) {
      this.bindPattern(module, parent.id, undefined);
    } else if (parent?.type === 'MemberExpression' && parent.object === value) {
      this.addUse(module, staticMemberName(parent), parent);
    }
  }

  takeBarrelRequire(call: TSESTree.CallExpression, specifier: string): void {
    const barrel = this.barrelAt(specifier);
    const value = barrel ? importedValue(barrel, 'require') : undefined;
    if (!value) return;
    this.importsBarrel = true;
    (this.#barrelRequires ??= []).push({ call, trace: exportedTrace(value) });
    this.addValueRead(value, call);
  }

  /**
   * The calls and reads of catalogue methods. A node reached twice keeps its first record, so the walks run in the
   * order `ReferenceTracker` ran them: ES module statements (type-only ones too), barrel imports, barrel `require`s,
   * `import x = require(...)`, then `require` of modules.
   */
  traceAll(): void {
    if (this.#systemStatements) this.traceStatements(this.#systemStatements, esmTraceBySpecifier);
    if (this.#barrelTraceBySpecifier) this.traceStatements(this.#localStatements!, this.#barrelTraceBySpecifier);
    if (this.#barrelRequires) for (const { call, trace } of this.#barrelRequires) this.traceFrom(call, trace);
    if (this.#importEqualsTraces) {
      for (const { variable, trace } of this.#importEqualsTraces) {
        if (!trace) continue;
        for (const reference of variable.references)
          if (reference.isRead()) this.traceFrom(reference.identifier, trace);
      }
    }
    const requires = this.#moduleRequires;
    if (requires) {
      for (let index = 0; index < requires.length; index++) {
        const { call, trace } = requires[index]!;
        if (trace) this.traceFrom(call, trace);
      }
    }
  }

  findVariable(identifier: TSESTree.Node): Variable | null {
    return findVariable(this.globalScope as never, identifier as never) as Variable | null;
  }

  // The binding walk.

  /** A read at `node`, or at the TypeScript wrappers around it (`download!()` reads `download!` as the callee). */
  addUse(module: Module, member: string | undefined, node: TSESTree.Node): void {
    (this.moduleUses ??= []).push({
      module,
      member,
      method: member === undefined ? undefined : findMethod(module, member),
      interfaceName: undefined,
      kind: 'read',
      node: throughTypes(node),
    });
  }

  /**
   * A read of a binding that holds the module (member undefined) or one of its members. Aliases and destructuring of
   * the module are followed to their own reads; a module object that escapes (an argument, a return value, an
   * export) is not a use this file makes, so it is not recorded.
   */
  addReference(module: Module, member: string | undefined, identifier: TSESTree.Node): void {
    if (member !== undefined) {
      this.addUse(module, member, identifier);
      return;
    }
    // `request!.download()` and `(fetch as any).fetch()` read the module as parentheses around it would.
    const value = throughTypes(identifier);
    const parent = value.parent;
    if (parent?.type === 'MemberExpression' && parent.object === value) {
      this.addUse(module, staticMemberName(parent), parent);
    } else if (parent?.type === 'VariableDeclarator' && parent.init === value) {
      this.bindPattern(module, parent.id, undefined);
    } else if (identifier.type === 'Identifier' || identifier.type === 'MemberExpression') {
      (this.objectReads ??= []).push({ module, node: value });
    }
  }

  addVariableReads(module: Module, variable: Variable, member: string | undefined): void {
    const followed = (this.#followed ??= new Set());
    if (followed.has(variable)) return;
    followed.add(variable);
    for (const reference of variable.references) {
      if (reference.isRead()) this.addReference(module, member, reference.identifier);
    }
  }

  /** The reads of every variable a pattern (identifier or destructuring) declares, with the member each one holds. */
  bindPattern(module: Module, pattern: TSESTree.Node, member: string | undefined): void {
    if (pattern.type === 'Identifier') {
      const variable = this.findVariable(pattern);
      if (variable) this.addVariableReads(module, variable, member);
    } else if (pattern.type === 'ObjectPattern' && member === undefined) {
      for (const property of pattern.properties) {
        if (property.type !== 'Property') continue;
        const key = staticMemberName(property);
        if (key !== undefined) this.bindPattern(module, property.value, key);
      }
    } else if (pattern.type === 'AssignmentPattern') {
      this.bindPattern(module, pattern.left, member);
    }
  }

  /** The variables a pattern declares from a barrel's value: an alias of it, or the members it destructures. */
  bindValuePattern(value: ExportedValue, pattern: TSESTree.Node): void {
    if (value.kind === 'module') {
      this.bindPattern(value.module, pattern, undefined);
    } else if (value.kind === 'member') {
      this.bindPattern(value.module, pattern, value.name);
    } else if (pattern.type === 'Identifier') {
      const variable = this.findVariable(pattern);
      if (variable) this.addObjectVariableReads(value.members, variable);
    } else if (pattern.type === 'ObjectPattern') {
      for (const property of pattern.properties) {
        if (property.type !== 'Property') continue;
        const name = staticMemberName(property);
        const member = name === undefined ? undefined : value.members.get(name);
        if (member) this.bindValuePattern(member, property.value);
      }
    } else if (pattern.type === 'AssignmentPattern') {
      this.bindValuePattern(value, pattern.left);
    }
  }

  /** Reads of a binding that holds an object some of whose properties are modules (`native.fetch.fetch(...)`). */
  addObjectVariableReads(members: ReadonlyMap<string, ExportedValue>, variable: Variable): void {
    const followed = (this.#followed ??= new Set());
    if (followed.has(variable)) return;
    followed.add(variable);
    for (const reference of variable.references) {
      if (reference.isRead()) this.addObjectRead(members, reference.identifier);
    }
  }

  /** A read of such an object: its members read (`all.request`, `all.net.fetch`), destructured or aliased. */
  addObjectRead(members: ReadonlyMap<string, ExportedValue>, expression: TSESTree.Node): void {
    const node = throughTypes(expression);
    const parent = node.parent;
    if (parent?.type === 'MemberExpression' && parent.object === node) {
      const name = staticMemberName(parent);
      const member = name === undefined ? undefined : members.get(name);
      if (member) this.addValueRead(member, parent);
    } else if (parent?.type === 'VariableDeclarator' && parent.init === node) {
      this.bindValuePattern({ kind: 'object', members }, parent.id);
    }
  }

  /** A read of a barrel's value (a module, a member of one, or an object of modules) at `node`. */
  addValueRead(value: ExportedValue, node: TSESTree.Node): void {
    if (value.kind === 'object') this.addObjectRead(value.members, node);
    else this.addReference(value.module, value.kind === 'member' ? value.name : undefined, node);
  }

  bindExported(value: ExportedValue | undefined, variable: Variable): void {
    if (value === undefined) return;
    if (value.kind === 'object') this.addObjectVariableReads(value.members, variable);
    else this.addVariableReads(value.module, variable, value.kind === 'member' ? value.name : undefined);
  }

  // The trace walk.

  record(node: TSESTree.Node, kind: 'call' | 'read', info: TraceInfo): void {
    const recorded = (this.#recorded ??= new Set());
    if (recorded.has(node)) return;
    recorded.add(node);
    (this.methodUses ??= []).push({
      module: info.module,
      member: info.method.name,
      method: info.method,
      interfaceName: info.interfaceName,
      kind,
      node,
    });
    const returned = kind === 'call' && info.interfaceName === undefined ? returnedTraces.get(info.method) : undefined;
    if (returned) this.traceFrom(node, returned);
  }

  /** Follows the value `start` holds (`trace`) to where it is read, called, destructured, assigned or returned. */
  traceFrom(start: TSESTree.Node, trace: Trace): void {
    let node = start;
    while (isPassThrough(node)) node = node.parent!;
    const parent = node.parent;
    switch (parent?.type) {
      case 'MemberExpression': {
        if (parent.object !== node) return;
        const key = staticMemberName(parent);
        const member = key === undefined ? undefined : trace.members?.get(key);
        if (!member) return;
        // Recorded where the binding walk records it: at the TypeScript wrappers around the read, if any.
        if (member.info) this.record(throughTypes(parent), 'read', member.info);
        this.traceFrom(parent, member);
        return;
      }
      case 'CallExpression':
        if (parent.callee === node && trace.info) this.record(parent, 'call', trace.info);
        return;
      case 'AssignmentExpression':
        if (parent.right === node) {
          this.tracePattern(parent.left, trace);
          this.traceFrom(parent, trace);
        }
        return;
      case 'AssignmentPattern':
        if (parent.right === node) this.tracePattern(parent.left, trace);
        return;
      case 'VariableDeclarator':
        if (parent.init === node) this.tracePattern(parent.id, trace);
        return;
      case 'ReturnStatement':
        this.reachReturn(start, node, trace, enclosingFunction(parent));
        return;
      case 'ArrowFunctionExpression':
        if (parent.body === node) this.reachReturn(start, node, trace, parent);
        return;
      default:
        return;
    }
  }

  /** The variables a pattern assigns: holding `trace`, or its members when destructured. */
  tracePattern(pattern: TSESTree.Node, trace: Trace): void {
    if (pattern.type === 'Identifier') {
      const variable = this.findVariable(pattern);
      if (!variable) return;
      // What each write of a variable that may be written again gives, for a function returning it (`returnedBy`).
      if (!isConstBinding(pattern)) noteTrace((this.#writes ??= new Map()), pattern, trace);
      this.traceVariable(variable, trace);
    } else if (pattern.type === 'ObjectPattern') {
      for (const property of pattern.properties) {
        if (property.type !== 'Property') continue;
        const key = staticMemberName(property);
        const member = key === undefined ? undefined : trace.members?.get(key);
        if (!member) continue;
        if (member.info) this.record(property, 'read', member.info);
        this.tracePattern(property.value, member);
      }
    } else if (pattern.type === 'AssignmentPattern') {
      this.tracePattern(pattern.left, trace);
    }
  }

  traceVariable(variable: Variable, trace: Trace): void {
    const tracing = (this.#tracing ??= []);
    if (tracing.includes(variable)) return;
    tracing.push(variable);
    for (const reference of variable.references) {
      if (reference.isRead()) this.traceFrom(reference.identifier, trace);
    }
    tracing.pop();
  }

  // Functions that return a traced value: `function getConnect() { ...; return connect }`, `const api = () => fetch`.

  /** A traced value reached a `return` of `fn` (or is its arrow's body): the way there is kept for `returnedBy`. */
  reachReturn(start: TSESTree.Node, value: TSESTree.Node, trace: Trace, fn: FunctionNode | undefined): void {
    if (!fn || !mayBeGetter(fn)) return;
    const state = (this.#returns ??= {
      returning: new Set(),
      getters: new Set(),
      reached: new Map(),
      heldModules: new Set(),
    });
    for (let node = start; ; node = node.parent!) {
      noteTrace(state.reached, node, trace);
      if (node === value) break;
    }
    state.returning.add(fn);
  }

  /**
   * After the walk: each function a traced value is returned from whose every return gives that one trace carries it
   * to its calls (`getConnect().send(...)`), which may reach the returns of other functions (`() => getConnect()`):
   * judged again in rounds until none is left. A function is judged only when all its returns may have been reached.
   */
  resolveGetters(): void {
    const state = this.#returns;
    if (!state) return;
    while (state.returning.size > 0) {
      const returning = state.returning;
      state.returning = new Set();
      for (const fn of returning) {
        if (state.getters.has(fn)) continue;
        const trace = this.returnedBy(fn);
        const variable = trace === undefined ? undefined : nameVariable(this.scopeManager, fn);
        if (!variable) continue;
        state.getters.add(fn);
        this.traceCalls(fn, variable, trace!);
      }
    }
  }

  /** The one trace every return of `fn` gives, if there is one (see `traceGiven`). */
  returnedBy(fn: FunctionNode): Trace | undefined {
    const values = returnedValues(fn);
    if (!values) return undefined;
    let trace: Trace | undefined;
    for (const value of values) {
      const given = this.traceGiven(value);
      if (given === undefined || (trace !== undefined && given !== trace)) return undefined;
      trace = given;
    }
    return trace;
  }

  /**
   * The trace an expression always gives, or undefined when it may give something else: a value the walk reached
   * with one trace, a variable only ever assigned that trace (or null/undefined, a lazy singleton's start), and the
   * expressions that give one of their parts (`c || (c = x)`, `ok ? a : b`, `(c ??= x)`) when each part gives it.
   */
  traceGiven(node: TSESTree.Node): Trace | undefined {
    switch (node.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'TSNonNullExpression':
        return this.traceGiven(node.expression);
      case 'LogicalExpression':
        return node.operator === '&&' ? undefined : sameTrace(this.traceGiven(node.left), this.traceGiven(node.right));
      case 'ConditionalExpression':
        return sameTrace(this.traceGiven(node.consequent), this.traceGiven(node.alternate));
      case 'SequenceExpression':
        return this.traceGiven(node.expressions.at(-1)!);
      case 'AssignmentExpression': {
        // The walk goes on from an assignment (not from its value) when the value is traced: the way there starts
        // at the assignment, which gives the value's trace when the value is no expression of several parts.
        const value = withoutTypes(node.right);
        const assigned = hasParts(value) ? this.traceGiven(value) : (this.#returns!.reached.get(node) ?? undefined);
        if (node.operator === '=') return assigned;
        if (node.operator !== '||=' && node.operator !== '??=') return undefined;
        return sameTrace(this.traceGiven(node.left), assigned);
      }
      case 'Identifier':
        return this.variableTrace(node);
      default:
        return this.#returns!.reached.get(node) ?? undefined;
    }
  }

  /** What a variable read gives: see `traceGiven`. Parameters, functions and anything else give nothing known. */
  variableTrace(identifier: TSESTree.Identifier): Trace | undefined {
    const variable = this.findVariable(identifier);
    const def = variable?.defs.length === 1 ? variable.defs[0]! : undefined;
    if (def === undefined) return undefined;
    if (def.type === 'ImportBinding' || (def.type === 'Variable' && def.parent.kind === 'const'))
      return this.#returns!.reached.get(identifier) ?? undefined;
    if (def.type !== 'Variable') return undefined;
    let trace: Trace | undefined;
    for (const reference of variable!.references) {
      if (!reference.isWrite()) continue;
      const written = reference.identifier;
      const assignment = written.parent;
      if (
        assignment?.type === 'AssignmentExpression' &&
        assignment.left === written &&
        assignment.operator !== '=' &&
        assignment.operator !== '||=' &&
        assignment.operator !== '??='
      )
        return undefined;
      const value = reference.writeExpr ? withoutTypes(reference.writeExpr) : undefined;
      if (value && isNullish(value)) continue;
      // A write of several parts (`c = ok ? a : b`) is noted with the trace of any part that has one.
      if (value && hasParts(value)) return undefined;
      const given = this.#writes?.get(written) ?? undefined;
      if (given === undefined || (trace !== undefined && given !== trace)) return undefined;
      trace = given;
    }
    return trace;
  }

  /** Each call of a function (`fn`) that returns `trace`: it holds the value, as the function's return did. */
  traceCalls(fn: FunctionNode, variable: Variable, trace: Trace): void {
    const module = moduleOfTrace.get(trace);
    const bound = module !== undefined && this.returnsBinding(fn, module);
    const returner = module === undefined ? returnerOfTrace.get(trace) : undefined;
    for (const reference of variable.references) {
      const call = callAt(reference);
      if (!call) continue;
      this.traceFrom(call, trace);
      if (bound) {
        // The binding walk too: `api().fetch` reads the module's `fetch`, as `fetch.fetch` does.
        this.#returns!.heldModules.add(call);
        this.addReference(module, undefined, call);
      } else if (returner) {
        (this.getterCalls ??= []).push({ ...returner, node: call });
      }
    }
  }

  /**
   * True when `fn` returns only what the binding walk holds as `module`: the module's own binding (`return fetch`, an
   * import or a `const` alias of it), `require` of it, or a call of another such function. A module kept in a variable
   * assigned later (`let m = null; ... m = require(...)`) is left to the trace walk, as it is when read directly.
   */
  returnsBinding(fn: FunctionNode, module: Module): boolean {
    return returnedValues(fn)!.every((returned) => {
      const value = withoutTypes(returned);
      return (
        this.#returns!.heldModules.has(value) ||
        this.objectReads?.some((read) => read.module === module && read.node === throughTypes(value)) ||
        this.#moduleRequires?.some((entry) => entry.call === value && entry.trace === traceOfModule(module))
      );
    });
  }

  /** The statements (`import`, `export ... from`) whose specifier `bySpecifier` knows. */
  traceStatements(statements: readonly ModuleStatement[], bySpecifier: ReadonlyMap<string, Trace>): void {
    for (let index = 0; index < statements.length; index++) {
      const statement = statements[index]!;
      const trace = bySpecifier.get(statement.source!.value);
      if (!trace) continue;
      if (statement.type === 'ExportAllDeclaration') {
        this.recordExportAll(statement, trace);
        continue;
      }
      const imported = importedTrace(trace);
      const specifiers = statement.specifiers;
      for (let at = 0; at < specifiers.length; at++) this.traceSpecifier(specifiers[at]!, imported);
    }
  }

  /** `export * from`: a read of what it hands on, recorded at the statement (so once: the first method). */
  recordExportAll(statement: TSESTree.ExportAllDeclaration, trace: Trace): void {
    for (const member of trace.members?.values() ?? []) if (member.info) this.record(statement, 'read', member.info);
  }
  traceSpecifier(specifier: TSESTree.ImportClause | TSESTree.ExportSpecifier, trace: Trace): void {
    if (specifier.type === 'ImportNamespaceSpecifier') {
      const variable = this.findVariable(specifier.local);
      if (variable) this.traceVariable(variable, trace);
      return;
    }
    const name =
      specifier.type === 'ImportDefaultSpecifier'
        ? 'default'
        : exportName(specifier.type === 'ImportSpecifier' ? specifier.imported : specifier.local);
    const member = trace.members?.get(name);
    if (!member) return;
    if (member.info) this.record(specifier, 'read', member.info);
    if (specifier.type === 'ExportSpecifier') return;
    const variable = this.findVariable(specifier.local);
    if (variable) this.traceVariable(variable, member);
  }
}

/** The state of the functions returning traced values (see `FileTracker.resolveGetters`). */
interface ReturnState {
  /** Functions a traced value was returned from since they were last judged. */
  returning: Set<FunctionNode>;
  /** Functions whose calls carry what they return, once judged so. */
  readonly getters: Set<FunctionNode>;
  /** The nodes on the way from a traced value to a `return`, with the trace (null: two different ones). */
  readonly reached: Map<TSESTree.Node, Trace | null>;
  /** Calls of functions returning a module that the binding walk took as reads of it (see `returnsBinding`). */
  readonly heldModules: Set<TSESTree.Node>;
}

/** The function a `return` belongs to. */
function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let at = node.parent; at !== undefined; at = at.parent) {
    if (at.type === 'FunctionDeclaration' || at.type === 'FunctionExpression' || at.type === 'ArrowFunctionExpression')
      return at;
  }
  return undefined;
}

/**
 * True for a function whose calls may carry what it returns (see `same-file-functions.ts`): a named declaration, or an
 * arrow or function expression a `const` is bound to (the tracker leaves `let` and `var` ones). Object and class
 * methods are not. Checked where a traced value reaches a `return`, before anything is kept for the function.
 */
function mayBeGetter(fn: FunctionNode): boolean {
  if (!callGivesReturn(fn)) return false;
  const binding = nameBinding(fn);
  return binding !== undefined && (binding.type === 'FunctionDeclaration' || binding.parent.kind === 'const');
}

/**
 * What a function returns: its arrow's expression body, or the value of each `return` when the body ends with one
 * and every `return` has a value (undefined otherwise: the function may return `undefined`).
 */
function returnedValues(fn: FunctionNode): TSESTree.Expression[] | undefined {
  const body = fn.body;
  if (body.type !== 'BlockStatement') return [body];
  if (body.body.at(-1)?.type !== 'ReturnStatement') return undefined;
  const returns: TSESTree.ReturnStatement[] = [];
  collectReturns(body, returns);
  const values: TSESTree.Expression[] = [];
  for (const statement of returns) {
    if (!statement.argument) return undefined;
    values.push(statement.argument);
  }
  return values;
}

/** The `return` statements of a function body, not those of the functions and classes inside it. */
function collectReturns(statement: TSESTree.Node | null | undefined, returns: TSESTree.ReturnStatement[]): void {
  switch (statement?.type) {
    case 'ReturnStatement':
      returns.push(statement);
      return;
    case 'BlockStatement':
      for (const inner of statement.body) collectReturns(inner, returns);
      return;
    case 'IfStatement':
      collectReturns(statement.consequent, returns);
      collectReturns(statement.alternate, returns);
      return;
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
    case 'WithStatement':
      collectReturns(statement.body, returns);
      return;
    case 'SwitchStatement':
      for (const switchCase of statement.cases)
        for (const inner of switchCase.consequent) collectReturns(inner, returns);
      return;
    case 'TryStatement':
      collectReturns(statement.block, returns);
      collectReturns(statement.handler?.body, returns);
      collectReturns(statement.finalizer, returns);
      return;
    default:
      return;
  }
}

/** Notes the trace a node holds; a node holding two different ones is noted as null (it may hold either). */
function noteTrace(map: Map<TSESTree.Node, Trace | null>, node: TSESTree.Node, trace: Trace): void {
  const known = map.get(node);
  if (known !== trace) map.set(node, known === undefined ? trace : null);
}

/** The expressions whose value is one of their parts' (`a || b`, `c ? a : b`, `(x, a)`, `c = a`). */
function hasParts(node: TSESTree.Node): boolean {
  switch (node.type) {
    case 'LogicalExpression':
    case 'ConditionalExpression':
    case 'SequenceExpression':
    case 'AssignmentExpression':
      return true;
    default:
      return false;
  }
}

const sameTrace = (a: Trace | undefined, b: Trace | undefined): Trace | undefined => (a === b ? a : undefined);

/** True for the identifier a `const` declares directly (`const x = ...`): its one write is its declaration. */
function isConstBinding(pattern: TSESTree.Identifier): boolean {
  const parent = pattern.parent;
  return parent?.type === 'VariableDeclarator' && parent.id === pattern && parent.parent.kind === 'const';
}

/** `null`, `undefined` or `void 0`. */
export function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === 'Literal' && node.value === null && !('regex' in node && node.regex)) ||
    (node.type === 'Identifier' && node.name === 'undefined') ||
    (node.type === 'UnaryExpression' && node.operator === 'void')
  );
}

/**
 * The list in source order (by start, then end; equal ones keep their order). The lists are short and mostly in order
 * already: an insertion sort, not `Array#sort`'s set-up (a tenth of the tracking's time).
 */
function inSourceOrder<T extends { readonly node: TSESTree.Node }>(list: T[] | undefined): T[] {
  if (list === undefined) return [];
  for (let index = 1; index < list.length; index++) {
    const item = list[index]!;
    const range = item.node.range;
    const start = range[0];
    const end = range[1];
    let to = index;
    for (; to > 0; to--) {
      const other = list[to - 1]!.node.range;
      const otherStart = other[0];
      const otherEnd = other[1];
      if (otherStart < start || (otherStart === start && otherEnd <= end)) break;
      list[to] = list[to - 1]!;
    }
    list[to] = item;
  }
  return list;
}

export function trackModules(sourceCode: Readonly<TSESLint.SourceCode>, options: TrackOptions = {}): ModuleUsage {
  const scopeManager = sourceCode.scopeManager;
  const globalScope = scopeManager?.globalScope;
  if (!scopeManager || !globalScope)
    return {
      imports: [],
      packageImports: [],
      importsBarrel: false,
      objectReads: [],
      methodUses: [],
      moduleUses: [],
      getterCalls: [],
    };
  const tracker = new FileTracker(scopeManager, globalScope, options.physicalFilename, options.parser);
  const body = sourceCode.ast.body;
  for (let index = 0; index < body.length; index++) tracker.takeStatement(body[index]!);
  tracker.takeRest();
  tracker.traceAll();
  tracker.resolveGetters();
  return {
    imports: tracker.imports,
    packageImports: tracker.packageImports ?? [],
    importsBarrel: tracker.importsBarrel,
    objectReads: inSourceOrder(tracker.objectReads),
    methodUses: inSourceOrder(tracker.methodUses),
    moduleUses: inSourceOrder(tracker.moduleUses),
    getterCalls: inSourceOrder(tracker.getterCalls),
  };
}
