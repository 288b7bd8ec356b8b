import { describe, expect, it } from 'vitest';
import { supportRow } from '../src/support-row.js';

describe('supportRow', () => {
  it('expands the shared Band 9 column to both bands', () => {
    expect(supportRow('✘✘✔✘✘✘✘✘✘✘✘')).toEqual(['xiaomi-band-9', 'xiaomi-band-9-pro']);
  });

  it('rejects a row of the wrong length or with other marks', () => {
    expect(() => supportRow('✔✔')).toThrow(/11 marks/u);
    expect(() => supportRow('✔✔✔✔✔✔✔✔✔✔x')).toThrow(/11 marks/u);
  });
});
