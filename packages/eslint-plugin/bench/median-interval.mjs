// @ts-check
// The median of a few measurements, and a distribution-free interval for it (order statistics), so a reader sees how
// far the bench's median of the round ratios could move: it assumes only that the rounds are independent draws, not
// that their noise is normal (machine noise is not).

/**
 * The median: the middle value, or the mean of the two middle ones; NaN for no values.
 * @param {readonly number[]} values
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ index) => sorted[index] ?? Number.NaN;
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/**
 * P(X <= k) for X ~ Binomial(n, 1/2).
 * @param {number} n
 * @param {number} k
 */
function binomialHalfAtMost(n, k) {
  let term = 0.5 ** n; // C(n, 0) / 2^n
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

/**
 * The narrowest interval between order statistics, [x(r), x(n + 1 - r)] of the sorted values, that holds the median
 * of what was measured with at least the given confidence: its coverage is 1 - 2 P(X <= r - 1), X ~ Binomial(n, 1/2).
 * Undefined when there are too few values to reach that confidence at all (fewer than 6 for 95 %).
 * @param {readonly number[]} values
 * @param {number} [confidence]
 * @returns {{ low: number, high: number, rank: number, coverage: number } | undefined}
 */
export function medianInterval(values, confidence = 0.95) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  /** @type {{ low: number, high: number, rank: number, coverage: number } | undefined} */
  let best;
  for (let rank = 1; rank <= Math.floor((n + 1) / 2); rank++) {
    const coverage = 1 - 2 * binomialHalfAtMost(n, rank - 1);
    if (coverage < confidence) break;
    best = {
      low: /** @type {number} */ (sorted[rank - 1]),
      high: /** @type {number} */ (sorted[n - rank]),
      rank,
      coverage,
    };
  }
  return best;
}
