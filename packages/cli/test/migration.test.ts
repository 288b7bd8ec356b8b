// docs/migrating-from-vela-templates.md, followed to the letter on a project shaped like Vela's toolkit templates
// (fixtures/vela-template: ESLint 6, .eslintrc.json with babel-eslint and eslint-plugin-ux, .eslintignore, a lint
// script with --format codeframe). Files are written and commands run as the guide says; `npm uninstall` and
// `npm install` are applied to package.json (the packages come from this repository's node_modules, linked in), and
// the install line is checked against the README's Quick start, whose real install the install test runs.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quickStartSteps, runnableSteps, type QuickStartStep } from './install-readme.js';
import { userEnvironment, type Run } from './npm-install.js';

const repo = realpathSync(fileURLToPath(new URL('../../../', import.meta.url)));
const guide = readFileSync(join(repo, 'docs', 'migrating-from-vela-templates.md'), 'utf8');
const steps = runnableSteps(guide, 'migration', 'the migration guide');
const quickStartInstall = quickStartSteps(readFileSync(join(repo, 'README.md'), 'utf8')).find(
  (step): step is QuickStartStep & { kind: 'command' } => step.kind === 'command' && step.argv[1] === 'install',
)!;

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'velakit-migration-')));
const app = join(scratch, 'steps');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface PackageJson {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
}
const readPackage = () => JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as PackageJson;
const writePackage = (pkg: PackageJson) =>
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
const template = JSON.parse(
  readFileSync(join(repo, 'fixtures', 'vela-template', 'package.json'), 'utf8'),
) as PackageJson;

function run(argv: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: app,
      env: userEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let before: Run;
const results = new Map<string, Run>();
const resultOf = (line: string) => {
  const result = results.get(line);
  if (result === undefined) throw new Error(`the guide does not run "${line}"`);
  return result;
};

beforeAll(async () => {
  cpSync(join(repo, 'fixtures', 'vela-template'), app, { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(app, 'node_modules'));
  before = await run(['npx', 'eslint']);
  for (const step of steps) {
    if (step.kind === 'file') {
      writeFileSync(join(app, step.path), step.text);
      continue;
    }
    const [program, command, ...rest] = step.argv;
    const names = rest.filter((word) => !word.startsWith('-'));
    if (program === 'npm' && command === 'uninstall') {
      const pkg = readPackage();
      for (const name of names) {
        if (!(name in pkg.devDependencies))
          throw new Error(`the guide uninstalls ${name}, which the template does not have`);
        delete pkg.devDependencies[name];
      }
      writePackage(pkg);
    } else if (program === 'npm' && command === 'install') {
      const pkg = readPackage();
      for (const name of names) pkg.devDependencies[name] = 'latest';
      writePackage(pkg);
      results.set(step.line, { code: 0, stdout: '', stderr: '' });
    } else if (program === 'rm') {
      for (const name of step.argv.slice(1)) {
        if (!existsSync(join(app, name)))
          throw new Error(`the guide deletes ${name}, which the template does not have`);
        rmSync(join(app, name));
      }
    } else {
      results.set(step.line, await run(step.argv));
    }
  }
}, 120_000);

describe('the template project before', () => {
  it('does not lint on current ESLint: no flat config', () => {
    expect(before.code).toBe(2);
    expect(before.stderr).toContain("couldn't find an eslint.config");
  });
});

describe('the migration guide on a template-shaped project', () => {
  it('deletes the ESLint 6 packages and files the template has, and nothing velakit still needs', () => {
    const pkg = readPackage();
    for (const name of ['babel-eslint', 'eslint-plugin-ux']) {
      expect(template.devDependencies[name]).toBeDefined();
      expect(pkg.devDependencies[name]).toBeUndefined();
    }
    expect(existsSync(join(app, '.eslintrc.json'))).toBe(false);
    expect(existsSync(join(app, '.eslintignore'))).toBe(false);
    // What the template's build needs stays.
    expect(pkg.devDependencies['aiot-toolkit']).toBe(template.devDependencies['aiot-toolkit']);
  });

  it("installs what the README's Quick start installs, current ESLint included", () => {
    const install = steps.find((step) => step.kind === 'command' && step.argv[1] === 'install') as QuickStartStep & {
      kind: 'command';
    };
    expect(install.argv).toEqual(expect.arrayContaining([...quickStartInstall.argv]));
    expect(readPackage().devDependencies['eslint']).toBe('latest');
  });

  it('the lint script is plain `eslint`: no codeframe formatter, no --ext', () => {
    expect(template.scripts['lint']).toContain('--format codeframe');
    expect(readPackage().scripts['lint']).toBe('eslint');
  });

  it("`eslint` lints .js, the <script> of .ux files and the manifest, with the template's rules kept and its ignores honoured", () => {
    const result = resultOf('npx eslint');
    expect(result.stderr).toBe('');
    const reported = [...result.stdout.matchAll(/^(\/\S+)$|^\s+(\d+):(\d+)\s+(error|warning)\s+.*?\s{2,}(\S+)$/gmu)];
    const messages: string[] = [];
    let file = '';
    for (const [, path, line, column, severity, ruleId] of reported) {
      if (path !== undefined) file = path.slice(app.length + 1);
      else messages.push(`${file} ${line}:${column} ${severity} ${ruleId}`);
    }
    expect(messages).toEqual([
      'src/common/upload.js 3:7 warning no-unused-vars',
      'src/common/upload.js 6:3 error velakit/no-unsupported-api',
      // The manifest is linted too: the template declares a module nothing uses (uploadtask's device support is
      // judged at its calls).
      'src/manifest.json 10:88 warning velakit/no-unused-feature',
      'src/pages/index/index.ux 16:5 error velakit/no-unsupported-api',
    ]);
    expect(result.code).toBe(1);
  });

  it('`velakit check` runs without warnings about the old setup', () => {
    const result = resultOf('npx velakit check .');
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('== Devices ==');
    expect(result.stdout).toMatch(/✘ Redmi Watch 4: lacks @system\.uploadtask uploadFile/u);
    expect(result.code).toBe(1);
  });
});
