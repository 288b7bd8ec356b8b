// Three rolling rows, reused across calls: optimal string alignment looks two rows back for a swap, and a fresh
// matrix per comparison cost more in garbage than in arithmetic when a CLI suggests for many files.
let rowBeforeLast = new Int32Array(32);
let lastRow = new Int32Array(32);
let row = new Int32Array(32);

/** Stands for "more than max" inside the rows; far from int32 overflow when 1 is added. */
const outside = 0x3fffffff;

/**
 * Optimal string alignment distance (Levenshtein plus adjacent swaps), so `requst` and `reqeust` are both 1 away.
 * With `max`, the answer is exact up to `max` and any larger distance comes back as `max + 1`, which lets a search
 * skip a candidate as soon as it cannot qualify. The work is bounded by the shorter string's length times `max`:
 * only cells within `max` of the diagonal are computed (each step off it costs an edit), and the rows stop as soon
 * as every cell of one is past `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const cap = max + 1;
  if (Math.abs(a.length - b.length) > max) return cap;
  const cols = b.length + 1;
  if (row.length < cols + 1) {
    rowBeforeLast = new Int32Array(cols * 2);
    lastRow = new Int32Array(cols * 2);
    row = new Int32Array(cols * 2);
  }
  const band = Math.min(max, Math.max(a.length, b.length));
  for (let j = 0; j < cols; j++) lastRow[j] = j <= band ? j : outside;
  lastRow[cols] = outside;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const aPrevious = i > 1 ? a.charCodeAt(i - 2) : -1;
    const first = Math.max(1, i - band);
    const last = Math.min(b.length, i + band);
    row[0] = i <= band ? i : outside;
    // The cell left of the band, and the one right of it that the next row reads diagonally, count as too far.
    row[first - 1] = first === 1 ? row[0]! : outside;
    row[last + 1] = outside;
    let rowMin = row[0]!;
    for (let j = first; j <= last; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let best = Math.min(lastRow[j]! + 1, row[j - 1]! + 1, lastRow[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrevious === bj)
        best = Math.min(best, rowBeforeLast[j - 2]! + 1);
      row[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // No row's minimum is below the previous row's (a swap costs at least the diagonal it skips), so once every
    // cell is past `max` the distance is too.
    if (rowMin > max) return cap;
    const spare = rowBeforeLast;
    rowBeforeLast = lastRow;
    lastRow = row;
    row = spare;
  }
  const distance = lastRow[b.length]!;
  return distance > max ? cap : distance;
}

// Strings of ASCII letters, digits, spaces, '-' and '.' (ids, feature names, device names) are put in localeCompare's
// order without it: its first call loads the ICU collator, several milliseconds of a CLI's start-up. For these
// characters the collator compares the letters case-blind in code-unit order, and only between strings that differ
// in case alone puts lower case first.
const asciiText = /^[ \-.0-9A-Za-z]*$/u;

/** localeCompare's order, worked out cheaply for plain ASCII names. */
export function alphabetically(a: string, b: string): number {
  if (!asciiText.test(a) || !asciiText.test(b)) return a.localeCompare(b);
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x > y ? -1 : 1; // lower-case letters have the higher code units
  }
  return 0;
}

export interface SuggestOptions {
  /** How many suggestions at most. Default 3. */
  max?: number;
}

/**
 * The most edits a suggestion may be away, however long the input: past this a name is not a misspelling of
 * another, and the bound keeps a 40,000-character input to a few hundred thousand cells per candidate.
 */
export const maxSuggestionEdits = 8;

/**
 * The candidates closest to `input`, best first, compared case-insensitively.
 * A candidate qualifies when few edits separate it from the input (a third of the input's length, at least 2, at
 * most `maxSuggestionEdits`), or when one contains the other, so `band 8` finds `xiaomi-band-8-pro`.
 */
export function suggest(input: string, candidates: Iterable<string>, options: SuggestOptions = {}): string[] {
  const max = options.max ?? 3;
  const wanted = input.toLowerCase();
  if (wanted.length === 0) return [];
  const limit = Math.min(maxSuggestionEdits, Math.max(2, Math.floor(wanted.length / 3)));
  const scored: { candidate: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate)) continue;
    seen.add(candidate);
    const lower = candidate.toLowerCase();
    const distance = editDistance(wanted, lower, limit);
    if (distance <= limit) {
      scored.push({ candidate, score: distance });
    } else if (wanted.length >= 3 && (lower.includes(wanted) || wanted.includes(lower))) {
      scored.push({ candidate, score: limit + 1 + Math.abs(lower.length - wanted.length) / 100 });
    }
  }
  return scored
    .sort((x, y) => x.score - y.score || alphabetically(x.candidate, y.candidate))
    .slice(0, max)
    .map((entry) => entry.candidate);
}
