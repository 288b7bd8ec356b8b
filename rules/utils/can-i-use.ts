import { findVariable, getStringIfConstant } from '@eslint-community/eslint-utils';
import type { ModuleUsage } from './module-tracker.js';
import type { TSESLint, TSESTree } from './rule.js';

/** A stretch of source that only runs when `app.canIUse(key)` said yes. */
interface GuardedRange {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

export interface Guards {
  /** True when `node` only runs after `app.canIUse(k)` returned true for one of `keys` (`system.x` or `system.x.method`). */
  isGuarded(node: TSESTree.Node, keys: readonly string[]): boolean;
}

const noGuards: Guards = { isGuarded: () => false };

/** Statements that end the block they are in: `return`, `throw`, or a block whose last statement does. */
function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  if (statement.type === 'BlockStatement') {
    const last = statement.body.at(-1);
    return last !== undefined && exits(last);
  }
  return false;
}

function isTransparent(node: TSESTree.Node): boolean {
  return node.type === 'ChainExpression' || node.type === 'TSNonNullExpression' || node.type === 'TSAsExpression';
}

/** The ranges a check guards, climbing from the check through `!`, `&&`, `||` to the `if`/`?:`/`&&` that uses it. */
function rangesGuardedBy(check: TSESTree.Node, key: string, out: GuardedRange[]): void {
  let node: TSESTree.Node = check;
  let negated = false;
  for (;;) {
    const parent = node.parent;
    if (!parent) return;
    if (isTransparent(parent)) {
      node = parent;
    } else if (parent.type === 'UnaryExpression' && parent.operator === '!') {
      negated = !negated;
      node = parent;
    } else if (parent.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator)) {
      // `app.canIUse(x) === true`, `... !== false`, `... === false`: a comparison with a boolean literal.
      const other = parent.left === node ? parent.right : parent.left;
      if (other.type !== 'Literal' || typeof other.value !== 'boolean') return;
      const equal = parent.operator === '===' || parent.operator === '==';
      if (equal !== other.value) negated = !negated;
      node = parent;
    } else if (parent.type === 'LogicalExpression') {
      // `ok && use()` guards its right side; `!ok || other` stays a "not available" test, `ok && other` an "available" one.
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
        // `if (!app.canIUse(x)) return;` guards the rest of the enclosing block.
        const container = parent.parent;
        if (container.type === 'BlockStatement' || container.type === 'Program' || container.type === 'StaticBlock') {
          out.push({ key, start: parent.range[1], end: container.range[1] });
        } else if (container.type === 'SwitchCase') {
          out.push({ key, start: parent.range[1], end: container.range[1] });
        }
      }
      return;
    } else if (parent.type === 'ConditionalExpression' && parent.test === node) {
      const taken = negated ? parent.alternate : parent.consequent;
      out.push({ key, start: taken.range[0], end: taken.range[1] });
      return;
    } else {
      return;
    }
  }
}

/**
 * Finds `app.canIUse('@system.x')` checks (`app` being `@system.app`, however imported) and the code they guard:
 * the branch of an `if`, `?:` or `&&` they test, and the rest of the block after `if (!app.canIUse(...)) return`.
 * A check stored in a `const` is followed to the places that test the constant.
 */
export function findGuards(usage: ModuleUsage, sourceCode: Readonly<TSESLint.SourceCode>): Guards {
  const checks = usage.methodUses.filter((use) => use.kind === 'call' && use.module.name === 'system.app' && use.member === 'canIUse');
  if (checks.length === 0) return noGuards;
  const ranges: GuardedRange[] = [];
  for (const check of checks) {
    const call = check.node as TSESTree.CallExpression;
    const scope = sourceCode.getScope(call);
    const argument = call.arguments[0];
    const raw = argument ? getStringIfConstant(argument as never, scope as never) : null;
    if (raw === null || raw === undefined) continue;
    const key = raw.replace(/^@/u, '');
    rangesGuardedBy(call, key, ranges);
    const parent = call.parent;
    if (parent.type === 'VariableDeclarator' && parent.init === call && parent.id.type === 'Identifier' && parent.parent.kind === 'const') {
      const variable = findVariable(scope as never, parent.id as never) as TSESLint.Scope.Variable | null;
      for (const reference of variable?.references ?? []) {
        if (reference.isRead()) rangesGuardedBy(reference.identifier, key, ranges);
      }
    }
  }
  return {
    isGuarded(node, keys) {
      return ranges.some((range) => keys.includes(range.key) && range.start <= node.range[0] && node.range[1] <= range.end);
    },
  };
}
