import { suggestModules } from '@velakit/catalog';
import { fileChecker, type Analysis } from './utils/analysis.js';
import { createRule, type RuleContext } from './utils/rule.js';

type MessageIds = 'unknownModule' | 'unknownModuleWithSuggestion' | 'replaceWith';

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

export default createRule<[], MessageIds>({
  name: 'no-unknown-module',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow importing `@system.*` modules that do not exist, with a "did you mean" suggestion',
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
    },
  },
  create(context) {
    return checkFiles(context, undefined);
  },
});
