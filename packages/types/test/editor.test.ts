// What a developer sees in the editor: the TypeScript language service over a Vela page in plain JavaScript
// (checkJs, `require`) and one in TypeScript (`import`). Expected names come from the catalogue.
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { devices, isSupportedOn, request, uploadtask, type Method } from '@velakit/catalog';
import { VirtualProject, velaOptions } from './support/virtual-project.js';

const paramNames = (method: Method | undefined): string[] =>
  (method?.signature.params ?? []).map((param) => param.name).sort();
const uploadFile = uploadtask.methods.find((method) => method.name === 'uploadFile');
const download = request.methods.find((method) => method.name === 'download');
const onDownloadComplete = request.methods.find((method) => method.name === 'onDownloadComplete');
const uploadTaskMethods = uploadtask.interfaces.find((entry) => entry.name === 'UploadTask')?.methods ?? [];

const flavours = [
  {
    title: 'a .js page with checkJs, modules taken with require()',
    file: 'src/pages/upload.js',
    options: velaOptions,
    header: ["const uploadtask = require('@system.uploadtask')", "const request = require('@system.request')", ''].join(
      '\n',
    ),
  },
  {
    title: 'a .ts page with import, typings turned on by a reference directive',
    file: 'src/pages/upload.ts',
    options: { ...velaOptions, types: [] },
    header: [
      '/// <reference types="@velakit/types" />',
      "import uploadtask from '@system.uploadtask'",
      "import request from '@system.request'",
      '',
    ].join('\n'),
  },
];

const upload =
  "uploadtask.uploadFile({ url: 'https://example.com/up', filePath: 'internal://files/a.png', name: 'a' })";

describe.each(flavours)('in $title', ({ file, options, header }) => {
  const project = new VirtualProject(options);

  it('types the module object: no errors, and the hover names its interface', () => {
    project.write(file, `${header}${upload}\nrequest.download({ url: 'https://example.com/a.zip' })\n`);
    expect(project.errors(file)).toEqual([]);
    expect(project.hover(file, `${header}upload/*|*/task`).signature.split('\n')).toContain(
      '(alias) const uploadtask: uploadtask.UploadtaskModule',
    );
  });

  it('completes uploadFile after `uploadtask.`', () => {
    expect(project.completions(file, `${header}uploadtask./*|*/`)).toEqual(uploadtask.methods.map((m) => m.name));
    expect(project.completions(file, `${header}uploadtask./*|*/`)).toEqual(['uploadFile']);
  });

  it('completes download and onDownloadComplete after `request.`', () => {
    expect(project.completions(file, `${header}request./*|*/`)).toEqual(['download', 'onDownloadComplete']);
    expect(project.completions(file, `${header}request./*|*/`)).toEqual(request.methods.map((m) => m.name).sort());
  });

  it('completes every option of uploadFile, download and onDownloadComplete inside `({ })`', () => {
    expect(project.completions(file, `${header}uploadtask.uploadFile({ /*|*/ })`)).toEqual(paramNames(uploadFile));
    expect(project.completions(file, `${header}request.download({ /*|*/ })`)).toEqual(paramNames(download));
    expect(project.completions(file, `${header}request.onDownloadComplete({ /*|*/ })`)).toEqual(
      paramNames(onDownloadComplete),
    );
    expect(paramNames(uploadFile)).toEqual(
      ['url', 'filePath', 'name', 'header', 'formData', 'timeout', 'success', 'fail', 'complete'].sort(),
    );
    // `share` and `onDownLoadNotify` are known from the watch's code only (marked so in their hovers).
    expect(paramNames(download)).toEqual(
      ['url', 'header', 'filename', 'success', 'fail', 'complete', 'share', 'onDownLoadNotify'].sort(),
    );
  });

  it('offers only the options not written yet', () => {
    expect(project.completions(file, `${header}request.download({ url: 'https://example.com/a', /*|*/ })`)).toEqual(
      paramNames(download).filter((name) => name !== 'url'),
    );
  });

  it('completes abort, onProgressUpdate and offProgressUpdate on the returned task', () => {
    const names = project.completions(file, `${header}const task = ${upload}\ntask./*|*/`);
    expect(names).toEqual(['abort', 'offProgressUpdate', 'onProgressUpdate']);
    expect(names).toEqual(uploadTaskMethods.map((method) => method.name).sort());
  });

  it('completes the result fields inside success', () => {
    const text = `${header}uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n', success(res) { res./*|*/ } })`;
    expect(project.completions(file, text)).toEqual(['data', 'headers', 'statusCode']);
  });

  it('suggests the documented error codes for `code` in fail, as literals', () => {
    const codes = (method: Method | undefined) => (method?.errors ?? []).map((error) => String(error.code)).sort();
    const numbers = (names: string[]) => names.filter((name) => /^\d+$/u.test(name));
    const inFail = 'fail(message, code) { if (code === /*|*/) {} }';
    expect(
      numbers(
        project.completions(file, `${header}uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n', ${inFail} })`),
      ),
    ).toEqual(codes(uploadFile));
    expect(
      numbers(project.completions(file, `${header}request.onDownloadComplete({ token: 't', ${inFail} })`)),
    ).toEqual(['1000', '1001', '1002', '2']);
    expect(
      numbers(project.completions(file, `${header}request.onDownloadComplete({ token: 't', ${inFail} })`)),
    ).toEqual(codes(onDownloadComplete));
  });

  it('hover on uploadFile names the devices that support it and those that do not', () => {
    const hover = project.hover(file, `${header}uploadtask.upload/*|*/File({ url: 'u', filePath: 'f', name: 'n' })`);
    expect(hover.signature).toBe(
      '(method) uploadtask.UploadtaskModule.uploadFile(options: uploadtask.UploadFileOptions): uploadtask.UploadTask',
    );
    const line = (prefix: string) =>
      hover.documentation
        .split('\n')
        .find((text) => text.startsWith(prefix))
        ?.slice(prefix.length)
        .replace(/\.$/u, '')
        .split(', ');
    const supported = devices.filter((device) => isSupportedOn(uploadtask.support, device.id)).map((d) => d.name);
    const unsupported = devices.filter((device) => !isSupportedOn(uploadtask.support, device.id)).map((d) => d.name);
    expect(line('Supported on: ')).toEqual(supported);
    expect(line('Not supported on: ')).toEqual(unsupported);
    expect(supported).toContain('Xiaomi Watch S4');
    expect(unsupported).toContain('Redmi Watch 4');
    expect(hover.documentation).toContain('API level 3+');
    expect(hover.documentation).toContain('- `202`: ');
    expect(hover.tags).toContain('@since API level 3');
    expect(hover.tags).toContain(`@see ${uploadtask.docUrl}`);
    expect(hover.tags.some((tag) => tag.startsWith('@example') && tag.includes('uploadtask.uploadFile({'))).toBe(true);
  });

  it('hover on an option shows its description and default', () => {
    const hover = project.hover(
      file,
      `${header}uploadtask.uploadFile({ url: 'u', filePath: 'f', name: 'n', time/*|*/out: 1 })`,
    );
    expect(hover.signature).toBe('(property) uploadtask.UploadFileOptions.timeout?: number | undefined');
    expect(hover.documentation).toBe(uploadFile?.signature.params.find((p) => p.name === 'timeout')?.description);
    expect(hover.tags).toEqual(['@default 20000']);
  });

  it('reports a missing url at the call', () => {
    const text = `${header}uploadtask.uploadFile({ filePath: 'f', name: 'n' })\n`;
    project.write(file, text);
    const line = header.split('\n').length;
    expect(project.errors(file)).toEqual([
      `${line}:23 TS2345 Argument of type '{ filePath: string; name: string; }' is not assignable to parameter of type 'UploadFileOptions'.`,
    ]);
  });
});

describe('without the typings turned on', () => {
  it('the modules are unknown, so turning them on is what makes the difference', () => {
    const project = new VirtualProject({ ...velaOptions, types: [] });
    project.write('src/page.ts', "import request from '@system.request'\nrequest.download({ url: 'u' })\n");
    expect(project.errors('src/page.ts')).toEqual([
      "1:21 TS2307 Cannot find module '@system.request' or its corresponding type declarations.",
    ]);
  });

  it('checkJs is what makes errors show in .js files', () => {
    const project = new VirtualProject({ ...velaOptions, checkJs: false });
    project.write('src/page.js', "const request = require('@system.request')\nrequest.download({})\n");
    expect(project.errors('src/page.js')).toEqual([]);
    expect(ts.version.split('.')[0]).toBe('6');
  });
});
