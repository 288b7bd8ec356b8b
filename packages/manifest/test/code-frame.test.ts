import { describe, expect, it } from 'vitest';
import { codeFrame } from '../src/cli/code-frame.js';
import { colors } from '../src/cli/colors.js';
import { blankAsWide, displayWidth } from '../src/cli/display-width.js';
import { LineIndex } from '../src/text-position.js';
import { validateManifest } from '../src/validate.js';

const plain = colors(false);

/** The frame of the diagnostic about `versionCode` in a manifest text, and that diagnostic's line:column. */
function frameOf(text: string): { at: string; frame: string[] } {
  const diagnostic = validateManifest(text).diagnostics.find((d) => d.pointer === '/versionCode');
  const { line, column } = diagnostic!.start;
  return { at: `${line}:${column}`, frame: codeFrame(text, diagnostic!, new LineIndex(text), plain).split('\n') };
}

describe('display width', () => {
  it('counts East Asian Wide and Fullwidth characters as two columns, combining marks as none', () => {
    expect(displayWidth('"package": "x"')).toBe(14);
    expect(displayWidth('小米手环 10')).toBe(11);
    expect(displayWidth('ＡＢ')).toBe(4); // fullwidth Latin
    expect(displayWidth('e\u0301')).toBe(1); // e + combining acute accent
    expect(displayWidth('😀')).toBe(2); // one code point, two UTF-16 units, two columns
    expect(displayWidth('𝐀')).toBe(1); // two UTF-16 units, one column
    expect(displayWidth('a\u200bb')).toBe(2); // zero-width space
    expect(displayWidth('\u001b')).toBe(1); // shown as one dot by the frame
  });

  it('blanks text to its width, keeping tabs', () => {
    expect(blankAsWide('\t"名": ')).toBe('\t      ');
    expect(blankAsWide('ab')).toBe('  ');
  });
});

describe('code frame', () => {
  it('puts the caret under the value after wide characters, while line:column stay UTF-16 units', () => {
    const text = '{\n  "name": "小米手环 10", "versionCode": "1"\n}\n';
    const { at, frame } = frameOf(text);
    expect(at).toBe('2:37');
    // 36 code units before the value, four of them CJK characters of two columns each: 40 columns.
    expect(frame).toEqual([
      '  1 | {',
      '> 2 |   "name": "小米手环 10", "versionCode": "1"',
      `    | ${' '.repeat(40)}^^^`,
      '  3 | }',
    ]);
  });

  it('underlines a value of wide characters with as many carets as it takes columns', () => {
    const { at, frame } = frameOf('{\n  "versionCode": "一",\n  "name": "x"\n}\n');
    expect(at).toBe('2:18');
    expect(frame[2]).toBe(`    | ${' '.repeat(17)}^^^^`);
  });

  it('counts a combining mark as no column', () => {
    // "Café" with a combining accent: five code units, four columns.
    const { at, frame } = frameOf('{\n  "name": "Cafe\u0301", "versionCode": "1"\n}\n');
    expect(at).toBe('2:35');
    // 34 code units before the value, one of them the accent: 33 columns.
    expect(frame[2]).toBe(`    | ${' '.repeat(33)}^^^`);
  });
});
