import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { deviceSuggestions } from '../src/checks/targets.js';
import { run } from '../src/cli/run.js';
import { deviceNamed } from '../src/device-id.js';
import { lookUpManifestInDir } from '../src/find-manifest.js';
import { validateManifest } from '../src/validate.js';
import { withMembers } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'velakit-manifest-special-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
}

function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: dir,
    isTTY: false,
  });
  return { code, stdout, stderr };
}

describe('files that are not regular files', () => {
  // Opening a FIFO for reading waits for a writer: before the fix these runs never returned.
  it('a FIFO named on the command line is refused at once, exit 2', () => {
    mkfifo(join(dir, 'pipe.json'));
    expect(cli('pipe.json')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'velakit-manifest: pipe.json is a FIFO (named pipe), not a regular file: name the manifest file itself.\n',
    });
  });

  it("a FIFO at an app folder's manifest location is named and refused, not taken for a missing manifest", () => {
    mkdirSync(join(dir, 'app', 'src'), { recursive: true });
    mkfifo(join(dir, 'app', 'src', 'manifest.json'));
    expect(cli('app')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'velakit-manifest: app/src/manifest.json is a FIFO (named pipe), not a regular file: name the manifest file itself.\n',
    });
  });

  it('a device is refused the same way; the other files of the run are still checked', () => {
    writeFileSync(join(dir, 'good.json'), withMembers(''));
    const result = cli('/dev/null', 'good.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'velakit-manifest: /dev/null is a character device, not a regular file: name the manifest file itself.\n',
    );
    expect(result.stdout).toBe('✔ 1 manifest checked, no problems.\n');
  });
});

describe('folders that cannot be searched', () => {
  it('lookUpManifestInDir says permission denied (EACCES, EPERM) rather than "no manifest"; a missing one is none', () => {
    const failing = (code: string) => (path: string) => {
      throw Object.assign(new Error(`${code}: ${path}`), { code });
    };
    expect(lookUpManifestInDir('/apps/a', failing('EACCES'))).toEqual({
      kind: 'error',
      path: join('/apps/a', 'src', 'manifest.json'),
      message: `Permission denied looking for ${join('/apps/a', 'src', 'manifest.json')}: a folder on the way cannot be searched.`,
    });
    expect(lookUpManifestInDir('/apps/a', failing('EPERM'))).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^Permission denied/u) as string,
    });
    expect(lookUpManifestInDir('/apps/a', failing('EIO'))).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('EIO') as string,
    });
    expect(lookUpManifestInDir('/apps/a', failing('ENOENT'))).toEqual({ kind: 'none' });
    expect(lookUpManifestInDir('/apps/a', (path) => ({ isDirectory: () => path.includes('src') }))).toEqual({
      kind: 'found',
      path: join('/apps/a', 'manifest.json'),
    });
  });

  // Root reads every folder, so as root the bin runs as "nobody" (uid 65534), for whom mode 644 and 600 folders are unsearchable.
  it('the built bin, run by a user who cannot search the folder, says permission denied, exit 2', () => {
    const bin = fileURLToPath(new URL('../dist/bin/velakit-manifest.js', import.meta.url));
    const shared = mkdtempSync(join(tmpdir(), 'velakit-manifest-locked-'));
    try {
      chmodSync(shared, 0o755);
      mkdirSync(join(shared, 'locked', 'src'), { recursive: true });
      writeFileSync(join(shared, 'locked', 'src', 'manifest.json'), withMembers(''));
      const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const spawn = () => spawnSync(process.execPath, [bin, 'locked'], { cwd: shared, encoding: 'utf8', ...asNobody });
      // Readable but not searchable: the folder opens, what is inside cannot be looked up (this said "No manifest").
      chmodSync(join(shared, 'locked'), 0o644);
      const unsearchable = spawn();
      expect([unsearchable.status, unsearchable.stdout, unsearchable.stderr]).toEqual([
        2,
        '',
        'velakit-manifest: Permission denied looking for locked/src/manifest.json: a folder on the way cannot be searched.\n',
      ]);
      // Neither readable nor searchable: the folder itself cannot be opened.
      chmodSync(join(shared, 'locked'), 0o600);
      const closed = spawn();
      expect([closed.status, closed.stdout, closed.stderr]).toEqual([
        2,
        '',
        'velakit-manifest: Permission denied: locked\n',
      ]);
    } finally {
      chmodSync(join(shared, 'locked'), 0o755);
      rmSync(shared, { recursive: true, force: true });
    }
  });
});

describe('device lookups are bounded', () => {
  it('20,000 distinct unknown targetDevices: every one reported, the caches stay at their bound', () => {
    const entries = Array.from({ length: 20_000 }, (_, i) => `phone-${i}`);
    const { diagnostics } = validateManifest(
      withMembers(`  "targetDevices": ${JSON.stringify(entries)}`, { targets: false }),
    );
    expect(diagnostics.filter((d) => d.code === 'unknown-device')).toHaveLength(20_000);
    expect(deviceSuggestions.size).toBe(256);
    expect(deviceNamed.size).toBe(1024);
    // Answers stay right after eviction.
    expect(deviceNamed('Redmi Watch 4')?.id).toBe('redmi-watch-4');
    expect(deviceSuggestions('redmi-wach-4')[0]).toBe('redmi-watch-4');
  });
});
