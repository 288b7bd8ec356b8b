import { suggest } from '@velakit/catalog';
import { didYouMean } from '../english.js';
import { objectAt } from '../json-value.js';
import type { CheckContext } from './context.js';

/** `router.entry` must name one of `router.pages`. */
export function checkRouterEntry({ manifest, reporter }: CheckContext): void {
  const router = objectAt(manifest, 'router');
  const pages = objectAt(router, 'pages');
  const entry = router?.entry;
  if (pages === undefined || typeof entry !== 'string') return;
  const names = Object.keys(pages);
  if (names.includes(entry)) return;
  const suggestions = suggest(entry, names, { max: 1 });
  const known = names.length === 0 ? 'router.pages is empty.' : `Pages: ${names.map((name) => `"${name}"`).join(', ')}.`;
  reporter.report(
    'unknown-entry-page',
    `router.entry "${entry}" is not a page in router.pages.${didYouMean(suggestions)} ${known}`,
    '/router/entry',
    suggestions[0] === undefined ? {} : { suggestion: suggestions[0] },
  );
}
