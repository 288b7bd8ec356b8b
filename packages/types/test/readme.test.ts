// The README's set-up and example are the ones the tests use: its jsconfig.json is the fixture app's, and its
// example compiles with exactly the one error it announces.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VirtualProject } from './support/virtual-project.js';

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
    const errorLine = example.split('\n').findIndex((line) => line.startsWith("uploadtask.uploadFile({ filePath:")) + 1;
    expect(project.errors('src/example.js')).toEqual([
      `${errorLine}:23 TS2345 Argument of type '{ filePath: string; name: string; }' is not assignable to parameter of type 'UploadFileOptions'.`,
    ]);
    expect(example).toContain(
      "Property 'url' is missing in type '{ filePath: string; name: string; }'\n//               but required in type 'UploadFileOptions'.",
    );
  });

  it('its type-import snippets compile', () => {
    const project = new VirtualProject();
    const typeScript = blocks('ts').join('\n');
    project.write('src/types.ts', `${typeScript}\nexport const options: UploadFileOptions = { url: 'u', filePath: 'f', name: 'n' };\n`);
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
