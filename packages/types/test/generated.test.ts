// index.d.ts is generated from the catalogue: it must be up to date, compile under strict settings, carry examples
// that compile, and the generator must refuse catalogue data it cannot render faithfully.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { modules, request, uploadtask, type Method, type Module, type Parameter } from '@velakit/catalog';
import { bindingOf, isLoose } from '../scripts/render.mjs';
import { renderTypeTests } from '../scripts/type-tests.mjs';
import { renderTypings } from '../scripts/render.mjs';
import { programErrors, VirtualProject, velaOptions } from './support/virtual-project.js';

const committed = readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8');
/** index.d.ts references framework.d.ts beside it: an in-memory copy of index.d.ts needs it beside it too. */
const framework = readFileSync(new URL('../framework.d.ts', import.meta.url), 'utf8');

describe('index.d.ts', () => {
  it('is up to date with the catalogue (run `npm run generate` after editing the catalogue)', () => {
    expect(committed).toBe(renderTypings());
  });

  it('the generated type tests are up to date, one per module described in full', () => {
    const directory = new URL('./generated/', import.meta.url);
    const expected = renderTypeTests();
    expect(readdirSync(directory).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, text] of Object.entries(expected))
      expect(readFileSync(new URL(name, directory), 'utf8'), name).toBe(text);
    expect(Object.keys(expected)).toEqual(
      expect.arrayContaining(['fetch.test-d.ts', 'router.test-d.ts', 'app.test-d.ts', 'device.test-d.ts']),
    );
  });

  it('declares reserved and undocumented modules loosely: the import resolves, any member is accepted', () => {
    const project = new VirtualProject();
    project.write(
      'src/reserved.js',
      "import folme from '@system.folme'\nimport message from '@system.internal.message'\nfolme.to({ x: 1 })\nmessage.send('a', 1)\n",
    );
    expect(project.errors('src/reserved.js')).toEqual([]);
    expect(committed).toContain("declare module '@system.serviceUtil'");
  });

  it('compiles on its own under strict settings, library checking on', () => {
    const project = new VirtualProject({
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
      lib: ['lib.es2020.d.ts'],
    });
    project.write('index.d.ts', committed);
    project.write('framework.d.ts', framework);
    expect(project.errors('index.d.ts')).toEqual([]);
    expect(project.errors('framework.d.ts')).toEqual([]);
  });

  it.each([
    { resolution: 'Bundler', module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
    { resolution: 'NodeNext', module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  ])(
    'installed and switched on by `types`, compiles with module resolution $resolution',
    ({ module, moduleResolution }) => {
      const project = new VirtualProject({ ...velaOptions, module, moduleResolution, skipLibCheck: false });
      project.write(
        'src/page.ts',
        "import request from '@system.request'\nrequest.download({ url: 'https://example.com/a' })\n",
      );
      expect(programErrors(project)).toEqual([]);
      const files =
        project.service
          .getProgram()
          ?.getSourceFiles()
          .map((file) => file.fileName) ?? [];
      expect(files.filter((name) => name.endsWith('/types/index.d.ts'))).toHaveLength(1);
    },
  );

  it('every @example in it compiles as JavaScript with checkJs', () => {
    const source = ts.createSourceFile('index.d.ts', committed, ts.ScriptTarget.Latest, true);
    const examples: string[] = [];
    const seen = new Set<ts.JSDocTag>();
    const visit = (node: ts.Node): void => {
      for (const tag of ts.getJSDocTags(node)) {
        // A declaration and its statement share one comment: take each tag once.
        if (tag.tagName.text !== 'example' || seen.has(tag)) continue;
        seen.add(tag);
        const text = ts.getTextOfJSDocComment(tag.comment) ?? '';
        examples.push(text.replace(/^```js\n/u, '').replace(/\n```$/u, ''));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    const described = modules.filter((module) => !isLoose(module));
    const documented = described.flatMap((module) => [
      ...module.methods,
      ...module.interfaces.flatMap((entry) => entry.methods),
    ]);
    // One per method that has an example (two for a method with a Promise form: one per overload), and one (the
    // import) per module described in full.
    const withExample = documented.filter((method) => method.example !== undefined);
    expect(examples).toHaveLength(
      withExample.length + withExample.filter((method) => method.promise).length + described.length,
    );

    // Each example may use any module under its binding, and an object an interface describes under the interface's
    // name in lower camel case (`uploadTask`, `connect`).
    const imports = described.map((module) => `import ${bindingOf(module)} from '${`@${module.name}`}'`);
    const objects = described.flatMap((module) =>
      module.interfaces.map(
        (entry) =>
          `@param {import('@${module.name}').${entry.name}} ${entry.name.charAt(0).toLowerCase()}${entry.name.slice(1)}`,
      ),
    );
    const project = new VirtualProject();
    const names = examples.map((example, index) => {
      const text = /^import /mu.test(example)
        ? example
        : [
            ...imports,
            `/**\n * ${objects.join('\n * ')}\n */`,
            `export function example(${described.flatMap((module) => module.interfaces.map((entry) => `${entry.name.charAt(0).toLowerCase()}${entry.name.slice(1)}`)).join(', ')}) {`,
            '  {', // a block of its own, so an example may declare its own names
            example,
            '  }',
            '}',
          ].join('\n');
      const name = `examples/${index}.js`;
      project.write(name, text);
      return name;
    });
    for (const name of names) expect({ name, errors: project.errors(name) }).toEqual({ name, errors: [] });
  });
});

describe('renderTypings', () => {
  const base: Module = uploadtask;
  const uploadFile = base.methods[0]!;
  const withParams = (params: readonly Parameter[], method: Method = uploadFile): Module => ({
    ...base,
    methods: [{ ...method, signature: { kind: 'options', params } }],
  });
  const param = (name: string, extra: Partial<Parameter>): Parameter => ({
    name,
    type: 'string',
    required: false,
    description: `the ${name}`,
    ...extra,
  });

  it('renders the given modules only, each once', () => {
    const text = renderTypings([request]);
    expect(text.match(/^declare module '[^']+'/gmu)).toEqual(["declare module '@system.request'"]);
  });

  it('rejects a function parameter without a callback signature', () => {
    const module = withParams([param('onTick', { type: 'function' })]);
    expect(() => renderTypings([module])).toThrow(
      'system.uploadtask uploadFile.onTick: a function parameter needs its callback signature (Parameter.callback)',
    );
  });

  it('rejects a callback signature that is not a function type', () => {
    const module = withParams([param('success', { type: 'function', callback: '(data: UploadFileSuccess =>' })]);
    expect(() => renderTypings([module])).toThrow(
      'system.uploadtask uploadFile.success: callback signature `(data: UploadFileSuccess =>` is not a function type',
    );
    const notAFunction = withParams([param('success', { type: 'function', callback: 'string' })]);
    expect(() => renderTypings([notAFunction])).toThrow('is not a function type');
  });

  it('rejects a callback parameter without a type', () => {
    const module = withParams([param('fail', { type: 'function', callback: '(data, code: number) => void' })]);
    expect(() => renderTypings([module])).toThrow(
      'system.uploadtask uploadFile.fail: every callback parameter needs a plain name and a type, in `(data, code: number) => void`',
    );
  });

  it('rejects a callback that names a type the catalogue does not define', () => {
    const module = withParams([
      ...uploadFile.signature.params.filter((p) => p.name !== 'complete'),
      param('complete', { type: 'function', callback: '(summary: Mystery) => void' }),
    ]);
    expect(() => renderTypings([module])).toThrow(
      'system.uploadtask uploadFile.complete: the callback names Mystery, which the catalogue does not define',
    );
  });

  it('rejects result fields no callback names a type for', () => {
    const module = withParams([param('success', { type: 'function', callback: '(data: string) => void' })]);
    expect(() => renderTypings([module])).toThrow(
      'system.uploadtask uploadFile: result fields are listed but no callback names their type',
    );
  });

  it('rejects a return type that is not one of the module interfaces', () => {
    const module: Module = { ...base, methods: [{ ...uploadFile, returns: 'DownloadTask' }] };
    expect(() => renderTypings([module])).toThrow(
      "system.uploadtask uploadFile: returns DownloadTask, which is not one of the module's interfaces",
    );
  });

  it('rejects a value type it has no TypeScript for', () => {
    const module = withParams([...uploadFile.signature.params, param('mode', { type: 'enum' as Parameter['type'] })]);
    expect(() => renderTypings([module])).toThrow(
      'system.uploadtask uploadFile.mode: value type `enum` has no TypeScript equivalent',
    );
  });

  it('renders an object with listed entries as a record of them, integer and number once', () => {
    const module = withParams([
      ...uploadFile.signature.params,
      param('tags', { type: 'object', entries: ['integer', 'number', 'boolean'] }),
    ]);
    expect(renderTypings([module])).toContain('      tags?: Record<string, number | boolean>;\n');
    expect(renderTypings([withParams([...uploadFile.signature.params, param('extra', { type: 'object' })])])).toContain(
      '      extra?: Record<string, unknown>;\n',
    );
  });

  it('rejects entries on a value that is not an object, and an empty list of entries', () => {
    const onString = withParams([...uploadFile.signature.params, param('label', { entries: ['string'] })]);
    expect(() => renderTypings([onString])).toThrow(
      'system.uploadtask uploadFile.label: only an `object` value can list entries, not `string`',
    );
    const empty = withParams([...uploadFile.signature.params, param('extra', { type: 'object', entries: [] })]);
    expect(() => renderTypings([empty])).toThrow('system.uploadtask uploadFile.extra: entries lists no type');
  });

  it('rejects two declarations with one name', () => {
    const clash: Method = {
      ...uploadFile,
      name: 'upload',
      returns: undefined,
      success: [{ name: 'id', type: 'string', description: 'id' }],
    };
    const module = withParams([param('success', { type: 'function', callback: '(data: UploadTask) => void' })], clash);
    expect(() => renderTypings([module])).toThrow('system.uploadtask: two declarations would be named UploadTask');
  });

  it('rejects one result type listed twice with different fields', () => {
    const [abort, onProgressUpdate, offProgressUpdate] = base.interfaces[0]!.methods;
    const module: Module = {
      ...base,
      interfaces: [
        {
          ...base.interfaces[0]!,
          methods: [
            abort!,
            onProgressUpdate!,
            { ...offProgressUpdate!, success: [{ name: 'percent', type: 'number', description: 'p' }] },
          ],
        },
      ],
    };
    expect(() => renderTypings([module])).toThrow(
      'system.uploadtask UploadTask.offProgressUpdate: result type UploadProgressEvent is listed twice with different fields',
    );
  });

  it('escapes `*/` in catalogue prose so the doc comment does not end early', () => {
    const module = withParams([
      param('url', { required: true, description: 'matches a/*/b' }),
      ...uploadFile.signature.params.slice(1),
    ]);
    const text = renderTypings([module]);
    expect(text).toContain('* matches a/*\\/b');
    const project = new VirtualProject({
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
      lib: ['lib.es2020.d.ts'],
    });
    project.write('escaped.d.ts', text);
    project.write('framework.d.ts', framework);
    expect(project.errors('escaped.d.ts')).toEqual([]);
  });

  it('says so when support is unrestricted or undocumented, and leaves minAPILevel out at level 1', () => {
    const everywhere = renderTypings([{ ...request, support: 'everywhere' }]);
    expect(everywhere).toContain('Supported on: every Vela device (the docs state no restriction).');
    expect(everywhere).not.toContain('Not supported on:');
    expect(everywhere).toContain('API level 1+.\n');
    const undocumented = renderTypings([{ ...request, support: 'undocumented' }]);
    expect(undocumented).toContain('Device support: not documented.');
    expect(undocumented).not.toContain('Supported on:');
  });

  it('types the code of fail with the method codes only when the catalogue lists some', () => {
    const text = renderTypings([{ ...request, methods: [{ ...request.methods[0], errors: [] }] }]);
    expect(text).toContain('fail?: (data: string, code: number) => void;');
    expect(text).not.toContain('DownloadFailCode');
  });
});
