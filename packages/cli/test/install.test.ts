// velakit as a user meets it: every workspace package is packed with `npm pack`, the tarballs are installed into a new
// project outside the repository, and there the root README's quick start is followed to the letter (its files
// written, its commands run) on a sample app with known problems. What each command must say comes from the fixtures'
// expected.json, the same records the three-witness test checks in process.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceName } from '@velakit/catalog';
import type { Expected } from '../../../fixtures/support/expected.js';
import { quickStartSteps, withTarballs, type QuickStartStep, type Tarball } from './install-readme.js';
import { npmInstall, run, type Run } from './npm-install.js';

const repo = realpathSync(fileURLToPath(new URL('../../../', import.meta.url)));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const fixture = (app: string) => join(repo, 'fixtures', app);
const expectedOf = (app: string) => readJson<Expected>(join(fixture(app), 'expected.json'));

/** The sample app: Band 8 Pro and Redmi Watch 4 targets, code that uses both modules neither device has. */
const app = 'band-and-redmi';
const expected = expectedOf(app);
const appJs = 'src/common/sync.js';
/** A `.ux` page whose `<script>` is the app's `.js` file, so its messages are the `.js` ones moved down. */
const appUx = 'src/pages/sync/index.ux';
const uxBefore =
  '<template>\n  <div class="page">\n    <text class="status">{{ status }}</text>\n  </div>\n</template>\n\n<script>\n';
const uxLineOffset = uxBefore.split('\n').length - 1;

const steps = quickStartSteps(readFileSync(join(repo, 'README.md'), 'utf8'));
const commandStep = (program: string, first: string): QuickStartStep & { kind: 'command' } => {
  const step = steps.find(
    (s): s is QuickStartStep & { kind: 'command' } =>
      s.kind === 'command' && s.argv[0] === program && s.argv[1] === first,
  );
  if (step === undefined) throw new Error(`the README's quick start has no "${program} ${first} …" command`);
  return step;
};
const install = commandStep('npm', 'install');
const eslintCommand = commandStep('npx', 'eslint');
const tscCommand = commandStep('npx', 'tsc');
const manifestCommand = commandStep('npx', 'velakit-manifest');
const checkCommand = commandStep('npx', 'velakit');

const work = realpathSync(mkdtempSync(join(tmpdir(), 'velakit-install-')));
const packDir = join(work, 'tarballs');
const appDir = join(work, 'band-sync');

interface PackedFile {
  readonly path: string;
  readonly mode: number;
}
interface Packed {
  readonly name: string;
  readonly version: string;
  readonly filename: string;
  readonly files: readonly PackedFile[];
}
interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly main?: string;
  readonly types?: string;
  readonly exports?: unknown;
  readonly bin?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
}

const workspaces = readJson<{ workspaces: string[] }>(join(repo, 'package.json')).workspaces.map((dir) =>
  readJson<Manifest>(join(repo, dir, 'package.json')),
);
let packed: Packed[] = [];
/** Each command of the quick start, as run, by its line. */
const results = new Map<string, Run>();
/** The lint commands run again with ESLint 9 installed in the app, by their line. */
const onEslint9 = new Map<string, Run>();
/** `eslint --version` in the app, by the ESLint major installed. */
const eslintVersions = new Map<number, string>();

function resultOf(step: { line: string }, eslintMajor: 9 | 10 = 10): Run {
  const result = (eslintMajor === 10 ? results : onEslint9).get(step.line);
  if (result === undefined) throw new Error(`"${step.line}" did not run`);
  return result;
}

beforeAll(async () => {
  mkdirSync(packDir);
  // Pack: prepare scripts would rebuild; the suite builds first, so the tarballs hold the dist the other tests use.
  const pack = await run(
    ['npm', 'pack', '--workspaces', '--pack-destination', packDir, '--json', '--ignore-scripts'],
    repo,
  );
  if (pack.code !== 0) throw new Error(`npm pack failed (exit ${pack.code}):\n${pack.stderr}`);
  packed = JSON.parse(pack.stdout) as Packed[];
  const tarballs = new Map<string, Tarball>(
    packed.map((p) => {
      const manifest = workspaces.find((w) => w.name === p.name);
      const dependencies = Object.keys(manifest?.dependencies ?? {}).filter((name) =>
        workspaces.some((w) => w.name === name),
      );
      return [p.name, { file: join(packDir, p.filename), dependencies }];
    }),
  );

  // A new project outside the repository: the app as Vela's tools lay it out, plus a page whose script is the .js file.
  mkdirSync(appDir);
  writeFileSync(
    join(appDir, 'package.json'),
    `${JSON.stringify({ name: 'band-sync', version: '1.0.0', private: true }, null, 2)}\n`,
  );
  cpSync(join(fixture(app), 'src'), join(appDir, 'src'), { recursive: true });
  mkdirSync(join(appDir, dirname(appUx)), { recursive: true });
  writeFileSync(join(appDir, appUx), `${uxBefore}${readFileSync(join(appDir, appJs), 'utf8')}</script>\n`);

  for (const step of steps) {
    if (step.kind === 'file') {
      writeFileSync(join(appDir, step.path), step.text);
      continue;
    }
    const argv = withTarballs(step.argv, tarballs);
    // npm installs from its cache alone when it can (offline), and fails with one line when it cannot.
    const result = argv[0] === 'npm' ? await npmInstall(argv, appDir) : await run(argv, appDir, { timeoutMs: 150_000 });
    results.set(step.line, result);
  }
  eslintVersions.set(10, (await run(['npx', 'eslint', '--version'], appDir)).stdout.trim());

  // The quick start again on ESLint 9: the app's ESLint replaced by the newest 9.x, the lint commands run again.
  await npmInstall(['npm', 'install', '--save-dev', 'eslint@9', '--no-audit', '--no-fund'], appDir);
  eslintVersions.set(9, (await run(['npx', 'eslint', '--version'], appDir)).stdout.trim());
  for (const step of [eslintCommand, checkCommand])
    onEslint9.set(step.line, await run(step.argv, appDir, { timeoutMs: 150_000 }));
}, 420_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('ESLint 9 beside velakit', () => {
  it("installs without a peer conflict, and velakit's command uses the app's ESLint (no second copy)", () => {
    expect(eslintVersions.get(9)).toMatch(/^v9\./u);
    for (const name of ['velakit', '@velakit/eslint-plugin', '@velakit/eslint-rules']) {
      expect({ name, nested: existsSync(join(appDir, 'node_modules', name, 'node_modules', 'eslint')) }).toEqual({
        name,
        nested: false,
      });
    }
  });
});

describe('the tarballs', () => {
  it('hold every workspace package, each with its README, package.json and every file its package.json names', () => {
    expect(packed.map((p) => p.name).sort()).toEqual(workspaces.map((w) => w.name).sort());
    for (const p of packed) {
      const manifest = workspaces.find((w) => w.name === p.name)!;
      const paths = new Set(p.files.map((file) => file.path));
      const named = [
        manifest.main,
        manifest.types,
        ...exportTargets(manifest.exports),
        ...Object.values(manifest.bin ?? {}),
      ]
        .filter((path): path is string => path !== undefined && path !== './package.json')
        .map((path) => path.replace(/^\.\//, ''));
      expect({
        name: p.name,
        missing: ['package.json', 'README.md', ...named].filter((path) => !paths.has(path)),
      }).toEqual({ name: p.name, missing: [] });
    }
  });

  it('ship no tests, sources, source maps or build caches', () => {
    // Maps would point at TypeScript sources that are not shipped (the plugin's rules live outside its package).
    const unwanted = /(^|\/)(test|tests|__tests__|bench|fixtures|scripts)\/|(?<!\.d)\.ts$|\.map$|\.tsbuildinfo$/;
    const found = packed.flatMap((p) =>
      p.files.filter((file) => unwanted.test(file.path)).map((file) => `${p.name}: ${file.path}`),
    );
    expect(found).toEqual([]);
  });

  it('have executable bins that start with a node shebang', () => {
    const bins = workspaces.flatMap((w) =>
      Object.values(w.bin ?? {}).map((path) => ({ name: w.name, path: path.replace(/^\.\//, '') })),
    );
    expect(bins.length).toBeGreaterThan(0);
    for (const { name, path } of bins) {
      const file = packed.find((p) => p.name === name)!.files.find((f) => f.path === path)!;
      expect({ path, executable: (file.mode & 0o111) !== 0 }).toEqual({ path, executable: true });
      const installed = join(appDir, 'node_modules', name, path);
      expect(readFileSync(installed, 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env node');
    }
  });
});

describe("the README's quick start in a new project", () => {
  it('installs the packed packages, not links into the repository', () => {
    const devDependencies = readJson<{ devDependencies: Record<string, string> }>(
      join(appDir, 'package.json'),
    ).devDependencies;
    const velakitNames = install.argv.filter((word) => workspaces.some((w) => w.name === word));
    expect(velakitNames.length).toBeGreaterThan(0);
    for (const name of velakitNames) {
      expect(devDependencies[name]).toMatch(/^file:.*\.tgz$/);
      const installed = realpathSync(join(appDir, 'node_modules', name));
      expect(installed.startsWith(appDir + sep)).toBe(true);
      expect(readJson<Manifest>(join(installed, 'package.json')).version).toBe(
        workspaces.find((w) => w.name === name)!.version,
      );
    }
    expect(relative(repo, appDir).startsWith('..')).toBe(true);
  });

  it.each([10, 9] as const)(
    'on ESLint %i, `eslint` reports the velakit messages at their positions in the .js file, its .ux copy and the manifest',
    (major) => {
      expect(eslintVersions.get(major)).toMatch(new RegExp(`^v${major}\\.`, 'u'));
      const result = resultOf(eslintCommand, major);
      expect(result.stderr).toBe('');
      const jsMessages = expected.eslint.filter((m) => m.file === appJs);
      expect(jsMessages.length).toBeGreaterThan(0);
      const wanted = [
        ...expected.eslint,
        ...jsMessages.map((m) => ({ ...m, file: appUx, line: m.line + uxLineOffset })),
      ];
      const reported = parseStylish(result.stdout);
      expect(reported.map(key).sort()).toEqual(wanted.map(key).sort());
      for (const message of wanted) {
        const found = reported.find((r) => key(r) === key(message))!;
        for (const word of message.mentions) expect(found.message).toContain(word);
      }
      expect(result.code).toBe(1);
    },
  );

  it('`tsc` with the typings accepts the app', () => {
    const result = resultOf(tscCommand);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('`tsc` with the typings rejects calls without required options, where the lint rule does', async () => {
    const missing = 'src/common/missing-options.js';
    const lint = expectedOf('missing-options').eslint.filter((m) => m.ruleId === 'velakit/require-params');
    cpSync(join(fixture('missing-options'), appJs), join(appDir, missing));
    try {
      const result = await run(tscCommand.argv, appDir);
      expect(result.code).toBe(2);
      const errors = [...result.stdout.matchAll(/^(.+)\((\d+),(\d+)\): error (TS\d+): (.*(?:\n {2}.*)*)/gm)].map(
        ([, file, line, column, code, message]) => ({
          file,
          line: Number(line),
          column: Number(column),
          code,
          message: message!,
        }),
      );
      expect(errors.map((e) => `${e.file}:${e.line}`)).toEqual(lint.map((m) => `${missing}:${m.line}`));
      const withoutUrl = lint.find((m) => m.mentions.includes('`url`'))!;
      // The object literal right after `download(`, which the lint message's range ends at.
      expect(errors.find((e) => e.line === withoutUrl.line)).toMatchObject({
        code: 'TS2345',
        column: withoutUrl.endColumn + 1,
      });
      for (const error of errors.filter((e) => e.code === 'TS2345')) {
        const option = lint.find((m) => m.line === error.line)!.mentions[0]!.replaceAll('`', '');
        expect(error.message).toContain(`Property '${option}' is missing`);
      }
    } finally {
      rmSync(join(appDir, missing));
    }
  });

  it('the manifest command warns about each feature the targets lack, exit 0', () => {
    const result = resultOf(manifestCommand);
    const reported = parseManifestOutput(result.stdout);
    expect(reported.map(manifestKey)).toEqual(expected.manifest.map(manifestKey));
    for (const [index, diagnostic] of reported.entries()) {
      for (const word of expected.manifest[index]!.mentions) expect(diagnostic.message).toContain(word);
    }
    expect(result.code).toBe(0);
  });

  it('the manifest command reports a manifest that is not JSON, exit 1', async () => {
    const manifest = join(appDir, 'src', 'manifest.json');
    const good = readFileSync(manifest);
    cpSync(join(fixture('broken-manifest'), 'src', 'manifest.json'), manifest);
    try {
      const result = await run(manifestCommand.argv, appDir);
      const wanted = expectedOf('broken-manifest').manifest;
      expect(wanted.some((d) => d.severity === 'error')).toBe(true);
      expect(parseManifestOutput(result.stdout).map(manifestKey)).toEqual(wanted.map(manifestKey));
      expect(result.code).toBe(1);
    } finally {
      writeFileSync(manifest, good);
    }
  });

  it.each([10, 9] as const)(
    'on ESLint %i, `velakit check` prints the device table: every module the lint flags lacks support on every target',
    (major) => {
      const result = resultOf(checkCommand, major);
      expect(result.stdout).toContain("== Lint (the app's eslint.config.mjs) ==");
      const targets = readJson<{ targetDevices: string[] }>(join(appDir, 'src', 'manifest.json')).targetDevices.map(
        deviceName,
      );
      const table = result.stdout.slice(result.stdout.indexOf('== Devices =='));
      expect(table).not.toBe('');
      const rows = table.split('\n');
      const header = rows.find((row) => row.startsWith('API'))!;
      for (const target of targets) expect(header).toContain(target);
      const flagged = new Set(
        expected.eslint.filter((m) => m.ruleId === 'velakit/no-unsupported-api').map((m) => m.mentions[0]!),
      );
      expect(flagged.size).toBeGreaterThan(0);
      for (const module of flagged) {
        const moduleRows = rows.filter((row) => row.startsWith(`${module} `));
        expect(moduleRows.length).toBeGreaterThan(0);
        for (const row of moduleRows) expect(row.match(/✘/g)).toHaveLength(targets.length);
      }
      expect(result.stdout).toContain(appUx);
      expect(result.code).toBe(1);
    },
  );
});

/** Every path an `exports` map points at. */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap(exportTargets);
}

interface Reported {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly ruleId: string | null;
  readonly message: string;
}
const key = (m: { file: string; line: number; column: number; ruleId: string | null }) =>
  `${m.file} ${m.line}:${m.column} ${m.ruleId}`;

/** ESLint's default (stylish) output: a file's absolute path, then `line:column  severity  message  ruleId` lines. */
function parseStylish(output: string): Reported[] {
  const reported: Reported[] = [];
  let file = '';
  for (const line of output.split('\n')) {
    if (line.startsWith(appDir + sep)) file = relative(appDir, line.trim()).split(sep).join('/');
    const match = /^\s+(\d+):(\d+)\s+(?:error|warning)\s+(.*?)(?:\s{2,}(\S+))?$/.exec(line);
    if (match !== null)
      reported.push({
        file,
        line: Number(match[1]),
        column: Number(match[2]),
        message: match[3]!,
        ruleId: match[4] ?? null,
      });
  }
  return reported;
}

const manifestKey = (d: { code: string; severity: string; line: number; column: number }) => ({
  code: d.code,
  severity: d.severity,
  line: d.line,
  column: d.column,
});

/** The manifest command's default output: `severity message code`, then `  at file:line:column`. */
function parseManifestOutput(output: string) {
  return [...output.matchAll(/^(error|warning|info) (.*) ([\w-]+)\n\s+at .*:(\d+):(\d+)$/gm)].map(
    ([, severity, message, code, line, column]) => ({
      code: code!,
      severity: severity!,
      line: Number(line),
      column: Number(column),
      message: message!,
    }),
  );
}
