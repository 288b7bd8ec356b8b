// @ts-check
// velakit-manifest against ajv-cli on the same schema, as CI runs them: one whole process per batch of files.
// For each batch size: first every side runs once and they must flag the same files (else the bench stops); then
// rounds of one run per side, interleaved, the order turning every round. Clocks: wall time (process.hrtime around
// the spawn; the figures compared) and, when GNU time is installed, the child's CPU time (user + sys of every
// thread, 10 ms resolution). Corpus: see corpus.mjs and README.md.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultThreadsFrom, filesPerThread, readAheadFrom } from '../dist/cli/threads.js';
import { manifest, manyPages } from './corpus.mjs';

/** @param {string} path */
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const bin = here('../dist/bin/velakit-manifest.js');
const ajvCli = here('../../../node_modules/ajv-cli/dist/index.js');
const schema = here('../../../schemas/manifest.schema.json');
const keywords = here('./editor-keywords.cjs');
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const cores = availableParallelism();
/** With VELAKIT_MANIFEST_THREADS=auto, velakit-manifest shares a batch between threads from this many files on. */
const threadsFrom = 2 * filesPerThread;
/** From here on, the ways velakit-manifest can run are timed too: one thread, reading ahead, threads. */
const extraSidesFrom = 1000;

// Batch size → rounds. BENCH_SIZES=1,10 narrows the run (e.g. while profiling).
const plan = new Map([
  [1, 21],
  [10, 21],
  [100, 15],
  [1000, 11],
  [10_000, 7],
  [50_000, 3],
]);
const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [...plan.keys()];
const roundsScale = Number(process.env.BENCH_ROUNDS_SCALE ?? 1);
const largest = Math.max(...sizes);

const dir = mkdtempSync(join(tmpdir(), 'velakit-manifest-bench-'));
/** @param {number} i */
const name = (i) => `${String(i).padStart(5, '0')}.json`;

/** @typedef {{ wall: number, cpu: number | undefined, stdout: string, stderr: string }} Run */

/**
 * One whole process, timed. Its stdout and stderr go to files, not pipes: Node writes to a file synchronously, so a
 * process that exits at once (ajv-cli calls process.exit) still leaves all it printed, and every run's output can be
 * checked whole. Reading them back is outside the timed region.
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 * @returns {Run}
 */
function run(command, args, env = {}) {
  const cpuFile = join(dir, 'cpu.txt');
  const [outFile, errFile] = [join(dir, 'stdout.txt'), join(dir, 'stderr.txt')];
  /** @type {[string, string[]]} */
  const [file, argv] = gnuTime
    ? [gnuTime, ['-f', '%U %S', '-o', cpuFile, process.execPath, command, ...args]]
    : [process.execPath, [command, ...args]];
  const [out, err] = [openSync(outFile, 'w'), openSync(errFile, 'w')];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd: dir, stdio: ['ignore', out, err], env: { ...process.env, ...env } });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(out);
  closeSync(err);
  const [stdout, stderr] = [readFileSync(outFile, 'utf8'), readFileSync(errFile, 'utf8')];
  if (result.status === null || result.status > 1)
    throw new Error(`${command} failed (${result.status}): ${stderr.slice(0, 2000)}`);
  let cpu;
  if (gnuTime) {
    const [user = NaN, sys = NaN] = (readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1) ?? '')
      .split(' ')
      .map(Number);
    cpu = (user + sys) * 1000;
  }
  return { wall, cpu, stdout, stderr };
}

/** @param {string} glob */
const ajvArgs = (glob) => ['validate', '-s', schema, '--spec=draft7', '--all-errors', '-c', keywords, '-d', glob];
/** @param {string[]} files */
const velakitArgs = (files) => ['--format', 'json', ...files];

/**
 * Files velakit-manifest flags with at least one error.
 * @param {string} stdout
 */
function flaggedByVelakit(stdout) {
  /** @type {{ path: string, diagnostics: { severity: string }[] }[]} */
  const report = JSON.parse(stdout);
  return new Set(
    report.filter((entry) => entry.diagnostics.some((d) => d.severity === 'error')).map((entry) => entry.path),
  );
}

/**
 * Files ajv-cli says are invalid.
 * @param {string} stderr
 */
function flaggedByAjv(stderr) {
  return new Set([...stderr.matchAll(/^(\S+) invalid$/gmu)].map((match) => match[1] ?? ''));
}

/**
 * @param {string} label
 * @param {Run} velakit
 * @param {Run} ajv
 */
function sameWork(label, velakit, ajv) {
  const v = flaggedByVelakit(velakit.stdout);
  const a = flaggedByAjv(ajv.stderr);
  const onlyV = [...v].filter((f) => !a.has(f));
  const onlyA = [...a].filter((f) => !v.has(f));
  if (onlyV.length > 0 || onlyA.length > 0) {
    throw new Error(
      `${label}: the two sides flag different files. Only velakit: ${onlyV.slice(0, 5).join(', ')}; only ajv-cli: ${onlyA.slice(0, 5).join(', ')}`,
    );
  }
  return v.size;
}

/** @typedef {{ min: number, median: number, max: number }} Stats */

/**
 * @param {number[]} values
 * @returns {Stats}
 */
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN, max: sorted.at(-1) ?? NaN };
};
/** @param {number} value */
const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1)).padStart(6);
/** @param {Stats} s */
const triple = ({ min, median, max }) => `${ms(min)} /${ms(median)} /${ms(max)}`;
/** @param {number} ratio ajv-cli's time over velakit's */
const verdict = (ratio) => `${ratio.toFixed(2)}x${ratio >= 2 ? '' : ratio >= 1 ? ' (under 2x)' : ' (velakit SLOWER)'}`;

/**
 * What a run printed, to check every timed run did the work the checked run did (the same number of characters on
 * stdout and stderr: ajv-cli's "valid" and "invalid" lines, velakit-manifest's report).
 * @param {Run} result
 */
const outputOf = (result) => `${result.stdout.length}+${result.stderr.length}`;

/**
 * @typedef {{ label: string, command: () => Run, expected: string }} Side
 * @typedef {{ wall: Stats, cpu: Stats | undefined }} SideFigures
 */

/**
 * Interleaved rounds of one run per side, the order turning every round; prints a line per velakit side.
 * @param {string} label
 * @param {number} rounds
 * @param {Side[]} sides the last one is ajv-cli
 * @returns {Map<string, SideFigures>}
 */
function compare(label, rounds, sides) {
  /** @type {Map<Side, { wall: number[], cpu: number[] }>} */
  const times = new Map(sides.map((side) => [side, { wall: [], cpu: [] }]));
  for (let round = 0; round < rounds; round++) {
    const turn = round % sides.length;
    const order = [...sides.slice(turn), ...sides.slice(0, turn)];
    if (round % 2 === 1) order.reverse();
    for (const side of order) {
      const result = side.command();
      // Same output size as the run whose flagged files were compared: a run that failed early cannot pass as fast.
      const printed = outputOf(result);
      if (printed !== side.expected)
        throw new Error(
          `${label}: a timed ${side.label} run printed ${printed} characters, the checked run ${side.expected}`,
        );
      const own = times.get(side);
      own?.wall.push(result.wall);
      if (result.cpu !== undefined) own?.cpu.push(result.cpu);
    }
  }
  /** @type {Map<string, SideFigures>} */
  const figures = new Map();
  for (const [side, { wall, cpu }] of times)
    figures.set(side.label, { wall: stats(wall), cpu: cpu.length > 0 ? stats(cpu) : undefined });
  const ajvSide = sides.at(-1);
  const ajvTimes = ajvSide && times.get(ajvSide);
  const ajv = ajvSide && figures.get(ajvSide.label);
  if (!ajvTimes || !ajv) throw new Error('no ajv-cli side');
  for (const side of sides.slice(0, -1)) {
    const own = times.get(side);
    const v = figures.get(side.label);
    if (!own || !v) continue;
    const perRound = stats(ajvTimes.wall.map((value, i) => value / (own.wall[i] ?? NaN)));
    let line = `${label.padEnd(26)} ${side.label.padEnd(18)} ${triple(v.wall)} ms   ajv-cli ${triple(ajv.wall)} ms   `;
    line += `${verdict(ajv.wall.median / v.wall.median)} (per round ${perRound.min.toFixed(2)}-${perRound.max.toFixed(2)})`;
    if (v.cpu && ajv.cpu)
      line += `   cpu ${v.cpu.median.toFixed(0)} vs ${ajv.cpu.median.toFixed(0)} ms (${(ajv.cpu.median / v.cpu.median).toFixed(2)}x)`;
    console.log(`${line}   ${rounds} rounds`);
  }
  return figures;
}

try {
  console.log(
    `@velakit/manifest bench in ${dir} (${cores} cores; velakit = the default: while a core is idle, worker threads from ${defaultThreadsFrom.toLocaleString('en')} files, a read-ahead thread from ${readAheadFrom.toLocaleString('en')}; else one thread. From ${extraSidesFrom.toLocaleString('en')} files also "velakit 1 thread" = VELAKIT_MANIFEST_THREADS=1 VELAKIT_MANIFEST_READ_AHEAD=off, "velakit read-ahead" = one thread reading ahead, from ${threadsFrom.toLocaleString('en')} "velakit threads" = VELAKIT_MANIFEST_THREADS=auto)`,
  );
  console.log(
    'wall ms as min / median / max; ratio = ajv-cli median / velakit median; interleaved, order turning each round',
  );
  console.log('cpu = median user + sys of the whole process (every thread), GNU time');
  mkdirSync(join(dir, 'all'));
  for (let i = 0; i < largest; i++) writeFileSync(join(dir, 'all', name(i)), manifest(i));
  /** @type {Map<number, Map<string, SideFigures>>} */
  const bySize = new Map();
  for (const size of sizes) {
    const batch = `b${size}`;
    mkdirSync(join(dir, batch));
    /** @type {string[]} */
    const files = [];
    for (let i = 0; i < size; i++) {
      linkSync(join(dir, 'all', name(i)), join(dir, batch, name(i)));
      files.push(`${batch}/${name(i)}`);
    }
    const velakit = () => run(bin, velakitArgs(files));
    const ajv = () => run(ajvCli, ajvArgs(`${batch}/*.json`));
    const [checkedVelakit, checkedAjv] = [velakit(), ajv()]; // also warms the file cache for both
    const flagged = sameWork(`${size} files`, checkedVelakit, checkedAjv);
    /** @type {Side[]} */
    const sides = [{ label: 'velakit', command: velakit, expected: outputOf(checkedVelakit) }];
    // Where a thread setting can change what runs, both choices are timed too, and must print the same report: the
    // default shares large batches only while a core is idle (the load average), so it may be either.
    if (cores > 1 && size >= extraSidesFrom) {
      /** @type {{ label: string, env: Record<string, string> }[]} */
      const extra = [
        { label: 'velakit 1 thread', env: { VELAKIT_MANIFEST_THREADS: '1', VELAKIT_MANIFEST_READ_AHEAD: 'off' } },
        { label: 'velakit read-ahead', env: { VELAKIT_MANIFEST_THREADS: '1', VELAKIT_MANIFEST_READ_AHEAD: 'on' } },
      ];
      if (size >= threadsFrom) extra.push({ label: 'velakit threads', env: { VELAKIT_MANIFEST_THREADS: 'auto' } });
      for (const { label, env } of extra) {
        const command = () => run(bin, velakitArgs(files), env);
        const checked = command();
        if (checked.stdout !== checkedVelakit.stdout)
          throw new Error(`${size} files: ${JSON.stringify(env)} printed a different report`);
        sides.push({ label, command, expected: outputOf(checked) });
      }
    }
    sides.push({ label: 'ajv-cli', command: ajv, expected: outputOf(checkedAjv) });
    const rounds = Math.max(3, Math.round((plan.get(size) ?? 5) * roundsScale));
    const label = `${size.toLocaleString('en')} file${size === 1 ? '' : 's'} (${flagged} flagged)`;
    bySize.set(size, compare(label, rounds, sides));
  }
  const measured = sizes.filter((size) => size > 1);
  const base = bySize.get(1);
  if (measured.length > 0 && base) {
    console.log('per extra file, ms: (median(n) - median(1)) / (n - 1), wall and cpu');
    for (const side of ['velakit', 'velakit threads', 'velakit read-ahead', 'velakit 1 thread', 'ajv-cli']) {
      const one = side.startsWith('velakit') ? base.get('velakit') : base.get(side);
      const parts = measured.flatMap((size) => {
        const figures = bySize.get(size)?.get(side);
        if (!figures || !one) return [];
        const wall = (figures.wall.median - one.wall.median) / (size - 1);
        const cpu = figures.cpu && one.cpu ? (figures.cpu.median - one.cpu.median) / (size - 1) : NaN;
        return [`${size.toLocaleString('en')}: ${wall.toFixed(4)} / ${cpu.toFixed(4)}`];
      });
      if (parts.length > 0) console.log(`  ${side.padEnd(18)} ${parts.join(', ')}`);
    }
  }

  // One manifest with 8,000 bad router pages: placing 8,000 diagnostics must stay linear (issue: 50 s before).
  writeFileSync(join(dir, 'pages.json'), manyPages(8000));
  const big = () => run(bin, ['--format', 'json', 'pages.json']);
  const bigAjv = () => run(ajvCli, ajvArgs('pages.json'));
  const first = big();
  /** @type {{ diagnostics: { severity: string }[] }[]} */
  const report = JSON.parse(first.stdout);
  const diagnostics = report[0]?.diagnostics.filter((d) => d.severity === 'error').length;
  if (diagnostics !== 8000) throw new Error(`8,000 pages: expected 8,000 diagnostics, got ${diagnostics}`);
  const firstAjv = bigAjv();
  sameWork('8,000 pages', first, firstAjv);
  const figures = compare('8,000 bad pages, 1 file', Math.max(3, Math.round(5 * roundsScale)), [
    { label: 'velakit', command: big, expected: outputOf(first) },
    { label: 'ajv-cli', command: bigAjv, expected: outputOf(firstAjv) },
  ]);
  const median = figures.get('velakit')?.wall.median ?? NaN;
  console.log(
    `8,000 pages: ${diagnostics} diagnostics placed in ${median.toFixed(0)} ms median wall (${median < 1000 ? 'under' : 'NOT under'} 1 s)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
