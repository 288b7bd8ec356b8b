import type { Diagnostic, ManifestSummary, Position } from '../../diagnostic.js';
import { visibleJson } from '../../visible-text.js';
import type { FileResult } from '../file-result.js';
import { formatWith, type ReportLayout } from '../report-layout.js';

/**
 * What a JSON string cannot hold as it is (quotes, backslashes, controls, lone surrogates), and what `visibleJson`
 * escapes besides. A string with none of them is written between quotes; one with any goes through JSON.stringify.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const needsEscaping = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u;

function quoted(text: string): string {
  return needsEscaping.test(text) ? visibleJson(JSON.stringify(text)) : `"${text}"`;
}

/** A list of strings as `JSON.stringify(list, null, 2)` writes it, its lines indented by `indent`. */
function strings(list: readonly string[], indent: string): string {
  if (list.length === 0) return '[]';
  let text = `[\n${indent}  ${quoted(list[0]!)}`;
  for (let i = 1; i < list.length; i++) text += `,\n${indent}  ${quoted(list[i]!)}`;
  return `${text}\n${indent}]`;
}

function position({ line, column, offset }: Position): string {
  return `{\n          "line": ${line},\n          "column": ${column},\n          "offset": ${offset}\n        }`;
}

function diagnosticText(d: Diagnostic): string {
  const at = '\n        ';
  let text = `{${at}"code": ${quoted(d.code)},${at}"severity": ${quoted(d.severity)},`;
  text += `${at}"message": ${quoted(d.message)},`;
  text += `${at}"start": ${position(d.start)},${at}"end": ${position(d.end)},${at}"pointer": ${quoted(d.pointer)}`;
  if (d.suggestion !== undefined) text += `,${at}"suggestion": ${quoted(d.suggestion)}`;
  return `${text}\n      }`;
}

/** The pages of a summary as `JSON.stringify` writes them at the summary's depth. */
function pagesText(pages: ManifestSummary['pages'] & object): string {
  if (pages.length === 0) return '[]';
  const at = '\n          ';
  const items = pages.map(
    (page) =>
      `{${at}"name": ${quoted(page.name)},${page.path === undefined ? '' : `${at}"path": ${quoted(page.path)},`}${at}"explicit": ${page.explicit}\n        }`,
  );
  return `[\n        ${items.join(',\n        ')}\n      ]`;
}

function summaryText(s: ManifestSummary): string {
  const at = '\n      ';
  let text = `{${at}"features": ${strings(s.features, '      ')},${at}"minAPILevel": ${JSON.stringify(s.minAPILevel)},`;
  text += `${at}"has": {${at}  "minAPILevel": ${s.has.minAPILevel},${at}  "features": ${s.has.features},`;
  text += `${at}  "permissions": ${s.has.permissions}${at}},`;
  const invalid = s.invalid;
  text += `${at}"invalid": {${at}  "minAPILevel": ${invalid.minAPILevel},${at}  "targetDevices": ${invalid.targetDevices},`;
  text += `${at}  "features": ${invalid.features},${at}  "permissions": ${invalid.permissions},`;
  text += `${at}  "pages": ${invalid.pages},${at}  "document": ${invalid.document}${at}},`;
  text += `${at}"backgroundFeatures": ${strings(s.backgroundFeatures, '      ')},`;
  text += `${at}"permissions": ${strings(s.permissions, '      ')}`;
  if (s.package !== undefined) text += `,${at}"package": ${quoted(s.package)}`;
  if (s.targetDevices !== undefined) text += `,${at}"targetDevices": ${strings(s.targetDevices, '      ')}`;
  if (s.pages !== undefined) text += `,${at}"pages": ${pagesText(s.pages)}`;
  return `${text}\n    }`;
}

/**
 * Past this many diagnostics in one file, its entry is left to JSON.stringify: native code needs no warm-up, and one
 * file with thousands of diagnostics (8,000 bad router pages) runs the writer's functions cold, 75 ms slower.
 */
const manyDiagnostics = 100;

/**
 * The entry of one file: the text `JSON.stringify([{ path, diagnostics, summary }], null, 2)` gives less its brackets,
 * written field by field (the diagnostics and the summary have fixed shapes): a generic stringify with indentation
 * cost the command an eighth of its per-file instructions. `entryByStringify` is the definition it is tested against.
 */
function entry(result: FileResult): string {
  const { path, diagnostics, summary } = result;
  if (diagnostics.length > manyDiagnostics) return entryByStringify(result);
  let text = `{\n    "path": ${quoted(path)},\n    "diagnostics": `;
  if (diagnostics.length === 0) text += '[]';
  else {
    text += `[\n      ${diagnosticText(diagnostics[0]!)}`;
    for (let i = 1; i < diagnostics.length; i++) text += `,\n      ${diagnosticText(diagnostics[i]!)}`;
    text += '\n    ]';
  }
  if (summary !== undefined) text += `,\n    "summary": ${summaryText(summary)}`;
  return `${text}\n  }`;
}

/** The entry by JSON.stringify: what `entry` must print, character for character. */
export function entryByStringify({ path, diagnostics, summary }: FileResult): string {
  const text = JSON.stringify(
    [summary === undefined ? { path, diagnostics } : { path, diagnostics, summary }],
    null,
    2,
  );
  return visibleJson(text.slice(4, -2));
}

/**
 * One entry per file: path, diagnostics and the manifest summary (no text), in an array indented by two spaces. An
 * entry is the text of a one-entry array less its brackets (`[\n  ` and `\n]`): already indented one level in, so
 * the entries joined give the text of `JSON.stringify(entries, null, 2)`, file by file.
 */
export const jsonLayout: ReportLayout = {
  entry,
  open: '[\n  ',
  separator: ',\n  ',
  close: (_totals, entries) => (entries ? '\n]\n' : '[]\n'),
};

export function formatJson(results: readonly FileResult[]): string {
  return formatWith(jsonLayout, results);
}
