import { validateManifest, type Diagnostic } from '@velakit/manifest';
import { appSourcesFor, validationOptions } from './utils/app-sources.js';
import { createJsonRule } from './utils/rule.js';
import { resolveTargets } from './utils/targets.js';

type Options = [{ minimumSeverity?: 'error' | 'warning' | 'info' }];
/**
 * One message id per validator severity, so the plugin's manifest processor can give each finding the validator's
 * severity (ESLint gives a rule one level): a warning stays a warning under a rule set to "error".
 */
type MessageIds = 'error' | 'warning' | 'info' | 'applySuggestion';

const rank = { error: 3, warning: 2, info: 1 } as const;

export default createJsonRule<Options, MessageIds>({
  name: 'valid-manifest',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Report what velakit's manifest validator finds in `manifest.json` (schema, features, devices, router), at exact positions",
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
            description: 'Least severe validator finding to report.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      error: '{{message}} [{{code}}]',
      warning: '{{message}} [{{code}}]',
      info: '{{message}} [{{code}}]',
      applySuggestion: 'Replace with {{suggestion}}.',
    },
    defaultOptions: [{ minimumSeverity: 'warning' }],
  },
  create(context) {
    const [options] = context.options;
    /** The validator suggests a value; where it replaces a JSON string, the replacement is a JSON string too. */
    const replacement = (diagnostic: Diagnostic, suggestion: string): string =>
      context.sourceCode.text[diagnostic.start.offset] === '"' ? JSON.stringify(suggestion) : suggestion;

    const minimum = rank[options.minimumSeverity ?? 'warning'];
    return {
      // `Document` is the root node of @eslint/json's AST; the same validator the CLI runs does the work.
      Document() {
        // One target resolution for every rule: settings.velakit targets win over the manifest's, as in the source rules.
        const targets = resolveTargets(context, {});
        const fromSettings = targets.devices.source.startsWith('settings.velakit');
        // Checked features are no-unsupported-api's to judge; unused ones no-unused-feature's (see validationOptions).
        const { diagnostics } = validateManifest(context.sourceCode.text, {
          ...validationOptions(appSourcesFor(context)),
          ...(fromSettings ? { targetDevices: { ids: targets.devices.value, source: targets.devices.source } } : {}),
        });
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
        messageId: diagnostic.severity,
        data: { message: diagnostic.message, code: diagnostic.code },
        suggest:
          suggestion === undefined
            ? []
            : [
                {
                  messageId: 'applySuggestion',
                  data: { suggestion },
                  fix: (fixer) =>
                    fixer.replaceTextRange(
                      [diagnostic.start.offset, diagnostic.end.offset],
                      replacement(diagnostic, suggestion),
                    ),
                },
              ],
      });
    }
  },
});
