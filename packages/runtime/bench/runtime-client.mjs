// One transfer by the runtime in its own process, so its peak RSS is its own. Prints one JSON line:
// { seconds, bytes, maxRssKiB }. Usage: node runtime-client.mjs upload|download <url> <appRoot> <dataDir>
import { createRuntime } from '@velakit/runtime';

const [mode, url, appRoot, dataDir] = process.argv.slice(2);
const runtime = createRuntime({ appRoot, dataDir, device: 'xiaomi-watch-s4', downloadIdleTimeout: 60_000 });
const started = performance.now();
const outcome = await runtime.run(
  () =>
    new Promise((resolve) => {
      if (mode === 'upload') {
        runtime.modules['system.uploadtask'].uploadFile({
          url,
          filePath: 'internal://files/bench.bin',
          name: 'file',
          timeout: 600_000,
          success: (res) => resolve({ ok: true, bytes: Number(res.data) }),
          fail: (message, code) => resolve({ ok: false, message, code }),
        });
      } else {
        const request = runtime.modules['system.request'];
        request.download({
          url,
          filename: 'bench-download.bin',
          success: ({ token }) =>
            request.onDownloadComplete({
              token,
              success: ({ uri }) => resolve({ ok: true, uri }),
              fail: (message, code) => resolve({ ok: false, message, code }),
            }),
          fail: (message, code) => resolve({ ok: false, message, code }),
        });
      }
    }),
);
const seconds = (performance.now() - started) / 1000;
await runtime.close();
if (!outcome.ok) {
  process.stderr.write(`runtime ${mode} failed (${outcome.code}): ${outcome.message}\n`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify({ seconds, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
