// @ts-check
// `npm run bench:stages -w @velakit/manifest`: what each stage of velakit-manifest costs per file, warm and in memory
// (no reading, no process start), over the bench's 10,000 manifests (corpus.mjs). A supporting figure for the 2x
// target against ajv-cli: it bounds from below what one thread must spend per file. Clock: process.hrtime around a
// pass over all files; 1 first pass, then 9 warm ones; µs per file, min / median / max of the warm passes.
import { validateManifest } from '../dist/validate.js';
import { validateSchema } from '../dist/schema-validator.js';
import { jsonLayout } from '../dist/cli/formatters/json.js';
import { manifest } from './corpus.mjs';

const count = Number(process.env['BENCH_FILES'] ?? 10_000);
const texts = Array.from({ length: count }, (_, i) => manifest(i));
const paths = texts.map((_, i) => `apps/app-${i}/src/manifest.json`);

/** @type {Record<string, () => number>} Each stage returns a count of what it produced, checked equal between passes. */
const stages = {
  'JSON.parse': () => {
    let objects = 0;
    for (const text of texts) if (typeof JSON.parse(text) === 'object') objects++;
    return objects;
  },
  'JSON.parse + schema': () => {
    let valid = 0;
    for (const text of texts) if (validateSchema(JSON.parse(text))) valid++;
    return valid;
  },
  'validateManifest (everything but the report)': () => {
    let diagnostics = 0;
    for (const text of texts) diagnostics += validateManifest(text).diagnostics.length;
    return diagnostics;
  },
  'validateManifest + JSON report entry': () => {
    let characters = 0;
    for (let i = 0; i < count; i++) {
      const result = validateManifest(/** @type {string} */ (texts[i]));
      const text = result.diagnostics.length > 0 ? /** @type {string} */ (texts[i]) : '';
      characters += jsonLayout.entry({ path: /** @type {string} */ (paths[i]), text, ...result }).length;
    }
    return characters;
  },
};

/** @type {Map<string, { work: number, times: number[] }>} */
const results = new Map();
for (let pass = 0; pass < 10; pass++) {
  for (const [name, run] of Object.entries(stages)) {
    const start = process.hrtime.bigint();
    const work = run();
    const perFile = Number(process.hrtime.bigint() - start) / 1e3 / count;
    const seen = results.get(name);
    if (seen === undefined) results.set(name, { work, times: [perFile] });
    else if (seen.work !== work) throw new Error(`${name}: pass ${pass + 1} did other work (${work} vs ${seen.work})`);
    else seen.times.push(perFile);
  }
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;
console.log(`velakit-manifest per-file stages over ${count} bench manifests, in memory (µs per file)`);
for (const [name, { work, times }] of results) {
  const warm = times.slice(1);
  console.log(
    `  ${name.padEnd(46)} warm min ${Math.min(...warm).toFixed(2)}  median ${median(warm).toFixed(2)}  max ${Math.max(...warm).toFixed(2)}   first pass ${times[0]?.toFixed(2)}   (work: ${work})`,
  );
}
