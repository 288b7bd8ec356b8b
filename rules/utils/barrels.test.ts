import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import requireParams from '../require-params.js';
import noUnsupportedApi from '../no-unsupported-api.js';
import { createRuleTester, targetSettings } from '../test-utils/rule-tester.js';
import { makeTree } from '../test-utils/tree.js';
import {
  barrelCacheStats,
  clearBarrelCache,
  loadBarrel,
  rememberLintedBarrel,
  resolveLocalImport,
  type Barrel,
  type ExportedValue,
  type LintLanguageOptions,
} from './barrels.js';
import { recheckAfterMs, useClockForTests } from './disk-checks.js';
import type { TSESTree } from './rule.js';

// Barrels span files, so the barrels live in a temporary tree and each case is linted as a file inside it
// (`filename`): the rules resolve `./api` from that file's folder, as they do on disk.
const app = makeTree({
  'src/common/named.js': "import fetch from '@system.fetch'\nexport { fetch }\n",
  'src/common/default.js':
    "import fetch from '@system.fetch'\nimport storage from '@system.storage'\nexport default { fetch, storage }\n",
  'src/common/commonjs.js': "module.exports = { fetch: require('@system.fetch') }\n",
  'src/common/exports-dot.js': "exports.fetch = require('@system.fetch')\n",
  'src/common/typed.ts': "import fetch from '@system.fetch'\nexport const api = { fetch }\nexport { fetch as net }\n",
  // Re-exports one barrel from another: followed (a bounded depth).
  'src/common/index.js': "export { fetch } from './named.js'\n",
  // Not barrels: a plain local module, one that exports a computed value, and one that does not parse.
  'src/common/util.js': 'export function fetch(options) { return options }\nexport default { fetch }\n',
  'src/common/computed.js':
    "import fetch from '@system.fetch'\nexport default pick(fetch)\nexport const other = wrap(fetch)\n",
  'src/common/broken.js': "import fetch from '@system.fetch'\nexport { fetch\n",
  'src/pages/index/index.js': '',
});
const page = join(app, 'src/pages/index/index.js');
const missingUrl = (line: number, column: number, endColumn: number) => ({
  messageId: 'missingRequired' as const,
  data: { api: 'fetch.fetch', missing: '`url`', plural: '' },
  line,
  column,
  endLine: line,
  endColumn,
});

createRuleTester().run('require-params through barrels', requireParams, {
  valid: [
    // Complete calls through each barrel form.
    { code: "import { fetch } from '../../common/named.js'\nfetch.fetch({ url: 'u' })", filename: page },
    { code: "import api from '../../common/default.js'\napi.fetch.fetch({ url: 'u' })", filename: page },
    { code: "const { fetch } = require('../../common/commonjs.js')\nfetch.fetch({ url: 'u' })", filename: page },
    // A non-barrel local import stays silent, even with the same names.
    { code: "import { fetch } from '../../common/util.js'\nfetch.fetch({})", filename: page },
    { code: "import util from '../../common/util.js'\nutil.fetch({})\nutil.fetch.fetch({})", filename: page },
    // Computed exports are unknown: silent.
    {
      code: "import picked, { other } from '../../common/computed.js'\npicked.fetch({})\nother.fetch({})",
      filename: page,
    },
    // A barrel that does not parse is unknown, never a crash.
    { code: "import { fetch } from '../../common/broken.js'\nfetch.fetch({})", filename: page },
    // A missing file, and a package specifier, are not followed.
    { code: "import { fetch } from '../../common/missing.js'\nfetch.fetch({})", filename: page },
    { code: "import { fetch } from 'some-package'\nfetch.fetch({})", filename: page },
    // A member that is not a module (`storage` exported, `request` not).
    { code: "import api from '../../common/default.js'\napi.request.download({})", filename: page },
  ],
  invalid: [
    // `export { fetch }`, named import, and without the extension.
    {
      code: "import { fetch } from '../../common/named.js'\nfetch.fetch({})",
      filename: page,
      errors: [missingUrl(2, 1, 12)],
    },
    {
      code: "import { fetch as net } from '../../common/named'\nnet.fetch({})",
      filename: page,
      errors: [missingUrl(2, 1, 10)],
    },
    // A namespace import of an ES barrel.
    {
      code: "import * as system from '../../common/named.js'\nsystem.fetch.fetch({})",
      filename: page,
      errors: [missingUrl(2, 1, 19)],
    },
    // `export default { fetch }`.
    {
      code: "import api from '../../common/default.js'\napi.fetch.fetch({})",
      filename: page,
      errors: [missingUrl(2, 1, 16)],
    },
    // `module.exports = { fetch: require('@system.fetch') }`, required and imported.
    {
      code: "const { fetch } = require('../../common/commonjs.js')\nfetch.fetch({})",
      filename: page,
      errors: [missingUrl(2, 1, 12)],
    },
    {
      code: "const api = require('../../common/commonjs.js')\napi.fetch.fetch({})",
      filename: page,
      errors: [missingUrl(2, 1, 16)],
    },
    {
      code: "import api from '../../common/commonjs.js'\napi.fetch.fetch({})",
      filename: page,
      errors: [missingUrl(2, 1, 16)],
    },
    // `exports.fetch = require(...)`, and a folder's index re-exporting another barrel.
    {
      code: "import { fetch } from '../../common/exports-dot.js'\nfetch.fetch({})",
      filename: page,
      errors: [missingUrl(2, 1, 12)],
    },
    { code: "import { fetch } from '../../common'\nfetch.fetch({})", filename: page, errors: [missingUrl(2, 1, 12)] },
    // A TypeScript barrel: an exported object and a renamed export.
    {
      code: "import { api, net } from '../../common/typed'\napi.fetch.fetch({})\nnet.fetch({})",
      filename: page,
      errors: [missingUrl(2, 1, 16), missingUrl(3, 1, 10)],
    },
  ],
});

// The same barrel through no-unsupported-api: the call is checked against the targets (Redmi Watch 4 lacks fetch).
createRuleTester().run('no-unsupported-api through barrels', noUnsupportedApi, {
  valid: [
    {
      code: "import { fetch } from '../../common/named.js'\nfetch.fetch({ url: 'u' })",
      filename: page,
      settings: targetSettings({ targetDevices: ['xiaomi-watch-s4'], minAPILevel: 1 }),
    },
  ],
  invalid: [
    {
      code: "import api from '../../common/default.js'\napi.fetch.fetch({ url: 'u' })",
      filename: page,
      settings: targetSettings({ targetDevices: ['xiaomi-watch-s4', 'redmi-watch-4'], minAPILevel: 1 }),
      errors: [
        {
          messageId: 'unsupported',
          data: {
            api: 'fetch.fetch',
            devices: 'Redmi Watch 4',
            targets: 'targets from settings.velakit.targetDevices',
            advice: "Feature-detect it (`typeof api.fetch.fetch === 'function'`) or drop it from targetDevices.",
          },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 16,
        },
      ],
    },
  ],
});

// `export *` barrels, their namespaces, and ES modules' rules for them: `default` is not handed on, a file's own
// export wins, a name two sources export (other than one module both name) is nobody's.
const stars = makeTree({
  'src/common/modules/net.js':
    "import request from '@system.request'\nimport fetch from '@system.fetch'\nexport { request, fetch }\n",
  'src/common/modules/sensors.js':
    "exports.sensor = require('@system.sensor')\nmodule.exports.vibrator = require('@system.vibrator')\n",
  // A folder's index made only of `export *` lines, one of them of a CommonJS barrel.
  'src/common/modules/index.js': "export * from './net'\nexport * from './sensors'\n",
  'src/common/star.js': "export * from './modules/net'\n",
  'src/common/chain.js': "export * from './star.js'\n",
  'src/common/typed.ts': "export * from './modules/net'\nexport type { Options } from './types'\n",
  'src/common/ns.js': "export * as net from './modules/net'\n",
  'src/common/defaults.js':
    "import fetch from '@system.fetch'\nimport storage from '@system.storage'\nexport default fetch\nexport { storage }\n",
  'src/common/no-default.js': "export * from './defaults.js'\n",
  'src/common/object.js': "import fetch from '@system.fetch'\nexport default { net: { fetch } }\n",
  'src/common/const.ts':
    "import fetch from '@system.fetch'\nexport default { fetch } as const\nexport const api = { fetch: fetch! } satisfies object\n",
  'src/common/as-request.js': "import request from '@system.request'\nexport { request as net }\n",
  'src/common/as-fetch.js': "import fetch from '@system.fetch'\nexport { fetch as net, fetch }\n",
  'src/common/ambiguous.js': "export * from './as-request.js'\nexport * from './as-fetch.js'\n",
  'src/common/helpers.js': 'export function fetch(options) {\n  return options\n}\n',
  'src/common/shadowed.js': "export * from './modules/net'\nexport * from './helpers.js'\n",
  'src/common/own.js': "export * from './modules/net'\nexport const fetch = { fetch: (options) => options }\n",
  'src/common/same.js': "export * from './modules/net'\nexport * from './as-fetch.js'\n",
  'src/common/package.js': "export * from './modules/net'\nexport * from 'some-package'\n",
  'src/common/package-own.js': "export * from 'some-package'\nimport fetch from '@system.fetch'\nexport { fetch }\n",
  'src/common/cycle-a.js': "export * from './cycle-b.js'\nimport fetch from '@system.fetch'\nexport { fetch }\n",
  'src/common/cycle-b.js': "export * from './cycle-a.js'\n",
  'src/pages/index/index.js': '',
});
const starPage = join(stars, 'src/pages/index/index.js');
const missingOption = (api: string, line: number, column: number, endColumn: number) => ({
  messageId: 'missingRequired' as const,
  data: { api, missing: '`url`', plural: '' },
  line,
  column,
  endLine: line,
  endColumn,
});

createRuleTester().run('require-params through export * barrels', requireParams, {
  valid: [
    { code: "import { fetch } from '../../common/star.js'\nfetch.fetch({ url: 'u' })", filename: starPage },
    // `export *` hands on no `default`.
    { code: "import fetch from '../../common/no-default.js'\nfetch.fetch({})", filename: starPage },
    // A name two sources export, as different modules: ambiguous, exported by neither.
    { code: "import { net } from '../../common/ambiguous.js'\nnet.fetch({})\nnet.download({})", filename: starPage },
    { code: "import * as all from '../../common/ambiguous.js'\nall.net.fetch({})", filename: starPage },
    // A module one source exports and a function another does: ambiguous too.
    { code: "import { fetch } from '../../common/shadowed.js'\nfetch.fetch({})", filename: starPage },
    // The file's own export wins over `export *`.
    { code: "import { fetch } from '../../common/own.js'\nfetch.fetch({})", filename: starPage },
    // A source whose names are unknown (a package) may export any name: nothing is handed on.
    { code: "import { fetch } from '../../common/package.js'\nfetch.fetch({})", filename: starPage },
    // `export type` hands on no value; a cycle of `export *` ends.
    { code: "import { fetch } from '../../common/cycle-b.js'\nfetch.fetch({ url: 'u' })", filename: starPage },
  ],
  invalid: [
    // `export *` of a barrel, from a file, a folder's index and a chain of them.
    {
      code: "import { fetch } from '../../common/star.js'\nfetch.fetch({})",
      filename: starPage,
      errors: [missingOption('fetch.fetch', 2, 1, 12)],
    },
    {
      code: "import { request, fetch } from '../../common/modules'\nrequest.download({})\nfetch.fetch({})",
      filename: starPage,
      errors: [missingOption('request.download', 2, 1, 17), missingOption('fetch.fetch', 3, 1, 12)],
    },
    {
      code: "import { fetch } from '../../common/chain.js'\nfetch.fetch({})",
      filename: starPage,
      errors: [missingOption('fetch.fetch', 2, 1, 12)],
    },
    // A TypeScript barrel.
    {
      code: "import { request } from '../../common/typed'\nrequest.download({})",
      filename: starPage,
      errors: [missingOption('request.download', 2, 1, 17)],
    },
    // A TypeScript barrel's objects inside `as const`, `satisfies` and `!`.
    {
      code: "import net, { api } from '../../common/const'\nnet.fetch.fetch({})\napi.fetch.fetch({})",
      filename: starPage,
      errors: [missingOption('fetch.fetch', 2, 1, 16), missingOption('fetch.fetch', 3, 1, 16)],
    },
    // `export * as net`, imported by name and through a namespace.
    {
      code: "import { net } from '../../common/ns.js'\nnet.fetch.fetch({})",
      filename: starPage,
      errors: [missingOption('fetch.fetch', 2, 1, 16)],
    },
    {
      code: "import * as all from '../../common/ns.js'\nall.net.request.download({})",
      filename: starPage,
      errors: [missingOption('request.download', 2, 1, 25)],
    },
    // A namespace import of an index made of `export *` lines.
    {
      code: "import * as all from '../../common/modules'\nall.request.download({})",
      filename: starPage,
      errors: [missingOption('request.download', 2, 1, 21)],
    },
    // Named exports beside the default are handed on; so is one module two sources both export.
    {
      code: "import { fetch, net } from '../../common/same.js'\nfetch.fetch({})\nnet.fetch({})",
      filename: starPage,
      errors: [missingOption('fetch.fetch', 2, 1, 12), missingOption('fetch.fetch', 3, 1, 10)],
    },
    // Beside the ambiguous `net`, the unambiguous `fetch` is exported.
    {
      code: "import { fetch } from '../../common/ambiguous.js'\nfetch.fetch({})",
      filename: starPage,
      errors: [missingOption('fetch.fetch', 2, 1, 12)],
    },
    // Beside the function `fetch`, `request` is exported.
    {
      code: "import { request } from '../../common/shadowed.js'\nrequest.download({})",
      filename: starPage,
      errors: [missingOption('request.download', 2, 1, 17)],
    },
    // A barrel in a cycle of `export *` exports its own modules.
    {
      code: "import { fetch } from '../../common/cycle-a.js'\nfetch.fetch({})",
      filename: starPage,
      errors: [missingOption('fetch.fetch', 2, 1, 12)],
    },
  ],
});

// Namespace imports of every barrel kind, through no-unsupported-api: its module-wide check follows every read of
// the module (Redmi Watch 4 lacks fetch and request).
const lacksFetch = targetSettings({ targetDevices: ['xiaomi-watch-s4', 'redmi-watch-4'], minAPILevel: 1 });
const unsupported = (api: string, read: string, line: number, column: number, endColumn: number) => ({
  messageId: 'unsupported' as const,
  data: {
    api,
    devices: 'Redmi Watch 4',
    targets: 'targets from settings.velakit.targetDevices',
    advice: `Feature-detect it (\`typeof ${read} === 'function'\`) or drop it from targetDevices.`,
  },
  line,
  column,
  endLine: line,
  endColumn,
});

createRuleTester().run('no-unsupported-api through namespace imports of barrels', noUnsupportedApi, {
  valid: [
    { code: "import * as all from '../../common/modules'\nall.request.download({})", filename: starPage },
    {
      code: "import * as all from '../../common/ambiguous.js'\nall.net.fetch({ url: 'u' })",
      filename: starPage,
      settings: lacksFetch,
    },
    {
      code: "import * as all from '../../common/no-default.js'\nall.default.fetch({ url: 'u' })",
      filename: starPage,
      settings: lacksFetch,
    },
  ].map((test) => ({ settings: targetSettings({ targetDevices: ['xiaomi-watch-s4'], minAPILevel: 1 }), ...test })),
  invalid: [
    // `export { fetch }` and `export *`.
    {
      code: "import * as api from '../../common/named.js'\napi.fetch.fetch({ url: 'u' })",
      filename: page,
      settings: lacksFetch,
      errors: [unsupported('fetch.fetch', 'api.fetch.fetch', 2, 1, 16)],
    },
    {
      code: "import * as all from '../../common/modules'\nall.request.download({ url: 'u' })",
      filename: starPage,
      settings: lacksFetch,
      errors: [unsupported('request.download', 'all.request.download', 2, 1, 21)],
    },
    {
      code: "import * as all from '../../common/typed'\nall.fetch.fetch({ url: 'u' })",
      filename: starPage,
      settings: lacksFetch,
      errors: [unsupported('fetch.fetch', 'all.fetch.fetch', 2, 1, 16)],
    },
    // `export default { fetch }`, and one nested deeper.
    {
      code: "import * as api from '../../common/default.js'\napi.default.fetch.fetch({ url: 'u' })",
      filename: page,
      settings: lacksFetch,
      errors: [unsupported('fetch.fetch', 'api.default.fetch.fetch', 2, 1, 24)],
    },
    {
      code: "import * as api from '../../common/object.js'\nconst { net } = api.default\nnet.fetch.fetch({ url: 'u' })",
      filename: starPage,
      settings: lacksFetch,
      errors: [unsupported('fetch.fetch', 'net.fetch.fetch', 3, 1, 16)],
    },
    // CommonJS: `module.exports = {...}`, its `default`, and `exports.x =`.
    {
      code: "import * as api from '../../common/commonjs.js'\napi.fetch.fetch({ url: 'u' })\napi.default.fetch.fetch({ url: 'u' })",
      filename: page,
      settings: lacksFetch,
      errors: [
        unsupported('fetch.fetch', 'api.fetch.fetch', 2, 1, 16),
        unsupported('fetch.fetch', 'api.default.fetch.fetch', 3, 1, 24),
      ],
    },
    {
      code: "import * as api from '../../common/exports-dot.js'\napi.fetch.fetch({ url: 'u' })",
      filename: page,
      settings: lacksFetch,
      errors: [unsupported('fetch.fetch', 'api.fetch.fetch', 2, 1, 16)],
    },
    // `export * as net`, and an alias of the namespace.
    {
      code: "import * as all from '../../common/ns.js'\nconst again = all\nagain.net.fetch.fetch({ url: 'u' })",
      filename: starPage,
      settings: lacksFetch,
      errors: [unsupported('fetch.fetch', 'again.net.fetch.fetch', 3, 1, 22)],
    },
  ],
});

// `export * from '@system.x'`: the module's members, by name, as `import { fetch } from '@system.fetch'` gives them.
// ES modules' rules hold as for local sources: no `default`, an own export wins, a name two sources export is nobody's.
const systemStars = makeTree({
  'src/common/fetch-star.js': "export * from '@system.fetch'\n",
  // `get` and `delete` are methods of both: ambiguous. `set`, `list` and the rest are one module's.
  'src/common/files.js': "export * from '@system.file'\nexport * from '@system.storage'\n",
  'src/common/own-fetch.js': "export * from '@system.fetch'\nexport function fetch(options) {\n  return options\n}\n",
  'src/common/helpers.js': 'export function fetch(options) {\n  return options\n}\n',
  'src/common/with-helper.js': "export * from '@system.fetch'\nexport * from './helpers.js'\n",
  'src/common/with-package.js': "export * from '@system.fetch'\nexport * from 'some-package'\n",
  // The same member through two sources is that member either way.
  'src/common/twice.js': "export * from '@system.fetch'\nexport * from './fetch-star.js'\n",
  'src/common/chain.js': "export * from './fetch-star.js'\n",
  'src/common/by-name.js': "export { fetch as get } from './fetch-star.js'\n",
  'src/common/object.js': "import { fetch } from './fetch-star.js'\nexport default { net: { fetch } }\n",
  // Named re-exports of one member, and imports of members exported again. A name the catalogue does not know for the
  // module (`nonesuch`) is exported but holds nothing; a type-only import binds no value.
  'src/common/named-system.js':
    "export { fetch } from '@system.fetch'\nexport { download as get, nonesuch } from '@system.request'\n",
  'src/common/imported-system.js':
    "import { fetch } from '@system.fetch'\nimport { download as save, nonesuch } from '@system.request'\nexport { fetch, save, nonesuch }\nexport const api = { fetch }\n",
  'src/common/typed-system.ts': "import { type fetch } from '@system.fetch'\nexport { fetch }\n",
  // A module's `default` is the module object, however it is named.
  'src/common/default-system.js':
    "export { default } from '@system.fetch'\nexport { default as request } from '@system.request'\nimport { default as storage } from '@system.storage'\nexport { storage }\n",
  'src/pages/index/index.js': '',
});
const systemStarPage = join(systemStars, 'src/pages/index/index.js');
const missing = (api: string, names: string, line: number, column: number, endColumn: number) => ({
  messageId: 'missingRequired' as const,
  data: { api, missing: names, plural: names.includes(',') || names.includes(' and ') ? 's' : '' },
  line,
  column,
  endLine: line,
  endColumn,
});

createRuleTester().run("require-params through export * from '@system.x'", requireParams, {
  valid: [
    { code: "import { fetch } from '../../common/fetch-star.js'\nfetch({ url: 'u' })", filename: systemStarPage },
    // `export *` hands on no `default`.
    { code: "import fetch from '../../common/fetch-star.js'\nfetch.fetch({})", filename: systemStarPage },
    { code: "import * as all from '../../common/fetch-star.js'\nall.default.fetch({})", filename: systemStarPage },
    // A method of two modules: ambiguous, exported by neither.
    { code: "import { get } from '../../common/files.js'\nget({})", filename: systemStarPage },
    { code: "import * as all from '../../common/files.js'\nall.delete({})", filename: systemStarPage },
    // The barrel's own `fetch`, and a helper's `fetch` beside the module's (ambiguous).
    { code: "import { fetch } from '../../common/own-fetch.js'\nfetch({})", filename: systemStarPage },
    { code: "import { fetch } from '../../common/with-helper.js'\nfetch({})", filename: systemStarPage },
    // A source whose names are unknown (a package) may export any name: nothing is handed on.
    { code: "import { fetch } from '../../common/with-package.js'\nfetch({})", filename: systemStarPage },
    // Named re-exports: complete calls; a name the catalogue does not know; a type-only import exported again.
    {
      code: "import { fetch, get } from '../../common/named-system.js'\nfetch({ url: 'u' })\nget({ url: 'u' })",
      filename: systemStarPage,
    },
    {
      code: "import { nonesuch } from '../../common/named-system.js'\nimport * as all from '../../common/imported-system.js'\nnonesuch({})\nall.nonesuch({})",
      filename: systemStarPage,
    },
    { code: "import { fetch } from '../../common/typed-system.ts'\nfetch({})", filename: systemStarPage },
    // A module's `default` re-exported is the module object: a call of it is no call of a method.
    { code: "import fetch from '../../common/default-system.js'\nfetch({})", filename: systemStarPage },
  ],
  invalid: [
    // Named, renamed, namespace and `require` imports of the barrel, as of `@system.fetch` itself.
    {
      code: "import { fetch } from '../../common/fetch-star.js'\nfetch({})",
      filename: systemStarPage,
      errors: [missing('fetch.fetch', '`url`', 2, 1, 6)],
    },
    {
      code: "import { fetch as get } from '../../common/fetch-star'\nconst again = get\nagain({})",
      filename: systemStarPage,
      errors: [missing('fetch.fetch', '`url`', 3, 1, 6)],
    },
    {
      code: "import * as net from '../../common/fetch-star.js'\nnet.fetch({})",
      filename: systemStarPage,
      errors: [missing('fetch.fetch', '`url`', 2, 1, 10)],
    },
    {
      code: "const { fetch } = require('../../common/fetch-star.js')\nconst net = require('../../common/fetch-star.js')\nfetch({})\nnet.fetch({})",
      filename: systemStarPage,
      errors: [missing('fetch.fetch', '`url`', 3, 1, 6), missing('fetch.fetch', '`url`', 4, 1, 10)],
    },
    // Beside the ambiguous `get` and `delete`, each module's own methods are handed on.
    {
      code: "import { set, list } from '../../common/files.js'\nset({})\nlist({})",
      filename: systemStarPage,
      errors: [missing('storage.set', '`key`', 2, 1, 4), missing('file.list', '`uri`', 3, 1, 5)],
    },
    // One member two sources hand on; `export *` of such a barrel; a named re-export; an object of it.
    {
      code: "import { fetch } from '../../common/twice.js'\nfetch({})",
      filename: systemStarPage,
      errors: [missing('fetch.fetch', '`url`', 2, 1, 6)],
    },
    {
      code: "import { fetch } from '../../common/chain.js'\nfetch({})",
      filename: systemStarPage,
      errors: [missing('fetch.fetch', '`url`', 2, 1, 6)],
    },
    {
      code: "import { get } from '../../common/by-name.js'\nget({})",
      filename: systemStarPage,
      errors: [missing('fetch.fetch', '`url`', 2, 1, 4)],
    },
    {
      code: "import api from '../../common/object.js'\napi.net.fetch({})\nconst { fetch } = api.net\nfetch({})",
      filename: systemStarPage,
      errors: [missing('fetch.fetch', '`url`', 2, 1, 14), missing('fetch.fetch', '`url`', 4, 1, 6)],
    },
    // `export { fetch } from '@system.fetch'`, renamed (`download as get`), and through a namespace import.
    {
      code: "import { fetch, get } from '../../common/named-system.js'\nfetch({})\nget({})",
      filename: systemStarPage,
      errors: [missing('fetch.fetch', '`url`', 2, 1, 6), missing('request.download', '`url`', 3, 1, 4)],
    },
    {
      code: "import * as named from '../../common/named-system.js'\nconst { get: load } = require('../../common/named-system.js')\nnamed.fetch({})\nload({})",
      filename: systemStarPage,
      errors: [missing('fetch.fetch', '`url`', 3, 1, 12), missing('request.download', '`url`', 4, 1, 5)],
    },
    // `import { fetch } from '@system.fetch'` then `export { fetch }`, renamed on import, or in an exported object.
    {
      code: "import { fetch, save, api } from '../../common/imported-system.js'\nfetch({})\nsave({})\napi.fetch({})",
      filename: systemStarPage,
      errors: [
        missing('fetch.fetch', '`url`', 2, 1, 6),
        missing('request.download', '`url`', 3, 1, 5),
        missing('fetch.fetch', '`url`', 4, 1, 10),
      ],
    },
    // A module's `default`, re-exported as such or renamed, or imported as `{ default as storage }`: the module.
    {
      code: "import fetch, { request, storage } from '../../common/default-system.js'\nfetch.fetch({})\nrequest.download({})\nstorage.set({})",
      filename: systemStarPage,
      errors: [
        missing('fetch.fetch', '`url`', 2, 1, 12),
        missing('request.download', '`url`', 3, 1, 17),
        missing('storage.set', '`key`', 4, 1, 12),
      ],
    },
  ],
});

// The same barrels through no-unsupported-api (Redmi Watch 4 lacks fetch): an unguarded call is reported as for a named
// import of `@system.fetch`; a feature-detected one is not.
createRuleTester().run("no-unsupported-api through export * from '@system.x'", noUnsupportedApi, {
  valid: [
    {
      code: "import { fetch } from '../../common/fetch-star.js'\nif (typeof fetch === 'function') fetch({ url: 'u' })",
      filename: systemStarPage,
      settings: lacksFetch,
    },
    {
      code: "import { fetch } from '../../common/with-helper.js'\nfetch({ url: 'u' })",
      filename: systemStarPage,
      settings: lacksFetch,
    },
  ],
  invalid: [
    {
      code: "import { fetch } from '../../common/fetch-star.js'\nfetch({ url: 'u' })",
      filename: systemStarPage,
      settings: lacksFetch,
      errors: [unsupported('fetch.fetch', 'fetch', 2, 1, 6)],
    },
    {
      code: "import * as net from '../../common/chain.js'\nnet.fetch({ url: 'u' })",
      filename: systemStarPage,
      settings: lacksFetch,
      errors: [unsupported('fetch.fetch', 'net.fetch', 2, 1, 10)],
    },
    {
      code: "import { fetch } from '../../common/named-system.js'\nfetch({ url: 'u' })",
      filename: systemStarPage,
      settings: lacksFetch,
      errors: [unsupported('fetch.fetch', 'fetch', 2, 1, 6)],
    },
    {
      code: "import { fetch } from '../../common/imported-system.js'\nfetch({ url: 'u' })",
      filename: systemStarPage,
      settings: lacksFetch,
      errors: [unsupported('fetch.fetch', 'fetch', 2, 1, 6)],
    },
  ],
});

describe('export * barrels', () => {
  const exported = (name: string): string[] | undefined => {
    const barrel = loadBarrel(join(stars, 'src/common', name), undefined);
    return barrel && [...barrel.exports.keys()].sort();
  };
  const names = (name: string): string[] | null | undefined => {
    const barrel = loadBarrel(join(stars, 'src/common', name), undefined);
    return barrel && barrel.names && [...barrel.names].sort();
  };

  it('hands on the modules of each source, but not `default`, an own export, or an ambiguous name', () => {
    clearBarrelCache();
    expect(exported('modules/index.js')).toEqual(['fetch', 'request', 'sensor', 'vibrator']);
    expect(exported('chain.js')).toEqual(['fetch', 'request']);
    expect(exported('no-default.js')).toEqual(['storage']);
    expect(exported('ambiguous.js')).toEqual(['fetch']);
    expect(exported('shadowed.js')).toEqual(['request']);
    expect(exported('own.js')).toEqual(['request']);
    expect(exported('same.js')).toEqual(['fetch', 'net', 'request']);
    expect(exported('package.js')).toBeUndefined();
  });

  it("hands on a `@system.*` module's members by name, but not `default`, an own export, or an ambiguous name", () => {
    clearBarrelCache();
    const exportedFrom = (name: string): string[] | undefined => {
      const barrel = loadBarrel(join(systemStars, 'src/common', name), undefined);
      return barrel && [...barrel.exports.keys()].sort();
    };
    expect(exportedFrom('fetch-star.js')).toEqual(['fetch']);
    expect(exportedFrom('files.js')).toEqual([
      'access',
      'clear',
      'copy',
      'list',
      'mkdir',
      'move',
      'readArrayBuffer',
      'readText',
      'rmdir',
      'set',
      'writeArrayBuffer',
      'writeText',
    ]);
    expect(exportedFrom('own-fetch.js')).toBeUndefined();
    expect(exportedFrom('with-helper.js')).toBeUndefined();
    expect(exportedFrom('with-package.js')).toBeUndefined();
    expect(exportedFrom('twice.js')).toEqual(['fetch']);
    expect(exportedFrom('chain.js')).toEqual(['fetch']);
  });

  it('hands on one member of a `@system.*` module named in `export { }`, when the catalogue knows it', () => {
    clearBarrelCache();
    const barrelOf = (name: string) => loadBarrel(join(systemStars, 'src/common', name), undefined);
    const exportedFrom = (name: string) => {
      const barrel = barrelOf(name);
      return barrel && Object.fromEntries([...barrel.exports].map(([key, value]) => [key, shown(value)]));
    };
    const shown = (value: ExportedValue): string =>
      value.kind === 'module'
        ? value.module.name
        : value.kind === 'member'
          ? `${value.module.name}.${value.name}`
          : `{ ${[...value.members].map(([key, member]) => `${key}: ${shown(member)}`).join(', ')} }`;
    expect(exportedFrom('named-system.js')).toEqual({ fetch: 'system.fetch.fetch', get: 'system.request.download' });
    expect([...barrelOf('named-system.js')!.names!].sort()).toEqual(['fetch', 'get', 'nonesuch']);
    expect(exportedFrom('imported-system.js')).toEqual({
      fetch: 'system.fetch.fetch',
      save: 'system.request.download',
      api: '{ fetch: system.fetch.fetch }',
    });
    expect(exportedFrom('typed-system.ts')).toBeUndefined();
    expect(exportedFrom('default-system.js')).toEqual({
      default: 'system.fetch',
      request: 'system.request',
      storage: 'system.storage',
    });
  });

  it('knows every name a file exports, modules or not, ambiguous ones too', () => {
    clearBarrelCache();
    expect(names('ambiguous.js')).toEqual(['fetch', 'net']);
    expect(names('shadowed.js')).toEqual(['fetch', 'request']);
    expect(names('own.js')).toEqual(['fetch', 'request']);
    expect(names('modules/sensors.js')).toEqual(['sensor', 'vibrator']);
    expect(names('defaults.js')).toEqual(['default', 'storage']);
    // A TypeScript barrel's type exports are no names (they are gone at build time).
    expect(names('typed.ts')).toEqual(['fetch', 'request']);
    // Beside a package's names, unknown, its own module export stands.
    expect(names('package-own.js')).toBeNull();
    expect(exported('package-own.js')).toEqual(['fetch']);
  });

  it('reads a source that is no barrel once, for its names, and ends a cycle', () => {
    clearBarrelCache();
    expect(exported('shadowed.js')).toEqual(['request']);
    expect(exported('shadowed.js')).toEqual(['request']);
    // shadowed.js, net.js and helpers.js, each once.
    expect(barrelCacheStats()).toMatchObject({ parses: 3 });
    clearBarrelCache();
    expect(exported('cycle-b.js')).toBeUndefined();
    clearBarrelCache();
    expect(exported('cycle-a.js')).toEqual(['fetch']);
  });

  it('knows the names of CommonJS files only when every use of `exports` is an assignment it read', () => {
    clearBarrelCache();
    const tree = makeTree({
      'net.js': "import fetch from '@system.fetch'\nexport { fetch }\n",
      'literal.js': 'module.exports = { fetch: 1, other: 2 }\n',
      'dynamic.js': "Object.assign(exports, { fetch: 1 })\nexports.other = require('./x')\n",
      'spread.js': "module.exports = { ...require('./net.js'), extra: 1 }\n",
      'star-literal.js': "export * from './net.js'\nexport * from './literal.js'\n",
      'star-dynamic.js': "export * from './net.js'\nexport * from './dynamic.js'\n",
      'star-spread.js': "export * from './net.js'\nexport * from './spread.js'\n",
      'star-script.js': "export * from './net.js'\nexport * from './script.js'\n",
      'script.js': 'console.log(1)\n',
      'commented.js': "// exports the sensor module /* exports */\nexports.sensor = require('@system.sensor')\n",
      'star-commented.js': "export * from './net.js'\nexport * from './commented.js'\n",
      'assigned.ts': "import storage from '@system.storage'\nexport = { storage }\n",
      'star-assigned.js': "export * from './net.js'\nexport * from './assigned.ts'\n",
    });
    const keys = (name: string): string[] | undefined => {
      const barrel = loadBarrel(join(tree, name), undefined);
      return barrel && [...barrel.exports.keys()];
    };
    // `fetch` is a key of literal.js too: ambiguous.
    expect(keys('star-literal.js')).toBeUndefined();
    expect(keys('star-dynamic.js')).toBeUndefined();
    expect(keys('star-spread.js')).toBeUndefined();
    // TypeScript's `export = value` is not read: its names are unknown.
    expect(keys('star-assigned.js')).toBeUndefined();
    // A mention in a comment is no use.
    expect(keys('star-commented.js')).toEqual(['fetch', 'sensor']);
    // A file that exports nothing is read without a parse.
    const before = barrelCacheStats().parses;
    expect(keys('star-script.js')).toEqual(['fetch']);
    expect(barrelCacheStats().parses - before).toBe(1);
  });
});

describe('the barrel cache', () => {
  afterEach(() => useClockForTests());

  it('reads no tree of a file that exports only functions and classes, and keeps barrels whatever the spacing', () => {
    clearBarrelCache();
    const dir = makeTree({
      'helpers.js':
        "import fetch from '@system.fetch'\nexport function load() { return fetch }\nexport async function save() {}\nexport class Api {}\n",
      'commented.js': "import fetch from '@system.fetch'\nexport /* the module */ { fetch }\n",
      'split.js': "import fetch from '@system.fetch'\nexport\n  default { fetch }\n",
      'variable.js': "export const net = require('@system.fetch')\n",
      'namespace.js': "export * as net from '@system.fetch'\n",
    });
    const exported = (name: string): string[] | undefined => {
      const barrel = loadBarrel(join(dir, name), undefined);
      return barrel && [...barrel.exports.keys()];
    };
    expect(exported('helpers.js')).toBeUndefined();
    expect(barrelCacheStats()).toMatchObject({ parses: 0 });
    expect(exported('commented.js')).toEqual(['fetch']);
    expect(exported('split.js')).toEqual(['default']);
    expect(exported('variable.js')).toEqual(['net']);
    expect(exported('namespace.js')).toEqual(['net']);
    expect(barrelCacheStats()).toMatchObject({ parses: 4 });
  });

  it('stats a barrel once per window however many files import it, and parses it again only after a change', () => {
    let time = 0;
    useClockForTests(() => time);
    clearBarrelCache();
    const path = join(makeTree({ 'api.js': "import fetch from '@system.fetch'\nexport { fetch }\n" }), 'api.js');
    const exported = (): string[] => [...(loadBarrel(path, undefined)?.exports.keys() ?? [])];
    for (let file = 0; file < 50; file++) expect(exported()).toEqual(['fetch']);
    expect(barrelCacheStats()).toEqual({ parses: 1, stats: 1, reused: 0, cached: 1 });
    // An edit within the window is not looked for; the first lookup after it stats, sees it and parses again.
    writeFileSync(path, "import storage from '@system.storage'\nexport { storage }\n");
    time += recheckAfterMs - 1;
    expect(exported()).toEqual(['fetch']);
    time += 1;
    expect(exported()).toEqual(['storage']);
    expect(barrelCacheStats()).toEqual({ parses: 2, stats: 2, reused: 0, cached: 1 });
    // Unchanged after the next window: one stat, no parse.
    time += recheckAfterMs;
    for (let file = 0; file < 50; file++) expect(exported()).toEqual(['storage']);
    expect(barrelCacheStats()).toEqual({ parses: 2, stats: 3, reused: 0, cached: 1 });
  });
});

describe('a barrel that hands on another file', () => {
  afterEach(() => useClockForTests());

  it('is read again when only a file it hands on changed, through two levels', () => {
    let time = 0;
    useClockForTests(() => time);
    clearBarrelCache();
    const dir = makeTree({
      'index.js': "export * from './net.js'\n",
      'net.js': "export { fetch } from './fetch.js'\nexport * from './storage.js'\n",
      'fetch.js': "import fetch from '@system.fetch'\nexport { fetch }\n",
      'storage.js': "import storage from '@system.storage'\nexport { storage }\n",
    });
    const exported = (): string[] => [...(loadBarrel(join(dir, 'index.js'), undefined)?.exports.keys() ?? [])].sort();
    expect(exported()).toEqual(['fetch', 'storage']);
    const parses = barrelCacheStats().parses;

    // Unchanged after a window: one stat per file read, no parse.
    time += recheckAfterMs;
    expect(exported()).toEqual(['fetch', 'storage']);
    expect(barrelCacheStats().parses).toBe(parses);

    // Two levels down: `index.js` and `net.js` are unchanged, `storage.js` now hands on another module.
    writeFileSync(join(dir, 'storage.js'), "import vibrator from '@system.vibrator'\nexport { vibrator }\n");
    time += recheckAfterMs;
    expect(exported()).toEqual(['fetch', 'vibrator']);

    // A source removed: what it handed on is gone.
    writeFileSync(join(dir, 'net.js'), "export * from './storage.js'\n");
    time += recheckAfterMs;
    expect(exported()).toEqual(['vibrator']);
  });

  it('within a window is not checked again (the other importers of a lint run)', () => {
    let time = 0;
    useClockForTests(() => time);
    clearBarrelCache();
    const dir = makeTree({
      'index.js': "export * from './fetch.js'\n",
      'fetch.js': "import fetch from '@system.fetch'\nexport { fetch }\n",
    });
    const exported = (): string[] => [...(loadBarrel(join(dir, 'index.js'), undefined)?.exports.keys() ?? [])];
    expect(exported()).toEqual(['fetch']);
    const stats = barrelCacheStats().stats;
    writeFileSync(join(dir, 'fetch.js'), "import storage from '@system.storage'\nexport { storage }\n");
    time += recheckAfterMs - 1;
    for (let file = 0; file < 20; file++) expect(exported()).toEqual(['fetch']);
    expect(barrelCacheStats().stats).toBe(stats);
    time += 1;
    expect(exported()).toEqual(['storage']);
  });
});

/** What ESLint hands rules for a `.js` file under a flat config without language options, read from a lint. */
function defaultLintOptions(): LintLanguageOptions & { parser: { parse(text: string, options: object): unknown } } {
  let options: LintLanguageOptions | undefined;
  const probe = {
    create: (context: { languageOptions: LintLanguageOptions }) => ((options = context.languageOptions), {}),
  };
  new Linter({ configType: 'flat' }).verify('', [
    { plugins: { probe: { rules: { probe } } }, rules: { 'probe/probe': 'error' } } as Linter.Config,
  ]);
  return options as never;
}
const lintOptions = defaultLintOptions();
const espree = lintOptions.parser;

/** The tree ESLint would lint `text` with. */
function lintTree(text: string): TSESTree.Program {
  return espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true }) as never;
}

/** A value as its module's name (with the member's), or its members', to compare barrels read two ways. */
const valueOf = (value: ExportedValue): unknown =>
  value.kind === 'module'
    ? value.module.name
    : value.kind === 'member'
      ? `${value.module.name} ${value.name}`
      : [...value.members].map(([key, member]) => [key, valueOf(member)]);
/** Exports by name and module. */
const exportsOf = (barrel: Barrel | undefined): unknown =>
  barrel && {
    exports: [...barrel.exports].map(([name, value]) => [name, valueOf(value)]),
    commonJs: barrel.commonJs?.kind,
  };

describe('barrels learnt from their own lint', () => {
  const barrelText =
    "import fetch from '@system.fetch'\nimport storage from '@system.storage'\nexport { fetch, storage }\n";

  it('takes a barrel linted before its importer from the lint, without parsing it again', () => {
    clearBarrelCache();
    const path = join(makeTree({ 'api.js': barrelText }), 'api.js');
    rememberLintedBarrel(path, lintTree(barrelText), barrelText, lintOptions);
    const learnt = loadBarrel(path, espree as never);
    expect(barrelCacheStats()).toEqual({ parses: 0, stats: 1, reused: 1, cached: 1 });
    clearBarrelCache();
    expect(exportsOf(learnt)).toEqual(exportsOf(loadBarrel(path, espree as never)));
    expect(barrelCacheStats()).toMatchObject({ parses: 1, reused: 0 });
    expect(exportsOf(learnt)).toEqual({
      exports: [
        ['fetch', 'system.fetch'],
        ['storage', 'system.storage'],
      ],
      commonJs: undefined,
    });
  });

  it("takes a barrel of `export * from '@system.x'` lines from its lint too, with the same members", () => {
    clearBarrelCache();
    const text = "export * from '@system.fetch'\nexport * from '@system.prompt'\n";
    const path = join(makeTree({ 'api.js': text }), 'api.js');
    rememberLintedBarrel(path, lintTree(text), text, lintOptions);
    const learnt = loadBarrel(path, espree as never);
    expect(barrelCacheStats()).toMatchObject({ parses: 0, reused: 1 });
    clearBarrelCache();
    expect(exportsOf(learnt)).toEqual(exportsOf(loadBarrel(path, espree as never)));
    expect(exportsOf(learnt)).toEqual({
      exports: [
        ['fetch', 'system.fetch fetch'],
        ['showToast', 'system.prompt showToast'],
      ],
      commonJs: undefined,
    });
  });

  it('parses the file on disk when the linted text is not what the disk holds (an unsaved editor buffer)', () => {
    clearBarrelCache();
    const path = join(makeTree({ 'api.js': "import request from '@system.request'\nexport { request }\n" }), 'api.js');
    rememberLintedBarrel(path, lintTree(barrelText), barrelText, lintOptions);
    expect([...(loadBarrel(path, espree as never)?.exports.keys() ?? [])]).toEqual(['request']);
    expect(barrelCacheStats()).toMatchObject({ parses: 1, reused: 0 });
  });

  it('parses the file again after it changed on disk since its lint (the learnt entry is used once)', () => {
    let time = 0;
    useClockForTests(() => time);
    try {
      clearBarrelCache();
      const path = join(makeTree({ 'api.js': barrelText }), 'api.js');
      rememberLintedBarrel(path, lintTree(barrelText), barrelText, lintOptions);
      expect(loadBarrel(path, espree as never)?.exports.size).toBe(2);
      writeFileSync(path, "import request from '@system.request'\nexport { request }\n// longer than before\n");
      time += recheckAfterMs;
      expect([...(loadBarrel(path, espree as never)?.exports.keys() ?? [])]).toEqual(['request']);
      expect(barrelCacheStats()).toMatchObject({ parses: 1, reused: 1 });
    } finally {
      useClockForTests();
    }
  });

  it('learns nothing when a parse here could differ: another parser, other options, TypeScript, a re-export', () => {
    const tree = makeTree({
      'api.js': barrelText,
      'api.ts': barrelText,
      'chained.js': "export { fetch } from './api.js'\n",
      'script.cjs': "module.exports = { fetch: require('@system.fetch') }\n",
    });
    const cases: [string, LintLanguageOptions, unknown][] = [
      ['api.js', lintOptions, {}], // the importer parses with another parser
      ['api.js', { ...lintOptions, ecmaVersion: 2015 }, espree],
      ['api.js', { ...lintOptions, parserOptions: { ecmaFeatures: { jsx: true } } }, espree],
      ['api.ts', lintOptions, espree],
      ['chained.js', lintOptions, espree],
      ['script.cjs', { ...lintOptions, sourceType: 'commonjs' }, espree],
    ];
    for (const [name, options, importerParser] of cases) {
      clearBarrelCache();
      const path = join(tree, name);
      const text = readFileSync(path, 'utf8');
      rememberLintedBarrel(path, lintTree(text), text, options);
      loadBarrel(path, importerParser as never);
      const { reused, parses } = barrelCacheStats();
      expect({ name, reused, parsed: parses > 0 }).toEqual({ name, reused: 0, parsed: true });
    }
  });

  it('through a real lint: the importer linted after its barrel reads it from the lint, with the same reports', () => {
    clearBarrelCache();
    const tree = makeTree({
      'common/api.js': barrelText,
      'pages/index.js': "import { fetch } from '../common/api.js'\nfetch.fetch({})\n",
    });
    const config = [
      { plugins: { velakit: { rules: { 'require-params': requireParams } } } },
    ] as unknown as Linter.Config[];
    const lint = (name: string): Linter.LintMessage[] => {
      const path = join(tree, name);
      return new Linter({ configType: 'flat', cwd: dirname(path) }).verify(
        readFileSync(path, 'utf8'),
        [...config, { rules: { 'velakit/require-params': 'error' } }],
        path,
      );
    };
    expect(lint('common/api.js')).toEqual([]);
    const messages = lint('pages/index.js');
    expect(barrelCacheStats()).toMatchObject({ parses: 0, reused: 1 });
    expect(messages.map((message) => [message.messageId, message.line, message.column])).toEqual([
      ['missingRequired', 2, 1],
    ]);
  });
});

describe('texts that cannot be barrels', () => {
  it('are not parsed: nothing exported, or neither a `@system.` module nor a local import', () => {
    const tree = makeTree({
      'side-effect.js': "import fetch from '@system.fetch'\nfetch.fetch({ url: 'u' })\n",
      'plain.js': 'export const answer = 42\n',
    });
    for (const name of ['side-effect.js', 'plain.js']) {
      clearBarrelCache();
      expect(loadBarrel(join(tree, name), undefined)).toBeUndefined();
      expect(barrelCacheStats()).toMatchObject({ parses: 0 });
    }
  });

  it('are parsed when `exports` may be spelled with escapes', () => {
    clearBarrelCache();
    const tree = makeTree({ 'escaped.js': "\\u0065xports.fetch = require('@system.fetch')\n" });
    expect(loadBarrel(join(tree, 'escaped.js'), undefined)?.commonJs?.kind).toBe('object');
    expect(barrelCacheStats()).toMatchObject({ parses: 1 });
  });
});

describe('resolving then loading a barrel', () => {
  afterEach(() => useClockForTests());

  it('uses the stat that found the file, so a first lookup stats it once', () => {
    let time = 0;
    useClockForTests(() => time);
    clearBarrelCache();
    const tree = makeTree({ 'api.js': barrelText(), 'page/index.js': '' });
    const path = resolveLocalImport(join(tree, 'page'), '../api.js');
    expect(path).toBe(join(tree, 'api.js'));
    expect(loadBarrel(path!, undefined)?.exports.size).toBe(1);
    expect(barrelCacheStats()).toMatchObject({ stats: 0, parses: 1 });
    // The stat is used once: after the window the next lookup stats the file itself.
    time += recheckAfterMs;
    expect(loadBarrel(path!, undefined)?.exports.size).toBe(1);
    expect(barrelCacheStats()).toMatchObject({ stats: 1, parses: 1 });
  });

  it('reads what the file holds when it changed after the resolution stat, and reads again at the next check', () => {
    let time = 0;
    useClockForTests(() => time);
    clearBarrelCache();
    const tree = makeTree({ 'api.js': barrelText(), 'page/index.js': '' });
    const path = resolveLocalImport(join(tree, 'page'), '../api.js');
    writeFileSync(
      path!,
      "import storage from '@system.storage'\nimport file from '@system.file'\nexport { storage, file }\n",
    );
    time += 5 * recheckAfterMs;
    expect([...(loadBarrel(path!, undefined)?.exports.keys() ?? [])]).toEqual(['storage', 'file']);
    expect(barrelCacheStats()).toMatchObject({ stats: 0, parses: 1 });
    // The cache holds the older stat's size: the next check sees a difference and reads again (same text, same barrel).
    time += recheckAfterMs;
    expect([...(loadBarrel(path!, undefined)?.exports.keys() ?? [])]).toEqual(['storage', 'file']);
    expect(barrelCacheStats()).toMatchObject({ stats: 1, parses: 2 });
  });

  function barrelText(): string {
    return "import fetch from '@system.fetch'\nexport { fetch }\n";
  }
});
