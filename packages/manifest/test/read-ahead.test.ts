import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepare, checkAll, type CliIo } from '../src/cli/command.js';
import type { CliOptions } from '../src/cli/args.js';
import { ReadAhead, ReadAheadMemory, readAheadLoop, slotBytes, slots } from '../src/cli/read-ahead.js';
import { resolveFrom } from '../src/cli/resolve-path.js';
import { readsAhead, readAheadFrom } from '../src/cli/threads.js';
import { manifests, withMembers } from './helpers.js';

let dir: string;
const valid = manifests('valid');
const big = withMembers(`  "description": "${'x'.repeat(slotBytes)}"`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'velakit-manifest-read-ahead-'));
  for (let i = 0; i < 150; i++) writeFileSync(join(dir, `m${i}.json`), valid[i % valid.length]![1]);
  writeFileSync(join(dir, 'empty.json'), '');
  writeFileSync(join(dir, 'big.json'), big);
  writeFileSync(join(dir, 'latin1.json'), Buffer.from('{ "name": "caf\xe9" }\n', 'latin1'));
  mkdirSync(join(dir, 'app', 'src'), { recursive: true });
  writeFileSync(join(dir, 'app', 'src', 'manifest.json'), withMembers(''));
  const made = spawnSync('mkfifo', [join(dir, 'pipe.json')]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything but the plain files is left to the usual reading. */
const special = ['empty.json', 'big.json', 'latin1.json', 'app', 'missing.json', 'pipe.json', '/dev/null'];

function capture(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd: '', isTTY: false } as CliIo & { out: string; err: string };
  io.cwd = dir;
  io.stdout = (text) => (io.out += text);
  io.stderr = (text) => (io.err += text);
  return io;
}

/** The reader's data for `inputs`, and the reader run here first (it needs no waiting while they fit the ring). */
function readFirst(inputs: readonly string[], mainAlreadyAt = 0): ReadAhead {
  const paths = inputs.map((input) => resolveFrom(dir, input));
  const data = { paths, shared: ReadAheadMemory.create(paths.length) };
  new ReadAheadMemory(data.shared, paths.length).moveMain(mainAlreadyAt);
  readAheadLoop(data);
  return new ReadAhead(data);
}

describe('reading ahead (read-ahead.ts)', () => {
  it('hands over the text of plain files; leaves every other case to the usual reading', () => {
    const inputs = ['m0.json', ...special, 'm1.json'];
    const ahead = readFirst(inputs);
    const texts = inputs.map((input, i) => ahead.take(i, resolveFrom(dir, input)));
    expect(texts).toEqual([valid[0]![1], ...special.map(() => undefined), valid[1]![1]]);
    // A path other than the one read for that index (a folder's manifest), or past the batch: the usual reading.
    const again = readFirst(['m2.json']);
    expect(again.take(0, resolveFrom(dir, 'm3.json'))).toBeUndefined();
    expect(again.take(1, resolveFrom(dir, 'm2.json'))).toBeUndefined();
  });

  it('a file this thread has passed is not read; the reader reads on from just ahead of it', () => {
    const inputs = ['m0.json', 'm1.json', 'm2.json', 'm3.json', 'm4.json'];
    const ahead = readFirst(inputs, 2);
    expect(inputs.map((input, i) => ahead.take(i, resolveFrom(dir, input)) !== undefined)).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it('once this thread is done (finish), the reader reads nothing more and ends', () => {
    const paths = ['m0.json', 'm1.json'].map((input) => resolveFrom(dir, input));
    const data = { paths, shared: ReadAheadMemory.create(paths.length) };
    new ReadAhead(data).finish();
    readAheadLoop(data); // returns at once, however many slots are free
    expect([...new ReadAheadMemory(data.shared, paths.length).states]).toEqual([0, 0]);
  });

  it('the command writes the same report, errors and exit code with the texts read ahead', () => {
    const inputs = ['m0.json', ...special, 'm1.json', 'app/src/manifest.json', 'm0.json'];
    for (const format of ['json', 'stylish', 'sarif']) {
      const argv = ['--format', format, ...inputs];
      const options = prepare(argv, capture()) as CliOptions;
      const plain = capture();
      const plainCode = checkAll(options, plain);
      const ahead = capture();
      const code = checkAll(options, ahead, readFirst(inputs));
      expect([code, ahead.out, ahead.err]).toEqual([plainCode, plain.out, plain.err]);
      expect(plain.err).toContain('velakit-manifest: pipe.json is a FIFO (named pipe), not a regular file');
    }
  });

  it('reads ahead from readAheadFrom files while a core is idle, unless told otherwise', () => {
    const idle = () => true;
    expect(readsAhead(readAheadFrom, 2, {}, idle)).toBe(true);
    expect(readsAhead(readAheadFrom - 1, 2, {}, idle)).toBe(false);
    expect(readsAhead(readAheadFrom, 1, {}, idle)).toBe(false);
    expect(readsAhead(readAheadFrom, 2, {}, () => false)).toBe(false);
    expect(readsAhead(readAheadFrom, 2, { VELAKIT_MANIFEST_READ_AHEAD: 'off' }, idle)).toBe(false);
    expect(readsAhead(1, 1, { VELAKIT_MANIFEST_READ_AHEAD: 'on' }, () => false)).toBe(true);
  });
});

describe('the built bin reading ahead in its thread', () => {
  const bin = fileURLToPath(new URL('../dist/bin/velakit-manifest.js', import.meta.url));
  const cli = (readAhead: string, argv: string[]) => {
    const result = spawnSync(process.execPath, [bin, ...argv], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', VELAKIT_MANIFEST_READ_AHEAD: readAhead },
    });
    return [result.status, result.stdout, result.stderr];
  };

  it(`writes what it writes without, over more files than its ${slots} slots`, () => {
    const files = Array.from({ length: 150 }, (_, i) => `m${i}.json`);
    const argv = ['--format', 'json', ...files.slice(0, 70), ...special, ...files.slice(70)];
    const without = cli('off', argv);
    expect(without[0]).toBe(2);
    expect((JSON.parse(without[1] as string) as unknown[]).length).toBe(154);
    expect(cli('on', argv)).toEqual(without);
  });
});
