import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import busboy from 'busboy';

/** What the test server saw of one multipart upload. */
export interface ReceivedUpload {
  readonly url: string;
  readonly method: string;
  readonly headers: IncomingMessage['headers'];
  readonly fields: Record<string, string>;
  readonly files: { field: string; filename: string; bytes: number; sha256: string }[];
  /** Bytes of the whole body, counted as they arrived. */
  readonly bodyBytes: number;
}

export interface TestServer {
  readonly url: string;
  readonly uploads: ReceivedUpload[];
  /** Requests seen, as `METHOD path`. */
  readonly requests: string[];
  /** Most uploads the server was handling at the same moment. */
  maxConcurrentUploads: number;
  /** Sockets that were closed by the client before the server answered. */
  abortedRequests: number;
  /**
   * Resolves once `condition()` holds, checking it again at every server event (request, upload parsed, response
   * closed, socket closed): a test waits on what the server saw, never on a sleep.
   */
  until(condition: () => boolean): Promise<void>;
  /** Answers every upload held by `?hold` so far, and from now on answers them at once (until `reset`). */
  releaseHeld(): void;
  /** Adds a route for the next tests; it wins over the built-in ones. */
  route(path: string, handler: (request: IncomingMessage, response: ServerResponse) => void): void;
  reset(): void;
  /** Waits until no connection is open (each socket's `close`), so one test's stragglers never land in the next. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Deterministic content for download routes: byte i is (i * 7 + 3) mod 251. */
export function patternBytes(size: number): Buffer {
  const buffer = Buffer.alloc(size);
  for (let index = 0; index < size; index += 1) buffer[index] = (index * 7 + 3) % 251;
  return buffer;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A real HTTP server on 127.0.0.1 (port 0) that parses uploads with busboy and hashes the file bytes, plus routes for
 * each fault the runtime must survive.
 */
export async function startServer(tls?: { key: string; cert: string }): Promise<TestServer> {
  const routes = new Map<string, (request: IncomingMessage, response: ServerResponse) => void>();
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  /** Something the server saw changed: re-check every waiting condition. */
  const notify = (): void => {
    for (const check of [...waiters]) check();
  };
  let concurrent = 0;
  let held: (() => void)[] | undefined = [];
  const state: TestServer = {
    url: '',
    uploads: [],
    requests: [],
    maxConcurrentUploads: 0,
    abortedRequests: 0,
    until: (condition) =>
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (!condition()) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
    releaseHeld() {
      const waiting = held ?? [];
      held = undefined;
      for (const answer of waiting) answer();
    },
    route: (path, handler) => routes.set(path, handler),
    reset() {
      state.uploads.length = 0;
      state.requests.length = 0;
      state.maxConcurrentUploads = 0;
      state.abortedRequests = 0;
      held = [];
      routes.clear();
    },
    async settle() {
      await state.until(() => sockets.size === 0);
      await new Promise((resolve) => setImmediate(resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  function receiveUpload(
    request: IncomingMessage,
    response: ServerResponse,
    reply: (upload: ReceivedUpload) => void,
  ): void {
    concurrent += 1;
    state.maxConcurrentUploads = Math.max(state.maxConcurrentUploads, concurrent);
    let done = false;
    const leave = (): void => {
      if (done) return;
      done = true;
      concurrent -= 1;
    };
    response.on('close', leave);
    const fields: Record<string, string> = {};
    const files: ReceivedUpload['files'] = [];
    let bodyBytes = 0;
    request.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    const parser = busboy({ headers: request.headers });
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (field, stream, info) => {
      const hash = createHash('sha256');
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
      });
      stream.on('end', () => files.push({ field, filename: info.filename ?? '', bytes, sha256: hash.digest('hex') }));
    });
    parser.on('close', () => {
      const upload = {
        url: request.url ?? '',
        method: request.method ?? '',
        headers: request.headers,
        fields,
        files,
        bodyBytes,
      };
      state.uploads.push(upload);
      notify();
      reply(upload);
    });
    parser.on('error', () => leave());
    request.pipe(parser);
  }

  const handle: RequestListener = (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    state.requests.push(`${request.method} ${url.pathname}`);
    response.on('close', () => {
      if (!response.writableEnded) state.abortedRequests += 1;
      notify();
    });
    notify();
    const custom = routes.get(url.pathname);
    if (custom !== undefined) return custom(request, response);
    const [, first, second] = url.pathname.split('/');
    switch (first) {
      case 'upload':
        return receiveUpload(request, response, (upload) => {
          const answer = (): void => {
            response.setHeader('X-Upload-Bytes', String(upload.files[0]?.bytes ?? -1));
            response.end(JSON.stringify({ fields: upload.fields, files: upload.files }));
          };
          // ?hold holds the answer until `releaseHeld()`; ?delay=<ms> for a while, so that uploads overlap at the server.
          if (url.searchParams.has('hold') && held !== undefined) held.push(answer);
          else setTimeout(answer, Number(url.searchParams.get('delay') ?? 0));
        });
      case 'stall':
        // Reads everything and never answers.
        request.resume();
        return;
      case 'cut':
        // Drops the connection as soon as the first bytes of the body arrive.
        request.once('data', () => request.socket.destroy());
        return;
      case 'status':
        request.resume();
        response.statusCode = Number(second);
        return response.end(`status ${second}`);
      case 'redirect': {
        // /redirect/<status>/<target path, with ~ for />, answered once the body has arrived
        request.resume();
        return request.on('end', () => {
          response.statusCode = Number(second);
          response.setHeader(
            'Location',
            decodeURIComponent(url.pathname.split('/').slice(3).join('/').replace(/~/gu, '/')),
          );
          response.end();
        });
      }
      case 'loop':
        request.resume();
        response.statusCode = 302;
        response.setHeader('Location', `/loop/${second === 'a' ? 'b' : 'a'}`);
        return response.end();
      case 'echo-method':
        request.resume();
        return request.on('end', () =>
          response.end(`${request.method} ${request.headers['content-type'] ?? 'no-type'}`),
        );
      case 'bytes': {
        // /bytes/<size>: deterministic content with a Content-Length
        request.resume();
        const body = patternBytes(Number(second));
        response.setHeader('Content-Length', body.length);
        return response.end(body);
      }
      case 'headers':
        request.resume();
        return response.end(JSON.stringify(request.headers));
      default:
        request.resume();
        response.statusCode = 404;
        return response.end('not found');
    }
  };
  const server: Server = tls === undefined ? createServer(handle) : createTlsServer(tls, handle);
  server.on(tls === undefined ? 'connection' : 'secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      notify();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return Object.assign(state, { url: `${tls === undefined ? 'http' : 'https'}://127.0.0.1:${address.port}` });
}
