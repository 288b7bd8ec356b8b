import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnosticCodeList } from '../../codes.js';
import type { FileResult } from '../file-result.js';

const levels = { error: 'error', warning: 'warning', info: 'note' } as const;

function uriOf(path: string, cwd: string): string {
  const relativePath = relative(cwd, resolve(cwd, path)) || path;
  return relativePath.split(sep).map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0, the format GitHub code scanning uploads; one rule per diagnostic code. */
export function formatSarif(results: readonly FileResult[], cwd: string, version: string): string {
  const ruleIndex = new Map(diagnosticCodeList.map((entry, index) => [entry.code as string, index]));
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
            rules: diagnosticCodeList.map((entry) => ({
              id: entry.code,
              shortDescription: { text: entry.description },
              defaultConfiguration: { level: levels[entry.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${cwd}${sep}`).href } },
        results: results.flatMap((result) =>
          result.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: ruleIndex.get(d.code) ?? -1,
            level: levels[d.severity],
            message: { text: d.suggestion === undefined ? d.message : `${d.message} (suggestion: ${JSON.stringify(d.suggestion)})` },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uriOf(result.path, cwd), uriBaseId: '%SRCROOT%' },
                  region: { startLine: d.start.line, startColumn: d.start.column, endLine: d.end.line, endColumn: d.end.column },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
