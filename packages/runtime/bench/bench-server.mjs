// @ts-check
// The bench's HTTP server, in its own process so its CPU is its own and the clients do not share an event loop with
// it. Talks to the bench over IPC: `{ verify }` switches full checking on or off; after each request it reports
// `{ method, bodyBytes, contentLength, reads?, fileSha256?, cpuMicros, seconds }` (`reads`: body pieces the server
// read, which shows whether the sender's writes fit its 64 KiB reads).
// Usage (forked by transfer.bench.mjs): node bench-server.mjs <file to serve>
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createServer } from 'node:http';
import busboy from 'busboy';

const [served] = process.argv.slice(2);
if (served === undefined || process.send === undefined)
  throw new Error('usage: forked with IPC, node bench-server.mjs <file>');
/** Sends a message to the bench (the server runs only as a forked child, with an IPC channel). */
const send = process.send.bind(process);
const fd = openSync(served, 'r');
const size = fstatSync(fd).size;
let verify = false;
process.on('message', (/** @type {{ verify?: unknown }} */ message) => {
  if (typeof message.verify === 'boolean') verify = message.verify;
});
process.on('disconnect', () => {
  closeSync(fd);
  process.exit(0);
});

/**
 * CPU time this process spent on one request (microseconds, user + system).
 * @param {NodeJS.CpuUsage} start
 */
function cpuSince(start) {
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

const server = createServer((request, response) => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = (/** @type {Record<string, unknown>} */ fields) =>
    send({
      method: request.method,
      cpuMicros: cpuSince(cpu),
      seconds: (performance.now() - started) / 1000,
      ...fields,
    });
  if (request.method === 'POST') {
    const contentLength = Number(request.headers['content-length'] ?? -1);
    let bodyBytes = 0;
    let reads = 0;
    request.on('data', (part) => {
      bodyBytes += part.length;
      reads += 1;
    });
    if (!verify) {
      request.on('end', () => {
        response.end(String(bodyBytes));
        report({ bodyBytes, contentLength, reads });
      });
      return;
    }
    // Verification round: hash the file part of the multipart body, whoever sent it.
    const hash = createHash('sha256');
    let fileBytes = 0;
    const parser = busboy({ headers: request.headers });
    parser.on('file', (_field, stream) => {
      stream.on('data', (part) => {
        fileBytes += part.length;
        hash.update(part);
      });
    });
    parser.on('close', () => {
      response.end(String(fileBytes));
      report({ bodyBytes, contentLength, fileBytes, fileSha256: hash.digest('hex') });
    });
    request.pipe(parser);
    return;
  }
  // GET: the file's bytes, with backpressure.
  request.resume();
  response.writeHead(200, { 'Content-Length': size, 'Content-Type': 'application/octet-stream' });
  let position = 0;
  const pump = () => {
    while (position < size) {
      // A fresh 1 MiB piece each time: the response may still hold the previous one.
      const piece = Buffer.allocUnsafe(Math.min(1024 * 1024, size - position));
      position += readSync(fd, piece, 0, piece.length, position);
      if (!response.write(piece)) return void response.once('drain', pump);
    }
    response.end();
  };
  response.on('finish', () => report({ bodyBytes: size, contentLength: size }));
  pump();
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  send({ port: typeof address === 'object' && address !== null ? address.port : undefined });
});
