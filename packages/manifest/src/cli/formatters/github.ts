import type { FileResult } from '../file-result.js';

// GitHub's workflow-command escaping: data escapes %, CR, LF; properties also escape : and ,.
const escapeData = (text: string) => text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');

const commands = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Workflow annotations (`::error file=...,line=...::message`) that GitHub shows on the pull request diff. */
export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const d of result.diagnostics) {
      const properties = [
        `file=${escapeProperty(result.path.replace(/\\/gu, '/'))}`,
        `line=${d.start.line}`,
        `col=${d.start.column}`,
        `endLine=${d.end.line}`,
        `endColumn=${d.end.column}`,
        `title=${escapeProperty(`velakit-manifest(${d.code})`)}`,
      ].join(',');
      lines.push(`::${commands[d.severity]} ${properties}::${escapeData(d.message)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
