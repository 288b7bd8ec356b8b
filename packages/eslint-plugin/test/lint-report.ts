import { ESLint, type Linter } from 'eslint';
import velakit from '../src/index.js';
import { displayPath } from '../../../fixtures/support/markdown-report.js';

/** Lints a folder with the recommended config, as `eslint .` would with a one-line config, no cache. */
export async function lintFolder(dir: string, extra: Linter.Config[] = []): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [...velakit.configs.recommended, ...extra],
    cache: false,
  });
  const results = await eslint.lintFiles(['.']);
  return results.sort((a, b) => a.filePath.localeCompare(b.filePath));
}

/** One line per message: `file line:column-endLine:endColumn rule message`. */
export function messageLines(dir: string, results: readonly ESLint.LintResult[]): string[] {
  return results.flatMap((result) =>
    result.messages.map(
      (message) =>
        `${displayPath(dir, result.filePath)} ${message.line}:${message.column}-${message.endLine ?? '?'}:${message.endColumn ?? '?'} ${message.ruleId ?? 'fatal'} ${message.message}`,
    ),
  );
}
