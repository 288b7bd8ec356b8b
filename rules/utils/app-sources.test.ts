import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appSourcesCacheStats,
  appSourcesFor,
  clearAppSourcesCache,
  noteLintedSource,
  scanAppSources,
  validationOptions,
} from './app-sources.js';
import { makeTree } from '../test-utils/tree.js';

afterEach(() => clearAppSourcesCache());

/** Sets the files' mtime a minute back, as for sources written before the lint began. */
function age(dir: string, ...paths: string[]): void {
  const past = new Date(Date.now() - 60_000);
  for (const path of paths) utimesSync(join(dir, path), past, past);
}

/** Writes a file with an mtime `seconds` from now. */
function rewrite(dir: string, path: string, text: string, seconds: number): void {
  writeFileSync(join(dir, path), text);
  const when = new Date(Date.now() + seconds * 1000);
  utimesSync(join(dir, path), when, when);
}

describe('scanAppSources (no-unused-feature)', () => {
  it('finds the modules named in .js, .ts and .ux files, skipping dependencies, build output and dot-folders', () => {
    const dir = makeTree({
      'app.ux': "<script>\nimport request from '@system.request'\n</script>",
      'common/a.mjs': 'const fetch = require("@system.fetch")',
      'common/b.ts': 'if (app.canIUse(`@system.record`)) {}',
      'common/c.js': "const name = '@system.' + 'battery'",
      'node_modules/x/index.js': "require('@system.crypto')",
      'dist/app.js': "require('@system.crypto')",
      '.cache/app.js': "require('@system.crypto')",
      'notes.md': "'@system.crypto'",
    });
    const sources = scanAppSources(dir);
    expect([...sources.used].sort()).toEqual(['system.fetch', 'system.record', 'system.request']);
    expect(sources.fileCount).toBe(4);
  });

  it('tells imported modules from modules only named in strings (an app.canIUse check loads nothing)', () => {
    const dir = makeTree({
      'a.ux':
        "<script>\nimport request from '@system.request'\nimport '@system.vibrator'\nexport { default as f } from '@system.fetch'\n</script>",
      'b.ts':
        "import geo = require('@system.geolocation')\nif (app.canIUse('@system.record')) {}\nconst label = '@system.battery'",
      'c.js': "const storage = require ( '@system.storage' )",
    });
    const sources = scanAppSources(dir);
    expect([...sources.imported].sort()).toEqual([
      'system.fetch',
      'system.geolocation',
      'system.request',
      'system.storage',
      'system.vibrator',
    ]);
    expect([...sources.used].sort()).toEqual([
      'system.battery',
      'system.fetch',
      'system.geolocation',
      'system.record',
      'system.request',
      'system.storage',
      'system.vibrator',
    ]);
  });

  it('finds every module however the text before and between the names reads', () => {
    const dir = makeTree({
      // The first `@system.` is not a string; the import's `from` stands lines before its string.
      'a.js': "// talks to @system.fetch\nimport fetch\n  from\n    '@system.fetch'\nconst b = '@system.battery'",
      'b.js': "'@system.record'",
      'c.js': '@system.vibrator is named but never quoted',
      // A closing quote right before a name does not start a string of it.
      'd.js': "const pair = ['@system.storage'@system.crypto']",
      'e.ux': '<template><text>café ☕</text></template>\n<script>\nconst s = require("@system.sensor")\n</script>',
    });
    const sources = scanAppSources(dir);
    expect([...sources.used].sort()).toEqual([
      'system.battery',
      'system.fetch',
      'system.record',
      'system.sensor',
      'system.storage',
    ]);
    expect([...sources.imported].sort()).toEqual(['system.fetch', 'system.sensor']);
    expect(sources.fileCount).toBe(5);
  });

  it('counts only code: a module named in a comment is not used', () => {
    const dir = makeTree({
      'common/util.js': [
        "import storage from '@system.storage'",
        "// import fetch from '@system.fetch'   // TODO: re-enable on watches",
        '/*',
        "const request = require('@system.request')",
        '*/',
        "const pick = /* '@system.vibrator' */ 1 // battery readout removed: '@system.battery' is not on Band 9",
      ].join('\n'),
      'pages/index/index.ux': [
        '<!--',
        '<script>',
        "  import geolocation from '@system.geolocation'",
        '</script>',
        '-->',
        '<template>',
        "  <!-- <text>{{ require('@system.zip') }}</text> -->",
        "  <text>{{ app.canIUse('@system.sensor') }}</text>",
        '</template>',
        '<script>',
        "// const record = require('@system.record')",
        "import { save } from '../../common/util'",
        '</script>',
      ].join('\n'),
    });
    const sources = scanAppSources(dir);
    expect([...sources.used]).toEqual(['system.storage']);
    expect([...sources.imported]).toEqual(['system.storage']);
  });

  it('still counts code after and around comments, and strings, regular expressions and templates open none', () => {
    const dir = makeTree({
      // A real import after commented-out ones.
      'a.js': "// import fetch from '@system.fetch'\n/* old */ import fetch from '@system.fetch'",
      // `//` and `/*` inside strings, template literals and regular expressions.
      'b.js': [
        "const url = 'https://example.com' + \"//\"; const request = require('@system.request')",
        'const re = /\\/\\*/g; const slash = /[/]/; const storage = require("@system.storage")',
        'const text = `/* ${ { a: "*/" }.a } //`; const record = require(`@system.record`)',
        "const half = total / 2 / 3; const vibrator = require('@system.vibrator')",
        "const share = done / count; const note = 'x' // '@system.brightness' is gone",
        "if (/\\/\\//.test(url)) app.canIUse('@system.sensor')",
      ].join('\n'),
      // A module string in code that loads nothing counts as used, as before; in a comment after code it does not.
      'c.ts':
        "const label: string = '@system.battery' // or '@system.brightness'\nconst url = \"https://x\" /* '@system.crypto' */",
      // A `from` in a comment does not make the string after it an import.
      'd.js': "const modules = [ // loaded from\n  '@system.device',\n]",
    });
    const sources = scanAppSources(dir);
    expect([...sources.imported].sort()).toEqual([
      'system.fetch',
      'system.record',
      'system.request',
      'system.storage',
      'system.vibrator',
    ]);
    expect([...sources.used].sort()).toEqual([
      'system.battery',
      'system.device',
      'system.fetch',
      'system.record',
      'system.request',
      'system.sensor',
      'system.storage',
      'system.vibrator',
    ]);
  });

  it('leaves out type-only imports and exports, which TypeScript erases', () => {
    const dir = makeTree({
      'types/index.ts': [
        "import type { UploadTask, UploadFileOptions } from '@system.uploadtask'",
        "import { type DownloadOptions, type RequestTask as Task } from '@system.request'",
        "export type { FetchOptions } from '@system.fetch'",
        "export type * as geo from '@system.geolocation'",
        "import type Storage = require('@system.storage')",
        "import type * as zip from '@system.zip'",
        'import type {',
        '  Sensor, // the accelerometer',
        "} from '@system.sensor'",
      ].join('\n'),
      // Values: a default import named `type`, a value beside a type specifier, a specifier named `type`.
      'common/a.ts': [
        "import type from '@system.vibrator'",
        "import { type FileInfo, list } from '@system.file'",
        "import { type } from '@system.device'",
        "import { type as kind } from '@system.brightness'",
        "import record = require('@system.record')",
      ].join('\n'),
      'pages/index/index.ux':
        "<script lang=\"ts\">\nimport type { Battery } from '@system.battery'\nimport audio from '@system.audio'\n</script>",
    });
    const sources = scanAppSources(dir);
    const loaded = [
      'system.audio',
      'system.brightness',
      'system.device',
      'system.file',
      'system.record',
      'system.vibrator',
    ];
    expect([...sources.imported].sort()).toEqual(loaded);
    expect([...sources.used].sort()).toEqual(loaded);
  });

  it('reads only the script of a .ux file, found as the ESLint processor finds it', () => {
    const dir = makeTree({
      // Named only in the template: templates load nothing.
      'a.ux': "<template><text>{{ '@system.fetch' }}</text></template>\n<script>\nexport default {}\n</script>",
      // A script in another file: the .ux file names nothing, the file is scanned on its own.
      'b.ux': '<template><text>x</text></template><script src="./b.js">require(\'@system.storage\')</script>',
      'b.js': "import record from '@system.record'",
      // A tag the tree decides (a table): @velakit/ux finds the script.
      'c.ux':
        "<template><table><tr><td>x</td></tr></table></template>\n<script>import audio from '@system.audio'</script>",
      // No script: nothing.
      'd.ux': "<template><text>{{ '@system.sensor' }}</text></template>",
      // A script the processor reports lost (a missing `</template>`): the script as written counts, so that the one
      // mistake is not also reported as an unused feature.
      'e.ux':
        "<!-- <script>import zip from '@system.zip'</script> -->\n<template>\n  <div>\n<script>\nimport prompt from '@system.prompt'\n</script>",
      // Likewise a script written inside the template.
      'f.ux': "<template><div><script>require('@system.request')</script></div></template>",
    });
    const sources = scanAppSources(dir);
    const loaded = ['system.audio', 'system.prompt', 'system.record', 'system.request'];
    expect([...sources.imported].sort()).toEqual(loaded);
    expect([...sources.used].sort()).toEqual(loaded);
  });

  it('scans page folders named dist or build under src, and skips build output only at the top of a project', () => {
    const project = makeTree({
      'src/pages/dist/index.ux': "<script>\nimport geolocation from '@system.geolocation'\n</script>",
      'src/pages/build/index.js': "import vibrator from '@system.vibrator'",
      'src/pages/node_modules/x.js': "import zip from '@system.zip'",
      'src/pages/.cache/x.js': "import zip from '@system.zip'",
      'dist/app.js': "import crypto from '@system.crypto'",
      'build/app.js': "import crypto from '@system.crypto'",
      'node_modules/x/index.js': "import crypto from '@system.crypto'",
    });
    // The manifest in src/: every folder below is source.
    expect([...scanAppSources(join(project, 'src')).imported].sort()).toEqual([
      'system.geolocation',
      'system.vibrator',
    ]);
    // The manifest at the project root: dist/ and build/ beside src/ are build output.
    const fromRoot = scanAppSources(project);
    expect([...fromRoot.imported].sort()).toEqual(['system.geolocation', 'system.vibrator']);
    expect(fromRoot.fileCount).toBe(2);
  });

  it('takes from a linted text exactly what a read of the file takes', () => {
    const texts: Record<string, string> = {
      'a.js': "// import fetch from '@system.fetch'\nimport request from '@system.request'",
      'b.ts': "import type { T } from '@system.uploadtask'\nif (app.canIUse('@system.sensor')) {}",
      'c.ux':
        "<!-- <script>require('@system.zip')</script> -->\n<script>\nimport audio from '@system.audio'\n</script>",
      'd.mjs': "const s = '/*'; import storage from '@system.storage' /* '@system.battery' */",
    };
    for (const [name, text] of Object.entries(texts)) {
      const dir = makeTree({ [name]: text });
      age(dir, name);
      const read = scanAppSources(dir);
      clearAppSourcesCache();
      noteLintedSource(join(dir, name), text);
      const noted = scanAppSources(dir);
      expect(appSourcesCacheStats().reads).toBe(0);
      expect({ used: [...noted.used], imported: [...noted.imported] }).toEqual({
        used: [...read.used],
        imported: [...read.imported],
      });
      clearAppSourcesCache();
    }
  });

  it('reads each file once, and again only after it changes', () => {
    const dir = makeTree({ 'a.js': "import request from '@system.request'", 'b.js': 'export {}' });
    age(dir, 'a.js', 'b.js');
    scanAppSources(dir);
    // The first scan reads without a stat; the next stats each file and keeps the reads of files older than them.
    expect(appSourcesCacheStats()).toEqual({ scans: 1, reads: 2, stats: 0, noted: 0, cached: 2 });
    scanAppSources(dir);
    expect(appSourcesCacheStats()).toEqual({ scans: 2, reads: 2, stats: 2, noted: 0, cached: 2 });
    rewrite(dir, 'b.js', "import fetch from '@system.fetch'", 5);
    expect([...scanAppSources(dir).used].sort()).toEqual(['system.fetch', 'system.request']);
    expect(appSourcesCacheStats().reads).toBe(3);
    scanAppSources(dir);
    expect(appSourcesCacheStats()).toEqual({ scans: 4, reads: 3, stats: 6, noted: 0, cached: 2 });
  });

  it('reads again a file whose first read is not certainly newer than its mtime, or whose size differs', () => {
    const dir = makeTree({
      'recent.js': "import request from '@system.request'",
      'old.js': 'export {}',
      'same-time.js': 'export {}',
    });
    age(dir, 'old.js', 'same-time.js');
    scanAppSources(dir);
    // Written a moment before the first read began: a change right after it could carry the same mtime (and size).
    rewrite(dir, 'recent.js', "import storage from '@system.storage'", 0);
    // Changed after the first read, keeping an old mtime (a copy that preserves times): the size tells.
    writeFileSync(join(dir, 'same-time.js'), "import record from '@system.record'");
    age(dir, 'same-time.js');
    expect([...scanAppSources(dir).imported].sort()).toEqual(['system.record', 'system.storage']);
    expect(appSourcesCacheStats()).toEqual({ scans: 2, reads: 5, stats: 3, noted: 0, cached: 3 });
    // Now each read stands against its stat: nothing is read again.
    scanAppSources(dir);
    expect(appSourcesCacheStats()).toEqual({ scans: 3, reads: 5, stats: 6, noted: 0, cached: 3 });
  });

  it('takes a text ESLint linted instead of reading the file again, when the file is that text', () => {
    const dir = makeTree({
      'common/a.js': "import request from '@system.request'",
      'common/b.js': 'export const two = 2',
      'pages/p.ux': "<script>\nimport fetch from '@system.fetch'\n</script>",
    });
    age(dir, 'common/a.js', 'common/b.js', 'pages/p.ux');
    noteLintedSource(join(dir, 'common/a.js'), "import request from '@system.request'");
    noteLintedSource(join(dir, 'common/b.js'), 'export const two = 2');
    expect(appSourcesCacheStats()).toEqual({ scans: 0, reads: 0, stats: 0, noted: 2, cached: 2 });
    const sources = scanAppSources(dir);
    expect([...sources.imported].sort()).toEqual(['system.fetch', 'system.request']);
    // The noted files are only stat'ed (their size and mtime agree); the .ux file, not noted, is read.
    expect(appSourcesCacheStats()).toEqual({ scans: 1, reads: 1, stats: 2, noted: 2, cached: 1 });
    // A noted text stands for one scan (an editor's unsaved text may have the file's size): the next reads the files.
    expect([...scanAppSources(dir).imported].sort()).toEqual(['system.fetch', 'system.request']);
    expect(appSourcesCacheStats()).toEqual({ scans: 2, reads: 3, stats: 3, noted: 2, cached: 3 });
    // A file the scan has read is not noted: its read stands, checked as every read is.
    noteLintedSource(join(dir, 'common/a.js'), "import request from '@system.request'");
    expect(appSourcesCacheStats().noted).toBe(2);
  });

  it('uses an unsaved text of the same size for one scan only, then what the disk holds', () => {
    const dir = makeTree({ 'a.js': "import fetch from '@system.fetch'" });
    age(dir, 'a.js');
    // Same length as the file, another module: an edit not saved yet.
    noteLintedSource(join(dir, 'a.js'), "import audio from '@system.audio'");
    expect([...scanAppSources(dir).imported]).toEqual(['system.audio']);
    expect([...scanAppSources(dir).imported]).toEqual(['system.fetch']);
    expect([...scanAppSources(dir).imported]).toEqual(['system.fetch']);
  });

  it('reads the file when the noted text is not what the disk holds, or the file changed since the process began', () => {
    const dir = makeTree({
      'edited.js': "import request from '@system.request'",
      'recent.js': "import storage from '@system.storage'",
    });
    age(dir, 'edited.js');
    // An editor's unsaved text: another size than the file's. The disk decides what the app uses.
    noteLintedSource(
      join(dir, 'edited.js'),
      "import request from '@system.request'\nimport fetch from '@system.fetch'",
    );
    // Same text, but written after this process began: it may have changed between ESLint's read and now.
    noteLintedSource(join(dir, 'recent.js'), "import storage from '@system.storage'");
    expect([...scanAppSources(dir).imported].sort()).toEqual(['system.request', 'system.storage']);
    expect(appSourcesCacheStats()).toEqual({ scans: 1, reads: 2, stats: 2, noted: 2, cached: 2 });
  });

  it('notes only the source files a scan counts', () => {
    noteLintedSource('/app/src/manifest.json', '{}');
    noteLintedSource('/app/src/notes.md', "'@system.fetch'");
    expect(appSourcesCacheStats()).toEqual({ scans: 0, reads: 0, stats: 0, noted: 0, cached: 0 });
  });

  it('scans apps of any size: the last of 6,000 files still counts', () => {
    const tree: Record<string, string> = {};
    for (let i = 0; i < 6000; i++) tree[`common/f${i}.js`] = 'export {}';
    tree['common/f5999.js'] = "import record from '@system.record'";
    const dir = makeTree(tree);
    expect(scanAppSources(dir)).toEqual({
      used: new Set(['system.record']),
      imported: new Set(['system.record']),
      fileCount: 6000,
    });
    expect(scanAppSources(join(dir, 'missing'))).toEqual({ used: new Set(), imported: new Set(), fileCount: 0 });
  });

  it("validationOptions: used features are the source rules' to judge, unless no source rule judges calls", () => {
    const dir = makeTree({
      'a.js': "import fetch from '@system.fetch'\nfetch.fetch({ url })",
      'b.js': "if (app.canIUse('@system.request')) {}",
    });
    const used = new Set(['system.fetch', 'system.request']);
    expect(validationOptions(scanAppSources(dir))).toEqual({ usedFeatures: used, checkedFeatures: used });
    expect(validationOptions(scanAppSources(dir), { callsLinted: false })).toEqual({ usedFeatures: used });
    // No source found: nothing is known about use, so the manifest checks every declared feature itself.
    expect(validationOptions(scanAppSources(join(dir, 'missing')))).toEqual({});
  });

  it('scans once per lint of a manifest, however many manifest rules ask, and again on the next lint', () => {
    const dir = makeTree({
      'manifest.json': '{}',
      'a.js': "import request from '@system.request'",
      'plain.js': 'export {}',
    });
    age(dir, 'a.js', 'plain.js');
    const lint = { id: 'velakit/no-missing-feature', sourceCode: {}, filename: join(dir, 'manifest.json') };
    const first = appSourcesFor(lint);
    for (let rule = 0; rule < 3; rule++) expect(appSourcesFor(lint)).toBe(first);
    expect(appSourcesCacheStats()).toEqual({ scans: 1, reads: 2, stats: 0, noted: 0, cached: 2 });
    expect([...first.imported]).toEqual(['system.request']);
    rewrite(dir, 'plain.js', "import fetch from '@system.fetch'", 5);
    const next = appSourcesFor({ ...lint, sourceCode: {} });
    expect([...next.imported].sort()).toEqual(['system.fetch', 'system.request']);
    expect(appSourcesCacheStats()).toEqual({ scans: 2, reads: 3, stats: 2, noted: 0, cached: 2 });
  });
});
