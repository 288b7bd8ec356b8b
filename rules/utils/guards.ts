import { findVariable, getStringIfConstant } from '@eslint-community/eslint-utils';
import type { ModuleUsage } from './module-tracker.js';
import type { TSESLint, TSESTree } from './rule.js';

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
 * - the places that test a variable holding the test, when nothing reassigns it (`const ok = typeof ...`).
 * Besides tests, an optional call (`mod.m?.()`, `mod?.m()`) and a use inside `try { }` (in the same function) with a
 * `catch` are protected: a missing API fails into code the app wrote for it.
 */
export interface Guards {
  /** True when `node` only runs where one of `keys` (`system.x` or `system.x.m`) is available. */
  isGuarded(node: TSESTree.Node, keys: readonly string[]): boolean;
  /** True for a read that only tests whether an API exists (`typeof mod.m`, `if (mod.m)`, `mod.m &&`): never a use. */
  isDetection(node: TSESTree.Node): boolean;
}

interface GuardedRange {
  readonly key: string;
  readonly start: number;
  readonly end: number;
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

function isUndefinedOrNull(node: Node): boolean {
  return (
    (node.type === 'Identifier' && node.name === 'undefined') ||
    (node.type === 'Literal' && node.value === null && !('regex' in node && node.regex))
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
    if (!isUndefinedOrNull(other)) return undefined;
    // `x === null` is true for a missing API only with `==`; `x === undefined` with either.
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
 * `if`/`?:`/`&&` that uses it, and into the places that read a variable holding it.
 */
function collectRanges(
  test: Node,
  key: string,
  negatedAtStart: boolean,
  sourceCode: Readonly<TSESLint.SourceCode>,
  out: GuardedRange[],
  hops = 0,
): void {
  let node = test;
  let negated = negatedAtStart;
  for (;;) {
    const parent = node.parent;
    if (!parent) return;
    if (isTransparent(parent)) {
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
        if (parent.left === node) out.push({ key, start: parent.right.range[0], end: parent.right.range[1] });
        node = parent;
      } else if (negated && parent.operator === '||') {
        node = parent;
      } else {
        return;
      }
    } else if (parent.type === 'IfStatement' && parent.test === node) {
      const taken = negated ? parent.alternate : parent.consequent;
      if (taken) out.push({ key, start: taken.range[0], end: taken.range[1] });
      if (negated && exits(parent.consequent)) {
        const rest = restOfBlock(parent);
        if (rest) out.push({ key, ...rest });
      }
      return;
    } else if (parent.type === 'ConditionalExpression' && parent.test === node) {
      const taken = negated ? parent.alternate : parent.consequent;
      out.push({ key, start: taken.range[0], end: taken.range[1] });
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
        if (reference.isRead()) collectRanges(reference.identifier, key, negated, sourceCode, out, hops + 1);
      }
      return;
    } else {
      return;
    }
  }
}

/** The `app.canIUse('@system.x')` key, or undefined when the argument is not a constant string. */
function canIUseKey(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): string | undefined {
  const argument = call.arguments[0];
  if (!argument) return undefined;
  const raw = getStringIfConstant(argument as never, sourceCode.getScope(call) as never);
  return typeof raw === 'string' ? raw.replace(/^@/u, '') : undefined;
}

/** True when `node` runs inside the `try` block of a `try`/`catch` of the same function. */
function isInsideTry(node: Node): boolean {
  let child = node;
  for (let parent = node.parent; parent && !isFunction(parent); child = parent, parent = parent.parent) {
    if (parent.type === 'TryStatement' && parent.block === child && parent.handler) return true;
  }
  return false;
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
  ranges: GuardedRange[],
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
    collectRanges(parent, `${key}.${parent.left.value}`, false, sourceCode, ranges);
    return;
  }
  const test = testOf(node);
  // A `typeof` reads nothing that can fail: never a use, whatever it is compared with.
  if (isTypeofOperand(node)) detections.add(node);
  if (!test) return;
  if (test.node === node && !isInTestPosition(node)) return;
  detections.add(node);
  collectRanges(test.node, key, test.negated, sourceCode, ranges);
}

/** Finds every guard of a file; see `Guards`. */
export function findGuards(usage: ModuleUsage, sourceCode: Readonly<TSESLint.SourceCode>): Guards {
  const ranges: GuardedRange[] = [];
  const detections = new Set<Node>();

  for (const use of usage.methodUses) {
    if (use.kind !== 'call' || use.module.name !== 'system.app' || use.member !== 'canIUse') continue;
    const call = use.node as TSESTree.CallExpression;
    const key = canIUseKey(call, sourceCode);
    if (key !== undefined) collectRanges(call, key, false, sourceCode, ranges);
  }

  // Feature detection: reads of a module binding (`mod`, `mod.m`, a destructured `m`) that form a presence test. The
  // common read, a call (`mod.m()`), tests nothing: settled here, before `detect` makes a key or looks for a test.
  const objectReads = usage.objectReads;
  for (let index = 0; index < objectReads.length; index++) {
    const read = objectReads[index]!;
    if (!isCallee(read.node)) detect(read.node, read.module.name, undefined, sourceCode, ranges, detections);
  }
  const moduleUses = usage.moduleUses;
  for (let index = 0; index < moduleUses.length; index++) {
    const use = moduleUses[index]!;
    if (!isCallee(use.node)) detect(use.node, use.module.name, use.member, sourceCode, ranges, detections);
  }

  // Which module a member read is of, for optional chains: made when a use is first asked about.
  let moduleOf: Map<Node, string> | undefined;
  return {
    isGuarded(node, keys) {
      moduleOf ??= new Map(usage.moduleUses.map((use) => [use.node, use.module.name]));
      if (isInsideTry(node) || isOptionalUse(node, keys, moduleOf)) return true;
      return ranges.some(
        (range) => keys.includes(range.key) && range.start <= node.range[0] && node.range[1] <= range.end,
      );
    },
    isDetection: (node) => detections.has(node),
  };
}
