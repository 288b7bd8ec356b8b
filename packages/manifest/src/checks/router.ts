import { didYouMeanSentence, listAnd, maxListedItems, quote, suggest } from '@velakit/catalog';
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
  const known =
    names.length === 0
      ? 'router.pages is empty.'
      : `Pages: ${listAnd(
          names.map((name) => quote(name)),
          maxListedItems,
        )}.`;
  reporter.report(
    'unknown-entry-page',
    `router.entry ${quote(entry)} is not a page in router.pages.${didYouMeanSentence(suggestions)} ${known}`,
    '/router/entry',
    suggestions[0] === undefined ? {} : { suggestion: suggestions[0] },
  );
}
