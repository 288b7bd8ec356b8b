import { isPhoneService, suggestModules } from '@velakit/catalog';
import { fileChecker, type Analysis } from './utils/analysis.js';
import { createRule, type RuleContext, type TSESLint, type TSESTree } from './utils/rule.js';

type MessageIds = 'unknownModule' | 'unknownModuleWithSuggestion' | 'replaceWith' | 'phoneService';

/** The literal's text with a new value, keeping its quotes. */
function literalWith(text: string, value: string): string {
  const quote = text[0] === '"' || text[0] === "'" || text[0] === '`' ? text[0] : "'";
  return `${quote}${value}${quote}`;
}

type Context = RuleContext<MessageIds, []>;

/** The rule's work on one file that may use `@system.*` modules (see `fileChecker`). */
function checkFile(context: Context, analysis: Analysis): void {
  for (const entry of analysis.usage.imports) {
    if (entry.module) continue;
    const suggestions = suggestModules(entry.featureName, 1).map((name) => `@${name}`);
    if (suggestions.length === 0) {
      context.report({ node: entry.node, messageId: 'unknownModule', data: { specifier: entry.specifier } });
      continue;
    }
    context.report({
      node: entry.node,
      messageId: 'unknownModuleWithSuggestion',
      data: { specifier: entry.specifier, suggestion: suggestions[0]! },
      suggest: suggestions.map((suggestion) => ({
        messageId: 'replaceWith' as const,
        data: { suggestion },
        fix: (fixer) => fixer.replaceText(entry.node, literalWith(context.sourceCode.getText(entry.node), suggestion)),
      })),
    });
  }
}

const checkFiles = fileChecker(checkFile);

/** The string a module specifier node holds: a string literal or a template literal without expressions. */
function specifierText(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0]!.value.cooked ?? undefined;
  return undefined;
}

function reportPhoneService(context: Context, node: TSESTree.Node | null | undefined): void {
  const specifier = specifierText(node);
  if (specifier === undefined || !isPhoneService(specifier)) return;
  context.report({ node: node!, messageId: 'phoneService', data: { specifier } });
}

/**
 * `@service.*` imports: phone quick-app services that code ported from a phone keeps. The shared analysis follows
 * `@system.*` modules only, so these listeners are added just for files whose text names `@service.` at all.
 */
function phoneServiceListeners(context: Context): TSESLint.RuleListener {
  const check = (node: { source: TSESTree.Node | null }) => reportPhoneService(context, node.source);
  return {
    ImportDeclaration: check,
    ExportAllDeclaration: check,
    ExportNamedDeclaration: check,
    ImportExpression: check,
    TSExternalModuleReference: (node) => reportPhoneService(context, node.expression),
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require')
        reportPhoneService(context, node.arguments[0]);
    },
  };
}

export default createRule<[], MessageIds>({
  name: 'no-unknown-module',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow importing `@system.*` modules that do not exist, with a "did you mean" suggestion, and phone-only `@service.*` modules',
      recommended: 'recommended',
      language: 'javascript',
      readsManifest: false,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unknownModule: '`{{specifier}}` is not a Vela module; check the name against the Vela docs.',
      unknownModuleWithSuggestion: '`{{specifier}}` is not a Vela module. Did you mean `{{suggestion}}`?',
      replaceWith: 'Replace with `{{suggestion}}`.',
      phoneService:
        '`{{specifier}}` is a phone quick-app service, not a Vela module: the Vela docs describe no `@service.*` module. Leave it out of the watch build.',
    },
  },
  create(context) {
    const listeners = checkFiles(context, undefined);
    // One text search per file; the AST listeners only for the rare file that names a phone service.
    if (!context.sourceCode.text.includes('@service.')) return listeners;
    return { ...listeners, ...phoneServiceListeners(context) };
  },
});
