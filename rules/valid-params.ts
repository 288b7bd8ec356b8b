import {
  kindPhrase,
  listAnd,
  listOr,
  quote,
  rangePhrase,
  suggestParameters,
  type NumberRange,
  type Parameter,
} from '@velakit/catalog';
import { fileChecker, type Analysis, type MethodCall, methodCalls } from './utils/analysis.js';
import {
  fitsEntryTypes,
  fitsType,
  readObjectLiteral,
  unwrapTypeAssertions,
  valueKindOf,
  type OptionProperty,
} from './utils/options-object.js';
import { createRule, type RuleContext, type TSESLint, type TSESTree } from './utils/rule.js';

type MessageIds =
  | 'unknownOption'
  | 'unknownOptionWithSuggestion'
  | 'wrongType'
  | 'wrongValue'
  | 'wrongEntryType'
  | 'wrongArgumentType'
  | 'outOfRange'
  | 'notInteger'
  | 'renameOption';

/** Renames a property's key, keeping its value (`{ filepath }` becomes `{ filePath: filepath }`). */
function renameKey(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  option: OptionProperty,
  name: string,
): TSESLint.RuleFix {
  const { property, key } = option;
  if (property.shorthand) return fixer.replaceText(property, `${name}: ${sourceCode.getText(property.value)}`);
  if (key.type === 'Literal' && typeof key.value === 'string') {
    const text = sourceCode.getText(key);
    return fixer.replaceText(key, `${text[0]}${name}${text[0]}`);
  }
  return fixer.replaceText(key, name);
}

/**
 * The literal a value certainly is (`'GETT'`, `42`, a template without expressions), or undefined when it is not
 * written out: only literals are compared with a parameter's documented values.
 */
function literalValue(node: TSESTree.Node): string | number | undefined {
  const value = unwrapTypeAssertions(node);
  if (value.type === 'Literal' && (typeof value.value === 'string' || typeof value.value === 'number'))
    return value.value;
  if (value.type === 'TemplateLiteral' && value.expressions.length === 0)
    return value.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * The number a value certainly is, written out: a numeric literal, `-1`/`+1`, and either inside `as`, `satisfies` or
 * `!`. Anything computed (a name, a call, `2 * 128`) is undefined: only numbers written out are compared with a range.
 */
function writtenNumber(node: TSESTree.Node): number | undefined {
  const value = unwrapTypeAssertions(node);
  if (value.type === 'Literal') return typeof value.value === 'number' ? value.value : undefined;
  if (value.type === 'UnaryExpression' && (value.operator === '-' || value.operator === '+')) {
    const operand = writtenNumber(value.argument);
    return operand === undefined ? undefined : value.operator === '-' ? -operand : operand;
  }
  return undefined;
}

/** True when a written-out number is outside the range or not whole where the range wants an integer. */
function breaksRange(node: TSESTree.Node, range: NumberRange): boolean {
  const number = writtenNumber(node);
  if (number === undefined) return false;
  return (
    (range.min !== undefined && number < range.min) ||
    (range.max !== undefined && number > range.max) ||
    (range.integer && !Number.isInteger(number))
  );
}

/** The parameter of that name, found without a closure per option (this runs for every option of every call). */
function parameterNamed(params: readonly Parameter[], name: string): Parameter | undefined {
  for (let index = 0; index < params.length; index++) if (params[index]!.name === name) return params[index];
  return undefined;
}

function expectedWords(param: Parameter): string {
  return kindPhrase(param.type);
}

type Context = RuleContext<MessageIds, []>;

/**
 * The rule's work on one file that may use `@system.*` modules (see `fileChecker`). The tests every option goes
 * through stay here; each report is built in a function of its own, which runs only for an option with a problem: V8's
 * optimizing compiler compiles every path a function has taken, and the message building would otherwise be compiled
 * into the function every call goes through.
 */
function checkFile(context: Context, analysis: Analysis): void {
  const calls = methodCalls(analysis);
  for (let index = 0; index < calls.length; index++) {
    const found = calls[index]!;
    const params = found.method.signature.params;
    if (params.length === 0) continue;
    if (found.method.signature.kind === 'positional') {
      checkArguments(context, found);
      continue;
    }
    const argument = found.options;
    if (argument?.kind !== 'object') continue;
    const properties = argument.properties;
    for (let at = 0; at < properties.length; at++) {
      const option = properties[at]!;
      const param = parameterNamed(params, option.name);
      if (!param) {
        reportUnknownOption(context, found, option, properties);
        continue;
      }
      // A getter's or setter's value is whatever it returns: unknown here, so silent.
      if (option.property.kind !== 'init') continue;
      checkValue(context, found, option.value, param);
    }
  }
}

/**
 * The checks of one option's value. Each branch of `cond ? a : b` is a value the call is made with: each is checked
 * on its own (`mode: on ? 'auto' : 'manual'` passes a string either way).
 */
function checkValue(context: Context, found: MethodCall, value: TSESTree.Node, param: Parameter): void {
  if (value.type === 'ConditionalExpression') {
    checkValue(context, found, value.consequent, param);
    checkValue(context, found, value.alternate, param);
    return;
  }
  // A documented range (brightness `value`: 0 to 255), before the type: `1.5` for an integer is worded as such.
  if (param.range !== undefined && breaksRange(value, param.range)) {
    reportOutOfRange(context, found, value, param);
    return;
  }
  if (!fitsType(value, param.type)) {
    reportWrongType(context, found, value, param, 'wrongType');
    return;
  }
  // An enum (fetch `method`): a written-out value outside the documented ones.
  const values = param.values;
  if (values !== undefined) {
    const literal = literalValue(value);
    if (literal !== undefined && !values.includes(literal)) {
      reportWrongValue(context, found, value, param, literal);
      return;
    }
  }
  if (param.entries !== undefined) checkEntries(context, found, value, param);
}

function checkArguments(context: Context, found: MethodCall): void {
  const { call } = found;
  found.method.signature.params.forEach((param, index) => {
    const argument = call.arguments[index];
    if (
      !argument ||
      argument.type === 'SpreadElement' ||
      call.arguments.slice(0, index).some((a) => a.type === 'SpreadElement')
    )
      return;
    if (!fitsType(argument, param.type)) reportWrongType(context, found, argument, param, 'wrongArgumentType');
  });
}

function reportWrongType(
  context: Context,
  { api }: MethodCall,
  value: TSESTree.Node,
  param: Parameter,
  messageId: 'wrongType' | 'wrongArgumentType',
): void {
  context.report({
    node: value,
    messageId,
    data: { name: param.name, api, expected: expectedWords(param), actual: kindPhrase(valueKindOf(value)) },
  });
}

function reportUnknownOption(
  context: Context,
  { method, api }: MethodCall,
  option: OptionProperty,
  properties: readonly OptionProperty[],
): void {
  const suggestion = suggestParameters(method, option.name, 1)[0];
  if (suggestion === undefined) {
    const known = listAnd(method.signature.params.map((candidate) => `\`${candidate.name}\``));
    context.report({ node: option.key, messageId: 'unknownOption', data: { name: option.name, api, known } });
    return;
  }
  // Renaming onto a key the object already has would only trade one mistake for another.
  const taken = properties.some((other) => other.name === suggestion);
  const sourceCode = context.sourceCode;
  context.report({
    node: option.key,
    messageId: 'unknownOptionWithSuggestion',
    data: { name: option.name, api, suggestion },
    suggest: taken
      ? []
      : [
          {
            messageId: 'renameOption',
            data: { name: option.name, suggestion },
            fix: (fixer) => renameKey(fixer, sourceCode, option, suggestion),
          },
        ],
  });
}

function reportWrongValue(
  context: Context,
  { api }: MethodCall,
  value: TSESTree.Node,
  param: Parameter,
  literal: string | number,
): void {
  context.report({
    node: value,
    messageId: 'wrongValue',
    data: {
      value: typeof literal === 'string' ? `'${literal}'` : String(literal),
      name: param.name,
      api,
      allowed: listOr(param.values!.map((value) => (typeof value === 'string' ? `'${value}'` : String(value)))),
    },
  });
}

function reportOutOfRange(context: Context, { api }: MethodCall, value: TSESTree.Node, param: Parameter): void {
  const range = param.range!;
  const number = writtenNumber(value)!;
  const inside = (range.min === undefined || number >= range.min) && (range.max === undefined || number <= range.max);
  // The value as the code writes it (`0x100`, `-1`), without a type assertion around it.
  const written = context.sourceCode.getText(unwrapTypeAssertions(value));
  context.report({
    node: value,
    messageId: inside ? 'notInteger' : 'outOfRange',
    data: { value: quote(written, '`'), name: param.name, api, allowed: rangePhrase(range) },
  });
}

/** The entries of an object a parameter documents entry types for (`header`): each written-out value checked. */
function checkEntries(context: Context, { api }: MethodCall, value: TSESTree.Node, param: Parameter): void {
  const entries = param.entries!;
  const object = unwrapTypeAssertions(value);
  if (object.type !== 'ObjectExpression') return;
  const sourceCode = context.sourceCode;
  for (const entry of readObjectLiteral(object, () => sourceCode.getScope(object)).properties) {
    // A getter's value is whatever it returns: unknown here.
    if (entry.property.kind !== 'init' || fitsEntryTypes(entry.value, entries)) continue;
    context.report({
      node: entry.value,
      messageId: 'wrongEntryType',
      data: {
        key: entry.name,
        name: param.name,
        api,
        expected: listOr(entries.map((entry) => kindPhrase(entry))),
        actual: kindPhrase(valueKindOf(entry.value)),
      },
    });
  }
}

const checkFiles = fileChecker(checkFile);

export default createRule<[], MessageIds>({
  name: 'valid-params',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow unknown option names and literal values of the wrong type or out of range in Vela API calls',
      recommended: 'recommended',
      language: 'javascript',
      readsManifest: false,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unknownOption: '`{{name}}` is not an option of `{{api}}`; it takes {{known}}.',
      unknownOptionWithSuggestion: '`{{name}}` is not an option of `{{api}}`. Did you mean `{{suggestion}}`?',
      wrongType: '`{{name}}` of `{{api}}` must be {{expected}}, not {{actual}}.',
      wrongValue: '{{value}} is not a documented value of `{{name}}` of `{{api}}`; it takes {{allowed}}.',
      wrongEntryType: 'The value of `{{key}}` in `{{name}}` of `{{api}}` must be {{expected}}, not {{actual}}.',
      wrongArgumentType: 'The `{{name}}` argument of `{{api}}` must be {{expected}}, not {{actual}}.',
      outOfRange: '{{value}} is outside the documented range of `{{name}}` of `{{api}}`, which takes {{allowed}}.',
      notInteger: '{{value}} is not an integer: `{{name}}` of `{{api}}` takes {{allowed}}.',
      renameOption: 'Rename `{{name}}` to `{{suggestion}}`.',
    },
  },
  create(context) {
    return checkFiles(context, undefined);
  },
});
