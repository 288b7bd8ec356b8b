/** A function of one string whose answers are kept, up to `max` of them. */
export interface BoundedMemo<V> {
  (key: string): V;
  /** How many answers are kept now. */
  readonly size: number;
}

/**
 * Keeps `compute`'s answers for the keys seen last: the same misspelt device recurs across a repository's manifests,
 * but a run over 50,000 generated manifests (or one manifest with 20,000 distinct bad entries) must not grow memory
 * without end. When full, the oldest answer goes (a Map iterates in insertion order).
 */
export function boundedMemo<V>(compute: (key: string) => V, max: number): BoundedMemo<V> {
  const kept = new Map<string, V>();
  const memo = (key: string): V => {
    if (kept.has(key)) return kept.get(key)!;
    const value = compute(key);
    if (kept.size >= max) kept.delete(kept.keys().next().value!);
    kept.set(key, value);
    return value;
  };
  Object.defineProperty(memo, 'size', { get: () => kept.size });
  return memo as BoundedMemo<V>;
}
