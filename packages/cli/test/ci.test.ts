// The root README's "In CI" section, as a CI would run it: the GitHub Actions workflow parses, has the steps and
// permissions code scanning needs, and its commands (and the generic recipe's) do what the README says on a sample app
// laid out as a repository root.
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
import { parseDocument } from 'yaml';
import { codeScanningProblems, type SarifLog } from '../../../fixtures/support/sarif.js';

const repo = realpathSync(fileURLToPath(new URL('../../../', import.meta.url)));
const readme = readFileSync(join(repo, 'README.md'), 'utf8');

/** The README section under `## In CI`, up to the next `## ` heading. */
function ciSection(): string {
  const start = readme.indexOf('\n## In CI\n');
  if (start === -1) throw new Error('the README has no "## In CI" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}
const blocks = (language: string) =>
  [...ciSection().matchAll(/^```(\w+)\n([\s\S]*?)^```$/gmu)].filter((m) => m[1] === language).map((m) => m[2]!);

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const [workflowText] = blocks('yaml');
const document = parseDocument(workflowText ?? '', { prettyErrors: false });
const workflow = document.toJS() as Workflow;
const steps = Object.values(workflow.jobs ?? {})[0]?.steps ?? [];
const genericCommands = (blocks('sh')[0] ?? '').split('\n').filter((line) => line.trim() !== '');

const stepRunning = (pattern: RegExp) => {
  const step = steps.find((s) => s.run !== undefined && pattern.test(s.run));
  if (step === undefined) throw new Error(`the workflow has no step running ${pattern}`);
  return step;
};

describe('the GitHub Actions workflow', () => {
  it("is the README's one YAML block, names its file, and parses without errors or warnings", () => {
    expect(blocks('yaml')).toHaveLength(1);
    expect(workflowText!.split('\n', 1)[0]).toBe('# .github/workflows/velakit.yml');
    expect(document.errors.map(String)).toEqual([]);
    expect(document.warnings.map(String)).toEqual([]);
  });

  it('runs on pull requests and pushes, with the permission code scanning uploads need and no more', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
  });

  it('checks out, sets up the Node version velakit needs, installs, then checks with annotations and SARIF', () => {
    const engines = JSON.parse(readFileSync(join(repo, 'packages', 'cli', 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    const setupNode = steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!;
    expect(Number(setupNode.with!['node-version'])).toBeGreaterThanOrEqual(
      Number(/\d+/u.exec(engines.engines.node)![0]),
    );
    const order = [
      steps.findIndex((s) => s.uses?.startsWith('actions/checkout@')),
      steps.indexOf(setupNode),
      steps.findIndex((s) => s.run === 'npm ci'),
      steps.indexOf(stepRunning(/^npx velakit check \. --format github$/u)),
      steps.indexOf(stepRunning(/^npx velakit check \. --format sarif > \S+\.sarif$/u)),
      steps.findIndex((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')),
    ];
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('writes SARIF and uploads that file even when the annotations step failed', () => {
    const sarifStep = stepRunning(/--format sarif/u);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(sarifStep.if).toBe('always()');
    expect(upload.if).toBe('always()');
    expect(upload.with!['sarif_file']).toBe(/> (\S+)$/u.exec(sarifStep.run!)![1]);
  });
});

/** The band-and-redmi sample app as a repository root, velakit installed (node_modules links to this repository's). */
const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'velakit-ci-')));
const app = join(scratch, 'band-sync');

function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^npm_/iu.test(key) && key !== 'INIT_CWD' && key !== 'FORCE_COLOR') env[key] = value;
  return { ...env, NO_COLOR: '1', npm_config_yes: 'false', npm_config_update_notifier: 'false' };
}

/** Runs a `run:` line through a shell, as the runner does. */
function shell(command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], {
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

beforeAll(() => {
  cpSync(join(repo, 'fixtures', 'band-and-redmi'), app, {
    recursive: true,
    filter: (path) => !path.endsWith('expected.json'),
  });
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'band-sync', private: true, devDependencies: { velakit: '*' } }, null, 2)}\n`,
  );
  symlinkSync(join(repo, 'node_modules'), join(app, 'node_modules'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const annotation =
  /^::(error|warning|notice) file=([^,]+),line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=velakit\([\w/-]+\)::\S/u;

describe("the workflow's commands on a sample app", () => {
  it('the annotations step prints one annotation per problem, on files in the checkout, and fails the job', async () => {
    const result = await shell(stepRunning(/--format github/u).run!);
    const lines = result.stdout.trimEnd().split('\n');
    // The app's three unsupported calls (its manifest leaves the features they use to those reports).
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const match = annotation.exec(line);
      expect(match, line).not.toBeNull();
      expect(existsSync(join(app, match![2]!))).toBe(true);
    }
    expect(result.code).toBe(1);
  }, 60_000);

  it("the SARIF step writes a log code scanning accepts, whose paths are the checkout's files", async () => {
    const step = stepRunning(/--format sarif/u);
    const file = join(app, /> (\S+)$/u.exec(step.run!)![1]!);
    const result = await shell(step.run!);
    expect(result.code).toBe(1);
    const log = JSON.parse(readFileSync(file, 'utf8')) as SarifLog;
    expect(codeScanningProblems(log)).toEqual([]);
    const uris = log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri!);
    expect(uris).toHaveLength(3);
    for (const uri of uris) expect(existsSync(join(app, decodeURIComponent(uri)))).toBe(true);
  }, 60_000);
});

describe('the generic CI recipe', () => {
  it('installs, gates on the exit code, and writes SARIF and JSON', async () => {
    expect(genericCommands[0]).toBe('npm ci');
    const results = [];
    for (const command of genericCommands.slice(1)) results.push({ command, ...(await shell(command)) });
    // The sample app has errors: every check exits 1, and says so with annotations or data, not a crash.
    for (const result of results)
      expect({ command: result.command, code: result.code, stderr: result.stderr }).toEqual({
        command: result.command,
        code: 1,
        stderr: '',
      });
    const sarif = JSON.parse(readFileSync(join(app, 'velakit.sarif'), 'utf8')) as SarifLog;
    expect(codeScanningProblems(sarif)).toEqual([]);
    const json = JSON.parse(readFileSync(join(app, 'velakit.json'), 'utf8')) as { errorCount: number };
    expect(json.errorCount).toBeGreaterThan(0);
    expect(results[0]!.stdout).toContain('== Devices ==');
  }, 120_000);
});
