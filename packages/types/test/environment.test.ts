// Vela's script environment is neither a browser nor Node. The README's jsconfig.json sets `"lib": ["ES2020"]`, so the
// DOM's globals are errors, and the typings declare what Vela has and the ES libraries lack (`console`, the timers).
// Those declarations merge with the DOM library's and @types/node's, for projects with a tsconfig.json of their own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { programErrors, VirtualProject } from './support/virtual-project.js';

/** The compiler options of the README's jsconfig.json (test/readme.test.ts keeps the fixture's equal to it). */
function readmeOptions(): ts.CompilerOptions {
  const file = new URL('./fixtures/js-app/jsconfig.json', import.meta.url);
  const config = JSON.parse(readFileSync(file, 'utf8')) as { compilerOptions: object };
  const { options, errors } = ts.convertCompilerOptionsFromJson(config.compilerOptions, '/');
  expect(errors).toEqual([]);
  return options;
}

describe("Vela is not a browser: the README's jsconfig.json", () => {
  const page = [
    "const fetchModule = require('@system.fetch')",
    "console.log('start', global.startedAt)",
    'const timer = setTimeout(() => {}, 10)',
    "document.getElementById('x')",
    "localStorage.setItem('a', 'b')",
    "window.alert('x')",
    "fetch('https://example.com/a.json').then((r) => r.json())",
    'module.exports = { fetchModule, timer }',
    '',
  ].join('\n');

  it("reports document, localStorage, window and the global fetch, and none of Vela's globals", () => {
    const options = readmeOptions();
    expect(options.lib).toEqual(['lib.es2020.d.ts']);
    const project = new VirtualProject(options);
    project.write('src/web.js', page);
    expect(project.errors('src/web.js')).toEqual([
      "4:1 TS2584 Cannot find name 'document'. Do you need to change your target library? Try changing the 'lib' compiler option to include 'dom'.",
      "5:1 TS2304 Cannot find name 'localStorage'.",
      "6:1 TS2304 Cannot find name 'window'.",
      "7:1 TS2304 Cannot find name 'fetch'.",
    ]);
    // Completion at the start of a statement offers Vela's globals and none of the DOM's.
    const names = project.completions('src/web.js', `${page}/*|*/`);
    expect(names).toEqual(expect.arrayContaining(['console', 'setTimeout', 'clearInterval', 'global', 'Promise']));
    expect(
      names.filter((name) => ['document', 'window', 'localStorage', 'fetch', 'HTMLElement'].includes(name)),
    ).toEqual([]);
  });

  it('without `lib` (TypeScript takes the DOM with target ES2020) the same page type-checks clean', () => {
    const { lib: _lib, ...options } = readmeOptions();
    const project = new VirtualProject(options);
    project.write('src/web.js', page);
    expect(project.errors('src/web.js')).toEqual([]);
  });

  it('hovers the timers with what Vela does with them', () => {
    const project = new VirtualProject(readmeOptions());
    const hover = project.hover('src/timer.js', 'setInt/*|*/erval(() => {}, 1000)\n');
    expect(hover.signature).toBe(
      'function setInterval(callback: (...args: any[]) => void, delay?: number, ...args: any[]): number',
    );
    expect(hover.documentation).toBe(
      'Calls a function repeatedly at an interval, until `clearInterval` or the end of the page.',
    );
    expect(project.hover('src/timer.js', 'setTime/*|*/out(() => {}, 10)\n').documentation).toContain(
      'never fires after the page is destroyed',
    );
  });
});

describe('the typings merge with the DOM library and @types/node', () => {
  const js = [
    "console.log('a', 1); console.info('b'); console.warn('c'); console.error('d'); console.debug('e')",
    'const later = setTimeout(() => {}, 10)',
    'clearTimeout(later)',
    'const id = setInterval(() => {}, 1000)',
    'clearInterval(id)',
    '/** @param {number} ms */',
    'export const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms))',
    '',
  ].join('\n');
  const typescript = [
    js
      .replace('/** @param {number} ms */\n', '')
      .replace('(ms) =>', '(ms: number) =>')
      .replace('new Promise(', 'new Promise<void>('),
    'let pending: ReturnType<typeof setTimeout> | undefined',
    'clearTimeout(pending)',
    'export class Ticker {',
    '  timer: ReturnType<typeof setInterval> | null = null',
    '  start() { this.timer = setInterval(() => console.log(Date.now()), 1000) }',
    '  stop() { clearInterval(this.timer ?? undefined) }',
    '}',
    '',
  ].join('\n');
  const { lib: _lib, ...domOptions } = readmeOptions();
  const es2020 = readmeOptions();
  // Library checking on, so a clash between the typings and the DOM or Node declarations shows as an error.
  const setups: { name: string; options: ts.CompilerOptions }[] = [
    { name: 'lib ES2020 alone (the README)', options: es2020 },
    { name: 'the default lib, with the DOM', options: domOptions },
    { name: 'lib ES2020 with @types/node', options: { ...es2020, types: ['node', '@velakit/types'] } },
    {
      name: 'the DOM and @types/node, the typings first',
      options: { ...domOptions, types: ['@velakit/types', 'node'] },
    },
  ];

  it.each(setups)(
    '$name: a .js and a strict .ts file using console and the timers compile with 0 errors',
    ({ options }) => {
      // `strict` on (it only adds checks), library checking on: one program per set-up keeps the test quick.
      const project = new VirtualProject({ ...options, skipLibCheck: false, strict: true });
      project.write('src/timers.js', js);
      project.write('src/timers.ts', typescript);
      expect(programErrors(project)).toEqual([]);
    },
  );

  it.each([
    ['node', '@velakit/types'],
    ['@velakit/types', 'node'],
  ])(
    "with @types/node (types %s, %s), a timer is still Node's Timeout: code written for Node compiles unchanged",
    (...types) => {
      const project = new VirtualProject({ ...es2020, strict: true, skipLibCheck: false, types });
      const file = 'src/node-timer.ts';
      project.write(
        file,
        'const t: NodeJS.Timeout = setTimeout(() => {}, 10)\nt.unref()\nconsole.table([])\nclearTimeout(t)\n',
      );
      expect(programErrors(project)).toEqual([]);
      // The check can fail: without Node, a timer is a number. (Another file name: projects share parsed files.)
      const vela = new VirtualProject({ ...es2020, strict: true });
      vela.write('src/vela-timer.ts', 'const n: number = setTimeout(() => {}, 10)\nn.unref()\n');
      expect(vela.errors('src/vela-timer.ts')).toEqual([
        "2:3 TS2339 Property 'unref' does not exist on type 'number'.",
      ]);
    },
  );
});
