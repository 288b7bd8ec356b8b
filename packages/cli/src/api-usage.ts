import type { ESLint, Linter, Rule } from 'eslint';
import { sourceFiles, uxFileLocation } from '@velakit/eslint-plugin';
import { usedApis } from '@velakit/eslint-rules';
import type { UsedApi } from './device-table.js';

interface Recorded {
  readonly api: Omit<UsedApi, 'firstUse'>;
  readonly line: number;
  readonly column: number;
}

/**
 * Collects the `@system.*` APIs each linted file uses, from the analysis velakit's rules share (so the device table
 * sees exactly what the rules see, and the file is analysed once). Add `config` to the lint run, then `take` them.
 */
export function apiUsageCollector(): {
  config: Linter.Config;
  take(results: readonly ESLint.LintResult[], display: (file: string) => string): UsedApi[];
} {
  const byFile = new Map<string, Recorded[]>();
  const collect: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      if (!context.sourceCode.text.includes('@system.')) return {};
      return {
        'Program:exit'() {
          // ESLint's and typescript-eslint's context types describe the same object.
          const uses = usedApis(context as unknown as Parameters<typeof usedApis>[0]);
          if (uses.length === 0) return;
          const recorded = byFile.get(context.physicalFilename) ?? [];
          for (const { loc, ...api } of uses)
            recorded.push({ api, ...uxFileLocation(context.physicalFilename, loc.start) });
          byFile.set(context.physicalFilename, recorded);
        },
      };
    },
  };
  return {
    config: {
      name: 'velakit-check/api-use',
      files: sourceFiles,
      plugins: { 'velakit-check': { rules: { 'api-use': collect } } },
      rules: { 'velakit-check/api-use': 'warn' },
    },
    take(results, display) {
      const apis: UsedApi[] = [];
      for (const result of results) {
        const recorded = (byFile.get(result.filePath) ?? []).sort((a, b) => a.line - b.line || a.column - b.column);
        for (const { api, line } of recorded) apis.push({ ...api, firstUse: `${display(result.filePath)}:${line}` });
      }
      byFile.clear();
      return apis;
    },
  };
}
