import type { ESLint, Linter, Rule } from 'eslint';
import { findModule, findMethod } from '@velakit/catalog';
import { sourceFiles, trackModules } from '@velakit/eslint-plugin';
import type { UsedApi } from './device-table.js';

/**
 * Records every `@system.*` API a file uses, through the plugin's own module tracker, so the device table sees
 * exactly what the rules see. Each use is reported as a message; ESLint (and the `.ux` processor) then gives it the
 * same exact location as any rule message, and `takeApiUses` removes these messages from the results again.
 */
const apiUseRule: Rule.RuleModule = {
  meta: { type: 'problem', schema: [], messages: { use: '{{api}}' } },
  create(context) {
    if (!context.sourceCode.text.includes('@system.')) return {};
    return {
      'Program:exit'() {
        const usage = trackModules(context.sourceCode as never);
        const report = (node: unknown, api: { module: string; method?: string | undefined; interfaceName?: string | undefined }) =>
          context.report({ node: node as Rule.Node, messageId: 'use', data: { api: JSON.stringify(api) } });
        for (const entry of usage.imports) if (entry.module) report(entry.node, { module: entry.module.name });
        for (const use of usage.methodUses) {
          if (use.method) report(use.node, { module: use.module.name, method: use.method.name, interfaceName: use.interfaceName });
        }
      },
    };
  },
};

const ruleId = 'velakit-check/api-use';

export const apiUsageConfig: Linter.Config = {
  name: 'velakit-check/api-use',
  files: sourceFiles,
  plugins: { 'velakit-check': { rules: { 'api-use': apiUseRule } } },
  rules: { [ruleId]: 'warn' },
};

/** Takes the API-use messages out of the results (fixing the counts) and returns them as APIs. */
export function takeApiUses(results: ESLint.LintResult[], display: (file: string) => string): UsedApi[] {
  const apis: UsedApi[] = [];
  for (const result of results) {
    const kept: Linter.LintMessage[] = [];
    for (const message of result.messages) {
      if (message.ruleId !== ruleId) {
        kept.push(message);
        continue;
      }
      result.warningCount--;
      const api = JSON.parse(message.message) as { module: string; method?: string; interfaceName?: string };
      const module = findModule(api.module);
      if (!module) continue;
      const method = api.method === undefined ? undefined : findMethod(module, api.method, api.interfaceName);
      apis.push({ module, method, interfaceName: api.interfaceName, firstUse: `${display(result.filePath)}:${message.line}` });
    }
    result.messages = kept;
  }
  return apis;
}
