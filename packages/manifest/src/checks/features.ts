import { findModule, suggestModules } from '@velakit/catalog';
import { didYouMean } from '../english.js';
import { pointerOf } from '../pointer.js';
import { declaredFeatures } from '../summary.js';
import type { CheckContext } from './context.js';

/** Each feature declared once, and known to velakit. */
export function checkFeatureNames({ manifest, reporter }: CheckContext): void {
  const firstIndex = new Map<string, number>();
  for (const { name, index } of declaredFeatures(manifest)) {
    const pointer = pointerOf('features', index, 'name');
    const first = firstIndex.get(name);
    if (first !== undefined) {
      reporter.report('duplicate-feature', `"${name}" is already declared in features[${first}].`, pointer);
      continue;
    }
    firstIndex.set(name, index);
    if (findModule(name) !== undefined) continue;
    const suggestions = name.startsWith('@') ? [name.slice(1)].filter((bare) => findModule(bare) !== undefined) : suggestModules(name);
    const hint = name.startsWith('@') && suggestions.length > 0 ? ' Feature names have no "@".' : didYouMean(suggestions);
    reporter.report(
      'unknown-feature',
      `"${name}" is not a Vela feature velakit knows.${hint}`,
      pointer,
      suggestions[0] === undefined ? {} : { suggestion: suggestions[0] },
    );
  }
}
