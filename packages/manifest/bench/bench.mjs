// velakit-manifest against ajv-cli on the same schema, as CI runs them: one whole process per batch of files.
// For each batch size: first both sides run once and must flag the same files (else the bench stops); then rounds
// of one run each, interleaved, the order alternating every round. Clocks: wall time (process.hrtime around the
// spawn; the figures compared) and, when GNU time is installed, the child's CPU time (user + sys, 10 ms resolution).
// Corpus: see corpus.mjs and README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifest, manyPages } from './corpus.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const bin = here('../dist/bin/velakit-manifest.js');
const ajvCli = here('../../../node_modules/ajv-cli/dist/index.js');
const schema = here('../../../schemas/manifest.schema.json');
const keywords = here('./editor-keywords.cjs');
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

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
const name = (i) => `${String(i).padStart(5, '0')}.json`;

function run(command, args, cwd) {
  const cpuFile = join(dir, 'cpu.txt');
  const [file, argv] = gnuTime
    ? [gnuTime, ['-f', '%U %S', '-o', cpuFile, process.execPath, command, ...args]]
    : [process.execPath, [command, ...args]];
  const start = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status === null || result.status > 1) throw new Error(`${command} failed (${result.status}): ${result.stderr.slice(0, 2000)}`);
  let cpu;
  if (gnuTime) {
    const [user, sys] = readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
    cpu = (user + sys) * 1000;
  }
  return { wall, cpu, stdout: result.stdout, stderr: result.stderr };
}

const ajvArgs = (glob) => ['validate', '-s', schema, '--spec=draft7', '--all-errors', '-c', keywords, '-d', glob];
const velakitArgs = (files) => ['--format', 'json', ...files];

/** Files velakit-manifest flags with at least one error. */
function flaggedByVelakit(stdout) {
  return new Set(JSON.parse(stdout).filter((entry) => entry.diagnostics.some((d) => d.severity === 'error')).map((entry) => entry.path));
}

/** Files ajv-cli says are invalid. */
function flaggedByAjv(stderr) {
  return new Set([...stderr.matchAll(/^(\S+) invalid$/gmu)].map((match) => match[1]));
}

function sameWork(label, velakit, ajv) {
  const v = flaggedByVelakit(velakit.stdout);
  const a = flaggedByAjv(ajv.stderr);
  const onlyV = [...v].filter((f) => !a.has(f));
  const onlyA = [...a].filter((f) => !v.has(f));
  if (onlyV.length > 0 || onlyA.length > 0) {
    throw new Error(`${label}: the two sides flag different files. Only velakit: ${onlyV.slice(0, 5).join(', ')}; only ajv-cli: ${onlyA.slice(0, 5).join(', ')}`);
  }
  return v.size;
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) };
};
const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1)).padStart(6);
const triple = ({ min, median, max }) => `${ms(min)} /${ms(median)} /${ms(max)}`;

/**
 * What a run printed, to check every timed run did the work the checked run did. ajv-cli's stdout ("valid" lines)
 * is left out: it exits before a pipe takes all of it, so its length varies from run to run at 50,000 files; its
 * stderr (the invalid files, whose set was compared) does not.
 */
const outputOf = (result, side) => (side === 'ajv' ? `stderr ${result.stderr.length}` : `${result.stdout.length}+${result.stderr.length}`);

function compare(label, rounds, velakitCommand, ajvCommand, expected) {
  const sides = { velakit: { wall: [], cpu: [] }, ajv: { wall: [], cpu: [] } };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ['velakit', 'ajv'] : ['ajv', 'velakit'];
    for (const side of order) {
      const result = side === 'velakit' ? velakitCommand() : ajvCommand();
      // Same output size as the run whose flagged files were compared: a run that failed early cannot pass as fast.
      if (outputOf(result, side) !== expected[side]) throw new Error(`${label}: a timed ${side} run printed ${outputOf(result, side)} characters, the checked run ${expected[side]}`);
      const { wall, cpu } = result;
      sides[side].wall.push(wall);
      if (cpu !== undefined) sides[side].cpu.push(cpu);
    }
  }
  const v = stats(sides.velakit.wall);
  const a = stats(sides.ajv.wall);
  const ratio = a.median / v.median;
  const perRound = sides.ajv.wall.map((value, i) => value / sides.velakit.wall[i]);
  const r = stats(perRound);
  let line = `${label.padEnd(24)} velakit ${triple(v)} ms   ajv-cli ${triple(a)} ms   ${ratio.toFixed(2)}x (per round ${r.min.toFixed(2)}-${r.max.toFixed(2)})`;
  if (gnuTime) {
    const vc = stats(sides.velakit.cpu);
    const ac = stats(sides.ajv.cpu);
    line += `   cpu ${vc.median.toFixed(0)} vs ${ac.median.toFixed(0)} ms (${(ac.median / vc.median).toFixed(2)}x)`;
  }
  console.log(`${line}   ${rounds} rounds`);
  return { velakit: v, ajv: a };
}

try {
  console.log(`@velakit/manifest bench in ${dir}`);
  console.log('wall ms as min / median / max; ratio = ajv-cli median / velakit median; interleaved, order alternating each round');
  mkdirSync(join(dir, 'all'));
  for (let i = 0; i < largest; i++) writeFileSync(join(dir, 'all', name(i)), manifest(i));
  const medians = new Map();
  for (const size of sizes) {
    const batch = `b${size}`;
    mkdirSync(join(dir, batch));
    const files = [];
    for (let i = 0; i < size; i++) {
      linkSync(join(dir, 'all', name(i)), join(dir, batch, name(i)));
      files.push(`${batch}/${name(i)}`);
    }
    const velakit = () => run(bin, velakitArgs(files), dir);
    const ajv = () => run(ajvCli, ajvArgs(`${batch}/*.json`), dir);
    const [checkedVelakit, checkedAjv] = [velakit(), ajv()]; // also warms the file cache for both
    const flagged = sameWork(`${size} files`, checkedVelakit, checkedAjv);
    const rounds = Math.max(3, Math.round((plan.get(size) ?? 5) * roundsScale));
    const label = `${size.toLocaleString('en')} file${size === 1 ? '' : 's'} (${flagged} flagged)`;
    medians.set(size, compare(label, rounds, velakit, ajv, { velakit: outputOf(checkedVelakit, 'velakit'), ajv: outputOf(checkedAjv, 'ajv') }));
  }
  const measured = sizes.filter((size) => size > 1);
  if (measured.length > 0 && sizes.includes(1)) {
    const perFile = (side) => measured.map((size) => `${size}: ${((medians.get(size)[side].median - medians.get(1)[side].median) / (size - 1)).toFixed(4)}`).join(', ');
    console.log(`per extra file, ms (median(n) - median(1)) / (n - 1): velakit ${perFile('velakit')}`);
    console.log(`                                                 ajv-cli ${perFile('ajv')}`);
  }

  // One manifest with 8,000 bad router pages: placing 8,000 diagnostics must stay linear (issue: 50 s before).
  writeFileSync(join(dir, 'pages.json'), manyPages(8000));
  const big = () => run(bin, ['--format', 'json', 'pages.json'], dir);
  const bigAjv = () => run(ajvCli, ajvArgs('pages.json'), dir);
  const first = big();
  const diagnostics = JSON.parse(first.stdout)[0].diagnostics.filter((d) => d.severity === 'error').length;
  if (diagnostics !== 8000) throw new Error(`8,000 pages: expected 8,000 diagnostics, got ${diagnostics}`);
  const firstAjv = bigAjv();
  sameWork('8,000 pages', first, firstAjv);
  const { velakit } = compare('8,000 bad pages, 1 file', Math.max(3, Math.round(5 * roundsScale)), big, bigAjv, { velakit: outputOf(first, 'velakit'), ajv: outputOf(firstAjv, 'ajv') });
  console.log(`8,000 pages: ${diagnostics} diagnostics placed in ${velakit.median.toFixed(0)} ms median wall (${velakit.median < 1000 ? 'under' : 'NOT under'} 1 s)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
