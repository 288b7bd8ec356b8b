import { dirname, relative, sep } from 'node:path';
import { findFeature } from '@velakit/catalog';
import { appSourcesFor } from './utils/app-sources.js';
import { memberValue } from './utils/json-ast.js';
import { createJsonRule } from './utils/rule.js';

type MessageIds = 'unusedFeature' | 'removeFeature';

function shown(cwd: string, dir: string): string {
  const path = relative(cwd, dir).split(sep).join('/');
  return path === '' ? './' : path.startsWith('..') ? `${dir.split(sep).join('/')}/` : `${path}/`;
}

export default createJsonRule<[], MessageIds>({
  name: 'no-unused-feature',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report features declared in `manifest.json` that no source file of the app imports',
      recommended: 'recommended',
      language: 'json',
      readsManifest: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      unusedFeature:
        '`{{feature}}` is declared, but none of the {{count}} source files under {{dir}} uses `@{{feature}}`.',
      removeFeature: 'Remove the `{{feature}}` declaration.',
    },
  },
  create(context) {
    return {
      Document(document) {
        const features = memberValue(document.body, 'features');
        if (features?.type !== 'Array') return;
        const declared = features.elements
          .map((element, index) => ({ element, index, name: memberValue(element.value, 'name') }))
          .flatMap(({ element, index, name }) => (name?.type === 'String' ? [{ element, index, name }] : []));
        if (declared.length === 0) return;
        const appDir = dirname(context.filename);
        const sources = appSourcesFor(context);
        // No source file under the manifest's folder says nothing about use (a manifest linted on its own).
        if (sources.fileCount === 0) return;
        const elements = features.elements;
        for (const { element, index, name } of declared) {
          const feature = name.value;
          // Unknown and malformed names (`@system.request`) are valid-manifest's to report (with a suggestion); one
          // finding per mistake is enough.
          if (sources.used.has(feature) || !findFeature(feature)) continue;
          // Removing an element takes one neighbouring comma with it: the one before, or after the first element.
          const start = index > 0 ? elements[index - 1]!.loc.end.offset : element.loc.start.offset;
          const end = index > 0 || elements.length === 1 ? element.loc.end.offset : elements[1]!.loc.start.offset;
          context.report({
            loc: name.loc,
            messageId: 'unusedFeature',
            data: { feature, count: sources.fileCount, dir: shown(context.cwd, appDir) },
            suggest: [
              { messageId: 'removeFeature', data: { feature }, fix: (fixer) => fixer.removeRange([start, end]) },
            ],
          });
        }
      },
    };
  },
});
