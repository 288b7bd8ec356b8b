// @ts-check
// npm run bench:steady (in @velakit/eslint-plugin): what velakit's rules cost per lint once everything is warm.
//
// One Node process lints the `src` folder of the bench's generated app (corpus.mjs, BENCH_FILES, default 2,400) again
// and again through the ESLint API, one ESLint instance per side, so every pass meets optimized code and filled caches:
//
//   baseline  velakit's recommended config with every velakit rule off, plus no-debugger (as in run.mjs)
//   analysis  the same with one source rule on, no-unknown-module: the shared per-file analysis and little else
//   velakit   the recommended config with velakit's rules on
//
// Two warm-up rounds, then BENCH_ROUNDS (default 12) rounds; each round lints once per side, the order turning every
// round. A side's passes must all report the same problems (rule, file, line, column), and every side the same
// no-debugger reports as the baseline. Clock: the process's user + system CPU time around each pass (process.cpuUsage:
// every thread, so V8's compiler and GC threads too), and the garbage collector's pause time in it
// (PerformanceObserver). Printed: min / median / max per side, and against the baseline the median of the per-round
// differences (a round's passes ran back to back), in ms, % and µs per file, with its interval (median-interval.mjs).
//
// Why: the whole-process bench (run.mjs) cannot tell a cost paid once per process (code compiled and run cold, caches
// filled) from one paid for every file linted. This run holds only the second.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { writeCorpus } from './corpus.mjs';
import { median, medianInterval } from './median-interval.mjs';

const require = createRequire(import.meta.url);
const fileCount = Number(process.env.BENCH_FILES ?? 2400);
const rounds = Number(process.env.BENCH_ROUNDS ?? 12);
const warmUpRounds = 2;
const pluginUrl = pathToFileURL(require.resolve('@velakit/eslint-plugin')).href;
/** @type {{ ESLint: typeof import('eslint').ESLint }} */
const { ESLint } = require('eslint');

/** Which velakit rules each side keeps on: none, one, or all. */
const sides = /** @type {const} */ ({ baseline: [], analysis: ['velakit/no-unknown-module'], velakit: 'all' });
/** @typedef {keyof typeof sides} Side */

const dir = mkdtempSync(join(tmpdir(), 'velakit-lint-steady-'));
try {
  writeCorpus(dir, fileCount, { logic: process.env.BENCH_LOGIC === 'none' ? 'none' : 'app' });
  /** @type {Record<Side, import('eslint').ESLint>} */
  const engines = /** @type {never} */ ({});
  for (const side of /** @type {Side[]} */ (Object.keys(sides))) {
    const on = sides[side];
    const path = join(dir, `${side}.config.mjs`);
    writeFileSync(
      path,
      `import velakit from ${JSON.stringify(pluginUrl)};
const on = ${JSON.stringify(on)};
const kept = (rule) => on === 'all' || on.includes(rule);
export default [
  ...velakit.configs.recommended.map((config) =>
    config.rules
      ? { ...config, rules: Object.fromEntries(Object.entries(config.rules).map(([rule, level]) => [rule, kept(rule) ? level : 'off'])) }
      : config,
  ),
  { files: ['**/*.js', '**/*.ux'], rules: { 'no-debugger': 'error' } },
];
`,
    );
    engines[side] = new ESLint({ cwd: dir, overrideConfigFile: path, cache: false });
  }

  let gcPause = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcPause += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });

  const names = /** @type {Side[]} */ (Object.keys(sides));
  /** @type {Record<Side, { cpu: number[], gc: number[] }>} */
  const times = /** @type {never} */ (Object.fromEntries(names.map((name) => [name, { cpu: [], gc: [] }])));
  /** @type {Partial<Record<Side, string>>} */
  const reports = {};
  for (let round = -warmUpRounds; round < rounds; round++) {
    const order = round % 2 ? [...names].reverse() : names;
    for (const side of order) {
      gcPause = 0;
      const start = process.cpuUsage();
      const results = await engines[side].lintFiles(['src']);
      const used = process.cpuUsage(start);
      // GC entries are delivered asynchronously: let the observer see this pass's entries before reading the total.
      await new Promise((resolve) => setImmediate(resolve));
      const report = results
        .flatMap((file) => file.messages.map((m) => `${m.ruleId} ${file.filePath}:${m.line}:${m.column}`))
        .join('\n');
      if (results.length !== fileCount + 1 || results.some((file) => file.fatalErrorCount > 0)) {
        throw new Error(`${side}: linted ${results.length} files (expected ${fileCount + 1}) or hit a fatal error`);
      }
      if (reports[side] !== undefined && reports[side] !== report)
        throw new Error(`${side}: a pass reported differently`);
      reports[side] = report;
      if (round >= 0) {
        times[side].cpu.push((used.user + used.system) / 1000);
        times[side].gc.push(gcPause);
      }
    }
  }
  observer.disconnect();

  // The same work on every side: the core rule's reports are the same files and lines.
  const debuggers = (/** @type {Side} */ side) =>
    (reports[side] ?? '')
      .split('\n')
      .filter((line) => line.startsWith('no-debugger '))
      .join('\n');
  for (const side of names) {
    if (debuggers(side) === '' || debuggers(side) !== debuggers('baseline')) {
      throw new Error(
        `${side}: the no-debugger reports differ from the baseline's: the sides did not do the same work`,
      );
    }
  }

  /** @param {number[]} values */
  const spread = (values) =>
    `min ${Math.min(...values).toFixed(0)}  median ${median(values).toFixed(0)}  max ${Math.max(...values).toFixed(0)} ms`;
  const problems = (/** @type {Side} */ side) => (reports[side] ? reports[side].split('\n').length : 0);
  /** @param {number} value @param {number} digits */
  const signed = (value, digits) => `${value >= 0 ? '+' : ''}${value.toFixed(digits)}`;

  console.log(
    `@velakit/eslint-plugin steady state: ${fileCount} files (+ manifest.json), one process, ${rounds} rounds after ${warmUpRounds} warm-up rounds`,
  );
  console.log('clock: process CPU time (user + system, every thread) per lint pass; gc = GC pause time within it');
  const baseline = times.baseline;
  for (const side of names) {
    const own = times[side];
    let line = `${side.padEnd(9)} cpu ${spread(own.cpu)}   gc median ${median(own.gc).toFixed(0)} ms   problems ${problems(side)}`;
    if (side !== 'baseline') {
      const differences = own.cpu.map((cpu, round) => cpu - (baseline.cpu[round] ?? Number.NaN));
      const difference = median(differences);
      const ratio = median(own.cpu.map((cpu, round) => cpu / (baseline.cpu[round] ?? Number.NaN) - 1));
      const interval = medianInterval(differences);
      line += `   vs baseline: ${signed(difference, 0)} ms (${signed(ratio * 100, 1)} %), ${signed((difference * 1000) / fileCount, 0)} µs per file`;
      if (interval) {
        line += `, ${(interval.coverage * 100).toFixed(1)} % interval ${signed(interval.low, 0)} to ${signed(interval.high, 0)} ms`;
      }
    }
    console.log(line);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
