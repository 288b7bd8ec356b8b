import { kindPhrase, listAnd, suggestParameters, type Method } from '@velakit/catalog';
import { fileChecker, type Analysis, type MethodCall, methodCalls } from './utils/analysis.js';
import type { OptionProperty } from './utils/options-object.js';
import { createRule, type RuleContext, type TSESTree } from './utils/rule.js';

type MessageIds =
  'missingOptions' | 'notAnObject' | 'missingRequired' | 'missingRequiredMisspelled' | 'missingArgument';

/** The names of a method's required parameters, per method (most calls are of a few methods, and need them all). */
const requiredByMethod = new WeakMap<Method, readonly string[]>();
function requiredNames(method: Method): readonly string[] {
  let names = requiredByMethod.get(method);
  if (!names) {
    names = method.signature.params.filter((param) => param.required).map((param) => param.name);
    requiredByMethod.set(method, names);
  }
  return names;
}

function quoted(names: readonly string[]): string {
  return listAnd(names.map((name) => `\`${name}\``));
}

/** The required names no property of the object has, in their order; undefined when none is missing (most calls). */
function missingOptions(required: readonly string[], properties: readonly OptionProperty[]): string[] | undefined {
  let missing: string[] | undefined;
  for (const name of required) {
    let present = false;
    for (let index = 0; index < properties.length && !present; index++) present = properties[index]!.name === name;
    if (!present) (missing ??= []).push(name);
  }
  return missing;
}

/** Where a report about a call goes: the callee (`uploadtask.uploadFile`), short enough to read in an editor. */
function calleeOf(call: TSESTree.CallExpression): TSESTree.Node {
  return call.callee;
}

type Context = RuleContext<MessageIds, []>;

type Call = MethodCall;

/**
 * The rule's work on one file that may use `@system.*` modules (see `fileChecker`). Only the test for a problem runs
 * here, for every call; what a report needs is worked out in `reportArguments` and `reportOptions`, which run for the
 * few calls with a problem. Kept apart so that V8's optimizing compiler, which compiles every path a function has
 * taken, does not compile the message building (array chains, suggestions) into the function every call goes through.
 */
function checkFile(context: Context, analysis: Analysis): void {
  const calls = methodCalls(analysis);
  for (let index = 0; index < calls.length; index++) {
    const found = calls[index]!;
    const required = requiredNames(found.method);
    if (required.length === 0) continue;
    if (found.method.signature.kind === 'positional') {
      if (lacksArgument(found)) reportArguments(context, found);
      continue;
    }
    // Read by the analysis for every method with parameters that takes an options object, as this one does.
    const argument = found.options!;
    const problem =
      argument.kind === 'object'
        ? argument.complete && missingOptions(required, argument.properties) !== undefined
        : argument.kind === 'missing' || argument.kind === 'not-object';
    if (problem) reportOptions(context, found, required);
  }
}

/** True when a positional call leaves out a required argument (a spread argument may hold any of them). */
function lacksArgument({ call, method }: Call): boolean {
  const args = call.arguments;
  for (let index = 0; index < args.length; index++) if (args[index]!.type === 'SpreadElement') return false;
  const params = method.signature.params;
  for (let index = 0; index < params.length; index++)
    if (params[index]!.required && args[index] === undefined) return true;
  return false;
}

function reportArguments(context: Context, { call, method, api }: Call): void {
  const missing = method.signature.params
    .filter((param, index) => param.required && call.arguments[index] === undefined)
    .map((param) => param.name);
  context.report({
    node: call,
    messageId: 'missingArgument',
    data: { api, missing: quoted(missing), plural: missing.length > 1 ? 's' : '' },
  });
}

function reportOptions(context: Context, { call, method, api, options }: Call, required: readonly string[]): void {
  const argument = options!;
  if (argument.kind === 'missing') {
    context.report({
      node: calleeOf(call),
      messageId: 'missingOptions',
      data: { api, required: quoted(required) },
    });
    return;
  }
  if (argument.kind === 'not-object') {
    context.report({
      node: argument.node,
      messageId: 'notAnObject',
      data: { api, required: quoted(required), actual: kindPhrase(argument.valueKind) },
    });
    return;
  }
  if (argument.kind !== 'object') return;
  const missing = missingOptions(required, argument.properties);
  if (!missing) return;
  const known = new Set(method.signature.params.map((param) => param.name));
  // An unknown key that is one typo away from a missing option explains the report (valid-params offers the rename).
  const misspellings = argument.properties
    .filter((property) => !known.has(property.name))
    .map((property) => ({ written: property.name, meant: suggestParameters(method, property.name, 1)[0] }))
    .filter((pair) => pair.meant !== undefined && missing.includes(pair.meant));
  const names = quoted(missing);
  const plural = missing.length > 1 ? 's' : '';
  if (misspellings.length > 0) {
    const misspelled = `perhaps ${listAnd(misspellings.map((pair) => `\`${pair.written}\` is written for \`${pair.meant}\``))}`;
    context.report({
      node: calleeOf(call),
      messageId: 'missingRequiredMisspelled',
      data: { api, missing: names, plural, misspelled },
    });
  } else {
    context.report({
      node: calleeOf(call),
      messageId: 'missingRequired',
      data: { api, missing: names, plural },
    });
  }
}

const checkFiles = fileChecker(checkFile);

export default createRule<[], MessageIds>({
  name: 'require-params',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require the options and arguments Vela APIs cannot work without (`url`, `filePath`, `name`, `token`, callbacks)',
      recommended: 'recommended',
      language: 'javascript',
      readsManifest: false,
    },
    schema: [],
    messages: {
      missingOptions: '`{{api}}` needs an options object with {{required}}.',
      notAnObject: '`{{api}}` takes an options object with {{required}}, not {{actual}}.',
      missingRequired: '`{{api}}` is missing required option{{plural}} {{missing}}.',
      missingRequiredMisspelled: '`{{api}}` is missing required option{{plural}} {{missing}}; {{misspelled}}?',
      missingArgument: '`{{api}}` needs its {{missing}} argument{{plural}}.',
    },
  },
  create(context) {
    return checkFiles(context, undefined);
  },
});
