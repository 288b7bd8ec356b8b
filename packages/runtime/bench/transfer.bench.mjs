// @ts-check
// `npm run bench -w @velakit/runtime`: upload and download of a file of random bytes over loopback, the runtime against
// curl in the same run. See the README's "Benchmark" section for what is measured and why.
//
// VELAKIT_BENCH_BYTES (default 1 GiB) and VELAKIT_BENCH_ROUNDS (default 7) change the size and the rounds.
import { createHash, randomFillSync } from 'node:crypto';
import { execFile, fork, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createRuntime } from '@velakit/runtime';

const bytes = Number(process.env.VELAKIT_BENCH_BYTES ?? 1024 ** 3);
const rounds = Number(process.env.VELAKIT_BENCH_ROUNDS ?? 7);
if (!Number.isInteger(bytes) || bytes < 1024 * 1024 || !Number.isInteger(rounds) || rounds < 1) {
  console.error(
    'VELAKIT_BENCH_BYTES must be an integer of at least 1 MiB and VELAKIT_BENCH_ROUNDS a positive integer.',
  );
  process.exit(2);
}
const run = promisify(execFile);
/** @typedef {'upload' | 'download' | 'pinned upload'} Mode */
/** @typedef {'runtime' | 'curl'} Side */
/**
 * What the server reports after each request (see bench-server.mjs).
 * @typedef {{ method: string, bodyBytes: number, contentLength: number, cpuMicros: number, seconds: number,
 *   reads?: number, fileBytes?: number, fileSha256?: string }} ServerReport
 */
/**
 * One timed transfer: `seconds` by the client's own clock, CPU in seconds, `bytes` as the client counts them.
 * @typedef {{ seconds: number, processCpuSeconds: number, processUserSeconds: number, transferCpuSeconds?: number,
 *   transferUserSeconds?: number, bytes: number,
 *   maxRssKiB?: number, output: string }} SideResult
 */
/** @typedef {SideResult & { serverCpuSeconds: number, report: ServerReport }} Transfer */
const here = dirname(fileURLToPath(import.meta.url));
const mib = bytes / 1024 / 1024;

const hasCurl = spawnSync('curl', ['--version']).status === 0;
if (!hasCurl)
  console.log(
    'curl is not installed: the runtime is measured alone, with no baseline (apt-get install -y curl to compare).',
  );

// Pinned rounds: the server on CPU 1 and each client on CPU 0, the same for both sides, so the scheduler cannot put
// client and server on one CPU or move them mid-transfer (on a 2-core machine that decides much of the wall time).
const canPin =
  process.platform === 'linux' &&
  availableParallelism() >= 2 &&
  ['0', '1'].every((cpu) => spawnSync('taskset', ['-c', cpu, 'true']).status === 0);
if (!canPin) console.log('taskset, or CPUs 0 and 1, are not available: the pinned upload rounds are skipped.');

// --- Set-up: a scratch app, its sandbox, and a file of random bytes (hashed as it is written) ---
const scratch = mkdtempSync(join(tmpdir(), 'velakit-bench-'));
const appRoot = join(scratch, 'app');
const dataDir = join(scratch, 'data');
mkdirSync(join(appRoot, 'src'), { recursive: true });
writeFileSync(
  join(appRoot, 'src', 'manifest.json'),
  JSON.stringify({
    package: 'com.velakit.bench',
    features: [{ name: 'system.uploadtask' }, { name: 'system.request' }],
  }),
);
const layout = createRuntime({ appRoot, dataDir, device: 'xiaomi-watch-s4' });
const uploadFile = layout.pathOf('internal://files/bench.bin');
const runtimeDownload = layout.pathOf('internal://cache/bench-download.bin');
await layout.close();
const curlDownload = join(scratch, 'curl-download.bin');
const sourceHash = createHash('sha256');
{
  const fd = openSync(uploadFile, 'w');
  const block = Buffer.allocUnsafe(8 * 1024 * 1024);
  for (let written = 0; written < bytes;) {
    const piece = block.subarray(0, Math.min(block.length, bytes - written));
    randomFillSync(piece);
    sourceHash.update(piece);
    writeSync(fd, piece);
    written += piece.length;
  }
  closeSync(fd);
}
const sourceSha256 = sourceHash.digest('hex');
// curl reads the same bytes from a hard link outside the sandbox (a copy where links are not possible).
const curlUpload = join(scratch, 'bench.bin');
try {
  linkSync(uploadFile, curlUpload);
} catch {
  copyFileSync(uploadFile, curlUpload);
}

// --- The server, in its own process ---
const server = fork(join(here, 'bench-server.mjs'), [uploadFile], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
/** @type {ServerReport[]} */
const serverReports = [];
let onReport = () => {};
/** @type {number} */
const port = await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.on('message', (/** @type {ServerReport | { port: number }} */ message) => {
    if ('port' in message) return resolve(message.port);
    serverReports.push(message);
    onReport();
  });
});
const base = `http://127.0.0.1:${port}`;
/**
 * Waits for the server's report of the request just made.
 * @returns {Promise<ServerReport>}
 */
async function serverReport() {
  for (;;) {
    const report = serverReports.shift();
    if (report !== undefined) return report;
    await new Promise((resolve) => (onReport = () => resolve(undefined)));
  }
}
const setVerify = (/** @type {boolean} */ verify) => server.send({ verify });

/**
 * User + system CPU seconds (and the user part) of the children of a `sh -c '...; times'` (the second line of `times`).
 * @param {string} timesOutput
 */
function childCpuSeconds(timesOutput) {
  const line = timesOutput.trim().split('\n').at(-1) ?? '';
  const values = [...line.matchAll(/(\d+)m([\d.]+)s/gu)].map((match) => Number(match[1]) * 60 + Number(match[2]));
  const [user, system] = values;
  if (values.length !== 2 || user === undefined || system === undefined)
    throw new Error(`cannot read CPU times from "${line}"`);
  return { cpu: user + system, user };
}

/**
 * Runs a command as a whole process; returns its stdout and the process's CPU time (user + system, from `times`).
 * @param {string} command
 * @param {string[]} args
 * @param {boolean} [pinned] run on CPU 0 (the server is then on CPU 1)
 */
async function measuredWithCpu(command, args, pinned = false) {
  // taskset replaces itself with the command (exec), so `times` still counts the command's own CPU.
  const line = pinned ? ['taskset', '-c', '0', command, ...args] : [command, ...args];
  const { stdout, stderr } = await run('sh', ['-c', '"$@" && times >&2', 'sh', ...line], {
    maxBuffer: 1 << 20,
  }).catch((/** @type {Error & { stderr?: string }} */ error) => {
    throw new Error(`${command} failed: ${error.stderr || error.message}`);
  });
  const { cpu, user } = childCpuSeconds(stderr);
  return { stdout, processCpuSeconds: cpu, processUserSeconds: user };
}

/** @type {Record<Side, (mode: Mode) => Promise<SideResult>>} */
const sides = {
  async runtime(mode) {
    const url = mode === 'download' ? `${base}/download` : `${base}/upload`;
    const { stdout, processCpuSeconds, processUserSeconds } = await measuredWithCpu(
      process.execPath,
      [join(here, 'runtime-client.mjs'), mode === 'download' ? 'download' : 'upload', url, appRoot, dataDir],
      mode === 'pinned upload',
    );
    const result = JSON.parse(stdout);
    return {
      seconds: result.seconds,
      processCpuSeconds,
      processUserSeconds,
      transferCpuSeconds: result.transferCpuMicros / 1e6,
      transferUserSeconds: result.transferUserMicros / 1e6,
      bytes: result.bytes,
      maxRssKiB: result.maxRssKiB,
      output: runtimeDownload,
    };
  },
  async curl(mode) {
    const args =
      mode !== 'download'
        ? [
            '-sS',
            '-o',
            '/dev/null',
            '-w',
            '%{time_total} %{size_upload}',
            '-F',
            `file=@${curlUpload}`,
            `${base}/upload`,
          ]
        : ['-sS', '-o', curlDownload, '-w', '%{time_total} %{size_download}', `${base}/download`];
    const { stdout, processCpuSeconds, processUserSeconds } = await measuredWithCpu(
      'curl',
      args,
      mode === 'pinned upload',
    );
    const [seconds = NaN, size = NaN] = stdout.trim().split(' ').map(Number);
    return {
      seconds,
      processCpuSeconds,
      processUserSeconds,
      bytes: mode === 'download' ? statSync(curlDownload).size : size,
      output: curlDownload,
    };
  },
};

/** @type {Side[]} */
const sideNames = hasCurl ? ['runtime', 'curl'] : ['runtime'];

/**
 * One transfer, checked: the server's count matches Content-Length, and for downloads the saved size matches.
 * @param {Side} side
 * @param {Mode} mode
 * @returns {Promise<Transfer>}
 */
async function transfer(side, mode) {
  const result = await sides[side](mode);
  const report = await serverReport();
  if (report.bodyBytes !== report.contentLength)
    throw new Error(`${side} ${mode}: server received ${report.bodyBytes} of ${report.contentLength} announced bytes`);
  if (mode !== 'download' && report.bodyBytes < bytes)
    throw new Error(`${side} upload: the body (${report.bodyBytes} bytes) is smaller than the file`);
  if (mode === 'download' && result.bytes !== bytes)
    throw new Error(`${side} download: saved ${result.bytes} of ${bytes} bytes`);
  return { ...result, serverCpuSeconds: report.cpuMicros / 1e6, report };
}

/** @param {string} path */
function sha256File(path) {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const block = Buffer.allocUnsafe(8 * 1024 * 1024);
  for (let read; (read = readSync(fd, block, 0, block.length, null)) > 0;) hash.update(block.subarray(0, read));
  closeSync(fd);
  return hash.digest('hex');
}

/** @typedef {{ min: number, median: number, max: number }} Spread */
/**
 * Min, median (the upper one for an even count) and max.
 * @param {number[]} values
 * @returns {Spread}
 */
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN, max: sorted.at(-1) ?? NaN };
};

/** @type {Mode[]} */
const modes = canPin ? ['upload', 'download', 'pinned upload'] : ['upload', 'download'];
/** @type {Record<Mode, Record<Side, Transfer[]>>} */
const results = {
  upload: { runtime: [], curl: [] },
  download: { runtime: [], curl: [] },
  'pinned upload': { runtime: [], curl: [] },
};
/**
 * Pins every thread of the server to CPU 1, or lets it run anywhere again.
 * @param {boolean} pinned
 */
const pinServer = (pinned) =>
  run('taskset', ['-a', '-pc', pinned ? '1' : `0-${availableParallelism() - 1}`, String(server.pid)]);
try {
  // --- Check round (untimed): both sides move the very same bytes ---
  setVerify(true);
  for (const side of sideNames) {
    const up = await transfer(side, 'upload');
    if (up.report.fileBytes !== bytes || up.report.fileSha256 !== sourceSha256) {
      throw new Error(`${side} upload: the server received a file of ${up.report.fileBytes} bytes with another hash`);
    }
    const down = await transfer(side, 'download');
    if (sha256File(down.output) !== sourceSha256)
      throw new Error(`${side} download: the saved file differs from what was served`);
    unlinkSync(down.output);
  }
  setVerify(false);
  console.log(
    `check round: runtime${hasCurl ? ' and curl' : ''} uploaded and downloaded the same ${mib.toFixed(0)} MiB (sha256 ${sourceSha256.slice(0, 12)}…)`,
  );

  // --- Timed rounds: interleaved (upload pair, download pair, pinned upload pair), the side that goes first
  // alternating ---
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? sideNames : [...sideNames].reverse();
    for (const mode of modes) {
      if (mode === 'pinned upload') await pinServer(true);
      for (const side of order) {
        const result = await transfer(side, mode);
        if (mode === 'download') unlinkSync(result.output);
        results[mode][side].push(result);
      }
      if (mode === 'pinned upload') await pinServer(false);
    }
  }
} finally {
  server.disconnect();
  rmSync(scratch, { recursive: true, force: true });
}

// --- Report ---
/** @param {number} value @param {number} [digits] */
const fmt = (value, digits = 0) => value.toFixed(digits);
/** @param {Spread} spread @param {number} [digits] */
const range = ({ min, median, max }, digits = 0) =>
  `${fmt(min, digits)} / ${fmt(median, digits)} / ${fmt(max, digits)}`;
console.log(
  `\n@velakit/runtime transfer bench: ${fmt(mib)} MiB of random bytes over loopback, ${rounds} interleaved rounds, order alternating` +
    `\nwall clock: each client's own monotonic timer around the transfer (curl's time_total; the runtime from the call to its result)` +
    `\nCPU: user + system of the whole client process (sh's times), and for the runtime also over the transfer alone (process.cpuUsage); the user part's median in brackets` +
    `\nfigures are min / median / max over the rounds; each target line ends in "ok" or "MISSED" for that target alone\n`,
);
/**
 * Wall-clock speed ratio runtime/curl (ratio of the median times) each mode must reach; the pinned upload rounds are a
 * supporting figure with no target of their own.
 * @type {Partial<Record<Mode, number>>}
 */
const speedTargets = { upload: 1, download: 0.9 };
const rssTargetMiB = 100;
/** @type {string[]} */
const missed = [];
/** @param {boolean} ok @param {string} target */
const verdict = (ok, target) => {
  if (!ok) missed.push(target);
  return ok ? 'ok' : 'MISSED';
};
for (const mode of modes) {
  const own = results[mode].runtime;
  const speed = (/** @type {Transfer[]} */ list) => stats(list.map((entry) => mib / entry.seconds));
  /** @param {Transfer[]} list @param {(entry: Transfer) => number} seconds */
  const cpuPerMib = (list, seconds) => stats(list.map((entry) => (seconds(entry) * 1000) / mib));
  const rss = Math.max(...own.map((entry) => entry.maxRssKiB ?? 0)) / 1024;
  /** @param {Transfer[]} list */
  const serverFigures = (list) => {
    const cpu = `server CPU ms/MiB ${range(
      cpuPerMib(list, (entry) => entry.serverCpuSeconds),
      3,
    )}`;
    if (mode === 'download') return cpu;
    return `${cpu}, reads/MiB ${range(stats(list.map((entry) => (entry.report.reads ?? NaN) / mib)), 1)}`;
  };
  const ownProcess = range(
    cpuPerMib(own, (entry) => entry.processCpuSeconds),
    3,
  );
  const ownTransfer = range(
    cpuPerMib(own, (entry) => entry.transferCpuSeconds ?? NaN),
    3,
  );
  /** Median user part of a CPU figure, ms per MiB (the rest is system time). */
  const userPart = (/** @type {Transfer[]} */ list, /** @type {(entry: Transfer) => number} */ seconds) =>
    `(user ${fmt(cpuPerMib(list, seconds).median, 3)})`;
  console.log(
    mode === 'pinned upload'
      ? 'pinned upload (server on CPU 1, each client on CPU 0, the same for both sides)'
      : `${mode}`,
  );
  console.log(
    `  runtime  MiB/s ${range(speed(own))}   CPU ms/MiB process ${ownProcess} ` +
      `${userPart(own, (entry) => entry.processUserSeconds)}, transfer ${ownTransfer} ` +
      `${userPart(own, (entry) => entry.transferUserSeconds ?? NaN)}   ${serverFigures(own)}`,
  );
  if (hasCurl) {
    const base = results[mode].curl;
    const baseProcess = range(
      cpuPerMib(base, (entry) => entry.processCpuSeconds),
      3,
    );
    console.log(
      `  curl     MiB/s ${range(speed(base))}   CPU ms/MiB process ${baseProcess} ` +
        `${userPart(base, (entry) => entry.processUserSeconds)}   ${serverFigures(base)}`,
    );
    const median = (/** @type {Transfer[]} */ list, /** @type {(entry: Transfer) => number} */ value) =>
      stats(list.map(value)).median;
    const ratios = stats(own.map((entry, index) => (base[index]?.seconds ?? NaN) / entry.seconds));
    const speedRatio = median(base, (entry) => entry.seconds) / median(own, (entry) => entry.seconds);
    const cpuRatio = median(base, (entry) => entry.processCpuSeconds) / median(own, (entry) => entry.processCpuSeconds);
    const transferCpuRatio =
      median(base, (entry) => entry.processCpuSeconds) / median(own, (entry) => entry.transferCpuSeconds ?? NaN);
    const speedTarget = speedTargets[mode];
    const targetText =
      speedTarget === undefined
        ? 'supporting figure, no target'
        : `target ≥ ${speedTarget}   ${verdict(speedRatio >= speedTarget, `${mode} speed ≥ ${speedTarget} × curl`)}`;
    console.log(
      `  speed ratio runtime/curl (wall clock): ${fmt(speedRatio, 2)} (ratio of the medians; per round ${range(ratios, 2)}); ` +
        targetText,
    );
    console.log(
      `  CPU ratio curl/runtime (higher: runtime cheaper; supporting figure, no target): whole process ${fmt(cpuRatio, 2)}, ` +
        `runtime's transfer alone ${fmt(transferCpuRatio, 2)}`,
    );
  }
  const rssTarget = `${mode} peak RSS ≤ ${rssTargetMiB} MiB`;
  console.log(
    `  runtime peak RSS: ${fmt(rss, 1)} MiB; target ≤ ${rssTargetMiB}   ${verdict(rss <= rssTargetMiB, rssTarget)}\n`,
  );
}
if (!hasCurl) console.log('speed targets not checked: no curl to compare with');
console.log(
  missed.length === 0
    ? 'all targets met'
    : `targets missed: ${missed.join('; ')} (on a busy machine wall-clock ratios are noisy: see the CPU ratios)`,
);
