// The virtual script TypeScript checks for a .ux file: the user's code unchanged and mapped offset for offset, the
// object of `export default` wrapped so that `this` is the page or app object.
import ts from 'typescript';
import type { CodeMapping } from '@volar/language-core';
import type {} from '@volar/typescript';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createUxLanguagePlugin,
  pageObjectMembers,
  parseUx,
  virtualScript,
  type UxVirtualCode,
} from '@velakit/language';

const header = '/// <reference types="@velakit/types" />\n';
const page =
  "<template>\n  <text>{{a}}</text>\n</template>\n<script>\nimport r from '@system.request'\nexport default {\n  private: { a: 1 },\n}\n</script>\n";

function virtualOf(
  fileName: string,
  text: string,
  files: readonly string[] = [],
  literalThis = false,
): { code: string; mapped: [number, number, number][]; lang: string; mappings: CodeMapping[] } {
  const plugin = createUxLanguagePlugin<string>(ts, {
    asFileName: (id) => id,
    fileExists: (name) => files.includes(name),
    literalThis: () => literalThis,
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
  return { code, mapped, lang: service?.extension ?? '', mappings: script.mappings };
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
    for (const text of ['<script src="./a.js"></script>', '<template><text>a</text></template>']) {
      const { code, mapped, lang } = virtualOf('/x/a.ux', text);
      expect({ code, mapped, lang }).toEqual({ code: 'export {};\n', mapped: [], lang: '.js' });
    }
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

describe("a JavaScript page's `this` typed from its syntax (literalThis)", () => {
  const app = ['/app/src/manifest.json', '/app/src/app.ux'];
  const literal = (script: string, file = '/app/src/pages/a/a.ux', lang = '') =>
    virtualOf(file, `<template><text>a</text></template>\n<script${lang}>${script}</script>\n`, app, true);
  const script =
    "\nimport r from '@system.request'\nexport default {\n  private: { title: 'a', 'the-key': [] },\n" +
    '  computed: {\n    big() {\n      return this.title.length\n    },\n    two() { return 2 }\n  },\n' +
    '  onInit() {\n    this.title = String(this.big)\n  },\n}\n';

  it('moves the data objects before the export, writes the page and data members in, computed methods as getters', () => {
    const { code } = literal(script);
    const members = [
      ...pageObjectMembers.map((name) => `${name}: __velaPage.${name}`),
      'title: __velaData["title"]',
      '\'the-key\': __velaData["the-key"]',
    ].join(', ');
    expect(code).toBe(
      `${header}\nimport r from '@system.request'\n` +
        "const __velaData0 = { title: 'a', 'the-key': [] };\n" +
        'const __velaData = /** @type {Vela.WidenData<typeof __velaData0>} */ (/** @type {unknown} */ (0));\n' +
        'const __velaPage = /** @type {Vela.PageObject<typeof import("../../app.ux").default>} */ ' +
        '(/** @type {unknown} */ (0));\n' +
        `export default { ${members},\n  \n  \n    get big() {\n      return this.title.length\n    },\n` +
        '    get two() { return 2 },\n  \n  onInit() {\n    this.title = String(this.big)\n  },\n}\n',
    );
    expect(code).not.toContain('DefinePage');
  });

  it('maps every piece of user code to the same text, the moved data and the key aliases in mappings of their own', () => {
    const text = `<template><text>a</text></template>\n<script>${script}</script>\n`;
    const { code, mappings } = literal(script);
    expect(mappings.map((mapping) => mapping.data)).toEqual([
      expect.objectContaining({ verification: true }),
      expect.objectContaining({ verification: true }),
      { navigation: true },
    ]);
    for (const mapping of mappings) {
      mapping.sourceOffsets.forEach((source, i) => {
        const length = mapping.lengths[i]!;
        const generated = mapping.generatedOffsets[i]!;
        expect(code.slice(generated, generated + length)).toBe(text.slice(source, source + length));
        // Sorted both ways, as Volar's source maps expect.
        if (i > 0) {
          expect(source).toBeGreaterThan(mapping.sourceOffsets[i - 1]!);
          expect(generated).toBeGreaterThan(mapping.generatedOffsets[i - 1]!);
        }
      });
    }
    expect(mappings[1]!.lengths).toEqual(["{ title: 'a', 'the-key': [] }".length]);
    expect(mappings[2]!.sourceOffsets.map((source) => text.slice(source, text.indexOf(':', source)))).toEqual([
      'title',
      "'the-key'",
    ]);
    // What is not mapped is only the syntax the page object replaces: `private:`, `computed: {`, its `}`, commas.
    const unmapped = [...text.slice(text.indexOf('<script>') + 8, text.indexOf('</script>'))];
    for (const mapping of mappings.slice(0, 2))
      mapping.sourceOffsets.forEach((source, i) => {
        for (let at = source; at < source + mapping.lengths[i]!; at++) unmapped[at - text.indexOf('<script>') - 8] = '';
      });
    expect(unmapped.join('').replace(/\s/gu, '')).toBe('private:,computed:{},');
  });

  it('keeps the generic Vela.DefinePage for every other shape', () => {
    for (const object of [
      "{ props: ['a'], onInit() {} }",
      '{ data() { return { a: 1 } } }',
      '{ computed: { a: { get() { return 1 } } } }',
      '{ computed: { a: () => 1 } }',
      '{ private: { a: 1 }, a() {} }',
      '{ private: { $app: 1 } }',
      '{ private: { ...base } }',
      '{ ...base, onInit() {} }',
      '{ [key]: 1 }',
      '{ async *gen() {} }',
      '{ private: { a: 1 }, protected: { a: 2 } }',
      '{ private: { a() {} } }',
      '{ private: { get a() { return 1 } } }',
      '{ private: { a: 1 }, get a() { return 1 } }',
    ]) {
      expect(literal(`\nexport default ${object}\n`).code).toContain(`Vela.DefinePage<`);
    }
    // Shapes it does take: accessors, shorthand members, `get`/`set`/`async` as names and modifiers.
    for (const object of [
      '{ get size() { return 1 }, set size(v) {}, async load() {}, get() {}, set: 1, async: 2, other }',
      '{ private: { a: 1, b }, computed: {}, onInit() {} }',
      '{}',
    ]) {
      expect(literal(`\nexport default ${object}\n`).code).not.toContain('DefinePage');
    }
  });

  it('leaves lang="ts", app.ux, noImplicitAny (literalThis off) and unsure scripts to the generic call', () => {
    expect(literal('\nexport default { onInit() {} }\n', '/app/src/pages/a/a.ux', ' lang="ts"').code).toContain(
      'Vela.DefinePage<',
    );
    expect(literal('\nexport default { onCreate() {} }\n', '/app/src/app.ux').code).toContain('Vela.DefineApp<');
    expect(virtualOf('/app/src/pages/a/a.ux', `<script>${script}</script>`, app, false).code).toContain(
      'Vela.DefinePage<',
    );
    // A division after `)` leaves the scanner unsure: the parser finds the object, and the generic call types it.
    expect(literal('\nconst x = (4) / 2\nexport default { onInit() {} }\n').code).toContain('Vela.DefinePage<');
  });

  it('for the CI check (pageMembers: used), writes in only the page members the object names', () => {
    const text = '<script>\nexport default {\n  onInit() { this.$page.path; this.$emit("a") },\n}\n</script>';
    const role = { kind: 'page', appSpecifier: '../../app.ux' } as const;
    const options = { literalThis: true, referenceTypes: false, pageMembers: 'used' } as const;
    expect(virtualScript(ts, text, parseUx(text).script, role, options).text).toBe(
      '\nconst __velaPage = /** @type {Vela.PageObject<typeof import("../../app.ux").default>} */ ' +
        '(/** @type {unknown} */ (0));\n' +
        'export default { $page: __velaPage.$page, $emit: __velaPage.$emit,\n' +
        '  onInit() { this.$page.path; this.$emit("a") },\n}\n',
    );
    const none = '<script>\nexport default { onInit() {} }\n</script>';
    expect(virtualScript(ts, none, parseUx(none).script, role, options).text).toBe(
      '\nexport default { onInit() {} }\n',
    );
  });

  it('writes in exactly the members of Vela.PageObject in framework.d.ts', () => {
    const path = fileURLToPath(new URL('../../types/framework.d.ts', import.meta.url));
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
    const names: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isInterfaceDeclaration(node) && node.name.text === 'PageObject')
        for (const member of node.members)
          if (member.name && ts.isIdentifier(member.name)) names.push(member.name.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect([...pageObjectMembers].sort()).toEqual(names.sort());
  });
});
