// npm run bench (in @velakit/eslint-plugin): what velakit's rules cost, timed as the whole ESLint CLI processes users
// run, over a generated app where most files use Vela APIs (see bench/README.md).
//
//   baseline  velakit's recommended config (processor, parsers, JSON language) with every velakit rule off, plus one
//             cheap core rule (no-debugger)
//   velakit   the same config with velakit's rules on
//
// Rounds alternate which side runs first. Before timing, both sides lint once with the JSON formatter and must agree on
// the work: the same files, no fatal errors, the same no-debugger reports. Every timed run's output must match the
// first timed run of its side (same exit code, same output length). Clock: wall time of the child process
// (process.hrtime), plus its user+system CPU time from /usr/bin/time where present.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeCorpus } from './corpus.mjs';

const require = createRequire(import.meta.url);
const fileCount = Number(process.env.BENCH_FILES ?? 2400);
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const eslintBin = join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
const velakitBin = join(dirname(require.resolve('velakit/package.json')), 'dist', 'bin', 'velakit.js');
const pluginUrl = pathToFileURL(require.resolve('@velakit/eslint-plugin')).href;
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const dir = mkdtempSync(join(tmpdir(), 'velakit-lint-bench-'));
const corpus = writeCorpus(dir, fileCount);

/** A flat config file for one side, importing the built plugin by absolute URL (the corpus lives outside the repo). */
function writeConfig(name, rulesOn) {
  const text = `import velakit from ${JSON.stringify(pluginUrl)};
const recommended = velakit.configs.recommended;
export default [
  ...${rulesOn ? 'recommended' : 'recommended.map((config) => (config.rules ? { ...config, rules: Object.fromEntries(Object.keys(config.rules).map((rule) => [rule, "off"])) } : config))'},
  { files: ['**/*.js', '**/*.ux'], rules: { 'no-debugger': 'error' } },
];
`;
  const path = join(dir, `${name}.config.mjs`);
  writeFileSync(path, text);
  return path;
}

const configs = { baseline: writeConfig('baseline', false), velakit: writeConfig('velakit', true) };
// velakit check reads the app's own eslint.config.* when it has one: the same config as the velakit side.
writeFileSync(join(dir, 'eslint.config.mjs'), `export { default } from './velakit.config.mjs';\n`);

/** Runs a command to its end; resolves with wall ms, CPU ms (when measurable), exit code and stdout. */
function run(command, args, env = {}) {
  const cpuFile = join(dir, '.cpu-time');
  const timed = gnuTime ? [gnuTime, ['-o', cpuFile, '-f', '%U %S', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(timed[0], timed[1], { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      let cpu;
      if (gnuTime) {
        // GNU time may print "Command exited with non-zero status N" before the figures: the last line holds them.
        const [user, system] = readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
        cpu = (user + system) * 1000;
      }
      resolve({ wall, cpu, code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
    });
  });
}

const eslint = (side, targets, extra = [], env) => run(process.execPath, [eslintBin, '--config', configs[side], ...extra, ...targets], env);

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { min: sorted[0], median, max: sorted.at(-1) };
}
const ms = (value) => `${value.toFixed(0)} ms`;
const show = ({ min, median, max }) => `min ${ms(min)}  median ${ms(median)}  max ${ms(max)}`;

/** The work a side did, from the JSON formatter: files linted, fatal errors, the core rule's reports. */
function work(result) {
  if (result.code === 2) throw new Error(`ESLint failed:\n${result.stderr}`);
  const results = JSON.parse(result.stdout);
  const debuggers = results.flatMap((file) =>
    file.messages.filter((message) => message.ruleId === 'no-debugger').map((message) => `${file.filePath}:${message.line}`),
  );
  return {
    files: results.length,
    fatal: results.reduce((sum, file) => sum + file.fatalErrorCount, 0),
    velakit: results.reduce((sum, file) => sum + file.messages.filter((message) => message.ruleId?.startsWith('velakit/')).length, 0),
    debuggers: debuggers.sort().join('\n'),
    debuggerCount: debuggers.length,
  };
}

function checkSameWork(label, a, b, { needDebuggers = true } = {}) {
  if (a.files !== b.files || a.fatal !== 0 || b.fatal !== 0 || a.debuggers !== b.debuggers || (needDebuggers && a.debuggerCount === 0)) {
    throw new Error(`${label}: the two sides did not do the same work: ${JSON.stringify({ a: { ...a, debuggers: undefined }, b: { ...b, debuggers: undefined } })}`);
  }
}

/** Interleaved rounds of two commands, alternating which goes first; each run's output must match its side's first. */
async function pairs(label, sides) {
  const names = Object.keys(sides);
  const times = Object.fromEntries(names.map((name) => [name, { wall: [], cpu: [] }]));
  const first = {};
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...names].reverse() : names;
    for (const name of order) {
      const result = await sides[name]();
      const signature = `${result.code}:${result.stdout.length}`;
      first[name] ??= signature;
      if (first[name] !== signature) throw new Error(`${label}/${name}: round ${round} printed different output (${signature} vs ${first[name]})`);
      times[name].wall.push(result.wall);
      if (result.cpu !== undefined) times[name].cpu.push(result.cpu);
    }
  }
  return times;
}

function report(label, times, baselineName) {
  const base = stats(times[baselineName].wall).median;
  const baseCpu = times[baselineName].cpu.length ? stats(times[baselineName].cpu).median : undefined;
  console.log(`\n${label} (${rounds} rounds, wall clock${gnuTime ? '; CPU = user+system of the child' : ''}):`);
  for (const [name, { wall, cpu }] of Object.entries(times)) {
    const wallStats = stats(wall);
    const ratio = name === baselineName ? '' : `  → ${(((wallStats.median - base) / base) * 100).toFixed(1)} % wall`;
    const cpuText = cpu.length ? `  | CPU median ${ms(stats(cpu).median)}${name === baselineName || !baseCpu ? '' : ` (${(((stats(cpu).median - baseCpu) / baseCpu) * 100).toFixed(1)} %)`}` : '';
    console.log(`  ${name.padEnd(13)} ${show(wallStats)}${cpuText}${ratio}`);
  }
  return (stats(times[Object.keys(times).find((name) => name !== baselineName)].wall).median - base) / base;
}

try {
  const total = corpus.system.length + corpus.plain.length;
  console.log(`corpus: ${total} source files in ${dir}: ${corpus.system.length} import @system.* (${((corpus.system.length / total) * 100).toFixed(0)} %), ${corpus.plain.length} do not; .ux pages and components, .js helpers and barrels, one manifest`);

  // 1. Same work, checked before anything is timed.
  const json = ['--format', 'json'];
  const baseWork = work(await eslint('baseline', ['src'], json));
  const velakitWork = work(await eslint('velakit', ['src'], json));
  checkSameWork('whole app', baseWork, velakitWork);
  console.log(`both sides lint ${baseWork.files} files with 0 fatal errors and the same ${baseWork.debuggerCount} no-debugger reports; velakit adds ${velakitWork.velakit} reports`);

  // 2. The headline: whole ESLint processes over the whole app.
  const whole = await pairs('whole app', { baseline: () => eslint('baseline', ['src']), velakit: () => eslint('velakit', ['src']) });
  const overhead = report('ESLint CLI over the whole app', whole, 'baseline');

  // 3. Cost per file that uses @system and per file that does not: whole processes over each half, the difference
  //    between the sides divided by the number of files.
  for (const [kind, files] of [
    ['files importing @system.*', corpus.system],
    ['files without @system', corpus.plain],
  ]) {
    const before = work(await eslint('baseline', files, json));
    const after = work(await eslint('velakit', files, json));
    checkSameWork(kind, before, after, { needDebuggers: files === corpus.plain });
    const times = await pairs(kind, { baseline: () => eslint('baseline', files), velakit: () => eslint('velakit', files) });
    report(`ESLint CLI over the ${files.length} ${kind}`, times, 'baseline');
    const perFile = (stats(times.velakit.wall).median - stats(times.baseline.wall).median) / files.length;
    console.log(`  velakit's cost per file: ${(perFile * 1000).toFixed(0)} µs (wall, median difference / ${files.length} files)`);
  }

  // 4. Per-rule times from ESLint's TIMING (one run; TIMING=all lists every rule).
  const timing = await eslint('velakit', ['src'], [], { TIMING: 'all' });
  const rows = timing.stdout.split('\n').filter((line) => /velakit\/|no-debugger/.test(line) && line.includes('|'));
  console.log(`\nESLint TIMING (one run, velakit side), per rule:\n${rows.map((row) => `  ${row.trim()}`).join('\n')}`);

  // 5. velakit check (manifest + lint + device table) against eslint with the same config and rules.
  if (existsSync(velakitBin)) {
    const times = await pairs('velakit check', {
      eslint: () => run(process.execPath, [eslintBin, 'src']),
      'velakit check': () => run(process.execPath, [velakitBin, 'check', '.']),
    });
    report('velakit check vs eslint with the same eslint.config.mjs', times, 'eslint');
  }

  console.log(`\nvelakit overhead on the whole app: ${(overhead * 100).toFixed(1)} % (target ≤ 5 %) → ${overhead <= 0.05 ? 'target met' : 'TARGET MISSED'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
