import { suggest } from '@velakit/catalog';
import type { RouterPage } from '@velakit/manifest';
import {
  claimProblemReport,
  fileChecker,
  firstLineLoc,
  methodCalls,
  targetsFor,
  type Analysis,
  type MethodCall,
} from './utils/analysis.js';
import { unwrapTypeAssertions } from './utils/options-object.js';
import { createRule, type RuleContext, type TSESTree } from './utils/rule.js';
import type { Sourced } from './utils/targets.js';

type MessageIds =
  'unknownPage' | 'unknownPageWithSuggestion' | 'backPathNotAbsolute' | 'backToUnknownPage' | 'pagesUnusable';

type Context = RuleContext<MessageIds, []>;

/**
 * A `router.push` or `router.replace` call whose `uri` is written out and names a page, or a `router.back` call whose
 * `path` is written out: what it names.
 */
interface Navigation {
  readonly found: MethodCall;
  /** The `uri` (or `path`) value. */
  readonly node: TSESTree.Node;
  readonly uri: string;
  /** `relative`: a `router.back` path not starting with `/`. */
  readonly kind: 'path' | 'name' | 'relative';
  /** The path or name the uri gives, without its query or fragment. */
  readonly text: string;
}

/**
 * What a call does with a page, for the `@system.router` methods this rule reads: `open` (`push`, `replace`: a page by
 * its `uri`), `back` (`back`: an open page by its `path`).
 */
function routerMethod({ use, method }: MethodCall): 'open' | 'back' | undefined {
  if (use.interfaceName !== undefined || use.module.name !== 'system.router') return undefined;
  const name = method.name;
  return name === 'push' || name === 'replace' ? 'open' : name === 'back' ? 'back' : undefined;
}

/**
 * The value of the option `name` (`uri`, or `path` of `router.back`) a call certainly passes, written out (`'/detail'`,
 * `` `About` ``), or undefined. Only a complete object literal is read (a spread or a computed key may set the option
 * too), and only its last such option (the one that counts).
 */
function writtenOption(found: MethodCall, name: string): { node: TSESTree.Node; uri: string } | undefined {
  const options = found.options;
  if (options?.kind !== 'object' || !options.complete) return undefined;
  let value: TSESTree.Node | undefined;
  for (const property of options.properties) {
    if (property.name !== name) continue;
    // A getter's value is whatever it returns: unknown.
    value = property.property.kind === 'init' ? property.value : undefined;
  }
  if (value === undefined) return undefined;
  const node = unwrapTypeAssertions(value);
  if (node.type === 'Literal' && typeof node.value === 'string') return { node, uri: node.value };
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    const cooked = node.quasis[0]?.value.cooked;
    if (typeof cooked === 'string') return { node, uri: cooked };
  }
  return undefined;
}

/**
 * The rule's work on one file that may use `@system.*` modules (see `fileChecker`). Most files open no page and go
 * back to none by path: for them this is one pass over the calls the analysis found, and no target resolution.
 */
function checkFile(context: Context, analysis: Analysis): void {
  const calls = methodCalls(analysis);
  let navigations: Navigation[] | undefined;
  for (let index = 0; index < calls.length; index++) {
    const found = calls[index]!;
    const method = routerMethod(found);
    if (method === undefined) continue;
    const written = writtenOption(found, method === 'open' ? 'uri' : 'path');
    if (written === undefined) continue;
    const reference = method === 'open' ? pageReference(written.uri) : backReference(written.uri);
    if (reference !== undefined) (navigations ??= []).push({ found, ...written, ...reference });
  }
  if (navigations !== undefined) checkNavigations(context, navigations);
}

/** A scheme before `:` (`hap://`, `https://`, `tel:`): a full URI, which this rule does not judge. */
const scheme = /^[a-z][a-z\d+.-]*:/iu;

/**
 * What a written `uri` names, by the router docs: a page path (starting with `/`) or a page name. The query and the
 * fragment (`/detail?id=1`, `About#top`) are left out: they do not name the page. Undefined for what the rule does not
 * judge: a full URI with a scheme, `/` (the page whose path is `/`, else the entry page: always a page), an empty
 * uri, and forms the docs leave open (a trailing `/`, a relative `./` or `../`, white space).
 */
function pageReference(uri: string): { readonly kind: 'path' | 'name'; readonly text: string } | undefined {
  if (scheme.test(uri)) return undefined;
  const end = uri.search(/[?#]/u);
  const text = end < 0 ? uri : uri.slice(0, end);
  if (text === '' || text === '/' || text.endsWith('/') || text.startsWith('.') || /\s/u.test(text)) return undefined;
  return { kind: text.startsWith('/') ? 'path' : 'name', text };
}

/**
 * What a written `router.back` path gives, by the router docs: the path of a page the app has open, starting with `/`;
 * anything else counts as no path (the device goes back one page). Undefined for what the rule does not judge: an
 * empty path (as good as none), `/` (the page at `/`, else the entry page), and what the docs say nothing of for this
 * method: a scheme, a query or a fragment, white space, a trailing `/`.
 */
function backReference(path: string): { readonly kind: 'path' | 'relative'; readonly text: string } | undefined {
  if (path === '' || path === '/' || path.endsWith('/') || /[\s?#]/u.test(path) || scheme.test(path)) return undefined;
  return { kind: path.startsWith('/') ? 'path' : 'relative', text: path };
}

/**
 * The written uris and paths of a file's navigations, against the pages of the manifest that governs the file. A
 * `router.back` path without its `/` is wrong whatever the manifest says; the rest needs the pages.
 */
function checkNavigations(context: Context, navigations: readonly Navigation[]): void {
  const targets = targetsFor(context);
  const pages = targets.pages;
  if (pages === undefined && targets.unusable.pages !== undefined)
    reportUnusablePages(context, navigations, targets.unusable.pages);
  for (const navigation of navigations) {
    if (navigation.kind === 'relative') reportRelativeBack(context, navigation, pages);
    // No manifest, or no router.pages object: nothing to check against.
    else if (pages !== undefined && namesNoPage(pages.value, navigation.kind, navigation.text)) {
      if (navigation.found.method.name === 'back') reportUnknownBack(context, navigation, pages);
      else report(context, navigation, navigation.kind, pages);
    }
  }
}

/**
 * True when no page has this path (or name). A page whose path is unknown (its `path` is not a string) may have any
 * path: then no path is judged.
 */
function namesNoPage(pages: readonly RouterPage[], kind: 'path' | 'name', text: string): boolean {
  for (const page of pages) {
    if (kind === 'name' ? page.name === text : page.path === undefined || page.path === text) return false;
  }
  return true;
}

/** The page path or name a slip of `text` probably meant: of the same form, or the other form exactly. */
function nearestPage(pages: readonly RouterPage[], kind: 'path' | 'name', text: string): string | undefined {
  const paths = pages.flatMap((page) => (page.path === undefined ? [] : [page.path]));
  const names = pages.map((page) => page.name);
  // `About` for a page at `/About`, `/pages/detail` for a page named `pages/detail`: the other form, written exactly.
  if (kind === 'name' && paths.includes(`/${text}`)) return `/${text}`;
  if (kind === 'path' && names.includes(text.slice(1))) return text.slice(1);
  return suggest(text, kind === 'path' ? paths : names, { max: 1 })[0];
}

/**
 * The page path a `router.back` path probably meant: the path of the page it names (`About`, `/About` for a page named
 * `About` at `/about`), the path it gives with a `/` before it, or the nearest page path.
 */
function backSuggestion(pages: readonly RouterPage[], text: string): string | undefined {
  const absolute = text.startsWith('/') ? text : `/${text}`;
  const named = pages.find((page) => page.name === text || page.name === absolute.slice(1));
  if (named?.path !== undefined) return named.path;
  const paths = pages.flatMap((page) => (page.path === undefined ? [] : [page.path]));
  if (paths.includes(absolute)) return absolute;
  return suggest(absolute, paths, { max: 1 })[0];
}

/**
 * A `router` or `router.pages` of the wrong type: no page is known, which the file is told once (valid-manifest
 * reports the value), when it names a page by path or name.
 */
function reportUnusablePages(context: Context, navigations: readonly Navigation[], problem: string): void {
  if (navigations.every((navigation) => navigation.kind === 'relative') || !claimProblemReport(context, 'pages'))
    return;
  context.report({ loc: firstLineLoc(context), messageId: 'pagesUnusable', data: { problem } });
}

/** A `router.back` path without its `/`: the page path meant, when the manifest's pages give one. */
function reportRelativeBack(
  context: Context,
  navigation: Navigation,
  pages: Sourced<readonly RouterPage[]> | undefined,
): void {
  const suggestion = pages === undefined ? undefined : backSuggestion(pages.value, navigation.text);
  context.report({
    node: navigation.node,
    messageId: 'backPathNotAbsolute',
    data: {
      api: navigation.found.api,
      path: `'${navigation.uri}'`,
      advice: suggestion === undefined ? '' : ` Did you mean '${suggestion}' (a page path in ${pages!.source})?`,
    },
  });
}

/** A `router.back` path starting with `/` that no page has. */
function reportUnknownBack(context: Context, navigation: Navigation, pages: Sourced<readonly RouterPage[]>): void {
  const suggestion = backSuggestion(pages.value, navigation.text);
  context.report({
    node: navigation.node,
    messageId: 'backToUnknownPage',
    data: {
      api: navigation.found.api,
      path: `'${navigation.uri}'`,
      source: pages.source,
      advice: suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`,
    },
  });
}

function report(
  context: Context,
  navigation: Navigation,
  kind: 'path' | 'name',
  pages: Sourced<readonly RouterPage[]>,
): void {
  const { found, node, uri, text } = navigation;
  const suggestion = nearestPage(pages.value, kind, text);
  const data = {
    api: found.api,
    uri: `'${uri}'`,
    what: kind === 'path' ? 'page path' : 'page name',
    written: text === uri ? '' : ` (\`${text}\` without its ${uri[text.length] === '?' ? 'query' : 'fragment'})`,
    source: pages.source,
  };
  if (suggestion === undefined) context.report({ node, messageId: 'unknownPage', data });
  else
    context.report({ node, messageId: 'unknownPageWithSuggestion', data: { ...data, suggestion: `'${suggestion}'` } });
}

const checkFiles = fileChecker(checkFile);

export default createRule<[], MessageIds>({
  name: 'no-unknown-page',
  meta: {
    // A certain failure: the device opens only pages the manifest declares.
    type: 'problem',
    docs: {
      description:
        "Disallow `router.push` and `router.replace` to a written-out `uri` that is no page path or page name of the manifest's `router.pages`, and a written-out `router.back` `path` that is no such page path or does not start with `/`",
      recommended: 'recommended',
      language: 'javascript',
      readsManifest: true,
    },
    schema: [],
    messages: {
      unknownPage:
        '`{{api}}` opens {{uri}}{{written}}, which matches no {{what}} in {{source}}: the navigation fails on the device.',
      unknownPageWithSuggestion:
        '`{{api}}` opens {{uri}}{{written}}, which matches no {{what}} in {{source}}: the navigation fails on the device. Did you mean {{suggestion}}?',
      backPathNotAbsolute:
        '`{{api}}` is given the path {{path}}, which does not start with `/`: the device takes it for no path and goes back one page only, not to the page meant.{{advice}}',
      pagesUnusable: '{{problem}}. velakit cannot check the pages this file navigates to until this is fixed.',
      backToUnknownPage:
        '`{{api}}` is given the path {{path}}, which matches no page path in {{source}}, so it can be no open page: the device goes back one page only, not to the page meant.{{advice}}',
    },
  },
  create(context) {
    return checkFiles(context, undefined);
  },
});
