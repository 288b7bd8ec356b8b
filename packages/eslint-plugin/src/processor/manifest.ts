import type { Linter } from 'eslint';

const validManifest = 'velakit/valid-manifest';

/**
 * The manifest passes through unchanged; its findings come back with the validator's severity. ESLint gives a rule one
 * level, but `valid-manifest` reports the validator's errors, warnings and notes (one message id each): under a rule
 * set to "error", a warning stays a warning (and a note too, ESLint having no lower level). A rule set to "warn" keeps
 * everything a warning.
 */
export const manifestProcessor = {
  meta: { name: 'velakit/manifest', version: '0.1.0' },
  supportsAutofix: true,
  preprocess(text: string): string[] {
    return [text];
  },
  postprocess(messages: Linter.LintMessage[][]): Linter.LintMessage[] {
    return messages
      .flat()
      .map((message) =>
        message.ruleId === validManifest &&
        message.severity === 2 &&
        (message.messageId === 'warning' || message.messageId === 'info')
          ? { ...message, severity: 1 }
          : message,
      );
  },
} satisfies Linter.Processor;
