// The catalogue's script globals (what velakit's ESLint configs declare) and the typings agree: every global the
// typings declare is in the catalogue with the same description, and a `.js` page set up as the README says (`lib`
// unset, `types: ["@velakit/types"]`) knows every global of the catalogue, so neither tool flags a name the other
// accepts. TypeScript's default libraries give `console` and the timers, its CommonJS support in `.js` files `require`,
// `module` and `exports`, and framework.d.ts `global`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { scriptGlobals, type ScriptGlobal } from '@velakit/catalog';
import { formatDiagnostic, projectRoot } from './support/virtual-project.js';

const catalogued = new Map<string, ScriptGlobal>(scriptGlobals.map((entry) => [entry.name, entry]));

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

  it('a .js page set up as the README says knows every global of the catalogue', () => {
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowJs: true,
      checkJs: true,
      strict: false,
      noEmit: true,
      types: ['@velakit/types'],
    };
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
    const fileName = `${projectRoot}src/common/globals.js`;
    const text = `${Object.values(uses).join('\n')}\n`;
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language) =>
      name === fileName ? ts.createSourceFile(name, text, language) : getSourceFile(name, language);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === fileName || fileExists(name);
    const program = ts.createProgram([fileName], options, host);
    const source = program.getSourceFile(fileName)!;
    expect(
      [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(formatDiagnostic),
    ).toEqual([]);
    // The check can fail: typings without their `global` declaration leave it unknown.
    host.getSourceFile = (name, language) => {
      if (name === fileName) return ts.createSourceFile(name, text, language);
      if (!name.endsWith('/framework.d.ts')) return getSourceFile(name, language);
      const typings = readFileSync(name, 'utf8').replace(/^declare var global: .*$/mu, '');
      return ts.createSourceFile(name, typings, language);
    };
    const withoutGlobal = ts.createProgram([fileName], options, host);
    expect(withoutGlobal.getSemanticDiagnostics(withoutGlobal.getSourceFile(fileName)).map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        new RegExp(`^${Object.keys(uses).indexOf('global') + 1}:\\d+ TS\\d+ Cannot find name 'global'`, 'u'),
      ),
    ]);
  });
});
