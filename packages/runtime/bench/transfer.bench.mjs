// `npm run bench -w @velakit/runtime`: 1 GiB upload and download over loopback, the runtime against curl in the same
// run. The runtime runs in a child process so its peak RSS is measured alone. Median of several runs.
// VELAKIT_BENCH_BYTES and VELAKIT_BENCH_RUNS change the size (default 1 GiB) and the number of runs (default 3).
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync, statSync, unlinkSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createRuntime } from '@velakit/runtime';

const bytes = Number(process.env.VELAKIT_BENCH_BYTES ?? 1024 ** 3);
const runs = Number(process.env.VELAKIT_BENCH_RUNS ?? 3);
const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));

const curlVersion = spawnSync('curl', ['--version'], { encoding: 'utf8' });
const hasCurl = curlVersion.status === 0;
if (!hasCurl) {
  console.log('curl is not installed: the runtime is measured alone, with no baseline. Install it (apt-get install -y curl) to compare.');
}

// A server that discards uploads and serves `bytes` zero bytes, both with backpressure.
const chunk = Buffer.alloc(1024 * 1024);
const server = createServer((request, response) => {
  if (request.method === 'POST') {
    let received = 0;
    request.on('data', (part) => (received += part.length));
    request.on('end', () => response.end(String(received)));
    return;
  }
  response.writeHead(200, { 'Content-Length': bytes, 'Content-Type': 'application/octet-stream' });
  let left = bytes;
  const pump = () => {
    while (left > 0) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!response.write(piece)) return void response.once('drain', pump);
    }
    response.end();
  };
  pump();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

// The app's sandbox lives in a scratch folder; the 1 GiB file is sparse and removed at the end.
const scratch = mkdtempSync(join(tmpdir(), 'velakit-bench-'));
const appRoot = join(scratch, 'app');
const dataDir = join(scratch, 'data');
mkdirSync(join(appRoot, 'src'), { recursive: true });
writeFileSync(join(appRoot, 'src', 'manifest.json'), JSON.stringify({ package: 'com.velakit.bench', features: [{ name: 'system.uploadtask' }, { name: 'system.request' }] }));
const layout = createRuntime({ appRoot, dataDir, device: 'xiaomi-watch-s4' });
const uploadFile = layout.pathOf('internal://files/bench.bin');
const downloaded = layout.pathOf('internal://cache/bench-download.bin');
await layout.close();
writeFileSync(uploadFile, '');
truncateSync(uploadFile, bytes);
const curlOut = join(scratch, 'curl-download.bin');

async function runtimeOnce(mode) {
  const url = mode === 'upload' ? `${base}/upload` : `${base}/download`;
  const { stdout } = await run(process.execPath, [join(here, 'runtime-client.mjs'), mode, url, appRoot, dataDir], { maxBuffer: 1 << 20 });
  if (mode === 'download') {
    if (statSync(downloaded).size !== bytes) throw new Error('the runtime saved a file of the wrong size');
    unlinkSync(downloaded);
  }
  return JSON.parse(stdout);
}

async function curlOnce(mode) {
  const args =
    mode === 'upload'
      ? ['-sS', '-o', '/dev/null', '-w', '%{time_total}', '-F', `file=@${uploadFile}`, `${base}/upload`]
      : ['-sS', '-o', curlOut, '-w', '%{time_total}', `${base}/download`];
  const { stdout } = await run('curl', args);
  if (mode === 'download') unlinkSync(curlOut);
  return { seconds: Number(stdout) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mib = (value) => value / 1024 / 1024;
const results = {};
try {
  for (const mode of ['upload', 'download']) {
    const own = [];
    const baseline = [];
    for (let index = 0; index < runs; index += 1) {
      // Alternate, so both see the same machine state.
      own.push(await runtimeOnce(mode));
      if (hasCurl) baseline.push(await curlOnce(mode));
    }
    results[mode] = {
      runtime: bytes / median(own.map((entry) => entry.seconds)),
      curl: hasCurl ? bytes / median(baseline.map((entry) => entry.seconds)) : undefined,
      peakRssMiB: Math.max(...own.map((entry) => entry.maxRssKiB)) / 1024,
    };
  }
} finally {
  server.close();
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`@velakit/runtime transfer bench: ${mib(bytes).toFixed(0)} MiB over loopback, median of ${runs} runs`);
const targets = { upload: 1, download: 0.9 };
let pass = true;
for (const [mode, entry] of Object.entries(results)) {
  const ratio = entry.curl === undefined ? undefined : entry.runtime / entry.curl;
  const ratioOk = ratio === undefined || ratio >= targets[mode];
  const rssOk = entry.peakRssMiB <= 100;
  pass &&= ratioOk && rssOk;
  console.log(
    `${mode.padEnd(8)} runtime ${mib(entry.runtime).toFixed(0).padStart(5)} MiB/s` +
      (entry.curl === undefined ? '' : `   curl ${mib(entry.curl).toFixed(0).padStart(5)} MiB/s   ratio ${ratio.toFixed(2)} (target ≥ ${targets[mode]})`) +
      `   runtime peak RSS ${entry.peakRssMiB.toFixed(1)} MiB (target ≤ 100)   ${ratioOk && rssOk ? 'ok' : 'MISSED'}`,
  );
}
console.log(pass ? 'all targets met' : 'some targets missed');
