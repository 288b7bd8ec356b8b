// velakit-manifest vs ajv-cli on the same schema, in the same run: 1,000 manifests, then a single file.
// Each command runs as a fresh process (as in CI), several times; the median wall time is compared.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const bin = here('../dist/bin/velakit-manifest.js');
const ajvCli = here('../../../node_modules/ajv-cli/dist/index.js');
const schema = here('../../../schemas/manifest.schema.json');
const keywords = here('./editor-keywords.cjs');
const runs = Number(process.env.BENCH_RUNS ?? 7);
const count = 1000;

const base = JSON.parse(readFileSync(here('../test/manifests/valid/full.json'), 'utf8'));
delete base.$schema;
const dir = mkdtempSync(join(tmpdir(), 'velakit-manifest-bench-'));
mkdirSync(join(dir, 'm'));
const files = [];
for (let i = 0; i < count; i++) {
  const manifest = structuredClone(base);
  manifest.package = `com.example.app${i}`;
  manifest.versionCode = 1 + (i % 50);
  // One in ten has a problem, as in a real monorepo of apps.
  if (i % 20 === 3) manifest.config.logLevel = 'verbose';
  if (i % 20 === 13) manifest.targetDevices.push('redmi-watch-9');
  const file = join(dir, 'm', `app${String(i).padStart(4, '0')}.json`);
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  files.push(file);
}

function time(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [command, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status === null || result.status > 1) throw new Error(`${command} failed: ${result.stderr}`);
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function compare(label, velakitArgs, ajvArgs) {
  const velakit = [];
  const ajv = [];
  time(bin, velakitArgs); // warm the file cache for both
  time(ajvCli, ajvArgs);
  for (let i = 0; i < runs; i++) {
    velakit.push(time(bin, velakitArgs));
    ajv.push(time(ajvCli, ajvArgs));
  }
  const v = median(velakit);
  const a = median(ajv);
  console.log(`${label.padEnd(22)} velakit-manifest ${v.toFixed(0).padStart(6)} ms   ajv-cli ${a.toFixed(0).padStart(6)} ms   velakit is ${(a / v).toFixed(2)}x as fast (median of ${runs})`);
}

const ajvCommon = ['validate', '-s', schema, '--spec=draft7', '--all-errors', '-c', keywords];
try {
  console.log(`@velakit/manifest bench: ${count} manifests in ${dir}`);
  compare(`${count} manifests`, ['--format', 'json', ...files.map((f) => f.slice(dir.length + 1))], [...ajvCommon, '-d', 'm/*.json']);
  compare('single manifest', ['--format', 'json', files[3].slice(dir.length + 1)], [...ajvCommon, '-d', files[3].slice(dir.length + 1)]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
