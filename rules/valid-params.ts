import { kindPhrase, listAnd, listOr, suggestParameters, type Parameter } from '@velakit/catalog';
import { fileChecker, type Analysis, methodCalls } from './utils/analysis.js';
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

/** The parameter of that name, found without a closure per option (this runs for every option of every call). */
function parameterNamed(params: readonly Parameter[], name: string): Parameter | undefined {
  for (let index = 0; index < params.length; index++) if (params[index]!.name === name) return params[index];
  return undefined;
}

function expectedWords(param: Parameter): string {
  return kindPhrase(param.type);
}

type Context = RuleContext<MessageIds, []>;

/** The rule's work on one file that may use `@system.*` modules (see `fileChecker`). */
function checkFile(context: Context, analysis: Analysis): void {
  const sourceCode = context.sourceCode;
  for (const { call, method, api, options } of methodCalls(analysis)) {
    const params = method.signature.params;
    if (params.length === 0) continue;
    if (method.signature.kind === 'positional') {
      params.forEach((param, index) => {
        const argument = call.arguments[index];
        if (
          !argument ||
          argument.type === 'SpreadElement' ||
          call.arguments.slice(0, index).some((a) => a.type === 'SpreadElement')
        )
          return;
        if (!fitsType(argument, param.type)) {
          context.report({
            node: argument,
            messageId: 'wrongArgumentType',
            data: {
              name: param.name,
              api,
              expected: expectedWords(param),
              actual: kindPhrase(valueKindOf(argument)),
            },
          });
        }
      });
      continue;
    }
    const argument = options;
    if (argument?.kind !== 'object') continue;
    for (const option of argument.properties) {
      const param = parameterNamed(params, option.name);
      if (!param) {
        const suggestion = suggestParameters(method, option.name, 1)[0];
        if (suggestion === undefined) {
          context.report({
            node: option.key,
            messageId: 'unknownOption',
            data: { name: option.name, api, known: listAnd(params.map((candidate) => `\`${candidate.name}\``)) },
          });
        } else {
          // Renaming onto a key the object already has would only trade one mistake for another.
          const taken = argument.properties.some((other) => other.name === suggestion);
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
        continue;
      }
      // A getter's or setter's value is whatever it returns: unknown here, so silent.
      if (option.property.kind !== 'init') continue;
      if (!fitsType(option.value, param.type)) {
        context.report({
          node: option.value,
          messageId: 'wrongType',
          data: {
            name: param.name,
            api,
            expected: expectedWords(param),
            actual: kindPhrase(valueKindOf(option.value)),
          },
        });
        continue;
      }
      // An enum (fetch `method`): a written-out value outside the documented ones.
      const literal = param.values === undefined ? undefined : literalValue(option.value);
      if (param.values !== undefined && literal !== undefined && !param.values.includes(literal)) {
        context.report({
          node: option.value,
          messageId: 'wrongValue',
          data: {
            value: typeof literal === 'string' ? `'${literal}'` : String(literal),
            name: param.name,
            api,
            allowed: listOr(param.values.map((value) => (typeof value === 'string' ? `'${value}'` : String(value)))),
          },
        });
        continue;
      }
      const entries = param.entries;
      const object = unwrapTypeAssertions(option.value);
      if (entries === undefined || object.type !== 'ObjectExpression') continue;
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
  }
}

const checkFiles = fileChecker(checkFile);

export default createRule<[], MessageIds>({
  name: 'valid-params',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow unknown option names and literal values of the wrong type in Vela API calls',
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
      renameOption: 'Rename `{{name}}` to `{{suggestion}}`.',
    },
  },
  create(context) {
    return checkFiles(context, undefined);
  },
});
