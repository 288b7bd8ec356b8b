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
    const spelling = closeFeatureSpelling(name);
    const suggestions = spelling === undefined ? [] : [spelling];
    const hint = didYouMeanSentence(suggestions);
    reporter.report(
      'unknown-feature',
      `"${name}" is not a Vela feature velakit knows.${hint}`,
      pointerOf('features', index, 'name'),
      suggestions[0] === undefined ? {} : { suggestion: suggestions[0] },
    );
  }
}

/**
 * The known feature a name is a close misspelling of ("system.storge" → "system.storage"), or undefined: only close
 * spellings count, so "system.teleport" suggests nothing ("system.event" is too far).
 */
function closeFeatureSpelling(name: string): string | undefined {
  const local = name.slice(name.indexOf('.') + 1);
  return suggestModules(name, 1).find((s) => editDistance(name, s) <= Math.max(2, Math.floor(local.length / 3)));
}

/**
 * For a declared feature name velakit does not know, the known feature it misspells, as valid-manifest suggests it
 * (`unknown-feature`); undefined for a known name, a phone service (`service.*`) and a name close to none. The source
 * rules use it to leave such an entry to valid-manifest: asking to add the right name beside it would leave the two.
 */
export function misspelledFeature(name: string): string | undefined {
  if (findFeature(name) !== undefined || isPhoneService(name) || !featureNameRegExp.test(name)) return undefined;
  return closeFeatureSpelling(name);
}
