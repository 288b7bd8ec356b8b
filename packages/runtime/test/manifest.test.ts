// The runtime reads an app's manifest as the manifest command does: the same file (src/manifest.json before the root
// one, a folder in the way skipped), the same facts (package, declared features) and, for a manifest it cannot use,
// the command's own diagnostic at the same line and column. Each case runs `velakit-manifest --format json <app>` and
// createRuntime on the same app folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '@velakit/manifest/cli';
import type { Diagnostic, ManifestSummary } from '@velakit/manifest';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuntime, RuntimeSetupError, type Runtime } from '../src/index.js';
import { callLog } from './helpers/runtime.js';

const work = mkdtempSync(join(tmpdir(), 'velakit-runtime-manifest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function app(name: string, files: Record<string, string | Buffer>): string {
  const root = join(work, name);
  mkdirSync(root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A manifest the schema accepts, so a syntax mistake put into it is the command's first error. */
function manifest(packageName: string, features: unknown[]): string {
  const router = { entry: 'pages/index', pages: { 'pages/index': { component: 'index' } } };
  const config = { designWidth: 466 };
  return JSON.stringify(
    { package: packageName, name: 'App', versionCode: 1, icon: '/logo.png', features, config, router },
    null,
    2,
  );
}

interface CommandAnswer {
  readonly status: number;
  readonly stderr: string;
  readonly entries: { path: string; diagnostics: Diagnostic[]; summary?: ManifestSummary }[];
}

function manifestCommand(appRoot: string): CommandAnswer {
  let stdout = '';
  let stderr = '';
  const status = run(['--format', 'json', appRoot], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: work,
  });
  return { status, stderr, entries: stdout === '' ? [] : JSON.parse(stdout) };
}

function runtimeOrError(appRoot: string): Runtime | string {
  try {
    return createRuntime({ appRoot, device: 'xiaomi-watch-s4', onCallbackError: () => {} });
  } catch (error) {
    expect(error).toBeInstanceOf(RuntimeSetupError);
    return (error as Error).message;
  }
}

/** Whether the runtime refuses a module's method because the manifest does not declare the module. */
async function refusedAsUndeclared(
  runtime: Runtime,
  moduleName: 'system.request' | 'system.uploadtask',
): Promise<boolean> {
  const log = callLog();
  const options = { url: 'http://127.0.0.1:1/x', filePath: 'internal://files/missing', name: 'f', ...log.callbacks };
  if (moduleName === 'system.request') runtime.modules['system.request'].download(options);
  else runtime.modules['system.uploadtask'].uploadFile(options);
  await log.completed;
  return log.failure?.message.includes('is not declared in manifest.json') === true;
}

describe('the runtime and velakit-manifest read the same manifest', () => {
  const request = { name: 'system.request' };
  const upload = { name: 'system.uploadtask' };
  const readable: { name: string; files: Record<string, string>; read: string }[] = [
    {
      name: 'src only',
      files: { 'src/manifest.json': manifest('com.example.src', [request]) },
      read: 'src/manifest.json',
    },
    { name: 'root only', files: { 'manifest.json': manifest('com.example.root', [upload]) }, read: 'manifest.json' },
    {
      name: 'src and root',
      files: {
        'src/manifest.json': manifest('com.example.src', [upload]),
        'manifest.json': manifest('com.example.root', [request]),
      },
      read: 'src/manifest.json',
    },
    {
      name: 'a folder named src/manifest.json',
      files: { 'src/manifest.json/keep.txt': '', 'manifest.json': manifest('com.example.root', [request, upload]) },
      read: 'manifest.json',
    },
    {
      name: 'a byte order mark (a warning, not a refusal)',
      files: { 'src/manifest.json': `\uFEFF${manifest('com.example.bom', [upload])}` },
      read: 'src/manifest.json',
    },
    {
      name: 'odd feature entries',
      files: {
        'src/manifest.json': manifest('com.example.odd', [request, 'system.uploadtask', { name: 3 }, null, request]),
      },
      read: 'src/manifest.json',
    },
  ];

  it.each(readable)('$name: same file, package and declared features', async ({ name, files, read }) => {
    const root = app(name.replace(/[^a-z]+/gu, '-'), files);
    const command = manifestCommand(root);
    expect(command.stderr).toBe('');
    expect(command.entries.map((entry) => entry.path)).toEqual([join(root, read)]);
    const summary = command.entries[0]!.summary!;

    const runtime = runtimeOrError(root);
    if (typeof runtime === 'string') throw new Error(runtime);
    try {
      expect(runtime.manifestPath).toBe(join(root, read));
      expect(runtime.packageName).toBe(summary.package);
      for (const moduleName of ['system.request', 'system.uploadtask'] as const) {
        expect({ moduleName, refused: await refusedAsUndeclared(runtime, moduleName) }).toEqual({
          moduleName,
          refused: !summary.features.includes(moduleName),
        });
      }
    } finally {
      await runtime.close();
    }
  });

  const valid = manifest('com.example.broken', [request]);
  const broken = [
    { name: 'a missing comma', code: 'invalid-json', text: valid.replace('"name": "App",', '"name": "App"') },
    { name: 'a comment', code: 'json-comment', text: valid.replace('"name": "App",', '"name": "App", // the label') },
    { name: 'a doubled comma', code: 'invalid-json', text: valid.replace('"versionCode": 1,', '"versionCode": 1,,') },
    { name: 'a trailing comma', code: 'trailing-comma', text: valid.replace(/\n\}$/u, ',\n}') },
    { name: 'an empty file', code: 'empty-file', text: ' \n' },
    {
      name: 'bytes that are not UTF-8',
      code: 'invalid-encoding',
      text: Buffer.concat([Buffer.from('{ "package": "'), Buffer.from([0xff]), Buffer.from('" }')]),
    },
  ];

  it.each(broken)(
    "$name: the runtime refuses with the command's first error ($code), at the same place",
    ({ name, code, text }) => {
      const root = app(`broken-${name.replaceAll(' ', '-')}`, { 'src/manifest.json': text });
      const command = manifestCommand(root);
      expect(command.status).toBe(1);
      const path = command.entries[0]!.path;
      const first = command.entries[0]!.diagnostics.find((diagnostic) => diagnostic.severity === 'error')!;
      expect(first.code).toBe(code);
      expect(runtimeOrError(root)).toBe(
        `createRuntime: ${path}:${first.start.line}:${first.start.column}: ${first.message}`,
      );
    },
  );

  it('a FIFO at src/manifest.json: both refuse it with the same reason, without waiting for a writer', () => {
    const root = app('fifo', {});
    mkdirSync(join(root, 'src'));
    const made = spawnSync('mkfifo', [join(root, 'src', 'manifest.json')]);
    expect(made.status).toBe(0);
    const command = manifestCommand(root);
    expect(command.status).toBe(2);
    const reason = command.stderr.replace(/^velakit-manifest: /u, '').trimEnd();
    expect(reason).toContain('FIFO');
    expect(runtimeOrError(root)).toBe(`createRuntime: ${reason}`);
  });

  it('"features" that is not a list: the runtime refuses it, as the command reports it, rather than refuse every call', () => {
    const text = manifest('com.example.object', []).replace('"features": []', '"features": { "system.request": true }');
    const root = app('features-object', { 'src/manifest.json': text });
    const command = manifestCommand(root);
    expect(command.status).toBe(1);
    expect(command.entries[0]!.diagnostics.some((d) => d.pointer === '/features' && d.severity === 'error')).toBe(true);
    expect(runtimeOrError(root)).toBe(
      `createRuntime: ${join(root, 'src', 'manifest.json')}: "features" must be a list of { "name": "system.x" } entries (velakit-manifest shows where).`,
    );
    expect(() =>
      createRuntime({
        appRoot: root,
        manifest: JSON.parse(text),
        device: 'xiaomi-watch-s4',
        onCallbackError: () => {},
      }),
    ).toThrow(
      'createRuntime: `manifest`: "features" must be a list of { "name": "system.x" } entries (velakit-manifest shows where).',
    );
  });

  it('no manifest: both name the same two places, in the same order', () => {
    const root = app('empty-app', { 'src/app.ux': '' });
    const command = manifestCommand(root);
    expect(command.status).toBe(2);
    const places = [join(root, 'src', 'manifest.json'), join(root, 'manifest.json')];
    expect(command.stderr).toBe(
      `velakit-manifest: No manifest in ${root}: looked for ${places[0]} and ${places[1]}.\n`,
    );
    expect(runtimeOrError(root)).toBe(
      `createRuntime: no manifest.json found (looked for ${places[0]} and ${places[1]}).`,
    );
  });
});
