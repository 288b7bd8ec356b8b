import type { ESLint, Linter, Rule } from 'eslint';
import { isSupportedOn, supportOf } from '@velakit/catalog';
import { uxFileLocation } from '@velakit/eslint-plugin';
import { usedApis, type Protection } from '@velakit/eslint-rules';
import type { UsedApi } from './device-table.js';

interface Recorded {
  readonly api: Omit<UsedApi, 'firstUse'>;
  readonly line: number;
  readonly column: number;
}

/**
 * Collects the `@system.*` APIs each linted file uses, from the analysis velakit's rules share (so the device table
 * sees exactly what the rules see, and the file is analysed once). Add `config` to the lint run, then `take` them.
 * `targets` gives the target devices once the lint runs: for each use, the devices that lack its API and where a
 * guard or conditional compilation keeps it from running are recorded, as no-unsupported-api judges them.
 */
export function apiUsageCollector(targets: () => readonly string[]): {
  config: Linter.Config;
  take(results: readonly ESLint.LintResult[], display: (file: string) => string): UsedApi[];
} {
  // Per file on disk, per linted text (a `.ux` file's script block has a name of its own): what it uses. A fix run
  // lints a file again after each round of fixes: the last round, the text written out, is the one kept.
  const byFile = new Map<string, Map<string, Recorded[]>>();
  const collect: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      // No text test here: a page may use modules only through a local barrel; `usedApis` makes the cheap tests.
      return {
        'Program:exit'() {
          // ESLint's and typescript-eslint's context types describe the same object.
          const uses = usedApis(context as unknown as Parameters<typeof usedApis>[0]);
          const devices = targets();
          const recorded: Recorded[] = [];
          for (const { loc, protectionOn, ...api } of uses) {
            // Only a device that lacks the API needs its guards looked at (most uses are of APIs every target has).
            const support = supportOf(api.module, api.method);
            let protectedOn: Record<string, Protection> | undefined;
            for (const device of devices) {
              if (isSupportedOn(support, device) !== false) continue;
              const protection = protectionOn(device);
              if (protection !== undefined) (protectedOn ??= {})[device] = protection;
            }
            recorded.push({
              api: protectedOn ? { ...api, protectedOn } : api,
              ...uxFileLocation(context.physicalFilename, loc.start),
            });
          }
          const texts = byFile.get(context.physicalFilename) ?? new Map<string, Recorded[]>();
          texts.set(context.filename, recorded);
          byFile.set(context.physicalFilename, texts);
        },
      };
    },
  };
  return {
    config: {
      // No `files`: it runs on whatever the lint config lints (a `files` list would make ESLint lint `.ts` files the
      // app's own config leaves alone); on a non-JavaScript file (manifest.json) `Program:exit` never fires.
      name: 'velakit-check/api-use',
      plugins: { 'velakit-check': { rules: { 'api-use': collect } } },
      rules: { 'velakit-check/api-use': 'warn' },
    },
    take(results, display) {
      const apis: UsedApi[] = [];
      for (const result of results) {
        const recorded = [...(byFile.get(result.filePath)?.values() ?? [])]
          .flat()
          .sort((a, b) => a.line - b.line || a.column - b.column);
        for (const { api, line } of recorded) apis.push({ ...api, firstUse: `${display(result.filePath)}:${line}` });
      }
      byFile.clear();
      return apis;
    },
  };
}
