// The packages as npm sees them: what a fresh clone links as bins before anything is built, the metadata the registry
// shows, and what publint and Are the Types Wrong say about the packed tarballs.
import { execFile, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = realpathSync(fileURLToPath(new URL('../../../', import.meta.url)));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const run = promisify(execFile);

interface PackageJson {
  readonly name: string;
  readonly type?: string;
  readonly keywords?: readonly string[];
  readonly repository?: { readonly type: string; readonly url: string; readonly directory: string };
  readonly bugs?: { readonly url: string };
  readonly homepage?: string;
  readonly bin?: Readonly<Record<string, string>>;
  readonly exports?: Readonly<Record<string, unknown>>;
}

const workspaces = readJson<{ workspaces: string[] }>(join(repo, 'package.json')).workspaces.map((dir) => ({
  dir,
  manifest: readJson<PackageJson>(join(repo, dir, 'package.json')),
}));
const bins = workspaces.flatMap(({ dir, manifest }) =>
  Object.entries(manifest.bin ?? {}).map(([name, path]) => ({ dir, name, path })),
);

describe('bins in a fresh clone', () => {
  it('are committed files outside the build output, so npm links them before `prepare` builds dist/', () => {
    expect(bins.map((bin) => bin.name)).toEqual(expect.arrayContaining(['velakit', 'velakit-manifest']));
    for (const bin of bins) {
      const file = join(repo, bin.dir, bin.path);
      expect({ bin: bin.name, outsideDist: !/(^|\/)dist\//.test(bin.path.replace(/^\.\//, '')) }).toEqual({
        bin: bin.name,
        outsideDist: true,
      });
      accessSync(file, constants.X_OK);
      expect(readFileSync(file, 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env node');
      // `git check-ignore` exits 1 when the path is not ignored: the file is in every clone.
      const ignored = spawnSync('git', ['check-ignore', '--quiet', file], { cwd: repo });
      expect({ bin: bin.name, ignoredByGit: ignored.status === 0 }).toEqual({ bin: bin.name, ignoredByGit: false });
    }
  });

  it('run through the links npm made in node_modules/.bin, as `npx` does', async () => {
    for (const bin of bins) {
      const link = join(repo, 'node_modules', '.bin', bin.name);
      expect(realpathSync(link)).toBe(realpathSync(join(repo, bin.dir, bin.path)));
      // The two commands the README runs with npx print their version; a language server only speaks its protocol.
      if (bin.name !== 'velakit' && bin.name !== 'velakit-manifest') continue;
      const { stdout } = await run(link, ['--version'], { cwd: repo });
      expect(stdout).toBe(`${readJson<{ version: string }>(join(repo, bin.dir, 'package.json')).version}\n`);
    }
  });

  it('say in one line that the command is not built yet when dist/ is missing', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'velakit-unbuilt-'));
    try {
      for (const bin of bins) {
        // The package as a fresh clone has it: package.json and the bin, no dist/.
        const copy = join(scratch, bin.name);
        mkdirSync(join(copy, 'bin'), { recursive: true });
        copyFileSync(join(repo, bin.dir, 'package.json'), join(copy, 'package.json'));
        copyFileSync(join(repo, bin.dir, bin.path), join(copy, 'bin', basename(bin.path)));
        const result = spawnSync(process.execPath, [join(copy, 'bin', basename(bin.path)), '--version'], {
          encoding: 'utf8',
        });
        expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
          status: 2,
          stdout: '',
          stderr: `${bin.name}: the command is not built yet: run \`npm run build\` in the velakit repository\n`,
        });
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('package metadata', () => {
  it('every package names its repository folder, issue tracker, home page and the keywords people search for', () => {
    for (const { dir, manifest } of workspaces) {
      expect({ name: manifest.name, repository: manifest.repository }).toEqual({
        name: manifest.name,
        repository: { type: 'git', url: 'git+https://github.com/velakit/velakit.git', directory: dir },
      });
      expect(manifest.bugs).toEqual({ url: 'https://github.com/velakit/velakit/issues' });
      expect(manifest.homepage).toBe(`https://github.com/velakit/velakit/tree/main/${dir}#readme`);
      expect(manifest.keywords).toEqual(expect.arrayContaining(['vela', 'quickapp']));
    }
  });

  it('the ESLint plugin carries the keywords ESLint asks plugins to use', () => {
    const plugin = workspaces.find(({ manifest }) => manifest.name === '@velakit/eslint-plugin')!.manifest;
    expect(plugin.keywords).toEqual(expect.arrayContaining(['eslint', 'eslintplugin', 'eslint-plugin']));
  });
});

describe('the bundled libraries ESLint loads at every start', () => {
  /** Each export of a package that points at a bundle, with the module tsc wrote for it (beside its declarations). */
  const bundledEntries = ({ dir, manifest }: (typeof workspaces)[number]) =>
    Object.values(manifest.exports ?? {}).flatMap((target) => {
      const { types, default: file } = (typeof target === 'object' ? target : {}) as {
        types?: string;
        default?: string;
      };
      return file?.endsWith('/bundle.js') && types
        ? [{ bundle: join(repo, dir, file), modules: join(repo, dir, types.replace(/\.d\.ts$/u, '.js')) }]
        : [];
    });
  const bundled = workspaces.filter((workspace) => bundledEntries(workspace).length > 0);

  it('are the catalogue, the manifest library, the .ux reader, the rules and the plugin, whose files import only each other', () => {
    expect(bundled.map(({ manifest }) => manifest.name).sort()).toEqual([
      '@velakit/catalog',
      '@velakit/eslint-plugin',
      '@velakit/eslint-rules',
      '@velakit/manifest',
      '@velakit/ux',
    ]);
    for (const workspace of bundled) {
      const entries = bundledEntries(workspace).map((entry) => entry.bundle);
      const chunks = join(repo, workspace.dir, 'dist', 'chunks');
      const files = [
        ...entries,
        ...(existsSync(chunks) ? readdirSync(chunks).filter((name) => name.endsWith('.js')) : []).map((name) =>
          join(chunks, name),
        ),
      ];
      for (const file of files) {
        // Comments may name files too (`require('./barrel')` in a doc comment): only code counts.
        const text = readFileSync(file, 'utf8')
          .replaceAll(/^\s*\/\*[\s\S]*?\*\//gmu, '')
          .replaceAll(/^\s*\/\/.*$/gmu, '');
        const specifiers = Array.from(
          // Static imports and re-exports, side-effect imports, dynamic `import()` and `require()`: any way a
          // bundle could load a file beside it.
          text.matchAll(
            /(?:^(?:import|export)\b[^;]*?\bfrom\s*|^import\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["'](\.\.?\/[^"']+)["']/gmu,
          ),
          (match) => match[1]!,
        );
        const outside = specifiers.filter((specifier) => !files.includes(join(dirname(file), specifier)));
        expect({ file, outside }).toEqual({ file, outside: [] });
      }
    }
  });

  it('export what the modules tsc wrote export, and the catalogue the same data', async () => {
    for (const workspace of bundled) {
      for (const { bundle, modules } of bundledEntries(workspace)) {
        const fromBundle = (await import(pathToFileURL(bundle).href)) as Record<string, unknown>;
        const fromModules = (await import(pathToFileURL(modules).href)) as Record<string, unknown>;
        expect({ bundle, names: Object.keys(fromBundle).sort() }).toEqual({
          bundle,
          names: Object.keys(fromModules).sort(),
        });
        if (workspace.dir === 'packages/catalog') {
          expect(fromBundle['modules']).toEqual(fromModules['modules']);
          expect(fromBundle['devices']).toEqual(fromModules['devices']);
        }
      }
    }
  });
});

describe('the packed tarballs', () => {
  const packDir = mkdtempSync(join(tmpdir(), 'velakit-pack-'));
  let tarballs: { name: string; file: string }[] = [];
  beforeAll(async () => {
    const { stdout } = await run(
      'npm',
      ['pack', '--workspaces', '--pack-destination', packDir, '--json', '--ignore-scripts'],
      {
        cwd: repo,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    tarballs = (JSON.parse(stdout) as { name: string; filename: string }[]).map((p) => ({
      name: p.name,
      file: join(packDir, p.filename),
    }));
  }, 60_000);
  afterAll(() => rmSync(packDir, { recursive: true, force: true }));

  it('pass publint, suggestions included, with warnings counted as errors', async () => {
    expect(tarballs).toHaveLength(workspaces.length);
    for (const { name, file } of tarballs) {
      const data = readFileSync(file);
      const tarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
      const { messages, pkg } = await publint({ pack: { tarball }, strict: true });
      expect({ name, messages: messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`) }).toEqual({
        name,
        messages: [],
      });
    }
  });

  /**
   * Packages with JavaScript are ES modules (`"type": "module"`), `import`-only by design: Are the Types Wrong's `esm-only` profile (CommonJS
   * resolution is not a goal). The declarations-only package (ambient `declare module`s, for every module system): `strict`.
   */
  const profileOf = (name: string) =>
    workspaces.find((w) => w.manifest.name === name)!.manifest.type === 'module' ? 'esm-only' : 'strict';

  it('pass Are the Types Wrong with the profile that fits each package', async () => {
    expect(profileOf('@velakit/types')).toBe('strict');
    expect(profileOf('@velakit/eslint-plugin')).toBe('esm-only');
    const attw = join(repo, 'node_modules', '.bin', 'attw');
    for (const { name, file } of tarballs) {
      const result = await run(
        attw,
        [file, '--profile', profileOf(name), '--format', 'ascii', '--no-color', '--no-emoji'],
        { cwd: packDir },
      ).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
      expect({ name, code: result.code, output: result.code === 0 ? '' : result.stdout }).toEqual({
        name,
        code: 0,
        output: '',
      });
    }
  }, 120_000);

  it('hold the bins, so an installed package links them', () => {
    for (const bin of bins) {
      const tarball = tarballs.find((t) => t.name === workspaces.find((w) => w.dir === bin.dir)!.manifest.name)!;
      expect(existsSync(tarball.file)).toBe(true);
      const listing = spawnSync('tar', ['-tzf', tarball.file], { encoding: 'utf8' }).stdout.split('\n');
      expect(listing).toContain(`package/${bin.path.replace(/^\.\//, '')}`);
    }
  });
});
