import { connect, type Socket } from 'node:net';
import type { Hop, HttpResponse } from './http-types.js';
import { drained } from './drained.js';
import { FileReadError, TransportError, describe } from './transfer-errors.js';
import { emptyHeaders, setHeaderValue } from './header-record.js';

/**
 * Bytes per socket read; one such buffer per download, reused for every read. Each read is copied on into the page
 * cache, so the buffer should stay in the CPU cache: on the development VM (512 KiB of L2 per core) 64 and 128 KiB
 * cost 1.3–1.6 ms of CPU per MiB written, 256 KiB 2.1–2.7 ms (curl: 1.6–1.8 ms).
 */
const readBufferBytes = 128 * 1024;
/** Most bytes of response heads before the final one's end, interim `1xx` heads included (a `100 Continue` flood). */
const maxHeadBytes = 64 * 1024;
/** Headers the client writes itself. */
const ownHeaders = new Set(['host', 'connection', 'transfer-encoding']);

/**
 * One HTTP/1.1 exchange over a plain TCP socket (`http:` URLs; Node's client serves `https:`). Node's HTTP client
 * allocates a new buffer for every socket read and runs every body write through its message layer, which for a large
 * transfer costs about as much CPU as the transfer itself and tens of MiB of memory. Here reads land in one reused
 * buffer and go from it straight to their destination, and body chunks go straight to the socket, the way curl works.
 * Understands Content-Length, chunked and close-delimited response bodies; always sends `Connection: close`.
 */
export function plainHttpRequest(hop: Hop, signal: AbortSignal, onRead: () => void): Promise<HttpResponse> {
  const { url, headers } = hop;
  return new Promise((resolve, reject) => {
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    let head = Buffer.alloc(0);
    /** Bytes of interim (1xx) heads already parsed and dropped. */
    let interimBytes = 0;
    let framing: BodyFraming | undefined;
    let writer: ((piece: Buffer) => void) | undefined;
    /** Body bytes that arrived before `readBody` was called (at most one read's worth, copied). */
    let early: Buffer[] = [];
    let bodyDone: { resolve: () => void; reject: (error: Error) => void } | undefined;
    let finished = false;
    let failure: Error | undefined;
    let closedEarly = false;

    const fail = (error: Error): void => {
      if (finished) return;
      finished = true;
      failure = error;
      socket.destroy();
      if (bodyDone !== undefined) bodyDone.reject(error);
      else reject(error);
    };
    const complete = (): void => {
      if (finished) return;
      finished = true;
      socket.destroy();
      bodyDone?.resolve();
    };
    const endAtClose = (): void => {
      if (framing?.endsOnClose()) complete();
      else fail(new TransportError('the response was cut off'));
    };
    const deliver = (piece: Buffer): void => {
      if (piece.length === 0 || framing === undefined) return;
      if (writer === undefined) {
        early.push(Buffer.from(piece));
        return;
      }
      try {
        if (framing.feed(piece, writer)) complete();
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
      }
    };

    const socket: Socket = connect({
      host,
      port: Number(url.port || 80),
      onread: {
        buffer: Buffer.allocUnsafe(readBufferBytes),
        // Returning false pauses reading until `readBody` resumes it.
        callback(bytes: number, buffer: Uint8Array): boolean {
          onRead();
          const data = Buffer.from(buffer.buffer, buffer.byteOffset, bytes);
          if (framing !== undefined) {
            deliver(data);
            return writer !== undefined;
          }
          head = Buffer.concat([head, data]);
          let end: number;
          let parsed: Omit<HttpResponse, 'readBody' | 'discard'>;
          for (;;) {
            end = head.indexOf('\r\n\r\n');
            if (end === -1) {
              if (interimBytes + head.length > maxHeadBytes)
                fail(new TransportError('the response headers are too large'));
              return true;
            }
            try {
              parsed = parseHead(head.subarray(0, end).toString('latin1'));
            } catch (error) {
              fail(error as Error);
              return false;
            }
            // An interim response (100 Continue): the real one follows.
            if (parsed.statusCode >= 200) break;
            interimBytes += end + 4;
            if (interimBytes > maxHeadBytes) {
              fail(new TransportError('too many interim (1xx) responses'));
              return false;
            }
            head = head.subarray(end + 4);
          }
          try {
            framing = framingOf(parsed.statusCode, parsed.headers);
          } catch (error) {
            fail(error as Error);
            return false;
          }
          deliver(head.subarray(end + 4));
          resolve({
            ...parsed,
            readBody(write) {
              if (failure !== undefined) return Promise.reject(failure);
              return new Promise<void>((done, broken) => {
                bodyDone = { resolve: done, reject: broken };
                writer = write;
                const pending = early;
                early = [];
                for (const piece of pending) deliver(piece);
                if (finished) return;
                if (framing!.isEmpty()) complete();
                else if (closedEarly) endAtClose();
                else socket.resume();
              });
            },
            discard: () => {
              finished = true;
              socket.destroy();
            },
          });
          // Hold the socket until the caller decides what to do with the body.
          return false;
        },
      },
    });
    socket.on('connect', () => {
      const lines = [`${hop.method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, 'Connection: close'];
      for (const [key, value] of headers) if (!ownHeaders.has(key.toLowerCase())) lines.push(`${key}: ${value}`);
      // The head and the body's first chunk (a multipart preamble) leave in one `writev`: one system call, and no
      // small segment left waiting for an acknowledgement behind another (Nagle).
      socket.cork();
      socket.write(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
      if (hop.body === undefined) {
        socket.uncork();
        return;
      }
      let corked = true;
      const send = (chunk: Buffer): boolean => {
        const accepted = socket.write(chunk);
        if (corked) {
          corked = false;
          socket.uncork();
        }
        return accepted;
      };
      hop
        .body({
          write: send,
          // A chunk of 16 KiB or more makes `write` return false even when the kernel took all of it at once (the
          // stream compares with its highWaterMark before writing). Nothing left queued means the memory is free
          // again: go on without waiting for the `drain` event, which would cost a promise and listeners per chunk.
          drained: () => (socket.writableLength === 0 && !socket.destroyed ? undefined : drained(socket)),
          end: (chunk) => void send(chunk),
        })
        .catch((error: unknown) => {
          // Once the server has answered (say, early with an error status), a broken upload no longer matters.
          if (framing === undefined) fail(error instanceof FileReadError ? error : new TransportError(describe(error)));
        });
    });
    socket.on('error', (error) => fail(new TransportError(describe(error))));
    socket.on('close', () => {
      if (finished) return;
      if (framing === undefined) return fail(new TransportError('the connection closed before a response'));
      // Before `readBody` the whole body may already be waiting in `early`: decide there.
      if (writer === undefined) closedEarly = true;
      else endAtClose();
    });
    const onAbort = (): void => fail(new TransportError('aborted'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    socket.once('close', () => signal.removeEventListener('abort', onAbort));
  });
}

function parseHead(text: string): Omit<HttpResponse, 'readBody' | 'discard'> {
  const [statusLine = '', ...lines] = text.split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/u.exec(statusLine);
  if (match === null) throw new TransportError(`not an HTTP/1.1 response: "${statusLine.slice(0, 40)}"`);
  const headers = emptyHeaders();
  const rawHeaders: string[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new TransportError(`malformed response header "${line.slice(0, 40)}"`);
    const name = line.slice(0, colon).trim();
    const key = name.toLowerCase();
    const value = line.slice(colon + 1).trim();
    rawHeaders.push(name, value);
    setHeaderValue(headers, key, value);
  }
  return { statusCode: Number(match[1]), statusMessage: match[2] ?? '', headers, rawHeaders };
}

/** How the end of a body is known; `feed` returns true once the body is complete. */
interface BodyFraming {
  feed(piece: Buffer, write: (piece: Buffer) => void): boolean;
  isEmpty(): boolean;
  endsOnClose(): boolean;
}

function framingOf(status: number, headers: Readonly<Record<string, string>>): BodyFraming {
  if (status === 204 || status === 304) return lengthFraming(0);
  if (/(?:^|,)\s*chunked\s*$/iu.test(headers['transfer-encoding'] ?? '')) return chunkedFraming();
  const length = headers['content-length'];
  if (length !== undefined) {
    if (!/^\d+$/u.test(length)) throw new TransportError(`invalid Content-Length "${length}"`);
    return lengthFraming(Number(length));
  }
  return { feed: (piece, write) => (write(piece), false), isEmpty: () => false, endsOnClose: () => true };
}

function lengthFraming(length: number): BodyFraming {
  let left = length;
  return {
    feed(piece, write) {
      const take = Math.min(left, piece.length);
      if (take > 0) write(piece.subarray(0, take));
      left -= take;
      return left === 0;
    },
    isEmpty: () => left === 0,
    endsOnClose: () => false,
  };
}

/** Decodes `Transfer-Encoding: chunked`, keeping only a short line buffer between reads. */
function chunkedFraming(): BodyFraming {
  let state: 'size' | 'data' | 'data-end' | 'trailer' = 'size';
  let line = '';
  let left = 0;
  let done = false;
  return {
    feed(piece, write) {
      let offset = 0;
      while (offset < piece.length && !done) {
        if (state === 'data') {
          const take = Math.min(left, piece.length - offset);
          write(piece.subarray(offset, offset + take));
          offset += take;
          left -= take;
          if (left === 0) state = 'data-end';
          continue;
        }
        const newline = piece.indexOf(10, offset);
        const end = newline === -1 ? piece.length : newline + 1;
        line += piece.toString('latin1', offset, end);
        offset = end;
        if (line.length > 4096) throw new TransportError('malformed chunked body');
        if (newline === -1) break;
        const text = line.replace(/\r?\n$/u, '');
        line = '';
        if (state === 'data-end') {
          if (text !== '') throw new TransportError('malformed chunked body');
          state = 'size';
        } else if (state === 'size') {
          const size = /^([0-9a-fA-F]+)\s*(?:;.*)?$/u.exec(text);
          if (size === null) throw new TransportError('malformed chunked body');
          left = parseInt(size[1]!, 16);
          state = left === 0 ? 'trailer' : 'data';
        } else if (text === '') {
          done = true;
        }
      }
      return done;
    },
    isEmpty: () => false,
    endsOnClose: () => false,
  };
}
