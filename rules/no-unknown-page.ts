import { suggest } from '@velakit/catalog';
import type { RouterPage } from '@velakit/manifest';
import { fileChecker, methodCalls, targetsFor, type Analysis, type MethodCall } from './utils/analysis.js';
import { unwrapTypeAssertions } from './utils/options-object.js';
import { createRule, type RuleContext, type TSESTree } from './utils/rule.js';
import type { Sourced } from './utils/targets.js';

type MessageIds = 'unknownPage' | 'unknownPageWithSuggestion';

type Context = RuleContext<MessageIds, []>;

/** A `router.push` or `router.replace` call whose `uri` is written out and names a page: what it names. */
interface Navigation {
  readonly found: MethodCall;
  /** The `uri` value. */
  readonly node: TSESTree.Node;
  readonly uri: string;
  readonly kind: 'path' | 'name';
  /** The path or name the uri gives, without its query or fragment. */
  readonly text: string;
}

/** True for `router.push` and `router.replace`, the methods that open a page by its `uri`. */
function opensPage({ use, method }: MethodCall): boolean {
  return (
    use.interfaceName === undefined &&
    (method.name === 'push' || method.name === 'replace') &&
    use.module.name === 'system.router'
  );
}

/**
 * The `uri` a call certainly passes, written out (`'/detail'`, `` `About` ``), or undefined. Only a complete object
 * literal is read (a spread or a computed key may set `uri` too), and only its last `uri` (the one that counts).
 */
function writtenUri(found: MethodCall): { node: TSESTree.Node; uri: string } | undefined {
  const options = found.options;
  if (options?.kind !== 'object' || !options.complete) return undefined;
  let value: TSESTree.Node | undefined;
  for (const property of options.properties) {
    if (property.name !== 'uri') continue;
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
 * The rule's work on one file that may use `@system.*` modules (see `fileChecker`). Most files open no page: for them
 * this is one pass over the calls the analysis found, and no target resolution.
 */
function checkFile(context: Context, analysis: Analysis): void {
  const calls = methodCalls(analysis);
  let navigations: Navigation[] | undefined;
  for (let index = 0; index < calls.length; index++) {
    const found = calls[index]!;
    if (!opensPage(found)) continue;
    const written = writtenUri(found);
    const reference = written === undefined ? undefined : pageReference(written.uri);
    if (reference !== undefined) (navigations ??= []).push({ found, ...written!, ...reference });
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

/** The written uris of a file's navigations, against the pages of the manifest that governs the file. */
function checkNavigations(context: Context, navigations: readonly Navigation[]): void {
  const pages = targetsFor(context).pages;
  // No manifest, or no router.pages object: nothing to check against.
  if (pages === undefined) return;
  for (const navigation of navigations)
    if (namesNoPage(pages.value, navigation.kind, navigation.text)) report(context, navigation, pages);
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

function report(context: Context, navigation: Navigation, pages: Sourced<readonly RouterPage[]>): void {
  const { found, node, uri, kind, text } = navigation;
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
        "Disallow `router.push` and `router.replace` to a written-out `uri` that is no page path or page name of the manifest's `router.pages`",
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
    },
  },
  create(context) {
    return checkFiles(context, undefined);
  },
});
