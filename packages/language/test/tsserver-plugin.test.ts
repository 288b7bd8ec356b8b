// The TypeScript server plugin, loaded by TypeScript's own tsserver (protocol over stdio) as an editor loads it: a .ux
// page of the fixture app gets completions, hovers and diagnostics at its own line and offset.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TsserverClient } from './support/tsserver-client.js';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const appDir = fileURLToPath(new URL('./fixtures/good-app/', import.meta.url));
const file = `${appDir}src/pages/upload/upload.ux`;
const page = readFileSync(file, 'utf8');

/** tsserver's 1-based line and offset of `marker` (plus `delta` characters) in `text`. */
function location(text: string, marker: string, delta = 0): { line: number; offset: number } {
  const index = text.indexOf(marker) + delta;
  const before = text.slice(0, index);
  return { line: before.split('\n').length, offset: index - before.lastIndexOf('\n') };
}

interface QuickInfo {
  displayString: string;
  documentation: string;
}
interface Diagnostic {
  start: { line: number; offset: number };
  end: { line: number; offset: number };
  code: number;
  text: string;
}

describe('the tsserver plugin', () => {
  let server: TsserverClient;
  beforeAll(async () => {
    // tsserver finds `@velakit/language` in the repository's node_modules, as it would in an app's.
    server = TsserverClient.start('@velakit/language', repositoryRoot);
    // What VS Code's TypeScript extension sends for a language a plugin contributes.
    await server.request('configure', {
      hostInfo: 'vitest',
      extraFileExtensions: [{ extension: '.ux', isMixedContent: false, scriptKind: 7 }],
    });
  }, 60_000);
  afterAll(async () => {
    await server.stop();
  }, 30_000);

  it('types the script of a .ux page: hover on uploadFile names the devices', async () => {
    server.notify('open', { file, fileContent: page, projectRootPath: appDir });
    const info = await server.request<QuickInfo>('quickinfo', { file, ...location(page, 'uploadFile', 3) });
    expect(info.displayString).toBe(
      '(method) uploadtask.UploadtaskModule.uploadFile(options: uploadtask.UploadFileOptions): uploadtask.UploadTask',
    );
    expect(info.documentation).toContain('Supported on: Xiaomi Watch S3');
  });

  it('completes the request module and this.$app in the page', async () => {
    const text = page
      .replace("request.download({ url: 'https://example.com/a.zip' })", 'request.')
      .replace("this.$app.$def.greet('upload')", 'this.');
    server.notify('open', { file, fileContent: text, projectRootPath: appDir });
    const names = async (marker: string) =>
      (
        await server.request<{ entries: { name: string }[] }>('completionInfo', {
          file,
          ...location(text, marker, marker.length),
        })
      ).entries.map((entry) => entry.name);
    expect((await names('request.')).sort()).toEqual(['download', 'onDownloadComplete']);
    expect(await names('this.')).toEqual(expect.arrayContaining(['$app', '$page', 'status', 'send']));
  });

  it('offers the script names but not the generated ones at a statement', async () => {
    const text = page.replace("    request.download({ url: 'https://example.com/a.zip' })", '    re');
    server.notify('open', { file, fileContent: text, projectRootPath: appDir });
    const { entries } = await server.request<{ entries: { name: string }[] }>('completionInfo', {
      file,
      ...location(text, '    re\n', '    re'.length),
    });
    const names = entries.map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['request', 'uploadtask', 'filePath']));
    expect(names.filter((name) => name.startsWith('__vela'))).toEqual([]);
  });

  it('reports a type error at its .ux line and offset', async () => {
    const text = page.replace(
      "{ url: 'https://example.com/up', filePath, name: 'file' }",
      "{ filePath, name: 'file' }",
    );
    server.notify('open', { file, fileContent: text, projectRootPath: appDir });
    const diagnostics = await server.request<Diagnostic[]>('semanticDiagnosticsSync', { file });
    expect(diagnostics.map(({ start, end, code }) => ({ start, end, code }))).toEqual([
      {
        start: location(text, '{ filePath'),
        end: location(text, "{ filePath, name: 'file' }", "{ filePath, name: 'file' }".length),
        code: 2345,
      },
    ]);
  });
});
