import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnosticCodeList } from '../../codes.js';
import type { Diagnostic, Severity } from '../../diagnostic.js';
import { visibleJson } from '../../visible-text.js';
import type { FileResult } from '../file-result.js';

export type SarifLevel = 'error' | 'warning' | 'note';
const levels: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** Where each diagnostic code is explained, with how to fix it; a rule's `helpUri` is this plus `#<code>`. */
export const codesDocUrl = 'https://github.com/velakit/velakit/blob/main/packages/manifest/codes.md';

/**
 * A SARIF `reportingDescriptor`, with every field GitHub code scanning shows on an alert: a friendly name, short and
 * full descriptions, help text (plain and Markdown) and a help link.
 */
export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription: { readonly text: string };
  readonly help: { readonly text: string; readonly markdown: string };
  readonly helpUri: string;
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties: { readonly tags: readonly string[] };
}

/** `unknown-device` → `UnknownDevice`: SARIF's friendly rule name. */
export const friendlyName = (id: string): string =>
  id
    .split(/[^A-Za-z0-9]+/u)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');

/** The rules of the manifest's diagnostic codes; `prefix` namespaces them when a log holds other tools' rules too. */
export function manifestSarifRules(prefix = ''): SarifRule[] {
  return diagnosticCodeList.map((entry) => ({
    id: `${prefix}${entry.code}`,
    name: friendlyName(`${prefix}${entry.code}`),
    shortDescription: { text: entry.description },
    fullDescription: { text: `${entry.description} Default severity: ${entry.severity}.` },
    help: {
      text: `${entry.description}\n\nHow to fix: ${entry.fix}\n\n${codesDocUrl}#${entry.code}`,
      markdown: `${entry.description}\n\n**How to fix:** ${entry.fix}\n\n[\`${entry.code}\` in the velakit manifest codes](${codesDocUrl}#${entry.code})`,
    },
    helpUri: `${codesDocUrl}#${entry.code}`,
    defaultConfiguration: { level: levels[entry.severity] },
    properties: { tags: ['vela', 'manifest'] },
  }));
}

/** A path as a SARIF artifact URI relative to `%SRCROOT%` (the run's working directory), segments percent-encoded. */
export function sarifUri(path: string, cwd: string): string {
  const relativePath = relative(cwd, resolve(cwd, path)) || path;
  return relativePath.split(sep).map(encodeURIComponent).join('/');
}

/** The run's `%SRCROOT%`: GitHub resolves the relative artifact URIs against the checkout. */
export const sarifSourceRoot = (cwd: string) => ({ '%SRCROOT%': { uri: pathToFileURL(`${cwd}${sep}`).href } });

/** A SARIF result for a finding in a file; `ruleIndex` points into the run's `tool.driver.rules`. */
export function sarifResult(
  finding: { ruleId: string; ruleIndex: number; level: SarifLevel; message: string },
  uri: string,
  region: { startLine: number; startColumn: number; endLine: number; endColumn: number },
) {
  return {
    ruleId: finding.ruleId,
    ruleIndex: finding.ruleIndex,
    level: finding.level,
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region } }],
  };
}

/** A manifest diagnostic as a SARIF result; its rule is `prefix + code`. */
export function manifestSarifResult(d: Diagnostic, uri: string, ruleIndex: number, prefix = '') {
  const message = d.suggestion === undefined ? d.message : `${d.message} (suggestion: ${JSON.stringify(d.suggestion)})`;
  return sarifResult({ ruleId: `${prefix}${d.code}`, ruleIndex, level: levels[d.severity], message }, uri, {
    startLine: d.start.line,
    startColumn: d.start.column,
    endLine: d.end.line,
    endColumn: d.end.column,
  });
}

/** SARIF 2.1.0, the format GitHub code scanning uploads; one rule per diagnostic code. */
export function formatSarif(results: readonly FileResult[], cwd: string, version: string): string {
  const rules = manifestSarifRules();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'velakit-manifest',
            version,
            informationUri: 'https://github.com/velakit/velakit/tree/main/packages/manifest',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: sarifSourceRoot(cwd),
        results: results.flatMap((result) =>
          result.diagnostics.map((d) =>
            manifestSarifResult(d, sarifUri(result.path, cwd), ruleIndex.get(d.code) ?? -1),
          ),
        ),
      },
    ],
  };
  return `${visibleJson(JSON.stringify(sarif, null, 2))}\n`;
}
