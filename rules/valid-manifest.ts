import { validateManifest, type Diagnostic } from '@velakit/manifest';
import { createRule } from './utils/rule.js';

type Options = [{ minimumSeverity?: 'error' | 'warning' | 'info' }];
type MessageIds = 'diagnostic' | 'applySuggestion';

const rank = { error: 3, warning: 2, info: 1 } as const;

export default createRule<Options, MessageIds>({
  name: 'valid-manifest',
  meta: {
    type: 'problem',
    docs: {
      description: "Report what velakit's manifest validator finds in `manifest.json` (schema, features, devices, router), at exact positions",
      recommended: 'recommended',
      language: 'json',
      readsManifest: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          minimumSeverity: {
            type: 'string',
            enum: ['error', 'warning', 'info'],
            description: 'Least severe validator finding to report. Default: warning.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      diagnostic: '{{message}} [{{code}}]',
      applySuggestion: 'Replace with {{suggestion}}.',
    },
  },
  defaultOptions: [{ minimumSeverity: 'warning' }],
  create(context, [options]) {
    /** The validator suggests a value; where it replaces a JSON string, the replacement is a JSON string too. */
    const replacement = (diagnostic: Diagnostic, suggestion: string): string =>
      context.sourceCode.text[diagnostic.start.offset] === '"' ? JSON.stringify(suggestion) : suggestion;

    const minimum = rank[options.minimumSeverity ?? 'warning'];
    return {
      // `Document` is the root node of @eslint/json's AST; the same validator the CLI runs does the work.
      Document() {
        const { diagnostics } = validateManifest(context.sourceCode.text, { path: context.filename });
        for (const diagnostic of diagnostics) {
          if (rank[diagnostic.severity] < minimum) continue;
          report(diagnostic);
        }
      },
    };

    function report(diagnostic: Diagnostic): void {
      const { suggestion } = diagnostic;
      context.report({
        // @eslint/json counts columns from 1, as the validator does.
        loc: {
          start: { line: diagnostic.start.line, column: diagnostic.start.column },
          end: { line: diagnostic.end.line, column: diagnostic.end.column },
        },
        messageId: 'diagnostic',
        data: { message: diagnostic.message, code: diagnostic.code },
        suggest:
          suggestion === undefined
            ? []
            : [
                {
                  messageId: 'applySuggestion',
                  data: { suggestion },
                  fix: (fixer) => fixer.replaceTextRange([diagnostic.start.offset, diagnostic.end.offset], replacement(diagnostic, suggestion)),
                },
              ],
      });
    }
  },
});
