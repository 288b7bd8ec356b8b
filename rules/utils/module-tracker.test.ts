import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { makeTree } from '../test-utils/tree.js';
import { trackModules, type ModuleUsage } from './module-tracker.js';
import type { TSESLint } from './rule.js';

/** Runs the tracker on `code` inside a real lint, where scope analysis is done (as `physicalFilename` when given). */
function track(
  code: string,
  sourceType: 'module' | 'commonjs' = 'module',
  physicalFilename?: string,
  parser?: Linter.Parser,
): ModuleUsage {
  let usage: ModuleUsage | undefined;
  const rule = {
    create(context: { sourceCode: unknown }) {
      return {
        Program() {
          usage = trackModules(context.sourceCode as TSESLint.SourceCode, { physicalFilename });
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(code, [
    {
      plugins: { probe: { rules: { track: rule } } },
      rules: { 'probe/track': 'error' },
      languageOptions: { sourceType, ...(parser ? { parser } : {}) },
    },
  ]);
  expect(messages).toEqual([]);
  return usage!;
}

const calls = (usage: ModuleUsage): string[] =>
  usage.methodUses
    .filter((use) => use.kind === 'call')
    .map((use) => `${use.interfaceName ?? use.module.name}.${use.member}@${use.node.loc.start.line}`);
const reads = (usage: ModuleUsage): string[] =>
  usage.methodUses
    .filter((use) => use.kind === 'read')
    .map((use) => `${use.interfaceName ?? use.module.name}.${use.member}@${use.node.loc.start.line}:${use.node.type}`);
const uses = (usage: ModuleUsage): string[] =>
  usage.moduleUses.map((use) => `${use.module.name}.${use.member ?? '*'}@${use.node.loc.start.line}`);

describe('trackModules', () => {
  it('follows default, named and namespace imports', () => {
    const usage = track(
      "import request from '@system.request'\nimport { download } from '@system.request'\nimport * as r from '@system.request'\nrequest.download({})\ndownload({})\nr.onDownloadComplete({})",
    );
    expect(usage.imports.map((entry) => [entry.specifier, entry.featureName, entry.module?.name])).toEqual([
      ['@system.request', 'system.request', 'system.request'],
      ['@system.request', 'system.request', 'system.request'],
      ['@system.request', 'system.request', 'system.request'],
    ]);
    expect(calls(usage)).toEqual([
      'system.request.download@4',
      'system.request.download@5',
      'system.request.onDownloadComplete@6',
    ]);
    expect(uses(usage)).toEqual([
      'system.request.download@4',
      'system.request.download@5',
      'system.request.onDownloadComplete@6',
    ]);
  });

  it('follows require: assigned, destructured, inline, without a declared `require` global', () => {
    const usage = track(
      "const request = require('@system.request')\nconst { uploadFile } = require('@system.uploadtask')\nrequest.download({})\nuploadFile({})\nrequire('@system.request').download({})",
      'commonjs',
    );
    expect(calls(usage)).toEqual([
      'system.request.download@3',
      'system.uploadtask.uploadFile@4',
      'system.request.download@5',
    ]);
    expect(uses(usage)).toEqual([
      'system.request.download@3',
      'system.uploadtask.uploadFile@4',
      'system.request.download@5',
    ]);
  });

  it('follows aliases and destructuring of the module, and the UploadTask a call returns', () => {
    const usage = track(
      "import uploadtask from '@system.uploadtask'\nconst u = uploadtask\nconst { uploadFile } = u\nconst task = uploadFile({})\nconst again = task\nagain.onProgressUpdate(f)\nu.uploadFile({}).abort()",
    );
    expect(calls(usage)).toEqual([
      'system.uploadtask.uploadFile@4',
      'UploadTask.onProgressUpdate@6',
      'system.uploadtask.uploadFile@7',
      'UploadTask.abort@7',
    ]);
    expect(uses(usage)).toEqual(['system.uploadtask.uploadFile@4', 'system.uploadtask.uploadFile@7']);
  });

  it('records unknown modules as imports only, and ignores what is not a @system module', () => {
    const usage = track(
      "import x from '@system.requst'\nimport y from 'request'\nconst z = require(name)\nx.download({})\ny.download({})",
    );
    expect(usage.imports.map((entry) => [entry.specifier, entry.module])).toEqual([['@system.requst', undefined]]);
    expect(usage.methodUses).toEqual([]);
    expect(usage.moduleUses).toEqual([]);
  });

  it('records the other specifiers a file imports as written: packages and Node modules, not types or relative paths', () => {
    const parser = createRequire(import.meta.url)('@typescript-eslint/parser') as Linter.Parser;
    const usage = track(
      [
        "import fs from 'fs'",
        "import type { Stats } from 'node:fs'",
        "import { type Dirent } from 'fs/promises'",
        "export * from 'node:path'",
        "export type { URL } from 'url'",
        "import './local.js'",
        "import dayjs = require('dayjs')",
        "import type os = require('os')",
        "import local = require('./local')",
        'const zlib = require(`zlib`)',
        "const name = 'http'",
        'require(name)',
        "require('../up')",
        "import '@system.router'",
      ].join('\n'),
      'module',
      undefined,
      parser,
    );
    expect(
      usage.packageImports.map(
        (entry) => `${entry.specifier}@${entry.node.loc.start.line}:${entry.node.loc.start.column}`,
      ),
    ).toEqual(['fs@1:15', 'node:path@4:14', 'dayjs@7:23', 'zlib@10:21']);
    expect(usage.importsBarrel).toBe(false);
    // A `require` the file defines is not Node's: nothing it loads is recorded.
    expect(track("function require() {}\nrequire('fs')").packageImports).toEqual([]);
  });

  it('says whether a file imports or requires a barrel, of value imports only', () => {
    const app = makeTree({
      'lib/esm.js': "import fetch from '@system.fetch'\nexport { fetch }\n",
      'lib/plain.js': 'export const two = 2\n',
      'page.ts': '',
    });
    const parser = createRequire(import.meta.url)('@typescript-eslint/parser') as Linter.Parser;
    const page = join(app, 'page.ts');
    expect(track("import { fetch } from './lib/esm.js'", 'module', page, parser).importsBarrel).toBe(true);
    expect(track("const lib = require('./lib/esm.js')", 'module', page, parser).importsBarrel).toBe(true);
    expect(track("import type { fetch } from './lib/esm.js'", 'module', page, parser).importsBarrel).toBe(false);
    expect(track("import { two } from './lib/plain.js'", 'module', page, parser).importsBarrel).toBe(false);
  });

  it('does not confuse shadowed names or a locally defined require', () => {
    const usage = track(
      "import request from '@system.request'\nfunction f(request) { request.download({}) }\nfunction g() { const require = load; require('@system.fetch').fetch({}) }",
      'module',
    );
    expect(usage.methodUses).toEqual([]);
    expect(usage.imports.map((entry) => entry.specifier)).toEqual(['@system.request']);
  });

  it('follows a value through `||`, `?:`, a sequence, an assignment and a default value, and ends on `a = a`', () => {
    const usage = track(
      [
        "import fetch from '@system.fetch'",
        'const f = fetch || null',
        'f.fetch({})',
        'let g',
        'g = ok ? fetch : other',
        'g.fetch({})',
        'const h = (0, fetch.fetch)',
        'h({})',
        'function k(net = fetch) { net.fetch({}) }',
        'let a = fetch',
        'a = a',
        'a.fetch({})',
      ].join('\n'),
    );
    expect(calls(usage)).toEqual([
      'system.fetch.fetch@3',
      'system.fetch.fetch@6',
      'system.fetch.fetch@8',
      'system.fetch.fetch@9',
      'system.fetch.fetch@12',
    ]);
    // A method read where the value is taken (`fetch.fetch`), and at each member read that is a method.
    expect(reads(usage)).toEqual([
      'system.fetch.fetch@3:MemberExpression',
      'system.fetch.fetch@6:MemberExpression',
      'system.fetch.fetch@7:MemberExpression',
      'system.fetch.fetch@9:MemberExpression',
      'system.fetch.fetch@12:MemberExpression',
    ]);
  });

  it('reads the methods named imports, re-exports and destructuring take, and stops at a member of a method', () => {
    const usage = track(
      [
        "import { download } from '@system.request'",
        "export { onDownloadComplete } from '@system.request'",
        "export * from '@system.fetch'",
        "import request from '@system.request'",
        'const { download: get, missing } = request',
        'get({})',
        'request.download.call(null, {})',
      ].join('\n'),
    );
    expect(reads(usage)).toEqual([
      'system.request.download@1:ImportSpecifier',
      'system.request.onDownloadComplete@2:ExportSpecifier',
      // `export *` is one read, at the statement.
      'system.fetch.fetch@3:ExportAllDeclaration',
      'system.request.download@5:Property',
      'system.request.download@7:MemberExpression',
    ]);
    expect(calls(usage)).toEqual(['system.request.download@6']);
  });

  it('follows `import x = require(...)` and the interface a call returns, through aliases', () => {
    const usage = track(
      [
        "import uploadtask = require('@system.uploadtask')",
        'const task = uploadtask.uploadFile({})',
        'const same = task',
        'same.onProgressUpdate(f)',
        'task.abort()',
      ].join('\n'),
      'module',
      undefined,
      // typescript-eslint's parser (the one `.ts` files are linted with), which reads `import x = require`.
      createRequire(import.meta.url)('@typescript-eslint/parser') as Linter.Parser,
    );
    expect(calls(usage)).toEqual([
      'system.uploadtask.uploadFile@2',
      'UploadTask.onProgressUpdate@4',
      'UploadTask.abort@5',
    ]);
  });

  it('follows the modules of a barrel through namespace imports and `require`, in ES module and CommonJS form', () => {
    const app = makeTree({
      'lib/esm.js': "import fetch from '@system.fetch'\nexport { fetch }\n",
      'lib/cjs.js': "module.exports = { fetch: require('@system.fetch'), default: require('@system.request') }\n",
      'lib/whole.js': "module.exports = require('@system.request')\n",
      'page.js': '',
    });
    const usage = track(
      [
        "import * as esm from './lib/esm.js'",
        "import * as cjs from './lib/cjs.js'",
        "import whole from './lib/whole.js'",
        "const again = require('./lib/esm.js')",
        'esm.fetch.fetch({})',
        // A CommonJS barrel's own `default` member wins over the barrel itself as `default`.
        'cjs.fetch.fetch({})',
        'cjs.default.download({})',
        'whole.download({})',
        'again.fetch.fetch({})',
      ].join('\n'),
      'module',
      join(app, 'page.js'),
    );
    expect(calls(usage)).toEqual([
      'system.fetch.fetch@5',
      'system.fetch.fetch@6',
      'system.request.download@7',
      'system.request.download@8',
      'system.fetch.fetch@9',
    ]);
  });

  it('follows the members `export * from` a `@system.*` module hands on, as a named import of the module', () => {
    const app = makeTree({
      'lib/native.js': "export * from '@system.fetch'\nexport * from '@system.request'\n",
      'page.js': '',
    });
    const code = [
      "import { fetch, download } from './lib/native.js'",
      "import * as native from './lib/native.js'",
      "const { onDownloadComplete: done } = require('./lib/native.js')",
      'fetch({})',
      'const get = download',
      'get({})',
      'native.fetch({})',
      'done({})',
    ].join('\n');
    const usage = track(code, 'module', join(app, 'page.js'));
    // What `import { fetch, download } from '@system.fetch'`-style imports give: calls, and the reads that lead to them.
    expect(calls(usage)).toEqual([
      'system.fetch.fetch@4',
      'system.request.download@6',
      'system.fetch.fetch@7',
      'system.request.onDownloadComplete@8',
    ]);
    // Reads at the import specifiers and the destructured key, as for the module's own named imports.
    expect(reads(usage)).toEqual([
      'system.fetch.fetch@1:ImportSpecifier',
      'system.request.download@1:ImportSpecifier',
      'system.request.onDownloadComplete@3:Property',
      'system.fetch.fetch@7:MemberExpression',
    ]);
    expect(uses(usage)).toEqual([
      'system.fetch.fetch@4',
      'system.request.download@5',
      'system.fetch.fetch@7',
      'system.request.onDownloadComplete@8',
    ]);
    // No module is imported by the page itself: the barrel is the one that names them.
    expect(usage.imports).toEqual([]);
  });

  it('follows one member of a `@system.*` module a barrel names in `export { }`, as a named import of the module', () => {
    const app = makeTree({
      'lib/named.js': "export { fetch } from '@system.fetch'\nexport { download as get } from '@system.request'\n",
      'lib/imported.js':
        "import { onDownloadComplete } from '@system.request'\nexport { onDownloadComplete as done }\n",
      'page.js': '',
    });
    const code = [
      "import { fetch, get } from './lib/named.js'",
      "import * as named from './lib/named.js'",
      "const { done } = require('./lib/imported.js')",
      'fetch({})',
      'const again = get',
      'again({})',
      'named.fetch({})',
      'done({})',
    ].join('\n');
    const usage = track(code, 'module', join(app, 'page.js'));
    expect(calls(usage)).toEqual([
      'system.fetch.fetch@4',
      'system.request.download@6',
      'system.fetch.fetch@7',
      'system.request.onDownloadComplete@8',
    ]);
    expect(reads(usage)).toEqual([
      'system.fetch.fetch@1:ImportSpecifier',
      'system.request.download@1:ImportSpecifier',
      'system.request.onDownloadComplete@3:Property',
      'system.fetch.fetch@7:MemberExpression',
    ]);
    expect(uses(usage)).toEqual([
      'system.fetch.fetch@4',
      'system.request.download@5',
      'system.fetch.fetch@7',
      'system.request.onDownloadComplete@8',
    ]);
    expect(usage.imports).toEqual([]);
  });

  it('follows a barrel only from a file on disk, and only through value imports of it', () => {
    const app = makeTree({ 'lib/esm.js': "import fetch from '@system.fetch'\nexport { fetch }\n", 'page.ts': '' });
    const code = [
      "import type { fetch as typed } from './lib/esm.js'",
      "import { fetch } from './lib/esm.js'",
      "export { fetch as again } from './lib/esm.js'",
      'fetch.fetch({})',
      'export const t: typeof typed | undefined = undefined',
    ].join('\n');
    const parser = createRequire(import.meta.url)('@typescript-eslint/parser') as Linter.Parser;
    const usage = track(code, 'module', join(app, 'page.ts'), parser);
    expect(calls(usage)).toEqual(['system.fetch.fetch@4']);
    expect(reads(usage)).toEqual(['system.fetch.fetch@4:MemberExpression']);
    expect(uses(usage)).toEqual(['system.fetch.fetch@4']);
    // Without the file's place on disk no barrel is resolved: nothing is found.
    const alone = track(code, 'module', undefined, parser);
    expect([alone.imports, alone.methodUses, alone.moduleUses]).toEqual([[], [], []]);
  });
  it('sees through TypeScript wrappers that leave the value as it is, as through parentheses', () => {
    const app = makeTree({ 'lib/esm.js': "import fetch from '@system.fetch'\nexport { fetch }\n", 'page.ts': '' });
    const usage = track(
      [
        "import request from '@system.request'",
        "import fetch from '@system.fetch'",
        "import * as lib from './lib/esm.js'",
        'request!.download({})',
        ';(fetch as any).fetch({})',
        ';(<any>fetch).fetch({})',
        ';(fetch satisfies object).fetch({})',
        'const r = request as any',
        'r.download({})',
        'const { fetch: get } = fetch!',
        'get({})',
        'lib!.fetch.fetch({})',
        ';(lib.fetch as any).fetch({})',
        ";(require('@system.request') as any).download({})",
      ].join('\n'),
      'module',
      join(app, 'page.ts'),
      createRequire(import.meta.url)('@typescript-eslint/parser') as Linter.Parser,
    );
    const lines = [
      'system.request.download@4',
      'system.fetch.fetch@5',
      'system.fetch.fetch@6',
      'system.fetch.fetch@7',
      'system.request.download@9',
      'system.fetch.fetch@11',
      'system.fetch.fetch@12',
      'system.fetch.fetch@13',
      'system.request.download@14',
    ];
    // Both walks: module-wide uses (the binding walk) and calls (the trace walk).
    expect(uses(usage)).toEqual(lines);
    expect(calls(usage)).toEqual(lines);
    // None of these reads is the module object escaping.
    expect(usage.objectReads).toEqual([]);
  });

  it('follows namespace imports of every barrel kind in both walks', () => {
    const app = makeTree({
      'lib/named.js': "import fetch from '@system.fetch'\nexport { fetch }\n",
      'lib/default.js': "import fetch from '@system.fetch'\nexport default { net: { fetch } }\n",
      'lib/cjs.js': "module.exports = { fetch: require('@system.fetch') }\n",
      'lib/dot.js': "exports.request = require('@system.request')\n",
      'lib/index.js': "export * from './named.js'\nexport * from './dot.js'\n",
      'lib/ns.ts': "export * as net from './named.js'\n",
      'page.js': '',
    });
    const usage = track(
      [
        "import * as named from './lib/named.js'",
        "import * as object from './lib/default.js'",
        "import * as cjs from './lib/cjs.js'",
        "import * as dot from './lib/dot.js'",
        "import * as all from './lib'",
        "import * as ns from './lib/ns'",
        'named.fetch.fetch({})',
        'object.default.net.fetch.fetch({})',
        'cjs.fetch.fetch({})',
        'cjs.default.fetch.fetch({})',
        'dot.request.download({})',
        'all.fetch.fetch({})',
        'all.request.download({})',
        'ns.net.fetch.fetch({})',
        'const { net } = object.default',
        'net.fetch.fetch({})',
      ].join('\n'),
      'module',
      join(app, 'page.js'),
    );
    const lines = [
      'system.fetch.fetch@7',
      'system.fetch.fetch@8',
      'system.fetch.fetch@9',
      'system.fetch.fetch@10',
      'system.request.download@11',
      'system.fetch.fetch@12',
      'system.request.download@13',
      'system.fetch.fetch@14',
      'system.fetch.fetch@16',
    ];
    expect(uses(usage)).toEqual(lines);
    expect(calls(usage)).toEqual(lines);
  });
});

describe('trackModules: functions returning a traced value', () => {
  const getters = (usage: ModuleUsage): string[] =>
    usage.getterCalls.map(
      (call) => `${call.interfaceName} from ${call.module.name}.${call.method.name}@${call.node.loc.start.line}`,
    );

  it('follows a lazy singleton: a function returning a variable assigned only null and the object a call returns', () => {
    const usage = track(
      [
        "import interconnect from '@system.interconnect'",
        'let connect = null',
        'function getConnect() {',
        '  if (!connect) connect = interconnect.instance()',
        '  return connect',
        '}',
        'export default { send(data) { getConnect().send({ data }) } }',
        'getConnect().onmessage = (message) => {}',
        'const c = getConnect()',
        'c.diagnosis({})',
      ].join('\n'),
    );
    expect(calls(usage)).toEqual(['system.interconnect.instance@4', 'Connect.send@7', 'Connect.diagnosis@10']);
    expect(getters(usage)).toEqual([
      'Connect from system.interconnect.instance@7',
      'Connect from system.interconnect.instance@8',
      'Connect from system.interconnect.instance@9',
    ]);
  });

  it('follows the other shapes of a singleton: `c || (c = x)`, `c ??= x`, `return (c = x)` and a direct return', () => {
    const usage = track(
      [
        "import interconnect from '@system.interconnect'",
        'let a',
        'function one() { return a || (a = interconnect.instance()) }',
        'let b = undefined',
        'const two = () => (b ??= interconnect.instance())',
        'let c = null',
        'const three = function () { return (c = interconnect.instance()) }',
        'function four() { return interconnect.instance() as any }',
        'one().send({})',
        'two().send({})',
        'three().send({})',
        'four()!.send({})',
      ].join('\n'),
      'module',
      undefined,
      createRequire(import.meta.url)('@typescript-eslint/parser') as Linter.Parser,
    );
    expect(calls(usage).filter((call) => call.startsWith('Connect'))).toEqual([
      'Connect.send@9',
      'Connect.send@10',
      'Connect.send@11',
      'Connect.send@12',
    ]);
  });

  it('follows functions returning a module or one of its methods, in both walks, and through other functions', () => {
    const usage = track(
      [
        "import fetch from '@system.fetch'",
        "import request from '@system.request'",
        'const api = () => fetch',
        'function http() { return fetch }',
        'function download() { return request.download }',
        'const again = () => http()',
        'api().fetch({})',
        'http().fetch({})',
        'download()({})',
        'again().fetch({})',
        'const net = http()',
        'net.fetch({})',
      ].join('\n'),
    );
    expect(calls(usage)).toEqual([
      'system.fetch.fetch@7',
      'system.fetch.fetch@8',
      'system.request.download@9',
      'system.fetch.fetch@10',
      'system.fetch.fetch@12',
    ]);
    // Module-wide uses where the module's member is read (the returned `request.download` is read once, at line 5).
    expect(uses(usage)).toEqual([
      'system.request.download@5',
      'system.fetch.fetch@7',
      'system.fetch.fetch@8',
      'system.fetch.fetch@10',
      'system.fetch.fetch@12',
    ]);
    expect(usage.getterCalls).toEqual([]);
  });

  it('reads a module at the calls in the binding walk only when the function returns its binding or `require`', () => {
    const usage = track(
      [
        "import fetch from '@system.fetch'",
        "const lazy = () => require('@system.request')",
        'let kept = null',
        'function later() {',
        "  if (!kept) kept = require('@system.fetch')",
        '  return kept',
        '}',
        'const alias = fetch',
        'const viaAlias = () => alias as any',
        'lazy().download({})',
        'later().fetch({})',
        'viaAlias().fetch({})',
      ].join('\n'),
      'module',
      undefined,
      createRequire(import.meta.url)('@typescript-eslint/parser') as Linter.Parser,
    );
    expect(calls(usage)).toEqual(['system.request.download@10', 'system.fetch.fetch@11', 'system.fetch.fetch@12']);
    // `kept` is assigned the module, as `kept.fetch` read directly would be: the trace walk's, not the binding walk's.
    expect(uses(usage)).toEqual(['system.request.download@10', 'system.fetch.fetch@12']);
  });

  it('does not follow a function when any return may give something else', () => {
    const usage = track(
      [
        "import fetch from '@system.fetch'",
        "import interconnect from '@system.interconnect'",
        'function either(other) { return ok ? fetch : other }',
        'function orOther(other) { return fetch || other }',
        'function nullable() { if (!ok) return null; return fetch }',
        'function bare() { if (!ok) return; return fetch }',
        'function fallsOff() { if (ok) return fetch }',
        'let reused = null',
        'reused = other',
        'function assignedTwice() { if (!reused) reused = interconnect.instance(); return reused }',
        'function param(net = fetch) { return net }',
        'async function later() { return fetch }',
        'function* gen() { return fetch }',
        'const object = { get() { return fetch } }',
        'let loose = () => fetch',
        'function reassigned() { return fetch }',
        'reassigned = other',
        'function self() { return ok ? fetch : self() }',
        'function added() { let s = fetch; s += 1; return s }',
        'let picked = null',
        'picked = ok ? interconnect.instance() : other',
        'function getPicked() { return picked }',
        'let kept',
        'function assignsEither() { return (kept = ok ? fetch : other) }',
        'either().fetch({})',
        'orOther().fetch({})',
        'nullable().fetch({})',
        'bare().fetch({})',
        'fallsOff().fetch({})',
        'assignedTwice().send({})',
        'param().fetch({})',
        '(await later()).fetch({})',
        'gen().fetch({})',
        'object.get().fetch({})',
        'loose().fetch({})',
        'reassigned().fetch({})',
        'self().fetch({})',
        'added().fetch({})',
        'getPicked().send({})',
        'assignsEither().fetch({})',
      ].join('\n'),
    );
    // Only the calls made directly are found.
    expect(calls(usage)).toEqual(['system.interconnect.instance@10', 'system.interconnect.instance@21']);
    expect(usage.getterCalls).toEqual([]);
    expect(uses(usage).filter((use) => !use.startsWith('system.interconnect'))).toEqual([]);
  });

  it('follows a function that returns a value from inside a block, a loop or a try, and not nested functions', () => {
    const usage = track(
      [
        "import fetch from '@system.fetch'",
        'function pick(list) {',
        '  for (const item of list) { if (item) return fetch }',
        '  try { return fetch } finally { done() }',
        '  const inner = () => other',
        '  return fetch',
        '}',
        'pick([]).fetch({})',
      ].join('\n'),
    );
    expect(calls(usage)).toEqual(['system.fetch.fetch@8']);
  });

  it('is silent on recursion and ends on functions returning each other', () => {
    const usage = track(
      [
        "import fetch from '@system.fetch'",
        'function a() { return b() }',
        'function b() { return a() }',
        'function c() { return c() }',
        'a().fetch({})',
        'c().fetch({})',
      ].join('\n'),
    );
    expect(calls(usage)).toEqual([]);
  });
});
