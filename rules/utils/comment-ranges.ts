/**
 * Where the comments of a JavaScript or TypeScript text are, for the app-source scan: a `@system.*` module named in a
 * comment is not a use. A small scanner, not a parser: it jumps from one character that may change what follows (a
 * quote, a backtick, a `/`, and the braces of template substitutions) to the next, skipping strings, template
 * literals and regular expression literals, so that `'//'`, `"https://x"` or `/[/*]/` opens no comment. Whether a
 * `/` starts a regular expression or divides is told from the token before it, as a tokenizer's rule of thumb does;
 * where it guesses wrong (`a++ / b`, `} / 2`), a regular expression and a string both end at the line's end, so the
 * error stays on that line.
 */

/** Words after which a `/` starts a regular expression, not a division. */
const regexAfter = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

const outsideTemplates = /['"`/]/gu;
const insideSubstitutions = /['"`/{}]/gu;
const lineEnd = /[\n\r\u2028\u2029]/gu;

/**
 * The comments that start before `stop` in `text[start..]`, as [start, end) offset pairs in one flat array, in order.
 */
export function commentRanges(text: string, start: number, stop: number): number[] {
  const ranges: number[] = [];
  // The brace depth at which each open template substitution (`${`) closes, innermost last.
  const substitutions: number[] = [];
  let depth = 0;
  let at = start;
  while (at < stop) {
    const next = substitutions.length === 0 ? outsideTemplates : insideSubstitutions;
    next.lastIndex = at;
    const found = next.exec(text);
    if (found === null || found.index >= stop) break;
    const index = found.index;
    switch (text.charCodeAt(index)) {
      case 47 /* / */: {
        const after = text.charCodeAt(index + 1);
        if (after === 47) {
          lineEnd.lastIndex = index + 2;
          at = lineEnd.exec(text)?.index ?? text.length;
          ranges.push(index, at);
        } else if (after === 42 /* * */) {
          const close = text.indexOf('*/', index + 2);
          at = close < 0 ? text.length : close + 2;
          ranges.push(index, at);
        } else {
          at = startsRegex(text, index, start, ranges) ? regexEnd(text, index + 1) : index + 1;
        }
        break;
      }
      case 39 /* ' */:
      case 34 /* " */:
        at = stringEnd(text, index + 1, text.charCodeAt(index));
        break;
      case 96 /* ` */:
        at = templateEnd(text, index + 1);
        if (text.charCodeAt(at - 1) === 123 /* { */ && text.charCodeAt(at - 2) === 36 /* $ */)
          substitutions.push(depth);
        break;
      case 123 /* { */:
        depth++;
        at = index + 1;
        break;
      default:
        /* } */ if (depth === substitutions.at(-1)) {
          substitutions.pop();
          at = templateEnd(text, index + 1);
          if (text.charCodeAt(at - 1) === 123 && text.charCodeAt(at - 2) === 36) substitutions.push(depth);
        } else {
          depth--;
          at = index + 1;
        }
    }
  }
  return ranges;
}

/** True when `offset` lies in one of the `ranges` (`commentRanges`). */
export function inRanges(ranges: readonly number[], offset: number): boolean {
  let low = 0;
  let high = ranges.length / 2;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle * 2 + 1]! <= offset) low = middle + 1;
    else high = middle;
  }
  return low < ranges.length / 2 && ranges[low * 2]! <= offset;
}

function isIdentifierPart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    code > 127
  );
}

/** JavaScript's whitespace and line ends, as `\s` takes them. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Whether the `/` at `index` starts a regular expression: after an operator, an opening bracket, a `}` or a keyword
 * such as `return`; not after a name, a number, a literal or a closing `)` or `]`. Comments before it are skipped.
 */
function startsRegex(text: string, index: number, start: number, comments: readonly number[]): boolean {
  let before = index - 1;
  let comment = comments.length - 2;
  for (;;) {
    while (before >= start && isSpace(text.charCodeAt(before))) before--;
    if (before < start) return true;
    if (comment >= 0 && comments[comment + 1] === before + 1) {
      before = comments[comment]! - 1;
      comment -= 2;
    } else break;
  }
  const code = text.charCodeAt(before);
  if (isIdentifierPart(code)) {
    let word = before;
    while (word > start && isIdentifierPart(text.charCodeAt(word - 1))) word--;
    return regexAfter.has(text.slice(word, before + 1));
  }
  // `)`, `]`, and the end of a string or template literal.
  return !(code === 41 || code === 93 || code === 39 || code === 34 || code === 96);
}

/** The offset after a regular expression literal whose body starts at `from`, or `from` when none ends on its line. */
function regexEnd(text: string, from: number): number {
  let inClass = false;
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 92 /* \ */) at++;
    else if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) return from;
    else if (code === 91 /* [ */) inClass = true;
    else if (code === 93 /* ] */) inClass = false;
    else if (code === 47 /* / */ && !inClass) return at + 1;
  }
  return from;
}

/** The offset after a string literal whose text starts at `from`; an unclosed one ends at its line's end. */
function stringEnd(text: string, from: number, quote: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === quote) return at + 1;
    if (code === 92 /* \ */) {
      // A backslash before a CR LF continues the string over both.
      if (text.charCodeAt(at + 1) === 13 && text.charCodeAt(at + 2) === 10) at++;
      at++;
    } else if (code === 10 || code === 13) return at;
  }
  return text.length;
}

/** The offset after a template literal's closing backtick, or after the `${` of its next substitution. */
function templateEnd(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 96 /* ` */) return at + 1;
    if (code === 92 /* \ */) at++;
    else if (code === 36 /* $ */ && text.charCodeAt(at + 1) === 123 /* { */) return at + 2;
  }
  return text.length;
}
