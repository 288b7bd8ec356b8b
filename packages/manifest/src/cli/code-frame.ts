import type { Diagnostic } from '../diagnostic.js';
import { LineIndex } from '../text-position.js';
import type { Colors } from './colors.js';
import { hasInvisible, invisibleCharacters } from '../visible-text.js';
import { blankAsWide, displayWidth } from './display-width.js';

const linesAround = 2;
/** Wider lines (minified manifests) are cut to a window around the diagnostic. */
const maxWidth = 100;

/** One dot per character a terminal would act on (see visible-text.ts), so columns stay aligned with the caret. */
function sanitize(text: string): string {
  // Tabs stay: the caret line copies them, so both lines indent alike.
  return hasInvisible(text) ? text.replace(invisibleCharacters, (char) => (char === '\t' ? char : '\u00b7')) : text;
}

/**
 * The lines around a diagnostic with the span underlined, like ESLint's codeframe formatter. The caret is placed and
 * sized in terminal columns (a CJK character takes two), while the `line:column` above it counts UTF-16 units.
 */
export function codeFrame(text: string, diagnostic: Diagnostic, lines: LineIndex, c: Colors): string {
  if (text.length === 0) return '';
  const { line, column } = diagnostic.start;
  const first = Math.max(1, line - linesAround);
  let last = Math.min(lines.lineCount, line + linesAround);
  // The empty line after a final newline adds nothing.
  if (last > line && lines.lineText(last) === '') last--;
  const gutterWidth = String(last).length;
  const target = lines.lineText(line);
  // One window for all shown lines so columns stay aligned.
  const windowStart =
    target.length > maxWidth ? Math.max(0, Math.min(column - 1 - maxWidth / 2, target.length - maxWidth)) : 0;
  const cut = (textLine: string) => {
    if (textLine.length <= maxWidth && windowStart === 0) return textLine;
    const slice = textLine.slice(windowStart, windowStart + maxWidth);
    return `${windowStart > 0 ? '…' : ''}${slice}${windowStart + maxWidth < textLine.length ? '…' : ''}`;
  };
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? c.red('>') : ' ';
    const gutter = String(n).padStart(gutterWidth);
    out.push(`${marker} ${c.dim(`${gutter} |`)} ${sanitize(cut(lines.lineText(n)))}`.trimEnd());
    if (n === line) {
      const endColumn = diagnostic.end.line === line ? diagnostic.end.column : target.length + 1;
      const width = Math.max(1, Math.min(displayWidth(target.slice(column - 1, endColumn - 1)), maxWidth));
      const lead = blankAsWide(target.slice(windowStart, column - 1));
      const shift = windowStart > 0 ? ' ' : '';
      out.push(`  ${' '.repeat(gutterWidth)} ${c.dim('|')} ${shift}${lead}${c.red('^'.repeat(width))}`);
    }
  }
  return out.join('\n');
}
