// npm run bench: ESLint over a generated corpus of Vela-style files, three ways, in one process:
//   baseline  — @eslint/js recommended + velakit's configs with every velakit rule off (same files, parsers, processor)
//   velakit   — the same with velakit's recommended rules on
//   compat    — baseline + eslint-plugin-compat 6's flat/recommended
// Median wall time of several runs each (interleaved, no cache); prints each overhead against the baseline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import js from '@eslint/js';
import velakit from '@velakit/eslint-plugin';
import { clearAppSourcesCache, clearManifestCache } from '@velakit/eslint-rules';
import compat from 'eslint-plugin-compat';
import { ESLint } from 'eslint';
import { writeCorpus } from './corpus.mjs';

const fileCount = Number(process.env.BENCH_FILES ?? 2000);
const runs = Number(process.env.BENCH_RUNS ?? 5);

const dir = mkdtempSync(join(tmpdir(), 'velakit-bench-'));
const kinds = writeCorpus(dir, fileCount);

const rulesOff = velakit.configs.recommended.map((config) =>
  config.rules ? { ...config, rules: Object.fromEntries(Object.keys(config.rules).map((name) => [name, 'off'])) } : config,
);
// JavaScript rules scoped to JavaScript: unscoped, they would also run on manifest.json (a JSON language file).
const base = [
  { files: ['**/*.js'], ...js.configs.recommended },
  { files: ['**/*.js'], languageOptions: { globals: { console: 'readonly', module: 'writable', require: 'readonly' } } },
];
const setups = {
  baseline: [...base, ...rulesOff],
  velakit: [...base, ...velakit.configs.recommended],
  compat: [...base, ...rulesOff, compat.configs['flat/recommended']],
};

async function lintOnce(name) {
  // Started with --expose-gc (npm run bench), a collection before each run keeps one run's garbage out of the next.
  globalThis.gc?.();
  clearManifestCache();
  clearAppSourcesCache();
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: setups[name], cache: false });
  const start = performance.now();
  const results = await eslint.lintFiles(['src']);
  const elapsed = performance.now() - start;
  const messages = results.reduce((sum, result) => sum + result.messages.length, 0);
  const fatal = results.reduce((sum, result) => sum + result.fatalErrorCount, 0);
  return { elapsed, files: results.length, messages, fatal };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

try {
  console.log(`corpus: ${fileCount} source files + manifest (${JSON.stringify(kinds)}) in ${dir}`);
  for (const name of Object.keys(setups)) await lintOnce(name); // warm-up: module loading, JIT
  const times = { baseline: [], velakit: [], compat: [] };
  let last = {};
  for (let run = 0; run < runs; run++) {
    for (const name of Object.keys(setups)) {
      const result = await lintOnce(name);
      times[name].push(result.elapsed);
      last[name] = result;
    }
  }
  const baseline = median(times.baseline);
  console.log(`\n${runs} runs each, median wall time (files linted, messages, fatal):`);
  for (const name of Object.keys(setups)) {
    const time = median(times[name]);
    const overhead = name === 'baseline' ? '' : `  overhead ${(((time - baseline) / baseline) * 100).toFixed(1)} %`;
    console.log(`  ${name.padEnd(9)} ${time.toFixed(0).padStart(6)} ms  (${last[name].files} files, ${last[name].messages} messages, ${last[name].fatal} fatal)${overhead}`);
  }
  const velakitOverhead = (median(times.velakit) - baseline) / baseline;
  const compatOverhead = (median(times.compat) - baseline) / baseline;
  console.log(`\nvelakit overhead ${(velakitOverhead * 100).toFixed(1)} % (target ≤ 10 %), eslint-plugin-compat ${(compatOverhead * 100).toFixed(1)} %`);
  console.log(velakitOverhead <= 0.1 && velakitOverhead < compatOverhead ? 'targets met' : 'TARGETS MISSED');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
