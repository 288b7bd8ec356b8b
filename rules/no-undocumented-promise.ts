import { listAnd, modules, type Method } from '@velakit/catalog';
import { fileChecker, methodCalls, type Analysis, type MethodCall } from './utils/analysis.js';
import { createRule, type RuleContext, type TSESTree } from './utils/rule.js';
import { apiName } from './utils/words.js';

type MessageIds = 'undocumentedPromise';

type Context = RuleContext<MessageIds, []>;

const callbackNames = new Set(['success', 'fail', 'complete']);

/** A method that reports its result through `success`/`fail`/`complete` and returns nothing the docs name. */
function takesCallbacks(method: Method): boolean {
  if (method.promise || method.returns !== undefined || method.returnValue !== undefined) return false;
  const signature = method.signature;
  if (signature.kind !== 'options') return false;
  for (const param of signature.params) if (callbackNames.has(param.name)) return true;
  return false;
}

/** True when the call certainly passes no callback: no argument, or an object literal without one (and no spread). */
function passesNoCallback(found: MethodCall): boolean {
  const options = found.options;
  if (options === undefined) return false;
  if (options.kind === 'missing') return true;
  if (options.kind !== 'object' || !options.complete) return false;
  for (const property of options.properties) if (callbackNames.has(property.name)) return false;
  return true;
}

/** True when the call's value is used as a Promise: awaited, or its `then`/`catch`/`finally` read. */
function usedAsPromise(call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  let parent = node.parent;
  // `storage.get({ key })!`, `(storage.get({ key }) as Promise<T>)`, `storage.get?.({ key })`: the same value.
  while (
    parent &&
    (parent.type === 'ChainExpression' ||
      parent.type === 'TSNonNullExpression' ||
      parent.type === 'TSAsExpression' ||
      parent.type === 'TSSatisfiesExpression')
  ) {
    node = parent;
    parent = node.parent;
  }
  if (!parent) return false;
  if (parent.type === 'AwaitExpression') return true;
  return (
    parent.type === 'MemberExpression' &&
    parent.object === node &&
    !parent.computed &&
    parent.property.type === 'Identifier' &&
    (parent.property.name === 'then' || parent.property.name === 'catch' || parent.property.name === 'finally')
  );
}

/**
 * The rule's work on one file that may use `@system.*` modules (see `fileChecker`). Most calls pass callbacks: the
 * cheap test of the options comes first, the parent walk only for the few without.
 */
function checkFile(context: Context, analysis: Analysis): void {
  const calls = methodCalls(analysis);
  for (let index = 0; index < calls.length; index++) {
    const found = calls[index]!;
    if (!takesCallbacks(found.method) || !passesNoCallback(found) || !usedAsPromise(found.call)) continue;
    report(context, found);
  }
}

let promiseApis: string | undefined;

/** The methods the docs give a Promise form, in the catalogue's words (`fetch.fetch`). */
function documentedPromiseApis(): string {
  return (promiseApis ??= listAnd(
    modules.flatMap((module) =>
      module.methods.filter((method) => method.promise).map((method) => `\`${apiName(module, method.name)}\``),
    ),
  ));
}

function report(context: Context, { call, api }: MethodCall): void {
  context.report({
    node: call.callee,
    messageId: 'undocumentedPromise',
    data: { api, documented: documentedPromiseApis() },
  });
}

const checkFiles = fileChecker(checkFile);

export default createRule<[], MessageIds>({
  name: 'no-undocumented-promise',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Disallow using a Vela API called without callbacks as a Promise where the docs give it no Promise form (phone quick-app habit)',
      recommended: 'recommended',
      language: 'javascript',
      readsManifest: false,
    },
    schema: [],
    messages: {
      undocumentedPromise:
        '`{{api}}` is called without `success`/`fail`/`complete` and used as a Promise, but the Vela docs give it no Promise form (they give one only to {{documented}}). Pass callbacks, wrapped in `new Promise(...)` to await it.',
    },
  },
  create(context) {
    return checkFiles(context, undefined);
  },
});
