import { relative, sep } from 'node:path';
import type { Linter, Rule } from 'eslint';
import {
  friendlyName,
  githubAnnotation,
  manifestSarifResult,
  manifestSarifRules,
  sarifResult,
  sarifSourceRoot,
  sarifUri,
  type SarifLevel,
  type SarifRule,
} from '@velakit/manifest/cli';
import type { CheckReport } from './commands/check.js';

/** Manifest codes are namespaced in `velakit check` output, apart from the ESLint rule ids beside them. */
const manifestPrefix = 'velakit-manifest/';
/** A message without a rule: a file ESLint could not parse. */
const parseErrorId = 'velakit/parse-error';
const cliDocs = 'https://github.com/velakit/velakit/blob/main/packages/cli/README.md';

/** Each reporting rule's meta, as `ESLint#getRulesMetaForResults` gives it. */
export type RulesMeta = Readonly<Record<string, Partial<Rule.RuleMetaData>>>;

const displayPath = (file: string, cwd: string) => relative(cwd, file).split(sep).join('/') || file;
const sarifLevel = (severity: Linter.Severity): SarifLevel => (severity === 2 ? 'error' : 'warning');

/** The SARIF rule of an ESLint rule, from its meta: every field GitHub code scanning shows on an alert. */
function lintSarifRule(id: string, meta: RulesMeta): SarifRule {
  if (id === parseErrorId) {
    const text = 'ESLint could not parse the file, so no rule checked it.';
    const fix =
      'Fix the syntax error at the reported position. A `.ts` file or a `.ux` page with `<script lang="ts">` needs ' +
      '`@typescript-eslint/parser`: `npm install --save-dev @typescript-eslint/parser typescript`.';
    return descriptor(id, text, fix, `${cliDocs}#parse-errors`, 'error', ['parse']);
  }
  const ruleMeta = meta[id] ?? {};
  const description = ruleMeta.docs?.description ?? `ESLint rule ${id}.`;
  const url =
    ruleMeta.docs?.url ??
    (id.includes('/') ? `${cliDocs}#sarif-and-github-output` : `https://eslint.org/docs/latest/rules/${id}`);
  const fix = `Follow the message; ${url} explains the rule${ruleMeta.fixable ? ' (`velakit check --fix` fixes it)' : ''}.`;
  return descriptor(id, description, fix, url, 'warning', ['eslint', ruleMeta.type ?? 'problem']);
}

function descriptor(
  id: string,
  description: string,
  fix: string,
  url: string,
  level: SarifLevel,
  tags: string[],
): SarifRule {
  const sentence = /[.!?]$/u.test(description) ? description : `${description}.`;
  return {
    id,
    name: friendlyName(id),
    shortDescription: { text: sentence },
    fullDescription: { text: `${sentence} (${id})` },
    help: {
      text: `${sentence}\n\nHow to fix: ${fix}\n\n${url}`,
      markdown: `${sentence}\n\n**How to fix:** ${fix}\n\n[${id}](${url})`,
    },
    helpUri: url,
    defaultConfiguration: { level },
    properties: { tags },
  };
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run of the tool `velakit`, its rules the manifest's diagnostic codes
 * (`velakit-manifest/<code>`) and every ESLint rule that reported something, each with help and a help link.
 */
export function formatSarif(report: CheckReport, rulesMeta: RulesMeta, cwd: string, version: string): string {
  const rules: SarifRule[] = manifestSarifRules(manifestPrefix);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const ruleIndex = (id: string) => {
    if (!index.has(id)) {
      index.set(id, rules.length);
      rules.push(lintSarifRule(id, rulesMeta));
    }
    return index.get(id)!;
  };
  const results = report.manifest.diagnostics.map((d) =>
    manifestSarifResult(
      d,
      sarifUri(report.manifest.path, cwd),
      ruleIndex(`${manifestPrefix}${d.code}`),
      manifestPrefix,
    ),
  );
  for (const result of report.lint) {
    for (const message of result.messages) {
      const ruleId = message.ruleId ?? parseErrorId;
      const region = {
        startLine: Math.max(1, message.line),
        startColumn: Math.max(1, message.column),
        endLine: message.endLine ?? Math.max(1, message.line),
        endColumn: message.endColumn ?? Math.max(1, message.column),
      };
      results.push(
        sarifResult(
          { ruleId, ruleIndex: ruleIndex(ruleId), level: sarifLevel(message.severity), message: message.message },
          sarifUri(result.filePath, cwd),
          region,
        ),
      );
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'velakit',
            version,
            informationUri: 'https://github.com/velakit/velakit/tree/main/packages/cli',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: sarifSourceRoot(cwd),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** GitHub workflow annotations, one line per problem, shown on the pull request's diff; paths relative to `cwd`. */
export function formatGithub(report: CheckReport, cwd: string): string {
  const lines: string[] = [];
  for (const d of report.manifest.diagnostics) {
    const place = {
      file: displayPath(report.manifest.path, cwd),
      line: d.start.line,
      column: d.start.column,
      endLine: d.end.line,
      endColumn: d.end.column,
    };
    lines.push(githubAnnotation(d.severity, place, `velakit(${manifestPrefix}${d.code})`, d.message));
  }
  for (const result of report.lint) {
    for (const message of result.messages) {
      const place = {
        file: displayPath(result.filePath, cwd),
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
      };
      lines.push(
        githubAnnotation(
          message.severity === 2 ? 'error' : 'warning',
          place,
          `velakit(${message.ruleId ?? parseErrorId})`,
          message.message,
        ),
      );
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
