import { didYouMeanSentence, listAnd, maxListedItems, quote, suggest } from '@velakit/catalog';
import { objectAt } from '../json-value.js';
import { pointerOf } from '../pointer.js';
import { routerPages } from '../summary.js';
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

/**
 * Every page's `path` must be unique (the manifest docs say so): a page without one gets `/<page name>`. The second
 * page with a path already taken is reported, at its `path` (or at the page, when the path is the default).
 */
export function checkPagePaths({ manifest, reporter }: CheckContext): void {
  const pages = routerPages(manifest);
  if (pages === undefined) return;
  const owners = new Map<string, { readonly name: string; readonly explicit: boolean }>();
  for (const { name, path, explicit } of pages) {
    // A page that is not an object, or whose path is not a string, has no path to compare (the schema reports it).
    if (path === undefined) continue;
    const first = owners.get(path);
    if (first === undefined) {
      owners.set(path, { name, explicit });
      continue;
    }
    const defaulted = [first, { name, explicit }].filter((owner) => !owner.explicit).map((owner) => quote(owner.name));
    const why =
      defaulted.length === 0
        ? ''
        : ` (${listAnd(defaulted)} ${defaulted.length > 1 ? 'have' : 'has'} no "path", which makes it "/" and the page name)`;
    reporter.report(
      'duplicate-page-path',
      `Pages ${quote(first.name)} and ${quote(name)} both have the path ${quote(path)}${why}; each page needs a path of its own.`,
      explicit ? pointerOf('router', 'pages', name, 'path') : pointerOf('router', 'pages', name),
    );
  }
}
