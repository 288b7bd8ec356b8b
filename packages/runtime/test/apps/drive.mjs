// Runs the test app under plain Node (`node --import @velakit/runtime/register drive.mjs <server> <style>`) on
// several devices in turn, printing one JSON line per call.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRuntime } from '@velakit/runtime';

const [server, style] = process.argv.slice(2);
const appRoot = fileURLToPath(new URL('./workout', import.meta.url));
const app =
  style === 'require'
    ? (await import('./workout/src/common/cjs/sync.js')).default
    : await import('./workout/src/common/sync.js');

for (const device of ['xiaomi-watch-s4', 'xiaomi-band-8-pro', 'xiaomi-s1-pro']) {
  const runtime = createRuntime({ appRoot, device });
  writeFileSync(runtime.pathOf('internal://files/log.txt'), `log from ${device}`);
  const undo = runtime.activate();
  const uploaded = await new Promise((done) => app.upload(server, 'internal://files/log.txt', done));
  const downloaded = await new Promise((done) => app.download(server, '/bytes/64', done));
  undo();
  await runtime.close();
  process.stdout.write(`${JSON.stringify({ device, uploaded: uploaded.kind, uploadCode: uploaded.code ?? null, downloaded: downloaded.kind, uri: downloaded.uri ?? null, downloadCode: downloaded.code ?? null })}\n`);
}
