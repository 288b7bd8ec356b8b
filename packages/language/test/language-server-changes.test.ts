// The language server keeps each file's script between edits (src/script-cache.ts). These tests show that what it
// keeps never hides a change: an edit in one file reaches completion and diagnostics in the others, and so do files
// changed, created and deleted on disk (reported by the editor's file watcher), and app.ux edits.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, positionOf } from './support/lsp-client.js';

const fixture = fileURLToPath(new URL('./fixtures/good-app/', import.meta.url));
const typesPackage = fileURLToPath(new URL('../../types/', import.meta.url));
const created = 1;
const changed = 2;
const deleted = 3;

describe('velakit-language-server sees every change across files', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'velakit-language-changes-'));
  const appDir = join(scratch, 'app');
  const file = (path: string) => join(appDir, path);
  const uriOf = (path: string) => pathToFileURL(file(path)).href;
  const pagePath = 'src/pages/upload/upload.ux';
  const page = () => readFileSync(file(pagePath), 'utf8');
  let client: LspClient;
  let version = 1;

  const errorsIn = async (uri: string) =>
    (await client.diagnostics(uri))
      .filter((d) => d.severity === 1)
      .map((d) => ({ code: d.code, line: d.range.start.line, character: d.range.start.character }));
  /** Completion after the first `marker` in the page, with the page's text replaced by `text`. */
  const completeInPage = async (text: string, marker: string) => {
    const uri = await client.open(file(pagePath), text);
    return client.completionLabels(uri, positionOf(text, text.indexOf(marker) + marker.length));
  };

  beforeAll(async () => {
    cpSync(fixture, appDir, { recursive: true });
    mkdirSync(join(appDir, 'node_modules/@velakit'), { recursive: true });
    symlinkSync(typesPackage, join(appDir, 'node_modules/@velakit/types'), 'dir');
    client = await LspClient.start(appDir);
  }, 60_000);
  afterAll(async () => {
    await client.stop();
    rmSync(scratch, { recursive: true, force: true });
  }, 30_000);

  it('an edit of the open app.ux reaches completion and diagnostics in a page', async () => {
    const completing = page().replace("this.$app.$def.greet('upload')", 'this.$app.$def.');
    expect(await completeInPage(completing, '$def.')).not.toContain('farewell');

    const appUri = await client.open(file('src/app.ux'), readFileSync(file('src/app.ux'), 'utf8'));
    const app = readFileSync(file('src/app.ux'), 'utf8');
    await client.change(appUri, ++version, app.replace('  greet(name) {', '  farewell() {},\n  greet(name) {'));
    expect(await completeInPage(completing, '$def.')).toEqual(expect.arrayContaining(['farewell', 'greet']));

    // greet gone from app.ux: the page's call to it is an error at its .ux place.
    const uri = await client.open(file(pagePath), page());
    expect(await errorsIn(uri)).toEqual([]);
    await client.change(appUri, ++version, app.replace('  greet(name) {', '  welcome(name) {'));
    const greet = positionOf(page(), page().indexOf('greet('));
    expect(await errorsIn(uri)).toEqual([{ code: 2339, ...greet }]);
    await client.change(appUri, ++version, app);
    expect(await errorsIn(uri)).toEqual([]);
  });

  it('an edit of an open .js file reaches the .ux file that imports it', async () => {
    const app = readFileSync(file('src/app.ux'), 'utf8').replace('{ greeting }', '{ greeting, parting }');
    const appUri = await client.open(file('src/app.ux'), app);
    const parting = positionOf(app, app.indexOf('parting'));
    expect(await errorsIn(appUri)).toEqual([{ code: 2305, ...parting }]);

    const util = readFileSync(file('src/common/util.js'), 'utf8');
    const utilUri = await client.open(file('src/common/util.js'), util, 'javascript');
    await client.change(utilUri, ++version, `${util}\nexport const parting = 'Bye'\n`);
    expect(await errorsIn(appUri)).toEqual([]);
    await client.change(utilUri, ++version, util);
    expect(await errorsIn(appUri)).toEqual([{ code: 2305, ...parting }]);
  });

  it('sees a file created, changed and deleted on disk that no editor has open', async () => {
    const text = page().replace(
      "import request from '@system.request'",
      "import request from '@system.request'\nimport { extra } from '../../common/extra.js'",
    );
    const uri = await client.open(file(pagePath), text);
    const specifier = positionOf(text, text.indexOf("'../../common/extra.js'"));
    expect(await errorsIn(uri)).toEqual([{ code: 2307, ...specifier }]);

    writeFileSync(file('src/common/extra.js'), 'export const extra = 1\n');
    await client.filesChanged([{ uri: uriOf('src/common/extra.js'), type: created }]);
    expect(await errorsIn(uri)).toEqual([]);

    writeFileSync(file('src/common/extra.js'), 'export const other = 1\n');
    await client.filesChanged([{ uri: uriOf('src/common/extra.js'), type: changed }]);
    const name = positionOf(text, text.indexOf('extra }'));
    expect(await errorsIn(uri)).toEqual([{ code: 2305, ...name }]);

    unlinkSync(file('src/common/extra.js'));
    await client.filesChanged([{ uri: uriOf('src/common/extra.js'), type: deleted }]);
    expect(await errorsIn(uri)).toEqual([{ code: 2307, ...specifier }]);
  });

  it('sees a new page created on disk, and its edits once it is open', async () => {
    const newPage = 'src/pages/fresh/fresh.ux';
    const script = (call: string) =>
      `<script>\nimport request from '@system.request'\n\nexport default {\n  onInit() {\n    ${call}\n  },\n}\n</script>\n`;
    mkdirSync(file('src/pages/fresh'), { recursive: true });
    writeFileSync(file(newPage), script("request.download({ url: 'https://example.com/a' })"));
    await client.filesChanged([{ uri: uriOf(newPage), type: created }]);

    const text = script('request.');
    const uri = await client.open(file(newPage), text);
    expect(
      (await client.completionLabels(uri, positionOf(text, text.indexOf('request.') + 'request.'.length))).sort(),
    ).toEqual(['download', 'onDownloadComplete']);
    const wrong = script('request.donwload({})');
    await client.change(uri, ++version, wrong);
    expect(await errorsIn(uri)).toEqual([{ code: 2551, ...positionOf(wrong, wrong.indexOf('donwload')) }]);
  });
});
