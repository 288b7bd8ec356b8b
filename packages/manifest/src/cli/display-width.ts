import { eastAsianWidth } from 'get-east-asian-width';
import { hasInvisible } from '../visible-text.js';

/** Printable ASCII and tabs: one column per character, the common case (no per-character work). */
const plainText = /^[\t\x20-\x7e]*$/u;
/**
 * Characters a terminal draws in no column of their own: combining marks (over the character before them) and the
 * default-ignorable ones (zero-width space and joiner, variation selectors). The bidi controls among the latter are
 * shown as a dot by the code frame (see visible-text.ts), so they are counted before this test.
 */
const zeroWidth = /^[\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}]$/u;

/** Columns one code point takes in a terminal as the code frame shows it: 0, 1 or 2 (East Asian Wide and Fullwidth). */
function codePointWidth(char: string): number {
  if (hasInvisible(char)) return 1; // shown as one dot
  if (zeroWidth.test(char)) return 0;
  return eastAsianWidth(char.codePointAt(0)!);
}

/**
 * Blank text as wide as `text` is in a terminal, for the space before a caret: tabs are kept (so both lines indent
 * alike), a wide character (`小`) becomes two spaces, a combining mark none. Columns in diagnostics stay UTF-16 units;
 * only the drawing needs display columns.
 */
export function blankAsWide(text: string): string {
  if (plainText.test(text)) return text.replace(/[^\t]/gu, ' ');
  let blank = '';
  for (const char of text) blank += char === '\t' ? '\t' : ' '.repeat(codePointWidth(char));
  return blank;
}

/** Columns `text` takes in a terminal (tabs count one: the caret line copies them instead). */
export function displayWidth(text: string): number {
  if (plainText.test(text)) return text.length;
  let width = 0;
  for (const char of text) width += char === '\t' ? 1 : codePointWidth(char);
  return width;
}
