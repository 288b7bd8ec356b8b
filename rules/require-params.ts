import { kindPhrase, listAnd, suggestParameters, type Method } from '@velakit/catalog';
import { fileChecker, type Analysis, methodCalls } from './utils/analysis.js';
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

/** The rule's work on one file that may use `@system.*` modules (see `fileChecker`). */
function checkFile(context: Context, analysis: Analysis): void {
  for (const { call, method, api, options } of methodCalls(analysis)) {
    const required = requiredNames(method);
    if (required.length === 0) continue;
    if (method.signature.kind === 'positional') {
      if (call.arguments.some((argument) => argument.type === 'SpreadElement')) continue;
      const missing = method.signature.params
        .filter((param, index) => param.required && call.arguments[index] === undefined)
        .map((param) => param.name);
      if (missing.length > 0) {
        context.report({
          node: call,
          messageId: 'missingArgument',
          data: { api, missing: quoted(missing), plural: missing.length > 1 ? 's' : '' },
        });
      }
      continue;
    }
    // Read by the analysis for every method with parameters that takes an options object, as this one does.
    const argument = options!;
    if (argument.kind === 'missing') {
      context.report({
        node: calleeOf(call),
        messageId: 'missingOptions',
        data: { api, required: quoted(required) },
      });
    } else if (argument.kind === 'not-object') {
      context.report({
        node: argument.node,
        messageId: 'notAnObject',
        data: { api, required: quoted(required), actual: kindPhrase(argument.valueKind) },
      });
    } else if (argument.kind === 'object' && argument.complete) {
      const missing = missingOptions(required, argument.properties);
      if (!missing) continue;
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
