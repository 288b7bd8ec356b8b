// @ts-check
// One transfer by the runtime in its own process, so its CPU time and peak RSS are its own. Prints one JSON line:
// { seconds, transferCpuMicros, transferUserMicros, bytes, maxRssKiB }: `seconds` from the call to the result (monotonic
// clock), `transferCpuMicros` this process's user + system CPU over the same span (`transferUserMicros` the user part), `bytes` what the server says it received
// (upload) or the size of the saved file (download).
// Usage: node runtime-client.mjs upload|download <url> <appRoot> <dataDir>
import { statSync } from 'node:fs';
import { createRuntime } from '@velakit/runtime';

const [mode, url, appRoot, dataDir] = process.argv.slice(2);
if (url === undefined || appRoot === undefined || dataDir === undefined || (mode !== 'upload' && mode !== 'download')) {
  process.stderr.write('usage: node runtime-client.mjs upload|download <url> <appRoot> <dataDir>\n');
  process.exit(2);
}
/** @typedef {{ ok: true, bytes: number } | { ok: false, message: string, code: number }} Outcome */
/** @typedef {(message: string, code: number) => void} FailCallback */
const runtime = createRuntime({
  appRoot,
  dataDir,
  device: 'xiaomi-watch-s4',
  downloadIdleTimeout: 60_000,
  maxDownloadBytes: Number.MAX_SAFE_INTEGER,
  downloadTimeout: 3_600_000,
});
const cpu = process.cpuUsage();
const started = performance.now();
const outcome = await runtime.run(
  () =>
    /** @type {Promise<Outcome>} */ (
      new Promise((resolve) => {
        /** @type {FailCallback} */
        const fail = (message, code) => resolve({ ok: false, message, code });
        if (mode === 'upload') {
          runtime.modules['system.uploadtask'].uploadFile({
            url,
            filePath: 'internal://files/bench.bin',
            name: 'file',
            timeout: 3_600_000,
            success: (/** @type {{ data: string }} */ res) => resolve({ ok: true, bytes: Number(res.data) }),
            fail,
          });
        } else {
          const request = runtime.modules['system.request'];
          request.download({
            url,
            filename: 'bench-download.bin',
            success: (/** @type {{ token: number }} */ { token }) =>
              request.onDownloadComplete({
                token,
                success: (/** @type {{ uri: string }} */ { uri }) =>
                  resolve({ ok: true, bytes: statSync(runtime.pathOf(uri)).size }),
                fail,
              }),
            fail,
          });
        }
      })
    ),
);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
await runtime.close();
if (!outcome.ok) {
  process.stderr.write(`runtime ${mode} failed (${outcome.code}): ${outcome.message}\n`);
  process.exit(1);
}
process.stdout.write(
  `${JSON.stringify({ seconds, transferCpuMicros: used.user + used.system, transferUserMicros: used.user, bytes: outcome.bytes, maxRssKiB: process.resourceUsage().maxRSS })}\n`,
);
