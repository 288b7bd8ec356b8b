import type { TSESLint, TSESTree } from './rule.js';
import { throughTypes } from './type-wrappers.js';

/**
 * A function of the file bound to a name, and the calls made through that name: each call gives what the function
 * returns. Shared by the guards (a helper returning a test: `function canRecord() { return app.canIUse(...) }`, then
 * `if (!canRecord()) return`) and the module tracker (a getter returning a traced value: `getConnect().send(...)`);
 * each keeps its own rule for what the function's returns must be.
 */

export type FunctionNode =
  TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/**
 * True when a call of `fn` gives what it returns: not an async function (its call gives a promise, truthy whatever it
 * resolves to, so a test in it protects nothing) nor a generator (an iterator).
 */
export function callGivesReturn(fn: FunctionNode): boolean {
  return !fn.async && !fn.generator;
}

/**
 * The declaration binding `fn` to a name: a function declaration with one, or `name = fn` declaring a `const`, `let`
 * or `var` (`nameVariable` rules out a name written again). Undefined for a method, a callback, an anonymous default
 * export, or a function assigned later (`f = () => ...`).
 */
export function nameBinding(fn: FunctionNode): TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator | undefined {
  if (fn.type === 'FunctionDeclaration') return fn.id === null ? undefined : fn;
  const parent = fn.parent;
  return parent.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier'
    ? parent
    : undefined;
}

/**
 * The variable `nameBinding` declares, when it only ever holds `fn`: declared once, and assigned nowhere in the file
 * after (a reassigned name's calls may give anything: they carry nothing and protect nothing). Other reads hand the
 * function on (an argument, an export): whoever gets it cannot change what it returns, and its calls there are not
 * followed (`callAt` takes only the calls of this name).
 */
export function nameVariable(
  scopeManager: TSESLint.Scope.ScopeManager,
  fn: FunctionNode,
): TSESLint.Scope.Variable | undefined {
  const binding = nameBinding(fn);
  if (!binding) return undefined;
  const name = (binding.id as TSESTree.Identifier).name;
  // A function declaration declares its parameters too: the variable is the one of its name that is no parameter.
  const variable = scopeManager
    .getDeclaredVariables(binding)
    .find((declared) => declared.name === name && declared.defs[0]?.type !== 'Parameter');
  if (!variable || variable.defs.length !== 1) return undefined;
  // A declarator's one write is its initialisation; a function declaration has none unless the file assigns its name.
  return variable.references.some((reference) => reference.isWrite() && !reference.init) ? undefined : variable;
}

/** The call a reference to the function's name makes (`f()`, `f!()`, `(f as F)()`); undefined for any other use. */
export function callAt(reference: TSESLint.Scope.Reference): TSESTree.CallExpression | undefined {
  if (!reference.isRead()) return undefined;
  const callee = throughTypes(reference.identifier);
  const call = callee.parent;
  return call?.type === 'CallExpression' && call.callee === callee ? call : undefined;
}
