// The README's set-up and example are the ones the tests use: its jsconfig.json is the fixture app's, and its
// example compiles with exactly the one error it announces.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { cursor, formatDiagnostic, VirtualProject } from './support/virtual-project.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = (language: string) =>
  [...readme.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gmu'))].map((match) => match[1] ?? '');

describe('README', () => {
  it('shows the jsconfig.json the fixture app type-checks with', () => {
    const fixture = readFileSync(new URL('./fixtures/js-app/jsconfig.json', import.meta.url), 'utf8');
    expect(blocks('json').map((block) => JSON.parse(block) as unknown)).toEqual([JSON.parse(fixture) as unknown]);
  });

  it('its example compiles in a .js page, with only the missing-url error it shows', () => {
    const example = blocks('js').find((block) => block.includes('uploadtask.uploadFile'));
    if (example === undefined) throw new Error('README lost its uploadFile example');
    const project = new VirtualProject();
    project.write('src/example.js', example);
    const errorLine = example.split('\n').findIndex((line) => line.startsWith('uploadtask.uploadFile({ filePath:')) + 1;
    expect(project.errors('src/example.js')).toEqual([
      `${errorLine}:23 TS2345 Argument of type '{ filePath: string; name: string; }' is not assignable to parameter of type 'UploadFileOptions'.`,
    ]);
    expect(example).toContain(
      "Property 'url' is missing in type '{ filePath: string; name: string; }'\n//               but required in type 'UploadFileOptions'.",
    );
  });

  it('its fetch example types the callbacks and the Promise, and refuses `headers` as it shows', () => {
    const example = blocks('js').find((block) => block.includes("from '@system.fetch'"));
    if (example === undefined) throw new Error('README lost its fetch example');
    const project = new VirtualProject();
    const file = project.write('src/fetch.js', example);
    const lineOf = (start: string) => example.split('\n').findIndex((line) => line.startsWith(start)) + 1;
    const diagnostics = project.service.getSemanticDiagnostics(file);
    expect(diagnostics.map((diagnostic) => formatDiagnostic(diagnostic))).toEqual([
      `${lineOf("fetch.fetch({ url: 'https://example.com/', headers")}:44 TS2769 No overload matches this call.`,
    ]);
    const message = ts.flattenDiagnosticMessageText(diagnostics[0]?.messageText, '\n');
    expect(message).toContain(
      "Object literal may only specify known properties, but 'headers' does not exist in type 'FetchOptions'. " +
        "Did you mean to write 'header'?",
    );
    expect(example).toContain(
      '// error TS2769: No overload matches this call. [...] Object literal may only specify known properties,\n' +
        "//               but 'headers' does not exist in type 'FetchOptions'. Did you mean to write 'header'?",
    );
    // The types the comments announce.
    const hoverOn = (name: string, after: string) => {
      const at = example.indexOf(name, example.indexOf(after));
      return project.hover('src/fetch.js', `${example.slice(0, at)}${cursor}${example.slice(at)}`).signature;
    };
    expect(hoverOn('res', 'success(')).toBe('(parameter) res: fetch.FetchSuccess');
    expect(hoverOn('code', 'fail(message, ')).toBe('(parameter) code: fetch.FetchFailCode');
    expect(hoverOn('response', 'const ')).toBe('const response: fetch.FetchPromiseResult');
    expect(example).toContain('// res: FetchSuccess');
    expect(example).toContain('// response: FetchPromiseResult');
  });

  it('its type-import snippets compile', () => {
    const project = new VirtualProject();
    const typeScript = blocks('ts').join('\n');
    project.write(
      'src/types.ts',
      `${typeScript}\nexport const options: UploadFileOptions = { url: 'u', filePath: 'f', name: 'n' };\n`,
    );
    expect(project.errors('src/types.ts')).toEqual([]);
    const javaScript = blocks('js').filter((block) => block.includes('@type {import('));
    expect(javaScript).toHaveLength(1);
    project.write('src/types.js', `${javaScript[0]}\nexport default options;\n`);
    expect(project.errors('src/types.js')).toEqual([]);
  });

  it('its Vela.Page example types `this` in a .js file', () => {
    const example = blocks('js').find((block) => block.includes('Vela.Page'));
    if (example === undefined) throw new Error('README lost its Vela.Page example');
    const project = new VirtualProject();
    project.write('src/counter.js', example);
    expect(project.errors('src/counter.js')).toEqual([]);
    project.write('src/counter.js', example.replace('this.count += 1', "this.count = 'one'"));
    expect(project.errors('src/counter.js')).toEqual([
      expect.stringMatching(/^\d+:\d+ TS2322 Type 'string' is not assignable to type 'number'\.$/u),
    ]);
  });
});
