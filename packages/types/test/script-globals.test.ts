// The catalogue's script globals (what velakit's ESLint configs declare) and the typings agree: every global the
// typings declare is in the catalogue with the same description, and a `.js` page set up as the README says
// (`"lib": ["ES2020"]`, no DOM; `types: ["@velakit/types"]`) knows every global of the catalogue, so neither tool flags
// a name the other accepts. framework.d.ts declares `global`, `console` and the timers; TypeScript's CommonJS support
// in `.js` files gives `require`, `module` and `exports`.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { scriptGlobals, type ScriptGlobal } from '@velakit/catalog';
import { formatDiagnostic, projectRoot } from './support/virtual-project.js';

const catalogued = new Map<string, ScriptGlobal>(scriptGlobals.map((entry) => [entry.name, entry]));
/** Globals TypeScript knows by itself in a CommonJS `.js` file, so the typings leave them out. */
const commonJs = ['require', 'module', 'exports'];

/** The compiler options of the README's jsconfig.json (test/readme.test.ts keeps the fixture's equal to it). */
function readmeOptions(): ts.CompilerOptions {
  const file = fileURLToPath(new URL('./fixtures/js-app/jsconfig.json', import.meta.url));
  const { config } = ts.readConfigFile(file, ts.sys.readFile) as { config: { compilerOptions: object } };
  const { options, errors } = ts.convertCompilerOptionsFromJson(config.compilerOptions, dirname(file));
  expect(errors).toEqual([]);
  return options;
}

/** Parsed lib and typings files, shared by the programs below (the typings only when not rewritten). */
const parsed = new Map<string, ts.SourceFile>();

/**
 * The errors of in-memory `files` (relative to the virtual app), the lib and typings files read from disk;
 * `rewriteTypings` changes framework.d.ts's text first.
 */
function errorsOf(
  options: ts.CompilerOptions,
  files: Record<string, string>,
  rewriteTypings?: (text: string) => string,
): string[] {
  const inMemory = new Map(Object.entries(files).map(([name, text]) => [projectRoot + name, text]));
  const host = ts.createCompilerHost(options);
  host.fileExists = (name) => inMemory.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => inMemory.get(name) ?? ts.sys.readFile(name);
  // The virtual app's folders exist only in memory.
  host.directoryExists = (name) => name.startsWith(projectRoot) || ts.sys.directoryExists(name);
  host.getSourceFile = (name, language) => {
    const text = inMemory.get(name);
    if (text !== undefined) return ts.createSourceFile(name, text, language);
    if (rewriteTypings !== undefined && name.endsWith('/framework.d.ts'))
      return ts.createSourceFile(name, rewriteTypings(readFileSync(name, 'utf8')), language);
    let file = parsed.get(name);
    if (file === undefined) {
      const disk = ts.sys.readFile(name);
      if (disk === undefined) return undefined;
      file = ts.createSourceFile(name, disk, language);
      parsed.set(name, file);
    }
    return file;
  };
  const program = ts.createProgram([...inMemory.keys()], options, host);
  return [...inMemory.keys()].flatMap((name) => {
    const source = program.getSourceFile(name)!;
    return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
      formatDiagnostic,
    );
  });
}

interface DeclaredGlobal {
  name: string;
  file: string;
  constant: boolean;
  documentation: string;
}

/** The values a declarations file puts in the global scope: its top-level `declare var/let/const/function/class`. */
function declaredGlobals(file: string): DeclaredGlobal[] {
  const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  if (ts.isExternalModule(source)) return []; // a module's declarations are its own, not globals
  const documentation = (node: ts.Node) =>
    ts
      .getJSDocCommentsAndTags(node)
      .filter(ts.isJSDoc)
      .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
      .join('\n');
  const found: DeclaredGlobal[] = [];
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      const constant = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const declaration of statement.declarationList.declarations)
        found.push({ name: declaration.name.getText(source), file, constant, documentation: documentation(statement) });
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      found.push({ name: statement.name.text, file, constant: true, documentation: documentation(statement) });
    }
  }
  return found;
}

describe("the typings' globals and the catalogue's", () => {
  const declared = ['framework.d.ts', 'index.d.ts'].flatMap(declaredGlobals);

  it('framework.d.ts declares `global` (the scan finds what the typings declare)', () => {
    expect(declared.map((entry) => `${entry.file} ${entry.name}`)).toContain('framework.d.ts global');
  });

  it.each(declared.map((entry) => [entry.name, entry] as const))(
    'the typings declare %s as the catalogue has it',
    (name, entry) => {
      const fact = catalogued.get(name);
      expect(fact, `${entry.file} declares the global ${name}: add it to the catalogue's scriptGlobals`).toBeDefined();
      expect(entry.documentation).toBe(fact!.description);
      // A `const` cannot be assigned; the catalogue's writable globals must not be declared so.
      if (entry.constant) expect(fact!.readonly).toBe(true);
    },
  );

  it('declares every catalogue global a .js file needs but the CommonJS ones, which TypeScript knows by itself', () => {
    const names = new Set(declared.map((entry) => entry.name));
    expect([...catalogued.keys()].filter((name) => !names.has(name)).sort()).toEqual([...commonJs].sort());
  });

  it('a .js page set up as the README says (no DOM) knows every global of the catalogue', () => {
    const options = readmeOptions();
    expect(options.lib).toEqual(['lib.es2020.d.ts']);
    // TypeScript knows the CommonJS names in their uses (`require('x')`, `module.exports =`), not as bare reads: each
    // global is used as apps use it. A global added to the catalogue needs a use here, and a declaration if this fails.
    const uses: Record<string, string> = {
      console: "console.info('ready')",
      setTimeout: 'const later = setTimeout(() => {}, 500)',
      clearTimeout: 'clearTimeout(later)',
      setInterval: 'const timer = setInterval(() => {}, 1000)',
      clearInterval: 'clearInterval(timer)',
      require: "const storage = require('@system.storage')",
      // A read: an assignment (`global.x = 1`) would declare `global` in a `.js` file by itself.
      global: 'const started = global.sessionStart',
      module: 'module.exports = { storage }',
      exports: 'exports.pad = (n) => String(n)',
    };
    expect(Object.keys(uses).sort()).toEqual([...catalogued.keys()].sort());
    const text = `${Object.values(uses).join('\n')}\n`;
    expect(errorsOf(options, { 'src/common/globals.js': text })).toEqual([]);
    // Each declaration is what makes its global known: without it, that one use is an error, and nothing else.
    for (const name of new Set(declared.map((entry) => entry.name))) {
      const line = Object.keys(uses).indexOf(name) + 1;
      const without = (typings: string) =>
        typings.replace(new RegExp(`^declare (?:var|function) ${name}\\b.*$`, 'gmu'), '');
      expect(errorsOf(options, { 'src/common/globals.js': text }, without), name).toEqual([
        expect.stringMatching(new RegExp(`^${line}:\\d+ TS(?:2304|2584) Cannot find name '${name}'`, 'u')),
      ]);
    }
  });

  it('TypeScript knows require, module and exports in a CommonJS .js file without the typings, @types/node or DOM', () => {
    const options: ts.CompilerOptions = { ...readmeOptions(), types: [] };
    const files = {
      'src/common/settings.js': 'module.exports = { retries: 3 }\n',
      'src/common/format.js':
        "const settings = require('./settings.js')\nmodule.exports = { settings }\nexports.pad = (n) => String(n)\n",
    };
    expect(errorsOf(options, files)).toEqual([]);
    // The check can fail: the same setting does not know Node's globals.
    expect(errorsOf(options, { 'src/common/format.js': 'const home = process.env.HOME\n' })).toEqual([
      expect.stringMatching(
        /^1:14 TS2591 Cannot find name 'process'\. Do you need to install type definitions for node\?/u,
      ),
    ]);
  });
});
