/** Optimal string alignment distance (Levenshtein plus adjacent swaps), so `requst` and `reqeust` are both 1 away. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      const previous = d[i - 1]!;
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      row[j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

export interface SuggestOptions {
  /** How many suggestions at most. Default 3. */
  max?: number;
}

/**
 * The candidates closest to `input`, best first, compared case-insensitively.
 * A candidate qualifies when few edits separate it from the input (a third of the input's length, at least 2),
 * or when one contains the other, so `band 8` finds `xiaomi-band-8-pro`.
 */
export function suggest(input: string, candidates: Iterable<string>, options: SuggestOptions = {}): string[] {
  const max = options.max ?? 3;
  const wanted = input.toLowerCase();
  if (wanted.length === 0) return [];
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const lower = candidate.toLowerCase();
    const distance = editDistance(wanted, lower);
    if (distance <= limit) {
      scored.push({ candidate, score: distance });
    } else if (wanted.length >= 3 && (lower.includes(wanted) || wanted.includes(lower))) {
      scored.push({ candidate, score: limit + 1 + Math.abs(lower.length - wanted.length) / 100 });
    }
  }
  return scored
    .sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate))
    .slice(0, max)
    .map((entry) => entry.candidate);
}
