// The CI type-check on app-shaped fixtures: every planted error at its exact place in its own file (a `.ux` file's own
// line and column), none on a correct app (with <import> tags, lang="ts", src=, no script, CRLF and a BOM).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { scriptGlobals } from '@velakit/catalog';
import { typecheckApp, TypecheckSetupError, typesNotInstalled, type TypecheckResult } from '@velakit/language';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url));
const goodApp = fixture('good-app');
const badApp = fixture('bad-app');

/** `file:line:column-endLine:endColumn code` of every diagnostic, paths relative to the app. */
function places(result: TypecheckResult, appDir: string): string[] {
  return result.files.flatMap((file) =>
    file.diagnostics.map(
      (d) =>
        `${file.fileName.slice(appDir.length)}:${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column} ${d.code}`,
    ),
  );
}

/** Where `snippet` (the `occurrence`-th one) is in a file, as the 1-based place a checker must report. */
function placeOf(appDir: string, file: string, snippet: string, code: string, occurrence = 1): string {
  const text = readFileSync(join(appDir, file), 'utf8').replace(/^\uFEFF/u, '');
  let offset = -1;
  for (let n = 0; n < occurrence; n++) offset = text.indexOf(snippet, offset + 1);
  if (offset < 0) throw new Error(`${file} lost its planted ${snippet}`);
  const at = (index: number) => {
    const before = text.slice(0, index);
    const lineStart = Math.max(before.lastIndexOf('\n') + 1, 0);
    return `${before.split('\n').length}:${index - lineStart + 1}`;
  };
  return `${file}:${at(offset)}-${at(offset + snippet.length)} ${code}`;
}

describe('a correct app', () => {
  const result = typecheckApp(goodApp);

  it('has no diagnostics at all', () => {
    expect(places(result, goodApp)).toEqual([]);
    expect(result.errorCount).toBe(0);
  });

  it('checked every .ux, .js and .ts file of src/, found through jsconfig.json', () => {
    expect(result.configFile).toBe(join(goodApp, 'jsconfig.json'));
    expect(result.checkedFiles.map((file) => file.slice(goodApp.length)).sort()).toEqual([
      'src/app.ux',
      'src/common/math.ts',
      'src/common/util.js',
      'src/pages/crlf/crlf.ux',
      'src/pages/external/external.js',
      'src/pages/external/external.ux',
      'src/pages/index/badge.ux',
      'src/pages/index/index.ux',
      'src/pages/plain/plain.ux',
      'src/pages/typed/typed.ux',
      'src/pages/upload/upload.ux',
    ]);
  });

  it('includes the shapes real apps have: CRLF with a BOM, self-closing <import>, lang="ts", src=, no script', () => {
    const crlf = readFileSync(join(goodApp, 'src/pages/crlf/crlf.ux'));
    expect([...crlf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(crlf.toString('utf8')).toContain('\r\n<script>\r\n');
    expect(crlf.toString('utf8')).toContain('<import name="badge" src="../index/badge" />');
    expect(readFileSync(join(goodApp, 'src/pages/typed/typed.ux'), 'utf8')).toContain('<script lang="ts">');
    expect(readFileSync(join(goodApp, 'src/pages/external/external.ux'), 'utf8')).toContain(
      '<script src="./external.js">',
    );
    expect(readFileSync(join(goodApp, 'src/pages/plain/plain.ux'), 'utf8')).not.toContain('<script');
  });
});

describe('an app with planted errors', () => {
  const result = typecheckApp(badApp);

  it('reports each one, and only those, at its exact place', () => {
    expect(places(result, badApp)).toEqual([
      placeOf(badApp, 'src/app.ux', 'this.data.launches', 'TS2322'),
      placeOf(badApp, 'src/common/helper.ts', 'name', 'TS2322'),
      placeOf(badApp, 'src/common/util.js', 'header', 'TS2322'),
      placeOf(badApp, 'src/pages/crlf/crlf.ux', "{ filename: 'a.zip' }", 'TS2345'),
      placeOf(badApp, 'src/pages/index/index.ux', 'donwload', 'TS2551'),
      placeOf(badApp, 'src/pages/index/index.ux', "{ filePath: 'internal://files/a.png', name: 'a' }", 'TS2345'),
      placeOf(badApp, 'src/pages/index/index.ux', 'this.count', 'TS2322'),
      placeOf(badApp, 'src/pages/index/index.ux', 'gret', 'TS2551'),
      placeOf(badApp, 'src/pages/index/index.ux', 'nmae', 'TS2339'),
      placeOf(badApp, 'src/pages/typed/typed.ux', 'size', 'TS2322'),
      placeOf(badApp, 'src/pages/typed/typed.ux', 'titel', 'TS2551'),
      placeOf(badApp, 'src/pages/typed/typed.ux', 'token', 'TS2322'),
    ]);
    expect(result.errorCount).toBe(12);
  });

  it('places .ux diagnostics at the .ux line and column: the CRLF page with a BOM', () => {
    const crlf = result.files.find((file) => file.fileName.endsWith('crlf.ux'));
    expect(crlf?.diagnostics.map((d) => [d.start.line, d.start.column, d.end.line, d.end.column])).toEqual([
      [10, 22, 10, 43],
    ]);
  });

  it('says what is wrong in the words of TypeScript, typed with the page and app objects', () => {
    const messages = result.files.flatMap((file) => file.diagnostics.map((d) => d.message));
    expect(messages).toContain("Property 'donwload' does not exist on type 'RequestModule'. Did you mean 'download'?");
    expect(messages).toContain("Property 'nmae' does not exist on type 'PageRoute'.");
    expect(messages.find((message) => message.includes("'gret'"))).toContain("Did you mean 'greet'?");
    expect(messages.find((message) => message.includes('UploadFileOptions'))).toContain(
      "Property 'url' is missing in type '{ filePath: string; name: string; }' but required in type 'UploadFileOptions'.",
    );
  });
});

describe('a plain JavaScript app with the recommended jsconfig.json', () => {
  // A store whose lists start empty (read through `this.$app.$def` too), `catch (e) { e.message }`, a debounce helper
  // passing its `this` on: ordinary JavaScript, and two Vela mistakes (a lower-case `method`, a string `duration`).
  const plainApp = fixture('plain-js-app');
  const velaMistakes = [
    placeOf(plainApp, 'src/common/sync.js', 'method', 'TS2769'),
    placeOf(plainApp, 'src/pages/index/index.ux', 'duration', 'TS2322'),
  ];

  it('uses the jsconfig.json both READMEs show', () => {
    const jsonBlock = (file: string, language: string) => {
      const text = readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8');
      const fence = '```';
      const start = text.indexOf(`${fence}${language}\n`, text.indexOf('"compilerOptions"') - 80);
      const block = /^(?:\/\/ jsconfig\.json\n)?(\{[\s\S]*?)^`{3}$/mu.exec(
        text.slice(start + fence.length + language.length + 1),
      );
      if (block?.[1] === undefined) throw new Error(`${file} lost its jsconfig.json`);
      return JSON.parse(block[1]) as unknown;
    };
    const own = JSON.parse(readFileSync(join(plainApp, 'jsconfig.json'), 'utf8')) as unknown;
    expect(jsonBlock('../../../README.md', 'jsonc')).toEqual(own);
    expect(jsonBlock('../../types/README.md', 'json')).toEqual(own);
    expect(own).toMatchObject({ compilerOptions: { strict: false, checkJs: true } });
  });

  it('reports the Vela mistakes and nothing else', () => {
    const result = typecheckApp(plainApp);
    expect(places(result, plainApp)).toEqual(velaMistakes);
    expect(result.bundledTypes).toBeUndefined();
    expect(result.files.flatMap((file) => file.diagnostics.map((d) => d.message.split('\n').at(-1)))).toEqual([
      `    Type '"post"' is not assignable to type '"OPTIONS" | "GET" | "HEAD" | "POST" | "PUT" | "DELETE" | "TRACE" | "CONNECT"'. Did you mean '"POST"'?`,
      "Type 'string' is not assignable to type 'number'.",
    ]);
  });

  it("under TypeScript 6's default strict (only noImplicitAny off), the same mistakes come with noise", () => {
    /** `snippet` where it first follows `context` in the file. */
    const placeIn = (file: string, context: string, snippet: string, code: string) => {
      const text = readFileSync(join(plainApp, file), 'utf8');
      const before = text.slice(0, text.indexOf(context) + context.indexOf(snippet));
      return placeOf(plainApp, file, snippet, code, before.split(snippet).length);
    };
    const noisy = places(typecheckApp(plainApp, { project: 'jsconfig.strict-default.json' }), plainApp);
    expect(noisy).toEqual([
      ...velaMistakes.slice(0, 1),
      placeIn('src/common/sync.js', '${e.message}', 'e', 'TS18046'),
      placeIn('src/common/utils.js', 'fn.apply(this', 'this', 'TS2683'),
      placeIn('src/pages/edit/index.ux', 'note.text', 'text', 'TS2339'),
      placeIn('src/pages/index/index.ux', '= e.message', 'e', 'TS18046'),
      ...velaMistakes.slice(1),
      placeIn('src/store/index.js', 'push(note)', 'note', 'TS2345'),
      placeIn('src/store/index.js', 'note.id ===', 'id', 'TS2339'),
      placeIn('src/store/index.js', '${e.message}', 'e', 'TS18046'),
    ]);
  });
});

describe('an app written with web habits, under the recommended jsconfig.json', () => {
  // `"lib": ["ES2020"]`: Vela has no DOM. A page keeping a timer on `this`, `console`, `global` and CommonJS helpers
  // are fine; `document`, `window`, `localStorage` and the global `fetch` are not.
  const webApp = fixture('web-habits-app');

  it('uses the README jsconfig.json (as plain-js-app does)', () => {
    expect(readFileSync(join(webApp, 'jsconfig.json'), 'utf8')).toBe(
      readFileSync(join(fixture('plain-js-app'), 'jsconfig.json'), 'utf8'),
    );
  });

  it('reports each browser global at its place, in .js and .ux alike, and nothing else', () => {
    expect(places(typecheckApp(webApp), webApp)).toEqual([
      placeOf(webApp, 'src/common/net.js', 'fetch', 'TS2304', 2), // the first is in the comment
      placeOf(webApp, 'src/common/net.js', 'localStorage', 'TS2304', 2),
      placeOf(webApp, 'src/pages/index/index.ux', 'document', 'TS2584'),
      placeOf(webApp, 'src/pages/index/index.ux', 'window', 'TS2304'),
    ]);
  });

  it('with `lib` left out (the DOM loaded), the same app type-checks clean: the README line is what catches them', () => {
    expect(places(typecheckApp(webApp, { project: 'jsconfig.dom.json' }), webApp)).toEqual([]);
  });
});

describe('an app that has not installed @velakit/types', () => {
  // Outside the repository (the system's temporary folder), where no node_modules above holds @velakit/types.
  const scratch = mkdtempSync(join(tmpdir(), 'velakit-no-types-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const plainApp = join(scratch, 'plain-js-app');
  cpSync(fixture('plain-js-app'), plainApp, { recursive: true });
  const shipped = fileURLToPath(new URL('../../types/index.d.ts', import.meta.url));
  const installHint = 'npm install --save-dev @velakit/types';
  /** One diagnostic as `file:line:column-endLine:endColumn code severity`. */
  const described = (result: TypecheckResult, appDir: string) =>
    result.files.flatMap((file) =>
      file.diagnostics.map(
        (d) =>
          `${file.fileName.slice(appDir.length + 1)}:${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column} ${d.code} ${d.severity}`,
      ),
    );

  it("checks with velakit's own copy and says so once, at the config's types entry, as a warning", () => {
    const result = typecheckApp(plainApp);
    expect(result.bundledTypes).toBe(shipped);
    expect(described(result, plainApp)).toEqual([
      `jsconfig.json:11:15-11:31 ${typesNotInstalled} warning`,
      'src/common/sync.js:7:61-7:67 TS2769 error',
      'src/pages/index/index.ux:37:43-37:51 TS2322 error',
    ]);
    expect(result.files[0]?.diagnostics[0]?.message).toBe(
      '@velakit/types is not installed in this app: checked with the copy velakit ships (0.1.0). ' +
        `Install it so that tsc and your editor check the same: ${installHint}`,
    );
    expect([result.errorCount, result.warningCount]).toEqual([2, 1]);
    expect(result.files[0]?.text).toContain('"types": ["@velakit/types"]');
  });

  it('without any copy to use (a broken install), one error instead of one "Cannot find module" per import', () => {
    const result = typecheckApp(plainApp, { bundledTypesFrom: scratch });
    expect(result.bundledTypes).toBeUndefined();
    expect(described(result, plainApp)).toEqual([`jsconfig.json:11:15-11:31 ${typesNotInstalled} error`]);
    expect(result.files[0]?.diagnostics[0]?.message).toBe(
      `@velakit/types is not installed, so no @system.* module has types: ${installHint}`,
    );
    expect([result.errorCount, result.warningCount]).toEqual([1, 0]);
    // `false` never looks for a copy: the same.
    expect(described(typecheckApp(plainApp, { bundledTypesFrom: false }), plainApp)).toEqual(
      described(result, plainApp),
    );
  });

  it('without a copy, uses of the globals the typings declare are left out too, and only they', () => {
    // The README's jsconfig.json (`"lib": ["ES2020"]`) leaves `console`, the timers and `global` to @velakit/types.
    const root = join(scratch, 'globals');
    mkdirSync(join(root, 'src/common'), { recursive: true });
    mkdirSync(join(root, 'src/pages/index'), { recursive: true });
    cpSync(join(plainApp, 'jsconfig.json'), join(root, 'jsconfig.json'));
    // Each catalogue global as apps use it; the CommonJS ones TypeScript knows without the typings.
    const uses: Record<string, string> = {
      console: "console.info('ready')",
      setTimeout: 'const later = setTimeout(() => {}, 500)',
      clearTimeout: 'clearTimeout(later)',
      setInterval: 'const timer = setInterval(() => {}, 1000)',
      clearInterval: 'clearInterval(timer)',
      require: "const storage = require('./storage.js')",
      global: 'const started = global.sessionStart',
      module: 'module.exports = { storage, started }',
      exports: 'exports.pad = (n) => String(n)',
    };
    expect(Object.keys(uses).sort()).toEqual(scriptGlobals.map((entry) => entry.name).sort());
    writeFileSync(join(root, 'src/common/storage.js'), 'module.exports = {}\n');
    writeFileSync(
      join(root, 'src/common/globals.js'),
      `${Object.values(uses).join('\n')}\nconst title = document.title\n`,
    );
    writeFileSync(
      join(root, 'src/pages/index/index.ux'),
      '<script>\nexport default {\n  private: { timer: null },\n  onInit() { this.timer = setInterval(() => console.log(1), 100) },\n' +
        '  onDestroy() { clearInterval(this.timer); window.alert(1) },\n}\n</script>\n',
    );
    const result = typecheckApp(root, { bundledTypesFrom: false });
    const line = Object.keys(uses).length + 1;
    expect(described(result, root)).toEqual([
      `jsconfig.json:11:15-11:31 ${typesNotInstalled} error`,
      `src/common/globals.js:${line}:15-${line}:23 TS2584 error`,
      'src/pages/index/index.ux:5:44-5:50 TS2304 error',
    ]);
  });

  it('a config that names no types: the pages and a reference directive still get the copy, with one warning at 1:1', () => {
    const root = join(scratch, 'no-types-entry');
    mkdirSync(join(root, 'src/pages/index'), { recursive: true });
    writeFileSync(join(root, 'jsconfig.json'), '{ "compilerOptions": { "checkJs": true, "strict": false } }\n');
    writeFileSync(
      join(root, 'src/pages/index/index.ux'),
      "<script>\nimport router from '@system.router'\nexport default {\n  onInit() { router.push({ url: '/b' }) }\n}\n</script>\n",
    );
    writeFileSync(
      join(root, 'src/fetch.js'),
      "/// <reference types=\"@velakit/types\" />\nimport fetch from '@system.fetch'\nfetch.fetch({ url: 'u', method: 'get' })\n",
    );
    const result = typecheckApp(root);
    expect(result.bundledTypes).toBe(shipped);
    expect(described(result, root)).toEqual([
      `jsconfig.json:1:1-1:1 ${typesNotInstalled} warning`,
      'src/fetch.js:3:25-3:31 TS2769 error',
      'src/pages/index/index.ux:4:28-4:31 TS2353 error',
    ]);
  });
});

describe('apps set up in other ways', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'velakit-language-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const app = (name: string, files: Record<string, string>) => {
    const root = join(scratch, name);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  };
  const page =
    "<script>\nimport request from '@system.request'\nexport default {\n  onInit() { request.download({}) }\n}\n</script>\n";

  it('without a config file, checks src/ with the defaults of the README jsconfig.json', () => {
    // Inside the repository, so @velakit/types resolves from node_modules as it does for an installed app.
    const root = fileURLToPath(new URL('./fixtures/no-config-app/', import.meta.url));
    const result = typecheckApp(root);
    expect(result.configFile).toBeUndefined();
    expect(places(result, root)).toEqual([placeOf(root, 'src/pages/index/index.ux', '{}', 'TS2345')]);
  });

  it('resolves imports of .ux files to their scripts, and a .d.ux.ts beside one to itself', () => {
    const root = fixture('ux-imports-app');
    expect(places(typecheckApp(root), root)).toEqual([
      placeOf(root, 'src/common/use.ts', "'2'", 'TS2345'),
      placeOf(root, 'src/common/use.ts', 'label', 'TS2322'),
    ]);
  });

  it("types a page's `this` from its syntax as the generic Vela.DefinePage does: same errors at the same places", () => {
    // jsconfig.json (strict off) takes the syntax-typed path; jsconfig.strict.json (noImplicitAny on) and
    // jsconfig.strict-default.json (neither set: TypeScript 6's strict default) keep the generic call.
    const root = fixture('literal-this-app');
    const page = 'src/pages/index/index.ux';
    const expected = [
      placeOf(root, page, 'url', 'TS2322'),
      placeOf(root, page, 'toFixed', 'TS2551'),
      placeOf(root, page, 'toUpperCase', 'TS2339'),
      placeOf(root, page, 'nme', 'TS2551'),
      placeOf(root, page, 'gret', 'TS2551'),
      placeOf(root, page, 'toFixed', 'TS2551', 2),
    ];
    expect(places(typecheckApp(root), root)).toEqual(expected);
    expect(places(typecheckApp(root, { project: 'jsconfig.strict.json' }), root)).toEqual(expected);
    expect(places(typecheckApp(root, { project: 'jsconfig.strict-default.json' }), root)).toEqual(expected);
  });

  it('refuses a config file that is not JSON, with the file and place', () => {
    const root = app('broken-config', { 'jsconfig.json': '{ "compilerOptions": { ', 'src/pages/index/index.ux': page });
    expect(() => typecheckApp(root)).toThrow(TypecheckSetupError);
    expect(() => typecheckApp(root)).toThrow(/jsconfig\.json:1:\d+: /u);
  });

  it('refuses an unknown compiler option', () => {
    const root = app('unknown-option', {
      'tsconfig.json': '{ "compilerOptions": { "checkJS": true } }',
      'src/a.ts': 'export {}\n',
    });
    expect(() => typecheckApp(root)).toThrow(/Unknown compiler option 'checkJS'. Did you mean 'checkJs'\?/u);
  });

  it('refuses a config file it cannot read, by name', () => {
    const root = app('unreadable-config', { 'src/a.ts': 'export {}\n' });
    mkdirSync(join(root, 'tsconfig.json'));
    expect(() => typecheckApp(root)).toThrow(`Cannot read file '${join(root, 'tsconfig.json')}'.`);
  });

  it('refuses a bad option value with the file and the place of the value, as tsc does', () => {
    const root = app('bad-target', {
      'tsconfig.json': '{\n  "compilerOptions": {\n    "target": "es1999"\n  }\n}\n',
      'src/a.ts': 'export {}\n',
    });
    expect(() => typecheckApp(root)).toThrow(
      new RegExp(
        `^${join(root, 'tsconfig.json').replace(/[.]/gu, '\\.')}:3:15: Argument for '--target' option must be`,
        'u',
      ),
    );
  });

  it('refuses a missing app directory and a missing --project file', () => {
    expect(() => typecheckApp(join(scratch, 'nowhere'))).toThrow(`not a directory: ${join(scratch, 'nowhere')}`);
    const root = app('project-flag', { 'src/a.js': 'export {}\n' });
    expect(() => typecheckApp(root, { project: 'missing.json' })).toThrow('no such config file: missing.json');
  });

  it('without a config file, checks page folders named dist or build under src/, and skips build output beside it', () => {
    const wrong = 'const count = 1\ncount.push(2)\nexport default count\n';
    const page = `<script>\n${wrong}</script>\n`;
    const withSrc = app('dist-page', {
      'src/pages/dist/index.ux': page,
      'src/pages/build/index.ux': page,
      'dist/main.js': wrong,
    });
    expect(places(typecheckApp(withSrc), `${withSrc}/`)).toEqual([
      placeOf(withSrc, 'src/pages/build/index.ux', 'push', 'TS2339'),
      placeOf(withSrc, 'src/pages/dist/index.ux', 'push', 'TS2339'),
    ]);
    // An app without src/: its own dist/ and build/ are output; a pages/dist folder is source.
    const flat = app('flat-app', { 'pages/dist/index.ux': page, 'dist/main.js': wrong, 'build/main.js': wrong });
    expect(places(typecheckApp(flat), `${flat}/`)).toEqual([placeOf(flat, 'pages/dist/index.ux', 'push', 'TS2339')]);
  });

  it('an app with no source file has nothing to report', () => {
    const root = app('empty', { 'jsconfig.json': '{ "include": ["src"] }', 'README.md': '# empty\n' });
    const result = typecheckApp(root);
    expect(result.files).toEqual([]);
    expect(result.checkedFiles).toEqual([]);
  });
});
