import { closeSync, readSync } from 'node:fs';
import { ErrorCodes } from '@velakit/catalog';
import { CallFailure, invalid } from './errors.js';
import { FifoLimiter, type Slot } from './fifo-limiter.js';
import { uploadFormDataEntries, uploadHeaderInput } from './entry-types.js';
import { formFieldsFrom, headersFrom, httpUrlFrom } from './header-input.js';
import { exchange } from './http-exchange.js';
import type { BodySink } from './http-types.js';
import { FileReadError, LimitError, TransportError, describe } from './transfer-errors.js';
import { setLongTimeout, type LongTimer } from './long-timer.js';
import { setHeaderValue } from './header-record.js';
import { multipartFrame } from './multipart.js';
import { callbacksOf, Outcome } from './outcome.js';
import { ProgressMeter } from './progress.js';
import { UploadTask, deliverProgress } from './upload-task.js';
import type { ModuleContext } from './module-context.js';

/** What `uploadFile` passes to `success`. */
export interface UploadFileSuccess {
  readonly statusCode: number;
  readonly data: string;
  readonly headers: Record<string, string>;
}

/** `@system.uploadtask`, bound to one runtime. */
export interface UploadTaskModule {
  uploadFile(options: unknown): UploadTask;
}

/**
 * Bytes read from the file and written to the socket per step. A slice is copied twice by the kernel (page cache →
 * buffer → socket), and all three, plus the runtime's own code and data, must stay in the CPU's L2 cache (512 KiB a
 * core on the development VM) between the read and the write: from 160 KiB on the sender's CPU per MiB doubles.
 * Below 128 KiB the sender gets a little cheaper, but a multiple of 64 KiB (what Node's server and most others read
 * at a time) is what a receiver that keeps up reads in whole pieces: with 96 KiB slices the bench's server made 20.5
 * reads per MiB instead of 16, and the transfer was slower.
 */
const fileSliceBytes = 128 * 1024;
/** Slices sent back to back at most before the event loop gets a turn. */
const yieldEverySlices = 64;
/** Headers the runtime owns: the multipart body's type and exact length. */
const ownedHeaders = new Set(['content-type', 'content-length', 'transfer-encoding']);

export function createUploadTaskModule(context: ModuleContext): UploadTaskModule & { close(): void } {
  const limiter = new FifoLimiter(context.options.maxConcurrentUploads);
  const running = new Set<() => void>();

  function uploadFile(options: unknown): UploadTask {
    const outcome = new Outcome<UploadFileSuccess>(context.host, callbacksOf(options), 'uploadFile');
    const refusal = context.refusal('system.uploadtask', 'uploadFile');
    if (refusal !== undefined) {
      outcome.fail(refusal);
      return new UploadTask(undefined, () => {});
    }
    const release = context.host.hold();
    const controller = new AbortController();
    const held: { slot?: Slot; fd?: number; finished?: boolean } = {};
    let timer: LongTimer | undefined;
    const finish = (): void => {
      timer?.clear();
      held.finished = true;
      if (held.fd !== undefined) closeSync(held.fd);
      held.fd = undefined;
      held.slot?.release();
      running.delete(stop);
      release();
    };
    const stop = (): void => {
      outcome.silence();
      controller.abort();
      finish();
    };
    running.add(stop);
    const task = new UploadTask(context.host, stop);
    const end = (failure: CallFailure | undefined, success?: UploadFileSuccess): void => {
      if (failure !== undefined) outcome.fail(failure);
      else outcome.succeed(success!);
      controller.abort();
      finish();
    };

    let request: ReturnType<typeof checkOptions>;
    try {
      request = checkOptions(options);
    } catch (error) {
      end(error as CallFailure);
      return task;
    }
    // The file is opened and checked at once and the upload later sends what was opened, whatever happens to the path
    // meanwhile. The place in the queue is taken now, so uploads start in the order of the calls.
    const file = context.sandbox.openReadable(request.filePath, 'filePath').then((opened) => {
      if (held.finished === true) closeSync(opened.fd);
      else held.fd = opened.fd;
      return opened;
    });
    file.catch((error: unknown) =>
      end(error instanceof CallFailure ? error : new CallFailure(describe(error), ErrorCodes.IO_ERROR)),
    );
    held.slot = limiter.acquire(() => {
      file.then(
        ({ fd, size, location }) => {
          if (!outcome.open || controller.signal.aborted) return;
          timer = setLongTimeout(
            () =>
              end(new CallFailure(`timeout: the upload took longer than ${request.timeout} ms`, ErrorCodes.TIMEOUT)),
            request.timeout,
          );
          transfer(request, fd, location.segments.at(-1)!, size, task, controller.signal).then(
            (result) => end(undefined, result),
            (error: unknown) => {
              if (controller.signal.aborted) return;
              if (error instanceof FileReadError)
                end(new CallFailure(`cannot read ${request.filePath}: ${error.message}`, ErrorCodes.IO_ERROR));
              else end(new CallFailure(`upload failed: ${describe(error)}`, ErrorCodes.GENERIC));
            },
          );
        },
        () => {},
      );
    });
    return task;
  }

  interface CheckedRequest {
    readonly url: URL;
    readonly filePath: string;
    readonly name: string;
    readonly headers: [string, string][];
    readonly fields: [string, string][];
    readonly timeout: number;
  }

  /** The checks a watch makes before anything is sent; each failure is `202`. */
  function checkOptions(options: unknown): CheckedRequest {
    if (typeof options !== 'object' || options === null) throw invalid('uploadFile expects an options object');
    const { url, filePath, name, header, formData, timeout } = options as Record<string, unknown>;
    const checkedUrl = httpUrlFrom(url);
    context.sandbox.locate(filePath, 'filePath');
    if (typeof name !== 'string' || name === '') throw invalid('invalid name: name is a required field');
    const headers = headersFrom(header, uploadHeaderInput).filter(([key]) => !ownedHeaders.has(key.toLowerCase()));
    const fields = formFieldsFrom(formData, uploadFormDataEntries);
    if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0)) {
      throw invalid('invalid timeout: expected a positive number of milliseconds');
    }
    return {
      url: checkedUrl,
      filePath: filePath as string,
      name,
      headers,
      fields,
      timeout: (timeout as number | undefined) ?? context.options.uploadTimeout,
    };
  }

  async function transfer(
    request: CheckedRequest,
    fd: number,
    fileName: string,
    size: number,
    task: UploadTask,
    signal: AbortSignal,
  ): Promise<UploadFileSuccess> {
    const frame = multipartFrame(request.fields, request.name, fileName);
    const total = frame.contentLength(size);
    const meter = new ProgressMeter(total, context.options.progressIntervalMs);
    const writeBody = async (out: BodySink): Promise<void> => {
      let sent = 0;
      const count = (bytes: number): void => {
        sent += bytes;
        const event = meter.update(sent);
        if (event !== undefined && !signal.aborted) deliverProgress(task, event);
      };
      if (!out.write(frame.head)) await out.drained();
      count(frame.head.length);
      if (size > 0) await streamFile(out, fd, size, signal, count);
      out.end(frame.tail);
      count(frame.tail.length);
    };
    const response = await exchange(
      {
        method: 'POST',
        url: request.url,
        headers: [...request.headers, ['Content-Type', frame.contentType], ['Content-Length', String(total)]],
        body: writeBody,
      },
      { maxRedirects: context.options.maxRedirects, agents: context.agents, signal },
    );
    const pieces: Buffer[] = [];
    const limit = context.options.maxUploadResponseBytes;
    let kept = 0;
    try {
      await response.readBody((piece) => {
        kept += piece.length;
        // `success.data` holds the whole body as one string: past the limit, stop reading rather than grow without end.
        if (kept > limit)
          throw new LimitError(`the response body is larger than ${limit} bytes (maxUploadResponseBytes)`);
        pieces.push(Buffer.from(piece));
      });
    } catch (error) {
      // A TransportError already says what happened ("the response was cut off"): not said twice.
      if (error instanceof LimitError || error instanceof TransportError) throw error;
      throw new TransportError(`the response was cut off (${describe(error)})`);
    }
    return {
      statusCode: response.statusCode,
      data: Buffer.concat(pieces).toString('utf8'),
      headers: headersOf(response.rawHeaders),
    };
  }

  return {
    uploadFile,
    close() {
      for (const stop of [...running]) stop();
    },
  };
}

/**
 * Streams `size` bytes of an open file into the request through one reused buffer of `fileSliceBytes`: read a slice, send it, wait until
 * the socket has taken it (`drain`), repeat. Reads are synchronous, as curl's are: a slice comes from the page cache in
 * microseconds, which costs far less than a thread-pool round trip per slice, and a buffer that fits in the CPU cache
 * is copied to the socket without touching main memory again. Memory stays at one slice whatever the file size.
 * The descriptor stays open until the upload ends; `signal` is checked right before each read and the upload aborts
 * before it closes the descriptor, so a read never reaches a closed (or reused) descriptor number.
 */
export async function streamFile(
  out: BodySink,
  fd: number,
  size: number,
  signal: AbortSignal,
  count: (bytes: number) => void,
): Promise<void> {
  const buffer = Buffer.allocUnsafe(Math.min(fileSliceBytes, size));
  let position = 0;
  for (let slice = 1; position < size; slice += 1) {
    if (signal.aborted) throw new TransportError('aborted');
    let bytesRead: number;
    try {
      bytesRead = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
    } catch (error) {
      throw new FileReadError(describe(error));
    }
    if (bytesRead === 0) break;
    position += bytesRead;
    const accepted = out.write(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    count(bytesRead);
    // The buffer is reused only once the socket has taken all of it. When the system took it at once there is
    // nothing to wait for; then yield now and then anyway, so timers (the upload's timeout) keep running.
    const waiting = accepted ? undefined : out.drained();
    if (waiting !== undefined) await waiting;
    else if (slice % yieldEverySlices === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (position !== size)
    throw new FileReadError(`the file changed size while it was being sent (${position} of ${size} bytes)`);
}

/** Response headers with the case the server used; repeated headers are joined with ", ". */
export function headersOf(rawHeaders: readonly string[]): Record<string, string> {
  // A plain object for the app, filled with own properties only: `constructor` or `__proto__` are headers like any other.
  const headers: Record<string, string> = {};
  const keyOf = new Map<string, string>();
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!;
    const key = keyOf.get(name.toLowerCase()) ?? name;
    keyOf.set(name.toLowerCase(), key);
    setHeaderValue(headers, key, rawHeaders[index + 1]!);
  }
  return headers;
}
