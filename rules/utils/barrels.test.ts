import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import requireParams from '../require-params.js';
import noUnsupportedApi from '../no-unsupported-api.js';
import { createRuleTester, targetSettings } from '../test-utils/rule-tester.js';
import { makeTree } from '../test-utils/tree.js';
import { barrelCacheStats, clearBarrelCache, loadBarrel } from './barrels.js';
import { recheckAfterMs, useClockForTests } from './disk-checks.js';

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

describe('the barrel cache', () => {
  afterEach(() => useClockForTests());

  it('stats a barrel once per window however many files import it, and parses it again only after a change', () => {
    let time = 0;
    useClockForTests(() => time);
    clearBarrelCache();
    const path = join(makeTree({ 'api.js': "import fetch from '@system.fetch'\nexport { fetch }\n" }), 'api.js');
    const exported = (): string[] => [...(loadBarrel(path, undefined)?.exports.keys() ?? [])];
    for (let file = 0; file < 50; file++) expect(exported()).toEqual(['fetch']);
    expect(barrelCacheStats()).toEqual({ parses: 1, stats: 1, cached: 1 });
    // An edit within the window is not looked for; the first lookup after it stats, sees it and parses again.
    writeFileSync(path, "import storage from '@system.storage'\nexport { storage }\n");
    time += recheckAfterMs - 1;
    expect(exported()).toEqual(['fetch']);
    time += 1;
    expect(exported()).toEqual(['storage']);
    expect(barrelCacheStats()).toEqual({ parses: 2, stats: 2, cached: 1 });
    // Unchanged after the next window: one stat, no parse.
    time += recheckAfterMs;
    for (let file = 0; file < 50; file++) expect(exported()).toEqual(['storage']);
    expect(barrelCacheStats()).toEqual({ parses: 2, stats: 3, cached: 1 });
  });
});
