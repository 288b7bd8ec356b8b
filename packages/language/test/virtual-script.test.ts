// The virtual script TypeScript checks for a .ux file: the user's code unchanged and mapped offset for offset, the
// object of `export default` wrapped so that `this` is the page or app object.
import ts from 'typescript';
import type {} from '@volar/typescript';
import { describe, expect, it } from 'vitest';
import { createUxLanguagePlugin, parseUx, type UxVirtualCode } from '@velakit/language';

const header = '/// <reference types="@velakit/types" />\n';
const page =
  "<template>\n  <text>{{a}}</text>\n</template>\n<script>\nimport r from '@system.request'\nexport default {\n  private: { a: 1 },\n}\n</script>\n";

function virtualOf(
  fileName: string,
  text: string,
  files: readonly string[] = [],
): { code: string; mapped: [number, number, number][]; lang: string } {
  const plugin = createUxLanguagePlugin<string>(ts, {
    asFileName: (id) => id,
    fileExists: (name) => files.includes(name),
  });
  const snapshot = {
    getText: (s: number, e: number) => text.slice(s, e),
    getLength: () => text.length,
    getChangeRange: () => undefined,
  };
  const root = plugin.createVirtualCode?.(fileName, 'ux', snapshot, {
    getAssociatedScript: () => undefined,
  }) as UxVirtualCode;
  const script = root.embeddedCodes[0]!;
  const code = script.snapshot.getText(0, script.snapshot.getLength());
  const mapping = script.mappings[0];
  const mapped =
    mapping === undefined
      ? []
      : mapping.sourceOffsets.map((source, i): [number, number, number] => [
          source,
          mapping.generatedOffsets[i]!,
          mapping.lengths[i]!,
        ]);
  const service = plugin.typescript?.getServiceScript(root);
  return { code, mapped, lang: service?.extension ?? '' };
}

describe('the virtual script of a page', () => {
  const app = ['/app/src/manifest.json', '/app/src/app.ux'];
  const { code, mapped, lang } = virtualOf('/app/src/pages/home/home.ux', page, app);

  it('maps every piece of user code back to the same text in the .ux file', () => {
    const script = parseUx(page).script!;
    expect(
      mapped.map(([source, generated, length]) => [
        page.slice(source, source + length),
        code.slice(generated, generated + length),
      ]),
    ).toEqual(
      mapped.map(([source, , length]) => [page.slice(source, source + length), page.slice(source, source + length)]),
    );
    // Together the pieces cover the whole script, in order and without overlap.
    expect(mapped.map(([source, , length]) => page.slice(source, source + length)).join('')).toBe(
      page.slice(script.start, script.end),
    );
  });

  it('wraps the default export object, typed with the app.ux of the nearest manifest.json', () => {
    expect(code).toContain(
      'export default (/** @type {Vela.DefinePage<typeof import("../../app.ux").default, Vela.ExpandoMembers>} */ (/** @type {unknown} */ (0)))({\n  private: { a: 1 },\n})',
    );
    expect(code.startsWith('/// <reference types="@velakit/types" />\n')).toBe(true);
    expect(lang).toBe('.js');
  });

  it('types a page of an app without app.ux with any app definition', () => {
    expect(virtualOf('/app/src/pages/home/home.ux', page, ['/app/src/manifest.json']).code).toContain(
      'Vela.DefinePage<Vela.AnyDefinition, Vela.ExpandoMembers>',
    );
  });
});

describe('the virtual script of app.ux', () => {
  it('wraps its definition in Vela.DefineApp', () => {
    const text = '<script>\nexport default { onCreate() {} }\n</script>\n';
    expect(virtualOf('/app/src/app.ux', text, ['/app/src/manifest.json', '/app/src/app.ux']).code).toContain(
      'export default (/** @type {Vela.DefineApp<Vela.ExpandoMembers>} */ (/** @type {unknown} */ (0)))({ onCreate() {} })',
    );
  });
});

describe('scripts in TypeScript and scripts without a literal', () => {
  it('lang="ts" gives a .ts script with a TypeScript cast and no open members', () => {
    const text = '<script lang="ts">\nexport default { onInit() {} }\n</script>';
    const virtual = virtualOf('/app/src/pages/a/a.ux', text, ['/app/src/manifest.json', '/app/src/app.ux']);
    expect(virtual.lang).toBe('.ts');
    expect(virtual.code).toContain(
      'export default (0 as unknown as Vela.DefinePage<typeof import("../../app.ux").default>)({ onInit() {} })',
    );
  });

  it('leaves `export default someVariable` and scripts without export default as they are', () => {
    for (const script of ['const page = {}\nexport default page\n', 'console.log(1)\n', 'module.exports = {}\n']) {
      const virtual = virtualOf('/x/a.ux', `<script>${script}</script>`);
      expect(virtual.code).toBe(`/// <reference types="@velakit/types" />\n${script}`);
      expect(virtual.mapped).toEqual([[8, '/// <reference types="@velakit/types" />\n'.length, script.length]]);
    }
  });

  it('gives an empty module for src= scripts and files without a script, mapping nothing', () => {
    expect(virtualOf('/x/a.ux', '<script src="./a.js"></script>')).toEqual({
      code: 'export {};\n',
      mapped: [],
      lang: '.js',
    });
    expect(virtualOf('/x/a.ux', '<template><text>a</text></template>')).toEqual({
      code: 'export {};\n',
      mapped: [],
      lang: '.js',
    });
  });
});

describe('finding the object of export default', () => {
  // The object is found from tokens (strings, templates, regular expressions, comments), or by parsing when the
  // tokens leave it open; either way the wrapper must close exactly after the object.
  const wrapped = (script: string) => virtualOf('/x/app.ux', `<script>${script}</script>`).code.slice(header.length);
  const open = '(/** @type {Vela.DefineApp<Vela.ExpandoMembers>} */ (/** @type {unknown} */ (0)))(';

  it('closes the wrapper after the object, whatever braces its strings, templates and regular expressions hold', () => {
    const object =
      "{ s: '}', t: \"{\", u: `${1 + { b: 2 }.b}}`, r: /[}{]/g, d: 4 / 2, m() { return /\\/}/.test('}') } }";
    expect(wrapped(`// export default {\nexport default ${object}\nfunction after() {}\n`)).toBe(
      `// export default {\nexport default ${open}${object})\nfunction after() {}\n`,
    );
    expect(wrapped('const a = { b: [1, (2)] }; export default { a /* } */ };export const c = 1')).toBe(
      `const a = { b: [1, (2)] }; export default ${open}{ a /* } */ })` + ';export const c = 1',
    );
  });

  it('does not wrap an object the expression goes on after, nor a default export in a nested block', () => {
    for (const script of [
      'export default { a: 1 }.a',
      'export default { a: 1 }\n(run)',
      'function f() { export default {} }',
      'export default {} || x',
    ]) {
      expect(wrapped(script)).toBe(script);
    }
  });

  it('wraps the object where a `/` after `)` or `}` needs the grammar, or the script does not scan', () => {
    expect(wrapped('if (a) {} /re/.test(b)\nexport default { c: 1 }')).toBe(
      `if (a) {} /re/.test(b)\nexport default ${open}{ c: 1 })`,
    );
    expect(wrapped("export default { a: 'unclosed }")).toBe(`export default ${open}{ a: 'unclosed })`);
  });
});

describe('which files the plugin takes', () => {
  const plugin = createUxLanguagePlugin<string>(ts, { asFileName: (id) => id });
  it('claims .ux files only', () => {
    expect(plugin.getLanguageId('/a/page.ux')).toBe('ux');
    expect(plugin.getLanguageId('/a/page.js')).toBeUndefined();
    expect(plugin.typescript?.extraFileExtensions.map((entry) => entry.extension)).toEqual(['ux']);
  });
});
