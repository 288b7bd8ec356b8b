import { describe, expect, it } from 'vitest';
import { renderTable } from '../src/text-table.js';

describe('renderTable', () => {
  it('aligns columns by the width a terminal gives each character', () => {
    // `小米` and `𠮷` (outside the Basic Multilingual Plane) take two columns each, `⌚` too; `é` written with a
    // combining accent takes one.
    const table = renderTable(
      ['device', 'mark'],
      [
        ['小米', '✔'],
        ['𠮷', '✘'],
        ['⌚ band', '✔'],
        ['e\u0301t\u00e9', '✔'],
      ],
      ['left', 'center'],
    );
    // The first column is as wide as `⌚ band` (seven columns); marks are centred under `mark`.
    expect(table.split('\n')).toEqual([
      'device   mark',
      '───────  ────',
      '小米       ✔',
      '𠮷         ✘',
      '⌚ band    ✔',
      'e\u0301té        ✔',
      '',
    ]);
  });

  it('keeps plain text as it is', () => {
    expect(renderTable(['a', 'bb'], [['ccc', 'd']])).toBe('a    bb\n───  ──\nccc  d\n');
  });
});
