import { findVariable, getStringIfConstant } from '@eslint-community/eslint-utils';
import { isNullish, type ApiUse, type ModuleUsage } from './module-tracker.js';
import type { TSESLint, TSESTree } from './rule.js';
import { callAt, callGivesReturn, nameVariable, type FunctionNode } from './same-file-functions.js';

/**
 * Guards: the tests real Vela apps write before using an API that some devices lack, and the code each test protects.
 *
 * A guard names a key: a module (`system.request`) or one of its members (`system.request.download`). It is either
 * `app.canIUse('@system.x[.m]')` (API level 3+) or feature detection, which is what apps below level 3 write:
 * `typeof mod.m === 'function'` (`!== 'undefined'`, `!= null`), a bare truthiness test of `mod.m` or of the module
 * object itself, and `'m' in mod`. A test protects:
 * - the branch of the `if`/`?:` it selects, and the right side of `&&` (`mod.m && mod.m()`), through `!`, `&&`/`||`
 *   chains (`!mod || typeof mod.m !== 'function'` is a "not available" test) and `else`;
 * - the rest of the enclosing block after `if (not available) return|throw|continue|break` (only that block: an exit
 *   inside a `switch` case or a callback protects nothing after the `switch` or outside the callback);
 * - the places that test a variable holding the test, when nothing reassigns it (`const ok = typeof ...`);
 * - the places that test a call of a helper function returning the test, in the same file, when nothing reassigns
 *   its name (`function canRecord() { return app.canIUse('@system.record') }`, `const hasNet = () => !!fetch.fetch`;
 *   not async helpers, whose promise is always truthy);
 * - the places that test a page's flag holding the test (`this.hasNet = typeof ...`, or its data starting as the test:
 *   `private: { hasNet: typeof ... }`), when every write of it in the file is that test or `false` (`flagRanges`);
 * - the places that read a property of a `const` object literal holding the test (`const caps = { net: typeof ... }`,
 *   then `if (caps.net)`), when the file only reads `caps.<name>` and does not export it.
 * A page's `this.$canIUse(...)` tests like `app.canIUse`; so does a call of any function named `canUse`, `canIUse` or
 * `$canIUse` with a constant `'@system.x[.m]'` (an app's own wrapper, `this.$app.$def.canUse(...)`, awaited or not):
 * velakit cannot see into it, and a function of that name asked about that API is a test of it.
 * A member read into a variable nothing assigns again (`const sub = sensor.subscribeCompass`, or `sensor[name]`) is
 * followed to the variable's reads: a presence test of it (`typeof sub !== 'function'`) is a test of that member (of
 * the module, for a computed name), and the read itself is no use when every read of the variable is such a test or
 * runs only where one passed (`aliasRanges`).
 * Besides tests, an optional call (`mod.m?.()`, `mod?.m()`) and a use inside `try { }` (in the same function) with a
 * `catch` are protected: a missing API fails into code the app wrote for it. So is a use in a Promise executor whose
 * promise is awaited inside such a `try`, or caught (`.catch(handler)`): the executor runs at once, and what it
 * throws becomes the rejection that the `await` throws again or the handler receives.
 */
export interface Guards {
  /** True when `node` only runs where one of `keys` (`system.x` or `system.x.m`) is available. */
  isGuarded(node: TSESTree.Node, keys: readonly string[]): boolean;
  /** True for a read that only tests whether an API exists (`typeof mod.m`, `if (mod.m)`, `mod.m &&`): never a use. */
  isDetection(node: TSESTree.Node): boolean;
  /** Every `this.$canIUse(...)` call, in source order (a page's `app.canIUse`, which needs an API level of its own). */
  readonly thisCanIUseCalls: readonly TSESTree.CallExpression[];
}

interface GuardedRange {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/**
 * An "available" test written to a page's flag: assigned to a property of `this` (`this.hasNet = typeof fetch.fetch
 * === 'function'`), or the flag's starting value in the page's data (`private: { hasNet: typeof ... }`).
 */
interface FlagTest {
  readonly name: string;
  readonly key: string;
  readonly write: FlagWrite;
}

/** A write of a flag: `this.name = value`, or `name: value` in an object literal (the page's data). */
type FlagWrite = TSESTree.AssignmentExpression | TSESTree.Property;

/** What the tests of a file protect; `flags` is undefined where a flag's reads are being followed (no chains). */
interface Found {
  readonly ranges: GuardedRange[];
  readonly flags: FlagTest[] | undefined;
}

type Node = TSESTree.Node;

/** How deep a test is followed through variables that hold it (`const a = test; const b = a && x`). */
const maxVariableHops = 4;

/** Statements after which the rest of their block does not run. */
function exits(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
    case 'ContinueStatement':
    case 'BreakStatement':
      return true;
    case 'BlockStatement': {
      const last = statement.body.at(-1);
      return last !== undefined && exits(last);
    }
    case 'IfStatement':
      return statement.alternate !== null && exits(statement.consequent) && exits(statement.alternate);
    default:
      return false;
  }
}

function isTransparent(node: Node): boolean {
  return (
    node.type === 'ChainExpression' ||
    node.type === 'TSNonNullExpression' ||
    node.type === 'TSAsExpression' ||
    node.type === 'TSSatisfiesExpression'
  );
}

function isFunction(node: Node): boolean {
  return (
    node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression'
  );
}

const equality = new Set(['===', '!==', '==', '!=']);

/**
 * The test a read of an API forms with what surrounds it, as the node whose truth means "available" and whether that
 * truth is negated: `typeof x === 'function'` (and `'object'`, `!== 'undefined'`), `x !== undefined`, `x != null`,
 * or the read itself (truthiness). Undefined for comparisons that say nothing about presence (`typeof x === 'string'`).
 */
function testOf(read: Node): { node: Node; negated: boolean } | undefined {
  let node = read;
  while (node.parent && isTransparent(node.parent)) node = node.parent;
  const parent = node.parent;
  if (parent?.type === 'UnaryExpression' && parent.operator === 'typeof') {
    const comparison = parent.parent;
    if (comparison?.type !== 'BinaryExpression' || !equality.has(comparison.operator)) return undefined;
    const other = comparison.left === parent ? comparison.right : comparison.left;
    if (other.type !== 'Literal' || typeof other.value !== 'string') return undefined;
    const equal = comparison.operator === '===' || comparison.operator === '==';
    if (other.value === 'undefined') return { node: comparison, negated: equal };
    if (other.value === 'function' || other.value === 'object') return { node: comparison, negated: !equal };
    return undefined;
  }
  if (parent?.type === 'BinaryExpression' && equality.has(parent.operator)) {
    const other = parent.left === node ? parent.right : parent.left;
    // `x !== void 0` tests presence as `x !== undefined` does: a `void` expression is always undefined.
    if (!isNullish(other)) return undefined;
    // `x === null` is true for a missing API only with `==`; `x === undefined` (`void 0`) with either.
    if (other.type === 'Literal' && (parent.operator === '===' || parent.operator === '!==')) return undefined;
    return { node: parent, negated: parent.operator === '===' || parent.operator === '==' };
  }
  return { node, negated: false };
}

function isTypeofOperand(node: Node): boolean {
  while (node.parent && isTransparent(node.parent)) node = node.parent;
  return node.parent?.type === 'UnaryExpression' && node.parent.operator === 'typeof';
}

/** True when `node` (a test) is used only for its truth: an `if`/`?:`/loop test, a `!` operand, or a `&&`/`||` side that is. */
function isInTestPosition(node: Node): boolean {
  for (;;) {
    const parent = node.parent;
    if (!parent) return false;
    if (isTransparent(parent)) {
      node = parent;
      continue;
    }
    switch (parent.type) {
      case 'UnaryExpression':
        return parent.operator === '!';
      case 'IfStatement':
      case 'ConditionalExpression':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
        return 'test' in parent && parent.test === node;
      case 'LogicalExpression':
        if (parent.left === node) return true;
        node = parent;
        continue;
      default:
        return false;
    }
  }
}

/** The block an early exit leaves: its statements after the exiting `if` run only when the test said "available". */
function restOfBlock(statement: TSESTree.IfStatement): { start: number; end: number } | undefined {
  const container = statement.parent;
  if (
    container.type === 'BlockStatement' ||
    container.type === 'Program' ||
    container.type === 'StaticBlock' ||
    container.type === 'SwitchCase'
  ) {
    return { start: statement.range[1], end: container.range[1] };
  }
  return undefined;
}

/**
 * Records the ranges a test protects, climbing from the test through `!`, boolean comparisons, `&&`, `||` to the
 * `if`/`?:`/`&&` that uses it, and into the places that read a variable holding it. A test assigned to `this.name`
 * is noted in `found.flags`, for `flagRanges` to follow once every test of the file is known.
 */
function collectRanges(
  test: Node,
  key: string,
  negatedAtStart: boolean,
  sourceCode: Readonly<TSESLint.SourceCode>,
  found: Found,
  hops = 0,
): void {
  let node = test;
  let negated = negatedAtStart;
  for (;;) {
    const parent = node.parent;
    if (!parent) return;
    // `await canUse(...)`: an app's wrapper may answer with a promise; awaited, it is the same test.
    if (isTransparent(parent) || parent.type === 'AwaitExpression') {
      node = parent;
    } else if (parent.type === 'UnaryExpression' && parent.operator === '!') {
      negated = !negated;
      node = parent;
    } else if (parent.type === 'BinaryExpression' && equality.has(parent.operator)) {
      // `test === true`, `test !== false`, `false === test`: only a comparison with a boolean literal keeps the meaning.
      const other = parent.left === node ? parent.right : parent.left;
      if (other.type !== 'Literal' || typeof other.value !== 'boolean') return;
      const equal = parent.operator === '===' || parent.operator === '==';
      if (equal !== other.value) negated = !negated;
      node = parent;
    } else if (parent.type === 'LogicalExpression') {
      // `ok && use()` protects its right side; `ok && other` stays an "available" test, `!ok || other` a "missing" one.
      if (!negated && parent.operator === '&&') {
        if (parent.left === node) found.ranges.push({ key, start: parent.right.range[0], end: parent.right.range[1] });
        node = parent;
      } else if (negated && parent.operator === '||') {
        node = parent;
      } else {
        return;
      }
    } else if (parent.type === 'IfStatement' && parent.test === node) {
      const taken = negated ? parent.alternate : parent.consequent;
      if (taken) found.ranges.push({ key, start: taken.range[0], end: taken.range[1] });
      if (negated && exits(parent.consequent)) {
        const rest = restOfBlock(parent);
        if (rest) found.ranges.push({ key, ...rest });
      }
      return;
    } else if (parent.type === 'ConditionalExpression' && parent.test === node) {
      const taken = negated ? parent.alternate : parent.consequent;
      found.ranges.push({ key, start: taken.range[0], end: taken.range[1] });
      return;
    } else if (
      parent.type === 'VariableDeclarator' &&
      parent.init === node &&
      parent.id.type === 'Identifier' &&
      hops < maxVariableHops
    ) {
      // `const ok = test`: every place that reads `ok` is the test again, unless something assigns `ok` later.
      const variable = findVariable(
        sourceCode.getScope(parent) as never,
        parent.id as never,
      ) as TSESLint.Scope.Variable | null;
      if (!variable || variable.defs.length !== 1) return;
      if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return;
      for (const reference of variable.references) {
        if (reference.isRead()) collectRanges(reference.identifier, key, negated, sourceCode, found, hops + 1);
      }
      return;
    } else if (
      (parent.type === 'ReturnStatement' || parent.type === 'ArrowFunctionExpression') &&
      hops < maxVariableHops
    ) {
      // `function canRecord() { return app.canIUse(...) }`: every call of the helper is the test again.
      const helper = helperOf(parent, node);
      const variable = helper && sourceCode.scopeManager && nameVariable(sourceCode.scopeManager, helper);
      if (!variable) return;
      for (const reference of variable.references) {
        const call = callAt(reference);
        if (call) collectRanges(call, key, negated, sourceCode, found, hops + 1);
      }
      return;
    } else if (parent.type === 'AssignmentExpression' && parent.right === node) {
      // `this.hasNet = test`: an "available" flag only (see `flagRanges`).
      const name = parent.operator === '=' && !negated ? thisPropertyName(parent.left) : undefined;
      if (name !== undefined) found.flags?.push({ name, key, write: parent });
      return;
    } else if (parent.type === 'Property' && parent.value === node && !negated) {
      // `private: { hasNet: test }`: the page's data starts as the test (a flag, see `flagRanges`); and
      // `const caps = { net: test }`: every `caps.net` is the test again.
      const name = dataPropertyName(parent);
      if (name === undefined) return;
      found.flags?.push({ name, key, write: parent });
      if (hops < maxVariableHops) followMapReads(parent, name, key, sourceCode, found, hops);
      return;
    } else {
      return;
    }
  }
}

/**
 * The name of a plain `name: value` property of an object literal that may be a page's data (not `public`,
 * `protected` or `props`, which a route or the parent overwrite), else undefined.
 */
function dataPropertyName(property: TSESTree.Property): string | undefined {
  if (property.computed || property.kind !== 'init' || property.method) return undefined;
  if (property.parent.type !== 'ObjectExpression' || !isDataHolder(property.parent)) return undefined;
  const key = property.key;
  if (key.type === 'Identifier') return key.name;
  return key.type === 'Literal' && typeof key.value === 'string' ? key.value : undefined;
}

/** False for the object of a `public`, `protected` or `props` property: a route's parameters or the parent set those. */
function isDataHolder(object: TSESTree.ObjectExpression): boolean {
  const holder = object.parent;
  if (holder?.type !== 'Property' || holder.value !== object) return true;
  const key = holder.key;
  const holderName = key.type === 'Identifier' ? key.name : key.type === 'Literal' ? key.value : undefined;
  return holderName !== 'public' && holderName !== 'protected' && holderName !== 'props';
}

/**
 * `const caps = { net: test }`: each `caps.net` read is the test again, when `caps` is a `const` only ever read as
 * `caps.<name>` (no write of a property, no `caps` handed elsewhere, where it could change).
 */
function followMapReads(
  property: TSESTree.Property,
  name: string,
  key: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
  found: Found,
  hops: number,
): void {
  let object: Node = property.parent;
  while (object.parent && isTransparent(object.parent)) object = object.parent;
  const declarator = object.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== object || declarator.id.type !== 'Identifier')
    return;
  if (declarator.parent.type !== 'VariableDeclaration' || declarator.parent.kind !== 'const') return;
  // An exported map may be changed by the files that import it.
  if (declarator.parent.parent.type === 'ExportNamedDeclaration') return;
  const variable = findVariable(
    sourceCode.getScope(declarator) as never,
    declarator.id as never,
  ) as TSESLint.Scope.Variable | null;
  if (!variable || variable.defs.length !== 1) return;
  const reads: TSESTree.MemberExpression[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    const member = reference.identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== reference.identifier || member.computed) return;
    if (flagWrite(member) !== undefined) return;
    if (member.property.type === 'Identifier' && member.property.name === name) reads.push(member);
  }
  for (const read of reads) collectRanges(read, key, false, sourceCode, found, hops + 1);
}

/**
 * The function whose result is always `test`: an arrow whose body is the test (`() => test`), or a function whose
 * body ends in `return test` after declarations and expression statements only (so no other `return`). Neither async
 * nor a generator (`callGivesReturn`: their result is a promise or an iterator, always truthy). Undefined for anything
 * else. Its calls are those `same-file-functions.ts` finds through the one name it is bound to.
 */
function helperOf(
  parent: TSESTree.ReturnStatement | TSESTree.ArrowFunctionExpression,
  test: Node,
): FunctionNode | undefined {
  let fn: FunctionNode;
  if (parent.type === 'ArrowFunctionExpression') {
    if (parent.body !== test) return undefined;
    fn = parent;
  } else {
    if (parent.argument !== test) return undefined;
    const body = parent.parent;
    if (body.type !== 'BlockStatement' || body.body.at(-1) !== parent || !body.parent || !isFunction(body.parent))
      return undefined;
    for (const statement of body.body) {
      if (statement !== parent && statement.type !== 'VariableDeclaration' && statement.type !== 'ExpressionStatement')
        return undefined;
    }
    fn = body.parent as FunctionNode;
  }
  return callGivesReturn(fn) ? fn : undefined;
}

/** `name` for `this.name` (not computed), else undefined. */
function thisPropertyName(node: Node): string | undefined {
  return node.type === 'MemberExpression' &&
    !node.computed &&
    node.object.type === 'ThisExpression' &&
    node.property.type === 'Identifier'
    ? node.property.name
    : undefined;
}

/**
 * The key an `app.canIUse('@system.x')` (or a page's or wrapper's) call tests: its constant argument without the `@`
 * (`system.x`; other strings test no module), or undefined when the argument is not a constant string.
 */
function canIUseKey(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  const argument = call.arguments[0];
  if (!argument) return undefined;
  const raw = getStringIfConstant(argument as never, sourceCode.getScope(call) as never);
  return typeof raw === 'string' ? raw.replace(/^@/u, '') : undefined;
}

/**
 * True when `node` runs inside the `try` block of a `try`/`catch` of the same function, or in a Promise executor
 * whose rejection is handled (`promiseHandling`): awaited inside such a `try`, or caught.
 */
function isInsideTry(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  let child = node;
  let parent = node.parent;
  while (parent) {
    if (parent.type === 'TryStatement' && parent.block === child && parent.handler) return true;
    if (isFunction(parent)) {
      const handling = promiseHandling(parent, sourceCode);
      if (handling === 'caught') return true;
      if (handling === undefined) return false;
      // Awaited: the rejection is thrown again where the `await` is, in the function around it.
      parent = handling;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/**
 * For a function that is a Promise executor (`new Promise((resolve, reject) => ...)`, not `async`: an async
 * executor's throw rejects its own promise, not this one), how a rejection of that promise is handled: `'caught'` by
 * `.catch(handler)` or `.then(onFulfilled, onRejected)`, after any `.then(f)`/`.finally(f)`; or the `await` that
 * throws it again. Undefined when nothing handles it (returned, stored, not awaited).
 */
function promiseHandling(
  executor: Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): 'caught' | TSESTree.AwaitExpression | undefined {
  if (executor.type === 'FunctionDeclaration' || (executor as TSESTree.FunctionLike).async) return undefined;
  const construct = executor.parent;
  if (
    construct?.type !== 'NewExpression' ||
    construct.arguments[0] !== executor ||
    construct.callee.type !== 'Identifier' ||
    construct.callee.name !== 'Promise'
  )
    return undefined;
  // A `Promise` the file declares itself is not the built-in one.
  const variable = findVariable(sourceCode.getScope(construct) as never, 'Promise') as TSESLint.Scope.Variable | null;
  if (variable && variable.defs.length > 0) return undefined;
  let node: Node = construct;
  for (;;) {
    while (node.parent && isTransparent(node.parent)) node = node.parent;
    const parent: Node | undefined = node.parent;
    if (parent?.type === 'AwaitExpression') return parent;
    if (parent?.type !== 'MemberExpression' || parent.object !== node || parent.computed) return undefined;
    const call: Node | undefined = parent.parent;
    if (call?.type !== 'CallExpression' || call.callee !== parent || parent.property.type !== 'Identifier')
      return undefined;
    const method = parent.property.name;
    if (method === 'catch' && isHandler(call.arguments[0])) return 'caught';
    if (method === 'then' && isHandler(call.arguments[1])) return 'caught';
    if (method !== 'then' && method !== 'finally') return undefined;
    node = call;
  }
}

/** True for an argument that may be a rejection handler: present, and not `undefined`, `void 0` or `null`. */
function isHandler(argument: Node | undefined): boolean {
  return argument !== undefined && argument.type !== 'SpreadElement' && !isNullish(argument);
}

/** The call of which `node` is the callee, or `node` itself when it is a call. */
function callOf(node: Node): TSESTree.CallExpression | undefined {
  if (node.type === 'CallExpression') return node;
  const parent = node.parent;
  return parent?.type === 'CallExpression' && parent.callee === node ? parent : undefined;
}

/**
 * True when an optional chain protects the use of `keys` at `node`: `mod.m?.()` protects the call of `mod.m` (and a
 * missing module's member), `mod?.m()` only against a missing module (`moduleOf` names the module a member read is of).
 */
function isOptionalUse(node: Node, keys: readonly string[], moduleOf: ReadonlyMap<Node, string>): boolean {
  if (callOf(node)?.optional) return true;
  const member = node.type === 'CallExpression' ? node.callee : node;
  if (member.type !== 'MemberExpression' || !member.optional) return false;
  const module = moduleOf.get(member);
  return module !== undefined && keys.includes(module);
}

/** True for the callee of a call (`mod.m` in `mod.m()`). */
function isCallee(node: Node): boolean {
  const parent = node.parent;
  return parent?.type === 'CallExpression' && parent.callee === node;
}

/**
 * A read of a module binding that is not a call: when it forms a presence test (`'m' in mod`, `typeof mod.m`,
 * `if (mod.m)`), the read is a detection and the code the test guards is a guarded range. Apart from `findGuards`,
 * whose loops call it only for reads that are not calls, so V8 does not compile it into them.
 */
function detect(
  node: Node,
  module: string,
  member: string | undefined,
  sourceCode: Readonly<TSESLint.SourceCode>,
  found: Found,
  detections: Set<Node>,
): void {
  const parent = node.parent;
  const key = member === undefined ? module : `${module}.${member}`;
  // `'m' in mod`
  if (
    parent?.type === 'BinaryExpression' &&
    parent.operator === 'in' &&
    parent.right === node &&
    parent.left.type === 'Literal' &&
    typeof parent.left.value === 'string'
  ) {
    detections.add(node);
    collectRanges(parent, `${key}.${parent.left.value}`, false, sourceCode, found);
    return;
  }
  const test = testOf(node);
  // A `typeof` reads nothing that can fail: never a use, whatever it is compared with.
  if (isTypeofOperand(node)) detections.add(node);
  if (!test) return;
  if (test.node === node && !isInTestPosition(node)) return;
  detections.add(node);
  collectRanges(test.node, key, test.negated, sourceCode, found);
}

/** A member read kept in a variable: the read, the keys a test of the variable is about, the variable's reads. */
interface Alias {
  readonly init: Node;
  readonly keys: readonly string[];
  readonly reads: readonly Node[];
}

/**
 * `const sub = mod.m` (or `mod[name]`, or a `let` nothing assigns again): each read of `sub` that tests it
 * (`typeof sub !== 'function'`, `if (sub)`) is a test of `mod.m` (of `mod`, when the name is computed), recorded as
 * `detect` records the module's own reads. Undefined for other declarations. Apart from `findGuards`: few reads come
 * here.
 */
function aliasOf(
  use: ApiUse,
  sourceCode: Readonly<TSESLint.SourceCode>,
  found: Found,
  detections: Set<Node>,
): Alias | undefined {
  const declarator = use.node.parent as TSESTree.VariableDeclarator;
  if (declarator.init !== use.node || declarator.id.type !== 'Identifier') return undefined;
  const variable = findVariable(
    sourceCode.getScope(declarator) as never,
    declarator.id as never,
  ) as TSESLint.Scope.Variable | null;
  if (!variable || variable.defs.length !== 1) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  const module = use.module.name;
  const reads: Node[] = [];
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const read = reference.identifier as Node;
    reads.push(read);
    if (!isCallee(read)) detect(read, module, use.member, sourceCode, found, detections);
  }
  const keys = use.member === undefined ? [module] : [module, `${module}.${use.member}`];
  return { init: use.node, keys, reads };
}

/**
 * The reads into variables (see `aliasOf`) whose every later read is a test or runs only where a test passed: reading
 * a member is harmless where it is missing (it gives `undefined`), so such a read is no use of it.
 */
function aliasRanges(
  aliases: readonly Alias[],
  detections: Set<Node>,
  isGuarded: (node: Node, keys: readonly string[]) => boolean,
): void {
  for (const alias of aliases) {
    if (alias.reads.every((read) => detections.has(read) || isGuarded(read, alias.keys))) detections.add(alias.init);
  }
}

/** The names a call that tests an API goes by: `app.canIUse`, a page's `this.$canIUse`, an app's `canUse` wrapper. */
const testCallName = /canI?Use/gu;
const testCallNames = new Set(['canIUse', '$canIUse', 'canUse']);

/**
 * The tests made by calls velakit finds by name rather than by the module they come from, found in the text (the
 * module tracker walks only from imports): `this.$canIUse(...)` and wrappers (see `Guards`). `tracked` holds the
 * `app.canIUse` calls already taken. Returns the `this.$canIUse` calls.
 */
function findTestCalls(
  sourceCode: Readonly<TSESLint.SourceCode>,
  tracked: ReadonlySet<Node>,
  found: Found,
  detections: Set<Node>,
): TSESTree.CallExpression[] {
  const thisCalls: TSESTree.CallExpression[] = [];
  for (const match of sourceCode.text.matchAll(testCallName)) {
    const name = sourceCode.getNodeByRangeIndex(match.index) as Node | null;
    // Each identifier holds one match: `canIUse` and `canUse` cannot overlap.
    if (name?.type !== 'Identifier' || !testCallNames.has(name.name)) continue;
    const parent = name.parent;
    const member = parent?.type === 'MemberExpression' && parent.property === name && !parent.computed;
    const callee = member ? parent : name;
    const isThisCanIUse = member && parent.object.type === 'ThisExpression' && name.name === '$canIUse';
    const call = callOf(callee);
    if (!call || call.callee !== callee) {
      // `typeof this.$canIUse === 'function'`: the page's detection of `app.canIUse`, for its API level.
      if (isThisCanIUse) detect(callee, 'system.app', 'canIUse', sourceCode, found, detections);
      continue;
    }
    if (tracked.has(call)) continue;
    if (isThisCanIUse) thisCalls.push(call);
    const key = canIUseKey(call, sourceCode);
    if (key !== undefined) collectRanges(call, key, false, sourceCode, found);
  }
  return thisCalls;
}

/** Characters that continue an identifier: a match of a flag's name next to one is part of another name. */
const identifierPart = /[\p{ID_Continue}$\u200c\u200d]/u;

/** Where a file writes and reads the flag `name` (`this.name`); undefined when it writes it in a way not followed. */
interface FlagSites {
  readonly writes: FlagWrite[];
  readonly reads: TSESTree.MemberExpression[];
}

/**
 * Every place the file names the flag `name`, found in the text. A flag is followed only when each write is plain:
 * `this.name = value` or `name: value` in an object literal (a page's `private` data), the values checked by
 * `flagRanges`. Anything else that could set it is not followed: another operator (`||=`, `++`, `delete`), a write to
 * another object's `name` or through destructuring, a class field, `name` in `public`/`protected` (which a route's
 * parameters overwrite) or `props` (which the parent sets), and the name as a string (`this['name'] = ...`,
 * `props: ['name']`).
 */
function flagSites(name: string, sourceCode: Readonly<TSESLint.SourceCode>): FlagSites | undefined {
  const text = sourceCode.text;
  const sites: FlagSites = { writes: [], reads: [] };
  for (let index = text.indexOf(name); index >= 0; index = text.indexOf(name, index + name.length)) {
    if (identifierPart.test(text[index - 1] ?? '') || identifierPart.test(text[index + name.length] ?? '')) continue;
    const node = sourceCode.getNodeByRangeIndex(index) as Node | null;
    if (!node) continue;
    if (node.type === 'Literal') {
      if (node.value !== name) continue;
      if (node.parent?.type !== 'Property' || node.parent.key !== node || node.parent.computed) return undefined;
      if (!dataWrite(node.parent, sites)) return undefined;
    } else if (node.type === 'TemplateElement') {
      if (node.value.cooked === name) return undefined;
    } else if (node.type === 'Identifier' && node.name === name) {
      const parent = node.parent;
      if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) {
        const write = flagWrite(parent);
        if (write === 'other') return undefined;
        if (write) sites.writes.push(write);
        else if (parent.object.type === 'ThisExpression') sites.reads.push(parent);
      } else if (parent?.type === 'Property' && parent.key === node && !parent.computed) {
        // `{ name } = this` reads it; an object literal's `name:` may end up on the page.
        if (parent.parent.type === 'ObjectExpression' && !dataWrite(parent, sites)) return undefined;
      } else if (
        (parent?.type === 'PropertyDefinition' || parent?.type === 'MethodDefinition') &&
        parent.key === node
      ) {
        return undefined;
      }
    }
  }
  return sites;
}

/**
 * An object literal's `name: value`, where the page's data may be: followed when it is data (not `public`, `protected`
 * or `props`) and a plain value, noted in `sites` for `flagRanges` to check (`false`, or the test of the flag).
 */
function dataWrite(property: TSESTree.Property, sites: FlagSites): boolean {
  if (property.kind !== 'init' || property.method || property.parent.type !== 'ObjectExpression') return false;
  if (!isDataHolder(property.parent)) return false;
  sites.writes.push(property);
  return true;
}

/** The value a flag write gives the flag. */
function writtenValue(write: FlagWrite): Node {
  return write.type === 'Property' ? write.value : write.right;
}

/**
 * How a member read `x.name` is written: the assignment of `this.name = value`, `'other'` for any other write
 * (another operator, another object, a pattern, `delete`), undefined for a read.
 */
function flagWrite(member: TSESTree.MemberExpression): FlagWrite | 'other' | undefined {
  let node: Node = member;
  while (node.parent && isTransparent(node.parent)) node = node.parent;
  const parent = node.parent;
  switch (parent?.type) {
    case 'AssignmentExpression':
      if (parent.left !== node) return undefined;
      return parent.operator === '=' && member.object.type === 'ThisExpression' ? parent : 'other';
    case 'UpdateExpression':
    case 'ArrayPattern':
    case 'RestElement':
      return 'other';
    case 'UnaryExpression':
      return parent.operator === 'delete' ? 'other' : undefined;
    case 'AssignmentPattern':
      return parent.left === node ? 'other' : undefined;
    case 'Property':
      return parent.parent.type === 'ObjectPattern' && parent.value === node ? 'other' : undefined;
    case 'ForInStatement':
    case 'ForOfStatement':
      return parent.left === node ? 'other' : undefined;
    default:
      return undefined;
  }
}

/**
 * The places that test a flag (`if (!this.hasNet) return`) guard what its writes test: for each flag name, the keys
 * every write of it tests (`this.hasNet = typeof fetch.fetch === 'function'`, `= app.canIUse('@system.fetch')`), a
 * write of `false` testing anything. Only "available" flags are followed: until its first write a flag is undefined,
 * which says "missing" (so a test of it passes only after a write), whereas a "missing" flag would say "available".
 */
function flagRanges(flags: readonly FlagTest[], sourceCode: Readonly<TSESLint.SourceCode>, found: Found): void {
  const names = new Set(flags.map((flag) => flag.name));
  for (const name of names) {
    const sites = flagSites(name, sourceCode);
    if (!sites) continue;
    const keys = new Set(flags.filter((flag) => flag.name === name).map((flag) => flag.key));
    for (const key of keys) {
      const everyWrite = sites.writes.every((write) => {
        const value = writtenValue(write);
        return (
          (value.type === 'Literal' && value.value === false) ||
          flags.some((flag) => flag.write === write && flag.key === key)
        );
      });
      if (!everyWrite) continue;
      // `flags: undefined`: a flag copied into another flag is not followed further.
      for (const read of sites.reads)
        collectRanges(read, key, false, sourceCode, { ranges: found.ranges, flags: undefined });
    }
  }
}

/** Finds every guard of a file; see `Guards`. */
export function findGuards(usage: ModuleUsage, sourceCode: Readonly<TSESLint.SourceCode>): Guards {
  const found: Found = { ranges: [], flags: [] };
  const detections = new Set<Node>();
  const tracked = new Set<Node>();

  for (const use of usage.methodUses) {
    if (use.kind !== 'call' || use.module.name !== 'system.app' || use.member !== 'canIUse') continue;
    const call = use.node as TSESTree.CallExpression;
    tracked.add(call);
    const key = canIUseKey(call, sourceCode);
    if (key !== undefined) collectRanges(call, key, false, sourceCode, found);
  }

  // Feature detection: reads of a module binding (`mod`, `mod.m`, a destructured `m`) that form a presence test. The
  // common read, a call (`mod.m()`), tests nothing: settled here, before `detect` makes a key or looks for a test.
  const objectReads = usage.objectReads;
  for (let index = 0; index < objectReads.length; index++) {
    const read = objectReads[index]!;
    if (!isCallee(read.node)) detect(read.node, read.module.name, undefined, sourceCode, found, detections);
  }
  const moduleUses = usage.moduleUses;
  // Member reads kept in a variable (`const sub = sensor[name]`): rare, followed once the other tests are known.
  let aliases: Alias[] | undefined;
  for (let index = 0; index < moduleUses.length; index++) {
    const use = moduleUses[index]!;
    if (isCallee(use.node)) continue;
    detect(use.node, use.module.name, use.member, sourceCode, found, detections);
    if (use.node.parent?.type === 'VariableDeclarator') {
      const alias = aliasOf(use, sourceCode, found, detections);
      if (alias) (aliases ??= []).push(alias);
    }
  }

  const thisCanIUseCalls = findTestCalls(sourceCode, tracked, found, detections);
  if (found.flags!.length > 0) flagRanges(found.flags!, sourceCode, found);

  const ranges = found.ranges;
  // Which module a member read is of, for optional chains: made when a use is first asked about.
  let moduleOf: Map<Node, string> | undefined;
  const isGuarded = (node: Node, keys: readonly string[]): boolean => {
    moduleOf ??= new Map(usage.moduleUses.map((use) => [use.node, use.module.name]));
    if (isInsideTry(node, sourceCode) || isOptionalUse(node, keys, moduleOf)) return true;
    return ranges.some(
      (range) => keys.includes(range.key) && range.start <= node.range[0] && node.range[1] <= range.end,
    );
  };
  if (aliases) aliasRanges(aliases, detections, isGuarded);
  return {
    isGuarded,
    isDetection: (node) => detections.has(node),
    thisCanIUseCalls,
  };
}
