// Default imports (`import fetch from '@system.fetch'`), `require` in .js and `import x = require()` in CommonJS
// TypeScript resolve to the module object under each module resolution, with esModuleInterop on, off, or unset.
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { VirtualProject, velaOptions } from './support/virtual-project.js';

const javaScript = [
  "import fetch from '@system.fetch'",
  "const router = require('@system.router')",
  "fetch.fetch({ url: 'https://example.com/', success(res) { console.log(res.code) } })",
  "router.push({ uri: '/about' })",
  '',
].join('\n');
const typeScript = [
  "import fetch from '@system.fetch'",
  "import device from '@system.device'",
  "fetch.fetch({ url: 'https://example.com/' }).then((res) => console.log(res.data.code))",
  'device.getInfo({ success: (info) => console.log(info.model) })',
  '',
].join('\n');

const resolutions = [
  { name: 'Bundler', module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  { name: 'Node16', module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
  { name: 'NodeNext', module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
];
// TypeScript 6 deprecates `esModuleInterop: false`; it still works with `ignoreDeprecations: "6.0"`.
const interop = [
  { name: 'unset', options: {} },
  { name: 'true', options: { esModuleInterop: true } },
  { name: 'false', options: { esModuleInterop: false, ignoreDeprecations: '6.0' } },
];

describe.each(resolutions)('moduleResolution $name', ({ module, moduleResolution }) => {
  it.each(interop)(
    'esModuleInterop $name: default imports and require type the module object, no errors',
    ({ options }) => {
      const project = new VirtualProject({ ...velaOptions, module, moduleResolution, ...options });
      project.write('src/page.js', javaScript);
      project.write('src/page.ts', typeScript);
      expect(project.errors('src/page.js')).toEqual([]);
      expect(project.errors('src/page.ts')).toEqual([]);
      // And the typings do check: a wrong call is reported under every setting.
      project.write('src/wrong.ts', "import router from '@system.router'\nrouter.push({ url: '/about' })\n");
      expect(project.errors('src/wrong.ts')).toEqual([expect.stringMatching(/^2:15 TS2353 /u)]);
    },
  );

  it('`import x = require()` in a CommonJS TypeScript file', () => {
    const project = new VirtualProject({ ...velaOptions, module, moduleResolution });
    project.write('src/page.cts', "import fetch = require('@system.fetch')\nfetch.fetch({ url: 'u', success() {} })\n");
    expect(project.errors('src/page.cts')).toEqual(
      module === ts.ModuleKind.ESNext ? [expect.stringMatching(/TS1202/u)] : [],
    );
  });
});
