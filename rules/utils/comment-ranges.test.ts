import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@typescript-eslint/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentRanges, inRanges } from './comment-ranges.js';
import { uxScriptRange } from './ux-script.js';

/** The comments a parser finds, as [start, end) pairs in one array, as `commentRanges` gives them. */
function parsedComments(text: string): number[] {
  const ast = parse(text, { comment: true, range: true, sourceType: 'module', ecmaVersion: 'latest' });
  return (ast.comments ?? []).flatMap((comment) => comment.range);
}

// Whole statements, so that every arrangement is a program: comments, and the strings, template literals, regular
// expressions and divisions a comment scanner must not take for comments.
const statements = [
  '// a line comment\n',
  '/* a block */',
  '/** doc * / * */\n',
  "import fetch from '@system.fetch' // trailing\n",
  "var url = 'https://example.com' + \"//\" + '/*';\n",
  "var quoted = 'it\\'s // not' + \"a \\\" /* b\" + '\\\\';\n",
  'var half = total / 2 / count;\n',
  'var ratio = (a + b) / c[0] / d.e;\n',
  'var re = /\\/\\*[/*]/g;\n',
  'var slashes = /[/]\\//u.test(url);\n',
  'if (/\\/\\//.test(url)) go();\n',
  'function f() { return /x\\/*/.exec(a) }\n',
  'var t = `a ${`b ${c}`} /* ${{ d: "}" }.d} //`;\n',
  'var u = `line\n// still the template\n${x /* in a substitution */}`;\n',
  'var o = { a: 1, b: { c: "//" } } /* after a brace */;\n',
  'var x = typeof /re/;\n',
  'var y = a /* between */ / b;\n',
  "var s = '@system.storage'; /* '@system.battery' */\n",
  '\n',
  '\r\n',
];

describe('commentRanges', () => {
  it('finds the comments a parser finds, in any arrangement of statements', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...statements), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(commentRanges(text, 0, text.length)).toEqual(parsedComments(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('finds the comments a parser finds in the fixture apps', () => {
    const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (path) => /\.(?:m?js|ts|ux)$/u.test(path) && !path.includes('node_modules') && !path.endsWith('.d.ts'),
    );
    let checked = 0;
    for (const path of files) {
      const text = readFileSync(join(root, path), 'utf8');
      // A .ux file's script, at its place in the file.
      const { start, end } = path.endsWith('.ux')
        ? (uxScriptRange(text) ?? { start: 0, end: 0 })
        : { start: 0, end: text.length };
      let expected: number[];
      try {
        expected = parsedComments(text.slice(start, end)).map((offset) => offset + start);
      } catch {
        continue;
      }
      expect({ path, ranges: commentRanges(text, start, end) }).toEqual({ path, ranges: expected });
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('looks for comments from `start` and only up to `stop`', () => {
    const text = '<script>\n// one\n</script>';
    expect(commentRanges(text, 9, text.length)).toEqual([9, 15]);
    const later = 'a // one\nb // two\n';
    expect(commentRanges(later, 0, 4)).toEqual([2, 8]);
    expect(commentRanges(later, 0, 2)).toEqual([]);
  });

  it('ends an unclosed block comment, string or template at the end of the text, and a string at its line', () => {
    expect(commentRanges('a /* open', 0, 9)).toEqual([2, 9]);
    expect(commentRanges("'open\n// c", 0, 10)).toEqual([6, 10]);
    expect(commentRanges('`open // c', 0, 10)).toEqual([]);
  });

  it('inRanges tells whether an offset lies in a comment', () => {
    const ranges = [2, 5, 9, 12];
    expect([0, 2, 4, 5, 8, 9, 11, 12, 20].map((offset) => inRanges(ranges, offset))).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(inRanges([], 3)).toBe(false);
  });
});
