import { join } from 'node:path';
import { createRuleTester } from './test-utils/rule-tester.js';
import { makeTree } from './test-utils/tree.js';
import rule from './no-node-builtin.js';

const fileJob = { job: "files in the app's own storage", alternative: '@system.file' };
const router = "import router from '@system.router'\n";

// An app on disk: a barrel that hands `@system.router` on, and a project that installs `buffer` from npm.
const app = makeTree({
  'package.json': JSON.stringify({ name: 'watch-app', devDependencies: { buffer: '^6.0.3', 'aiot-toolkit': '1.1.4' } }),
  'src/common/nav.js': "import router from '@system.router'\nexport { router }\n",
});
/** A project whose package.json is not JSON: nothing is declared, and nothing crashes. */
const brokenPackage = makeTree({ 'package.json': '{ "devDependencies": ' });
const page = (dir: string) => join(dir, 'src/pages/index/index.ux');
const helper = (dir: string) => join(dir, 'src/common/util.js');

createRuleTester().run('no-node-builtin', rule, {
  valid: [
    // Node tooling: a file that imports no `@system.*` module may run on Node (eslint.config.js, scripts/build.js).
    "import fs from 'fs'\nimport path from 'node:path'\nconst { execSync } = require('child_process')",
    // A comment naming a module is no import of one; a type-only import of one does not make the file watch code.
    "// talks to @system.fetch through the page\nimport fs from 'fs'",
    "import type { FetchResponse } from '@system.fetch'\nimport fs from 'fs'",
    // Types vanish at build time.
    `${router}import type { Stats } from 'fs'\nexport type { Dirent } from 'node:fs'`,
    `${router}import { type Stats } from 'fs'`,
    `${router}import type fs = require('fs')`,
    // npm packages, bundled by the build; names Node's list lacks.
    `${router}import CryptoJS from 'crypto-js'\nimport dayjs from 'dayjs'\nimport x from 'fs/extra'\nimport y from 'node:nothing'`,
    // Dynamic names, a string that is not an import, a `require` the file defines, and `import()`.
    `${router}const name = pick()\nrequire(name)\nrequire(\`\${name}\`)`,
    `${router}const name = 'fs'\nrequire(name)`,
    `${router}const label = 'fs'\nconsole.log('path', label)`,
    `${router}function require(name) { return name }\nrequire('fs')`,
    `${router}export async function later() { return import('fs') }`,
    // Tests, mocks and declaration files run on Node, or never.
    { code: `${router}import fs from 'fs'`, filename: '/app/src/common/nav.test.js' },
    { code: `${router}import fs from 'fs'`, filename: '/app/src/common/__mocks__/nav.js' },
    { code: `${router}import fs from 'fs'`, filename: '/app/src/common/nav.spec.ts' },
    { code: `import fetch from '@system.fetch'\nimport { Stats } from 'fs'`, filename: '/app/src/types.d.ts' },
    // A `.ux` script importing packages only, or nothing at all.
    { code: "import dayjs from 'dayjs'\nexport default { onInit() {} }", filename: page('/app') },
    { code: 'export default { private: { fs: 1 } }', filename: page('/app') },
    // A bare name the project installs from npm is that package.
    { code: `${router}import { Buffer } from 'buffer'`, filename: helper(app) },
    { code: "import { Buffer } from 'buffer'\nexport default {}", filename: page(app) },
  ],
  invalid: [
    {
      code: `${router}import fs from 'fs'`,
      errors: [
        {
          messageId: 'nodeBuiltinWithAlternative',
          data: { specifier: 'fs', ...fileJob },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 20,
        },
      ],
    },
    {
      // The `node:` prefix, a subpath, `export ... from`, and a bare import for its side effects.
      code: `${router}import { join } from 'node:path'\nimport { readFile } from 'fs/promises'\nexport * from 'node:fs/promises'\nimport 'node:os'`,
      errors: [
        { messageId: 'nodeBuiltin', data: { specifier: 'node:path' }, line: 2, column: 22, endLine: 2, endColumn: 33 },
        {
          messageId: 'nodeBuiltinWithAlternative',
          data: { specifier: 'fs/promises', ...fileJob },
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 39,
        },
        {
          messageId: 'nodeBuiltinWithAlternative',
          data: { specifier: 'node:fs/promises', ...fileJob },
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 33,
        },
        {
          messageId: 'nodeBuiltinWithAlternative',
          data: { specifier: 'node:os', job: 'facts about the device', alternative: '@system.device' },
          line: 5,
          column: 8,
          endLine: 5,
          endColumn: 17,
        },
      ],
    },
    {
      // A page's script: `require` of a written-out name, with quotes or backquotes.
      code: `${router}const path = require('path')\nconst http = require(\`http\`)\nexport default { onInit() { router.back() } }`,
      filename: page('/app'),
      errors: [
        { messageId: 'nodeBuiltin', data: { specifier: 'path' }, line: 2, column: 22, endLine: 2, endColumn: 28 },
        {
          messageId: 'nodeBuiltinWithAlternative',
          data: { specifier: 'http', job: 'HTTP requests', alternative: '@system.fetch' },
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 28,
        },
      ],
    },
    {
      // A page's script runs on the watch even when it imports no `@system.*` module.
      code: "import { EventEmitter } from 'events'\nconst zlib = require('node:zlib')\nexport default {}",
      filename: page('/app'),
      errors: [
        { messageId: 'nodeBuiltin', data: { specifier: 'events' }, line: 1, column: 30, endLine: 1, endColumn: 38 },
        {
          messageId: 'nodeBuiltinWithAlternative',
          data: { specifier: 'node:zlib', job: 'unpacking a zip archive', alternative: '@system.zip' },
          line: 2,
          column: 22,
          endLine: 2,
          endColumn: 33,
        },
      ],
    },
    {
      // `require` declared a global, as velakit's configs declare it for the Vela script environment.
      code: `${router}const fs = require('fs')`,
      languageOptions: { globals: { require: 'readonly' } },
      errors: [{ messageId: 'nodeBuiltinWithAlternative', line: 2, column: 20, endLine: 2, endColumn: 24 }],
    },
    {
      // TypeScript's `import x = require()`, in a file that requires its module.
      code: "const fetch = require('@system.fetch')\nimport crypto = require('crypto')",
      errors: [
        {
          messageId: 'nodeBuiltinWithAlternative',
          data: { specifier: 'crypto', job: 'hashes, HMACs, signatures and encryption', alternative: '@system.crypto' },
          line: 2,
          column: 25,
          endLine: 2,
          endColumn: 33,
        },
      ],
    },
    {
      // A module the catalogue does not know still makes the file Vela code; `import fs, { type Stats }` loads `fs`.
      code: "import x from '@system.nothing'\nimport fs, { type Stats } from 'fs'",
      errors: [{ messageId: 'nodeBuiltinWithAlternative', line: 2, column: 32, endLine: 2, endColumn: 36 }],
    },
    {
      // Through a local barrel that hands `@system.router` on.
      code: "import { router } from './nav.js'\nimport https from 'https'",
      filename: join(app, 'src/common/page-helper.js'),
      errors: [
        {
          messageId: 'nodeBuiltinWithAlternative',
          data: { specifier: 'https', job: 'HTTP requests', alternative: '@system.fetch' },
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 26,
        },
      ],
    },
    {
      // `node:` always names Node's module, even where the project installs the npm package of the bare name; a
      // built-in the project does not install is reported beside it.
      code: `${router}import { Buffer } from 'node:buffer'\nimport { inspect } from 'util'`,
      filename: helper(app),
      errors: [
        {
          messageId: 'nodeBuiltin',
          data: { specifier: 'node:buffer' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 37,
        },
        { messageId: 'nodeBuiltin', data: { specifier: 'util' }, line: 3, column: 25, endLine: 3, endColumn: 31 },
      ],
    },
    {
      // A package.json that does not parse declares nothing.
      code: `${router}import { Buffer } from 'buffer'`,
      filename: helper(brokenPackage),
      errors: [
        { messageId: 'nodeBuiltin', data: { specifier: 'buffer' }, line: 2, column: 24, endLine: 2, endColumn: 32 },
      ],
    },
  ],
});
