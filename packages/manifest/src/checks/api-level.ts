import { findFeature, listAnd } from '@velakit/catalog';
import { pointerOf } from '../pointer.js';
import type { CheckContext } from './context.js';

/**
 * `minAPILevel` is at least the API level of every declared feature, except features nothing uses (reported as unused)
 * and features whose calls the source rules judge (`checkedFeatures`: a feature-detected call is fine below the level).
 * A `minAPILevel` of the wrong type or range is the schema's one report: no level is judged against it.
 */
export function checkApiLevel({ features, summary, reporter, usedFeatures, checkedFeatures }: CheckContext): void {
  if (summary.invalid.minAPILevel) return;
  const needs: { name: string; index: number; level: number }[] = [];
  for (const { name, index } of features) {
    const module = findFeature(name);
    if (
      module === undefined ||
      module.apiLevel <= summary.minAPILevel ||
      (usedFeatures !== undefined && !usedFeatures.has(name))
    )
      continue;
    if (checkedFeatures?.has(name)) continue;
    if (!needs.some((need) => need.name === name)) needs.push({ name, index, level: module.apiLevel });
  }
  if (needs.length === 0) return;
  if (summary.has.minAPILevel) {
    const highest = Math.max(...needs.map((need) => need.level));
    reporter.report(
      'api-level-too-low',
      `minAPILevel is ${summary.minAPILevel}, but ${listAnd(needs.map((need) => `${need.name} needs API level ${need.level}`))}.`,
      '/minAPILevel',
      { suggestion: String(highest) },
    );
    return;
  }
  for (const need of needs) {
    reporter.report(
      'api-level-too-low',
      `${need.name} needs API level ${need.level}, but the manifest has no "minAPILevel" (so it is 1): add "minAPILevel": ${need.level}.`,
      pointerOf('features', need.index, 'name'),
    );
  }
}
