import { describe, expect, it } from 'vitest';
import { median, medianInterval } from '../bench/median-interval.mjs';

describe('medianInterval (the lint bench)', () => {
  it('takes the narrowest order statistics that reach the confidence', () => {
    const values = Array.from({ length: 21 }, (_, index) => 20 - index); // 20 … 0, unsorted on purpose
    // n = 21: P(X <= 5) = 0.0133, so ranks 6 and 16 cover 97.3 %; rank 7 would cover only 92.2 %.
    const interval = medianInterval(values)!;
    expect(interval.rank).toBe(6);
    expect([interval.low, interval.high]).toEqual([5, 15]);
    expect(interval.coverage).toBeCloseTo(0.9734, 4);
  });

  it('matches the classic table for 11 rounds (ranks 2 and 10, 98.8 %)', () => {
    const interval = medianInterval([0.3, 0.1, 0.5, 0.2, 0.9, 0.4, 0.8, 0.6, 0.7, 1.0, 0.0])!;
    expect(interval.rank).toBe(2);
    expect([interval.low, interval.high]).toEqual([0.1, 0.9]);
    expect(interval.coverage).toBeCloseTo(1 - 24 / 2048, 6);
  });

  it('widens for a higher confidence, and gives none when the rounds are too few to reach it', () => {
    const values = Array.from({ length: 21 }, (_, index) => index);
    expect(medianInterval(values, 0.99)!.rank).toBe(5);
    expect(medianInterval([1, 2, 3, 4, 5])).toBeUndefined();
    expect(medianInterval([1, 2, 3, 4, 5, 6])).toEqual({ low: 1, high: 6, rank: 1, coverage: 1 - 2 / 64 });
    expect(medianInterval([])).toBeUndefined();
  });
});

describe('median (the lint benches)', () => {
  it('is the middle value of an odd count and the mean of the two middle ones of an even count, in any order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([-3, 7])).toBe(2);
    expect(median([6])).toBe(6);
  });

  it('is NaN for no values and leaves its input unsorted', () => {
    expect(median([])).toBeNaN();
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
