import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/text-position.js';

/** Line and column by walking the text from the start: `\r\n`, `\n` and a lone `\r` end a line. */
function naivePosition(text: string, offset: number) {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1, offset: at };
}

describe('LineIndex', () => {
  // Scanning stops at the first line start past the offset asked for: the answers must not depend on the order of
  // the questions, whatever the line ends.
  const texts = fc
    .array(fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '\r', '\r\r', '\n\n'), { maxLength: 30 })
    .map((parts) => parts.join(''));

  it('places any offset, asked in any order, as a walk from the start does', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.integer({ min: -2, max: 80 }), { maxLength: 12 }), (text, offsets) => {
        const lines = new LineIndex(text);
        for (const offset of offsets) expect(lines.position(offset)).toEqual(naivePosition(text, offset));
      }),
    );
  });

  it('gives every line and the line count after partial scans', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 40 }), (text, early) => {
        const lines = new LineIndex(text);
        lines.position(early); // scans part of the text only
        const expected = text.split(/\r\n|\n|\r/u);
        expect(lines.lineCount).toBe(expected.length);
        expected.forEach((line, index) => expect(lines.lineText(index + 1)).toBe(line));
        expect(lines.lineText(expected.length + 1)).toBe('');
      }),
    );
  });

  it('places an offset between the two characters of a CRLF on the line the pair ends', () => {
    const lines = new LineIndex('ab\r\ncd');
    expect(lines.position(3)).toEqual({ line: 1, column: 4, offset: 3 });
    expect(lines.position(4)).toEqual({ line: 2, column: 1, offset: 4 });
    expect(lines.position(1)).toEqual({ line: 1, column: 2, offset: 1 });
  });
});
