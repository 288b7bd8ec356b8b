import { visible } from '../../visible-text.js';
import type { FileResult } from '../file-result.js';
import { formatWith, type ReportLayout } from '../report-layout.js';

// GitHub's workflow-command escaping: data escapes %, CR, LF; properties also escape : and ,.
// Control characters are made visible first (messages already are; file names may not be): the runner echoes each
// command into the log, where an escape sequence would act.
const escapeData = (text: string) => visible(text).replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');

const commands = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Where an annotation points: 1-based lines and columns, end exclusive as in the diagnostics. */
export interface AnnotationPlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number | undefined;
  readonly endColumn?: number | undefined;
}

/** One workflow annotation line (`::error file=...,line=...::message`), escaped, without the newline. */
export function githubAnnotation(
  severity: keyof typeof commands,
  place: AnnotationPlace,
  title: string,
  message: string,
): string {
  const properties = [
    `file=${escapeProperty(place.file.replace(/\\/gu, '/'))}`,
    `line=${place.line}`,
    `col=${place.column}`,
    ...(place.endLine === undefined ? [] : [`endLine=${place.endLine}`]),
    ...(place.endColumn === undefined ? [] : [`endColumn=${place.endColumn}`]),
    `title=${escapeProperty(title)}`,
  ].join(',');
  return `::${commands[severity]} ${properties}::${escapeData(message)}`;
}

/** The annotations of one file, one per line (without the last line break). */
function annotations(result: FileResult, titlePrefix: string): string {
  const lines: string[] = [];
  for (const d of result.diagnostics) {
    const place = {
      file: result.path,
      line: d.start.line,
      column: d.start.column,
      endLine: d.end.line,
      endColumn: d.end.column,
    };
    lines.push(githubAnnotation(d.severity, place, `${titlePrefix}(${d.code})`, d.message));
  }
  return lines.join('\n');
}

/** Workflow annotations, file by file (see report-layout.ts). */
export function githubLayout(titlePrefix = 'velakit-manifest'): ReportLayout {
  return {
    entry: (result) => annotations(result, titlePrefix),
    open: '',
    separator: '\n',
    close: (_totals, entries) => (entries ? '\n' : ''),
  };
}

/** Workflow annotations (`::error file=...,line=...::message`) that GitHub shows on the pull request diff. */
export function formatGithub(results: readonly FileResult[], titlePrefix = 'velakit-manifest'): string {
  return formatWith(githubLayout(titlePrefix), results);
}
