// The real `velakit-language-server --stdio`, driven by an LSP client over the process's stdio, on a .ux page of the
// fixture app: completion, hover with devices, signature help, go-to-definition and diagnostics at .ux positions.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devices, isSupportedOn, supportOf, uploadtask } from '@velakit/catalog';
import { LspClient, positionOf, serverBin } from './support/lsp-client.js';

const appDir = fileURLToPath(new URL('./fixtures/good-app/', import.meta.url));
const uncheckedDir = fileURLToPath(new URL('./fixtures/unchecked-app/', import.meta.url));
/** Names only the generated part of a virtual script holds (its variables and the JSDoc types it casts with). */
const glueNames = ['__velaData', '__velaData0', '__velaPage', 'PageObject', 'WidenData', 'DefinePage', 'Vela'];
const pageFile = `${appDir}src/pages/upload/upload.ux`;
const page = readFileSync(pageFile, 'utf8');
const uploadFile = uploadtask.methods.find((method) => method.name === 'uploadFile')!;

/** The page with one line of its script replaced (the editor's unsaved text). */
const edited = (from: string, to: string) => {
  if (!page.includes(from)) throw new Error(`fixture lost ${from}`);
  return page.replace(from, to);
};
const at = (text: string, marker: string, delta = 0) => positionOf(text, text.indexOf(marker) + delta);

describe('velakit-language-server over stdio', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start(appDir);
  }, 60_000);
  afterAll(async () => {
    await client.stop();
  }, 30_000);

  it('completes download and onDownloadComplete after `request.`', async () => {
    const text = edited("request.download({ url: 'https://example.com/a.zip' })", 'request.');
    const uri = await client.open(pageFile, text);
    expect((await client.completionLabels(uri, at(text, 'request.', 'request.'.length))).sort()).toEqual([
      'download',
      'onDownloadComplete',
    ]);
  });

  it('completes the options inside `uploadtask.uploadFile({ })`', async () => {
    const text = edited(
      "uploadtask.uploadFile({ url: 'https://example.com/up', filePath, name: 'file' })",
      'uploadtask.uploadFile({  })',
    );
    const uri = await client.open(pageFile, text);
    const labels = await client.completionLabels(uri, at(text, 'uploadFile({ ', 'uploadFile({ '.length));
    // Optional options carry a `?` in their label, as in VS Code.
    expect(labels.sort()).toEqual(
      uploadFile.signature.params.map((param) => (param.required ? param.name : `${param.name}?`)).sort(),
    );
    expect(labels.map((label) => label.replace(/\?$/u, '')).sort()).toEqual([
      'complete',
      'fail',
      'filePath',
      'formData',
      'header',
      'name',
      'success',
      'timeout',
      'url',
    ]);
  });

  it('hovers uploadFile with the devices that support it and those that do not', async () => {
    const uri = await client.open(pageFile, page);
    const hover = await client.hover(uri, at(page, 'uploadFile', 3));
    const support = supportOf(uploadtask, uploadFile);
    const supported = devices.filter((device) => isSupportedOn(support, device.id)).map((device) => device.name);
    const unsupported = devices.filter((device) => !isSupportedOn(support, device.id)).map((device) => device.name);
    expect(supported.length).toBeGreaterThan(0);
    expect(hover).toContain(
      '(method) uploadtask.UploadtaskModule.uploadFile(options: uploadtask.UploadFileOptions): uploadtask.UploadTask',
    );
    expect(hover).toContain(`Supported on: ${supported.join(', ')}.`);
    expect(hover).toContain(`Not supported on: ${unsupported.join(', ')}.`);
  });

  it('reports the missing url of uploadFile({ filePath, name }) at its .ux position', async () => {
    const call = "uploadtask.uploadFile({ filePath, name: 'file' })";
    const text = edited("uploadtask.uploadFile({ url: 'https://example.com/up', filePath, name: 'file' })", call);
    const uri = await client.open(pageFile, text);
    const errors = (await client.diagnostics(uri)).filter((d) => d.severity === 1);
    const argument = text.indexOf('{ filePath');
    expect(
      errors.map((d) => ({
        code: d.code,
        range: d.range,
        message: (typeof d.message === 'string' ? d.message : d.message.value).split('\n')[1],
      })),
    ).toEqual([
      {
        code: 2345,
        range: {
          start: positionOf(text, argument),
          end: positionOf(text, argument + "{ filePath, name: 'file' }".length),
        },
        message:
          "  Property 'url' is missing in type '{ filePath: any; name: string; }' but required in type 'UploadFileOptions'.",
      },
    ]);
  });

  it('reports nothing wrong in the correct page', async () => {
    const uri = await client.open(pageFile, page);
    expect((await client.diagnostics(uri)).filter((d) => d.severity === 1)).toEqual([]);
  });

  it('completes this.$app and the page members after `this.` in a page', async () => {
    const text = edited("this.$app.$def.greet('upload')", 'this.');
    const uri = await client.open(pageFile, text);
    const labels = await client.completionLabels(uri, at(text, 'this.', 'this.'.length));
    expect(labels).toEqual(expect.arrayContaining(['$app', '$page', '$valid', '$element', 'status', 'send']));
  });

  it('completes what app.ux exports after `this.$app.$def.`', async () => {
    const text = edited("this.$app.$def.greet('upload')", 'this.$app.$def.');
    const uri = await client.open(pageFile, text);
    expect(await client.completionLabels(uri, at(text, '$def.', '$def.'.length))).toEqual(
      expect.arrayContaining(['data', 'greet', 'onCreate']),
    );
  });

  it('offers the script names but not the generated ones at a statement', async () => {
    const text = edited("    request.download({ url: 'https://example.com/a.zip' })", '    re');
    const uri = await client.open(pageFile, text);
    const labels = await client.completionLabels(uri, at(text, '    re\n', '    re'.length));
    expect(labels).toEqual(expect.arrayContaining(['request', 'uploadtask', 'filePath', 'console']));
    expect(labels.filter((label) => glueNames.includes(label))).toEqual([]);
    // The app's jsconfig.json is the README's (`"lib": ["ES2020"]`): Vela's globals, none of the browser's.
    expect(labels).toEqual(expect.arrayContaining(['setInterval', 'clearInterval', 'setTimeout', 'global']));
    const browser = ['document', 'window', 'localStorage', 'fetch', 'alert', 'HTMLElement', 'navigator'];
    expect(labels.filter((label) => browser.includes(label))).toEqual([]);
  });

  it('reports the browser globals the README jsconfig leaves out, not the page-bound timer or console', async () => {
    const use = "document.getElementById('x'); localStorage.setItem('a', 'b')";
    const text = edited("    request.download({ url: 'https://example.com/a.zip' })", `    ${use}`);
    expect(text).toContain('this.timer = setInterval(() => console.info(this.status), 1000)');
    const uri = await client.open(pageFile, text);
    const errors = (await client.diagnostics(uri)).filter((d) => d.severity === 1);
    const range = (name: string) => ({
      start: positionOf(text, text.indexOf(name)),
      end: positionOf(text, text.indexOf(name) + name.length),
    });
    const found = errors.map((d) => ({ code: d.code, range: d.range }));
    expect(found.sort((a, b) => a.range.start.character - b.range.start.character)).toEqual([
      { code: 2584, range: range('document') },
      { code: 2304, range: range('localStorage') },
    ]);
  });

  it('gives signature help inside download(', async () => {
    const text = edited("request.download({ url: 'https://example.com/a.zip' })", 'request.download(');
    const uri = await client.open(pageFile, text);
    const help = await client.signatureHelp(uri, at(text, 'download(', 'download('.length));
    expect(help?.signatures[0]?.label).toBe('download(options: request.DownloadOptions): void');
  });

  it('goes to the definition of greet in app.ux from this.$app.$def.greet', async () => {
    const uri = await client.open(pageFile, page);
    const found = await client.definition(uri, at(page, 'greet(', 1));
    const targets = (Array.isArray(found) ? found : found === null ? [] : [found]).map((entry) =>
      'targetUri' in entry
        ? { uri: entry.targetUri, line: entry.targetSelectionRange.start.line }
        : { uri: entry.uri, line: entry.range.start.line },
    );
    const app = readFileSync(`${appDir}src/app.ux`, 'utf8');
    expect(targets).toEqual([
      { uri: pathToFileURL(`${appDir}src/app.ux`).href, line: positionOf(app, app.indexOf('greet(')).line },
    ]);
  });
});

describe('velakit-language-server on a command line without a transport', () => {
  it('says how to start it (exit 2), not a stack trace; --help is the same text on stdout (exit 0)', () => {
    const usage =
      'Usage: velakit-language-server --stdio (or --node-ipc, --socket=<port>, --pipe=<name>)\n' +
      'The Vela language server for .ux, .js and .ts files; an editor starts it, as the @velakit/language README shows.\n';
    const bare = spawnSync(process.execPath, [serverBin], { encoding: 'utf8', timeout: 20_000 });
    expect({ status: bare.status, stdout: bare.stdout, stderr: bare.stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr: usage,
    });
    const help = spawnSync(process.execPath, [serverBin, '--help'], { encoding: 'utf8', timeout: 20_000 });
    expect({ status: help.status, stdout: help.stdout, stderr: help.stderr }).toEqual({
      status: 0,
      stdout: usage,
      stderr: '',
    });
  });
});

// Most Vela apps have no jsconfig.json: TypeScript completes their JavaScript without checking it, and then offers
// every word of the file after `this.` too, the generated part of the .ux file's script included unless hidden.
describe('velakit-language-server in an app without jsconfig.json', () => {
  let client: LspClient;
  const file = `${uncheckedDir}src/pages/index/index.ux`;
  const text = readFileSync(file, 'utf8').replace("this.label = 'Done'", 'this.');
  beforeAll(async () => {
    client = await LspClient.start(uncheckedDir);
  }, 60_000);
  afterAll(async () => {
    await client.stop();
  }, 30_000);

  it('completes the page after `this.` with none of the generated names', async () => {
    const uri = await client.open(file, text);
    const labels = await client.completionLabels(uri, at(text, 'this.', 'this.'.length));
    expect(labels).toEqual(expect.arrayContaining(['label', 'buzz', '$app', '$element', 'vibrator', 'mode']));
    expect(labels.filter((label) => glueNames.includes(label))).toEqual([]);
  });
});
