import { join } from 'node:path';
import { createRuleTester, targetSettings } from './test-utils/rule-tester.js';
import { makeTree } from './test-utils/tree.js';
import rule from './no-unknown-page.js';

const manifest = (pages: unknown): string =>
  JSON.stringify({
    package: 'com.example.pages',
    name: 'Pages',
    versionCode: 1,
    icon: '/i.png',
    config: {},
    router: { entry: 'pages/index', pages },
  });

const pages = {
  'pages/index': { component: 'index' },
  'pages/detail': { component: 'detail' },
  About: { component: 'about', path: '/about' },
};
const barrel = "import router from '@system.router'\nexport { router }\n";
// Apps on disk: the manifest is found from the linted file, and barrels are resolved from its folder.
const app = makeTree({ 'src/manifest.json': manifest(pages), 'src/common/nav.js': barrel });
/** A page whose path the schema rejects: it may be at any path, so no path is judged. */
const oddApp = makeTree({ 'src/manifest.json': manifest({ ...pages, Odd: { component: 'odd', path: 5 } }) });
/** `router.pages` that is no object: nothing to judge by, which the file is told once. */
const listText = manifest(['pages/index']);
const listApp = makeTree({ 'src/manifest.json': listText });
/** `router` that is no object: no pages either. */
const routerText = JSON.stringify({
  package: 'com.example.pages',
  name: 'P',
  versionCode: 1,
  icon: '/i.png',
  router: 'x',
});
const routerApp = makeTree({ 'src/manifest.json': routerText });
/** A page at `/`. */
const homeApp = makeTree({ 'src/manifest.json': manifest({ Home: { component: 'home', path: '/' } }) });
const brokenApp = makeTree({ 'src/manifest.json': '{ "router": ' });
const noManifestHere = '/velakit-no-manifest-here/src/page.js';

const page = (root: string): string => join(root, 'src', 'pages', 'index', 'index.js');

// The tester lints with cwd `/`, and messages show paths relative to the cwd.
const source = (root: string): string => `${join(root, 'src', 'manifest.json').slice(1)} router.pages`;

const header = "import router from '@system.router'\n";
/**
 * The one report of a file whose manifest gives `router` or `router.pages` with the wrong type: at the file's first
 * line (`header`), with the schema's words and the value's position (one-line manifests).
 */
function pagesUnusable(root: string, text: string, value: string, schemaMessage: string) {
  const shown = join(root, 'src', 'manifest.json').slice(1);
  const column = text.indexOf(value) + 1;
  return {
    messageId: 'pagesUnusable' as const,
    data: { problem: `router.pages in ${shown} cannot be used: ${schemaMessage} (line 1, column ${column})` },
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: header.length,
  };
}
const listUnusable = pagesUnusable(
  listApp,
  listText,
  '["pages/index"]',
  'router.pages must be an object, not an array',
);

/** `router.<method>({ uri: <uri> })` on line 2. */
const call = (uri: string, method = 'push'): string => `${header}router.${method}({ uri: ${uri} })`;

/** The report of `call(uri, method)`: at the uri value, on line 2. */
function at(uri: string, method = 'push'): { line: number; column: number; endLine: number; endColumn: number } {
  const column = `router.${method}({ uri: `.length + 1;
  return { line: 2, column, endLine: 2, endColumn: column + uri.length };
}

/** The data of a report with a suggestion. */
function data(uri: string, what: 'path' | 'name', suggestion: string | undefined, root = app, method = 'push') {
  return {
    api: `router.${method}`,
    uri: `'${uri}'`,
    what: `page ${what}`,
    written: '',
    source: source(root),
    ...(suggestion === undefined ? {} : { suggestion: `'${suggestion}'` }),
  };
}

const valid = [
  // Paths: the default `/<page name>` and a page's own `path`; names; `/`.
  "'/pages/index'",
  "'/pages/detail'",
  "'/about'",
  "'About'",
  "'pages/detail'",
  '`/pages/detail`',
  "'/'",
  // A query or a fragment does not name the page.
  "'/pages/detail?id=1'",
  "'About?from=home#top'",
  "'/about#section'",
  "'/?x=1'",
  // Full URIs with a scheme are not judged.
  "'hap://app/com.example.other/page'",
  "'https://example.com/pages/nowhere'",
  "'tel:123'",
  // Forms the docs leave open.
  "''",
  "'/pages/detail/'",
  "'./detail'",
  "'../about'",
  "'pages/ detail'",
  // Computed uris.
  'uri',
  '`/pages/${name}`',
  "'/pages/' + name",
  'getUri()',
].map((uri) => ({ code: call(uri), filename: page(app) }));

/** `router.back({ path: <path> })` on line 2. */
const back = (path: string): string => `${header}router.back({ path: ${path} })`;
/** The report of `back(path)`: at the path value, on line 2. */
function atBack(path: string): { line: number; column: number; endLine: number; endColumn: number } {
  const column = 'router.back({ path: '.length + 1;
  return { line: 2, column, endLine: 2, endColumn: column + path.length };
}
/** The data of a `router.back` report; `meant` is the page path suggested, from the manifest of `root` when given. */
function backData(path: string, meant: string | undefined, root?: string) {
  const from = root === undefined ? '' : ` (a page path in ${source(root)})`;
  return {
    api: 'router.back',
    path: `'${path}'`,
    advice: meant === undefined ? '' : ` Did you mean '${meant}'${from}?`,
  };
}

createRuleTester().run('no-unknown-page (router.back)', rule, {
  valid: [
    // Page paths (the default `/<name>`, a page's own), `/`, and what the rule does not judge: an empty path, a query,
    // a fragment, a scheme, white space, a trailing `/`, computed paths.
    ...[
      "'/pages/detail'",
      "'/pages/index'",
      "'/about'",
      '`/about`',
      "'/'",
      "''",
      "'/pages/detial?x=1'",
      "'pages/detail?x=1'",
      "'/nowhere#top'",
      "'hap://app/com.example/x'",
      "'https://example.com/about'",
      "' /about'",
      "'/pages/detial/'",
      "'pages/detail/'",
      'where',
      '`/${where}`',
      '`pages/${where}`',
      "'/pages/' + where",
      "'pages/' + where",
      'getPath()',
    ].map((path) => ({ code: back(path), filename: page(app) })),
    { code: `${header}router.back()`, filename: page(app) },
    { code: `${header}router.back(options)`, filename: page(app) },
    // A spread, a computed key or a getter may give the path; the last `path` is the one that counts.
    { code: `${header}router.back({ ...options, path: 'pages/detail' })`, filename: page(app) },
    { code: `${header}router.back({ [key]: 1, path: '/nowhere' })`, filename: page(app) },
    { code: `${header}router.back({ get path() { return 'nowhere' } })`, filename: page(app) },
    { code: `${header}router.back({ path: 'nowhere', path: '/about' })`, filename: page(app) },
    // `uri` is no option of router.back, and `path` none of push.
    { code: `${header}router.back({ uri: 'nowhere' })`, filename: page(app) },
    { code: `${header}router.push({ path: 'nowhere' })`, filename: page(app) },
    // A path starting with `/` is judged only against a manifest with a router.pages object, and any path may be that
    // of a page whose path is unknown.
    { code: back("'/nowhere'"), filename: noManifestHere },
    { code: back("'/nowhere'"), filename: page(brokenApp) },
    { code: back("'/nowhere'"), filename: page(oddApp) },
    // The page at `/`.
    { code: back("'/'"), filename: page(homeApp) },
  ],
  invalid: [
    {
      // router.pages that is no object: no path is judged, and the file is told why, once.
      code: `${header}router.back({ path: '/nowhere' })\nrouter.back({ path: '/pages/detial' })`,
      filename: page(listApp),
      errors: [listUnusable],
    },
    {
      // A path without its `/` is wrong whatever the pages: reported, with no advice, and nothing said of the pages.
      code: back("'nowhere'"),
      filename: page(listApp),
      errors: [{ messageId: 'backPathNotAbsolute', data: backData('nowhere', undefined), ...atBack("'nowhere'") }],
    },
    {
      // A page name where the docs want its path: the page's path is advised.
      code: back("'pages/detail'"),
      filename: page(app),
      errors: [
        {
          messageId: 'backPathNotAbsolute',
          data: backData('pages/detail', '/pages/detail', app),
          ...atBack("'pages/detail'"),
        },
      ],
    },
    {
      // A page whose own path is `/about`, given by its name.
      code: back("'About'"),
      filename: page(app),
      errors: [{ messageId: 'backPathNotAbsolute', data: backData('About', '/about', app), ...atBack("'About'") }],
    },
    {
      // A slip as well as no `/`: the nearest page path.
      code: back('`pages/detial`'),
      filename: page(app),
      errors: [
        {
          messageId: 'backPathNotAbsolute',
          data: backData('pages/detial', '/pages/detail', app),
          ...atBack('`pages/detial`'),
        },
      ],
    },
    {
      // Nothing near: no advice. A relative `./` starts with no `/` either.
      code: back("'./settings'"),
      filename: page(app),
      errors: [
        { messageId: 'backPathNotAbsolute', data: backData('./settings', undefined), ...atBack("'./settings'") },
      ],
    },
    {
      // Without a manifest (or without a router.pages object, or with a page at any path) the missing `/` is still
      // certain; nothing to suggest.
      code: back("'home'"),
      filename: noManifestHere,
      errors: [{ messageId: 'backPathNotAbsolute', data: backData('home', undefined), ...atBack("'home'") }],
    },
    {
      code: back("'home'"),
      filename: page(listApp),
      errors: [{ messageId: 'backPathNotAbsolute', data: backData('home', undefined), ...atBack("'home'") }],
    },
    {
      code: back("'pages/detail'"),
      filename: page(oddApp),
      errors: [
        {
          messageId: 'backPathNotAbsolute',
          data: backData('pages/detail', '/pages/detail', oddApp),
          ...atBack("'pages/detail'"),
        },
      ],
    },
    {
      // A path no page has: no open page can have it.
      code: back("'/pages/detial'"),
      filename: page(app),
      errors: [
        {
          messageId: 'backToUnknownPage',
          data: { ...backData('/pages/detial', '/pages/detail'), source: source(app) },
          ...atBack("'/pages/detial'"),
        },
      ],
    },
    {
      // `/About` is the page's name with a slash; its path is `/about`.
      code: back('`/About`'),
      filename: page(app),
      errors: [
        {
          messageId: 'backToUnknownPage',
          data: { ...backData('/About', '/about'), source: source(app) },
          ...atBack('`/About`'),
        },
      ],
    },
    {
      // Nothing near.
      code: back("'/settings'"),
      filename: page(app),
      errors: [
        {
          messageId: 'backToUnknownPage',
          data: { ...backData('/settings', undefined), source: source(app) },
          ...atBack("'/settings'"),
        },
      ],
    },
    {
      // `require`, destructuring, a type assertion, and an options object held in a const, in a file with several calls.
      code: "const { back } = require('@system.router')\nconst options = { path: 'pages/index' as string }\nback(options)\nback({ path: '/pages/index' })\nback({ path: '/abuot' })",
      filename: page(app),
      errors: [
        { messageId: 'backPathNotAbsolute', line: 2, column: 25, endLine: 2, endColumn: 38 },
        { messageId: 'backToUnknownPage', line: 5, column: 14, endLine: 5, endColumn: 22 },
      ],
    },
    {
      // Through a barrel.
      code: "import { router } from '../../common/nav.js'\nrouter.back({ path: 'About' })",
      filename: page(app),
      errors: [{ messageId: 'backPathNotAbsolute', line: 2, column: 21, endLine: 2, endColumn: 28 }],
    },
    {
      // Settings that name the manifest give the pages to a file outside the app.
      code: back("'/nowhere'"),
      filename: noManifestHere,
      settings: targetSettings({ manifest: join(app, 'src', 'manifest.json') }),
      errors: [
        {
          messageId: 'backToUnknownPage',
          data: { ...backData('/nowhere', undefined), source: source(app) },
          ...atBack("'/nowhere'"),
        },
      ],
    },
  ],
});

createRuleTester().run('no-unknown-page', rule, {
  valid: [
    ...valid,
    { code: call("'/about'", 'replace'), filename: page(app) },
    // A page whose path is unknown may be at any path: no path is judged there (names are: see invalid).
    { code: call("'/nowhere'"), filename: page(oddApp) },
    // No manifest, a broken one: silent (the other rules report a broken manifest).
    { code: call("'Nowhere'"), filename: noManifestHere },
    { code: call("'/nowhere'"), filename: page(brokenApp) },
    // The options object is not a literal velakit can read, or `uri` may be set by something else.
    { code: `${header}router.push(options)`, filename: page(app) },
    { code: `${header}router.push({ uri: '/nowhere', ...more })`, filename: page(app) },
    { code: `${header}router.push({ [key]: 'x', uri: '/nowhere' })`, filename: page(app) },
    { code: `${header}router.push({ get uri() { return '/nowhere' } })`, filename: page(app) },
    // The last `uri` is the one that counts.
    { code: `${header}router.push({ uri: '/nowhere', uri: '/about' })`, filename: page(app) },
    // Other router methods, and other modules' `push`.
    { code: "const list = []\nlist.push({ uri: '/nowhere' })", filename: page(app) },
    // `/` opens the page at `/`, else the entry page.
    { code: call("'/'"), filename: page(homeApp) },
  ],
  invalid: [
    {
      // router.pages that is no object: not "no page", but unknown pages, said once in the file, whatever it opens.
      code: `${call("'/nowhere'")}\nrouter.replace({ uri: 'Nowhere' })`,
      filename: page(listApp),
      errors: [listUnusable],
    },
    {
      // router that is no object: the same.
      code: call("'/nowhere'"),
      filename: page(routerApp),
      errors: [pagesUnusable(routerApp, routerText, '"x"', 'router must be an object, not a string')],
    },
    {
      // A slip in a default path.
      code: call("'/pages/detial'"),
      filename: page(app),
      errors: [
        {
          messageId: 'unknownPageWithSuggestion',
          data: data('/pages/detial', 'path', '/pages/detail'),
          ...at("'/pages/detial'"),
        },
      ],
    },
    {
      // A page that sets its own path is no longer at `/<page name>`: its name is suggested.
      code: call("'/About'"),
      filename: page(app),
      errors: [{ messageId: 'unknownPageWithSuggestion', data: data('/About', 'path', 'About'), ...at("'/About'") }],
    },
    {
      // A name, given as a path's text: the path written exactly is suggested.
      code: call("'about'", 'replace'),
      filename: page(app),
      errors: [
        {
          messageId: 'unknownPageWithSuggestion',
          data: data('about', 'name', '/about', app, 'replace'),
          ...at("'about'", 'replace'),
        },
      ],
    },
    {
      // A name nothing is close to.
      code: call("'Settings'"),
      filename: page(app),
      errors: [{ messageId: 'unknownPage', data: data('Settings', 'name', undefined), ...at("'Settings'") }],
    },
    {
      // The query is left out, and the message says so; a template literal without expressions is written out.
      code: call('`/pages/detial?id=1`'),
      filename: page(app),
      errors: [
        {
          messageId: 'unknownPageWithSuggestion',
          data: {
            ...data('/pages/detial?id=1', 'path', '/pages/detail'),
            written: ' (`/pages/detial` without its query)',
          },
          ...at('`/pages/detial?id=1`'),
        },
      ],
    },
    {
      // Through a barrel, with a type assertion around the uri.
      code: "import { router } from '../../common/nav.js'\nrouter.push({ uri: '/pages/list' as string })",
      filename: page(app),
      errors: [{ messageId: 'unknownPage', line: 2, column: 20, endLine: 2, endColumn: 33 }],
    },
    {
      // `require`, destructuring, and an options object held in a const.
      code: "const { replace } = require('@system.router')\nconst options = { uri: 'pages/detial' }\nreplace(options)",
      filename: page(app),
      errors: [{ messageId: 'unknownPageWithSuggestion', line: 2, column: 24, endLine: 2, endColumn: 38 }],
    },
    {
      // A page with an unknown path: names are still judged.
      code: call("'Nowhere'"),
      filename: page(oddApp),
      errors: [{ messageId: 'unknownPage', data: data('Nowhere', 'name', undefined, oddApp), ...at("'Nowhere'") }],
    },
    {
      // Settings that give every target still leave the pages to the manifest they name.
      code: call("'/nowhere'"),
      filename: noManifestHere,
      settings: targetSettings({
        manifest: join(app, 'src', 'manifest.json'),
        targetDevices: ['xiaomi-watch-s4'],
        features: [],
        minAPILevel: 1,
        permissions: [],
      }),
      errors: [{ messageId: 'unknownPage', data: data('/nowhere', 'path', undefined), ...at("'/nowhere'") }],
    },
    {
      // Each call, in a file with several.
      code: `${header}router.push({ uri: '/about' })\nrouter.push({ uri: '/abuot' })\nrouter.replace({ uri: 'About' })\nrouter.replace({ uri: 'Abuot' })`,
      filename: page(app),
      errors: [
        { messageId: 'unknownPageWithSuggestion', line: 3, column: 20, endLine: 3, endColumn: 28 },
        { messageId: 'unknownPageWithSuggestion', line: 5, column: 23, endLine: 5, endColumn: 30 },
      ],
    },
  ],
});
