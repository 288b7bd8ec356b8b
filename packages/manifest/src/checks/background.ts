import { didYouMeanSentence, listAnd, modules, suggest } from '@velakit/catalog';
import { arrayAt, objectAt } from '../json-value.js';
import { pointerOf } from '../pointer.js';
import type { CheckContext } from './context.js';

const backgroundFeatures = modules.filter((module) => module.background).map((module) => module.name);

/** Background features are ones Vela lets run in the background, and are declared in `features`. */
export function checkBackgroundFeatures({ manifest, summary, reporter }: CheckContext): void {
  const entries = arrayAt(objectAt(objectAt(manifest, 'config'), 'background'), 'features');
  if (entries === undefined) return;
  const declared = new Set(summary.features);
  entries.forEach((name, index) => {
    if (typeof name !== 'string') return;
    if (backgroundFeatures.includes(name) && declared.has(name)) return; // allowed and declared: the usual case
    const pointer = pointerOf('config', 'background', 'features', index);
    if (!backgroundFeatures.includes(name)) {
      const suggestions = suggest(name, backgroundFeatures, { max: 1 });
      reporter.report(
        'background-not-allowed',
        `"${name}" cannot run in the background; Vela allows ${listAnd(backgroundFeatures)}.${didYouMeanSentence(suggestions)}`,
        pointer,
        suggestions[0] === undefined ? {} : { suggestion: suggestions[0] },
      );
    } else if (!declared.has(name) && !summary.invalid.features) {
      // A `features` that is not a list declares nothing the schema lets through: its type error is the one report.
      reporter.report(
        'undeclared-background-feature',
        `${name} runs in the background but is not declared in "features": add { "name": "${name}" } there.`,
        pointer,
      );
    }
  });
}
