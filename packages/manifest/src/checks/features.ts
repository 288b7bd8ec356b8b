import { didYouMeanSentence, editDistance, findFeature, isPhoneService, suggestModules } from '@velakit/catalog';
import { pointerOf } from '../pointer.js';
import { featureNameRegExp } from '../schema/feature-name.js';
import type { CheckContext } from './context.js';

/**
 * Each feature declared once, and known to velakit. A name not shaped like a feature name (`@system.request`) is the
 * schema's to report, once: nothing else is said about it.
 */
export function checkFeatureNames({ features, reporter }: CheckContext): void {
  const firstIndex = new Map<string, number>();
  for (const { name, index } of features) {
    const first = firstIndex.get(name);
    if (first !== undefined) {
      if (!featureNameRegExp.test(name)) continue;
      reporter.report(
        'duplicate-feature',
        `"${name}" is already declared in features[${first}].`,
        pointerOf('features', index, 'name'),
      );
      continue;
    }
    firstIndex.set(name, index);
    if (findFeature(name) !== undefined) continue;
    if (!featureNameRegExp.test(name)) continue; // not even shaped like a feature name: the schema reports it
    if (isPhoneService(name)) {
      // Left over from a phone app: a spelling hint would mislead, what the porter needs is what it is.
      reporter.report(
        'unknown-feature',
        `"${name}" is a phone quick-app service, not a Vela feature: the Vela docs describe no "service.*" feature. Remove it, and the code that uses it, from the watch app.`,
        pointerOf('features', index, 'name'),
      );
      continue;
    }
    // Only close spellings: "system.teleport" should not suggest "system.event".
    const local = name.slice(name.indexOf('.') + 1);
    const suggestions = suggestModules(name, 1).filter(
      (s) => editDistance(name, s) <= Math.max(2, Math.floor(local.length / 3)),
    );
    const hint = didYouMeanSentence(suggestions);
    reporter.report(
      'unknown-feature',
      `"${name}" is not a Vela feature velakit knows.${hint}`,
      pointerOf('features', index, 'name'),
      suggestions[0] === undefined ? {} : { suggestion: suggestions[0] },
    );
  }
}
