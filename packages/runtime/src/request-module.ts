import { closeSync, writeSync } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ErrorCodes } from '@velakit/catalog';
import { CallFailure, invalid } from './errors.js';
import { downloadHeaderInput } from './entry-types.js';
import { headersFrom, httpUrlFrom } from './header-input.js';
import { exchange } from './http-exchange.js';
import { LimitError, describe } from './transfer-errors.js';
import { setLongTimeout, type LongTimer } from './long-timer.js';
import { raceHooks } from './race-hooks.js';
import type { OpenedFile } from './sandbox.js';
import { downloadFileName } from './download-name.js';
import type { ModuleContext } from './module-context.js';
import { callbacksOf, Outcome, type Callbacks } from './outcome.js';
import type { Location } from './sandbox.js';

export interface DownloadSuccess {
  readonly token: string;
}

export interface DownloadCompleteSuccess {
  readonly uri: string;
}

/** `@system.request`, bound to one runtime. */
export interface RequestModule {
  download(options: unknown): void;
  onDownloadComplete(options: unknown): void;
}

type DownloadResult = { readonly uri: string } | CallFailure;

interface DownloadRecord {
  result?: DownloadResult;
  /** The callbacks registered last by `onDownloadComplete` while the download runs. */
  waiting?: Callbacks<DownloadCompleteSuccess>;
}

/** Where a download goes: a folder, and the file name if the app chose one. */
/** Headers that describe a request body: a GET has none, and a server told of one would wait for it. */
const bodyHeaders = new Set(['content-length', 'transfer-encoding']);

interface Destination {
  readonly folder: Location;
  readonly name?: string;
}

export function createRequestModule(context: ModuleContext): RequestModule & { close(): Promise<void> } {
  const running = new Map<string, DownloadRecord>();
  /** Finished downloads, oldest first, at most `retainedDownloadResults`. */
  const finished = new Map<string, DownloadRecord>();
  const stops = new Set<() => Promise<void>>();
  let lastToken = 0;

  function download(options: unknown): void {
    const outcome = new Outcome<DownloadSuccess>(context.host, callbacksOf(options), 'download');
    const refusal = context.refusal('system.request', 'download');
    if (refusal !== undefined) return outcome.fail(refusal);
    let checked: { url: URL; headers: [string, string][]; destination: Destination };
    try {
      checked = checkOptions(options);
    } catch (error) {
      return outcome.fail(error as CallFailure);
    }
    lastToken += 1;
    const token = String(lastToken);
    const record: DownloadRecord = {};
    running.set(token, record);
    outcome.succeed({ token });
    const release = context.host.hold();
    const controller = new AbortController();
    const work = fetchToFile(token, checked.url, checked.headers, checked.destination, controller.signal).then(
      (uri) => ({ uri }),
      (error: unknown) =>
        error instanceof CallFailure
          ? error
          : new CallFailure(`download failed: ${describe(error)}`, ErrorCodes.TASK_FAILED),
    );
    const stop = async (): Promise<void> => {
      controller.abort();
      await work;
    };
    stops.add(stop);
    void work.then((result) => {
      stops.delete(stop);
      if (!context.host.closed) finish(token, record, result);
      release();
    });
  }

  function finish(token: string, record: DownloadRecord, result: DownloadResult): void {
    record.result = result;
    running.delete(token);
    finished.set(token, record);
    while (finished.size > context.options.retainedDownloadResults) finished.delete(finished.keys().next().value!);
    if (record.waiting !== undefined) report(record.waiting, result);
    record.waiting = undefined;
  }

  function report(callbacks: Callbacks<DownloadCompleteSuccess>, result: DownloadResult): void {
    const outcome = new Outcome<DownloadCompleteSuccess>(context.host, callbacks, 'onDownloadComplete');
    if (result instanceof CallFailure) outcome.fail(result);
    else outcome.succeed({ uri: result.uri });
  }

  function onDownloadComplete(options: unknown): void {
    const callbacks = callbacksOf<DownloadCompleteSuccess>(options);
    const refusal = context.refusal('system.request', 'onDownloadComplete');
    if (refusal !== undefined) return new Outcome(context.host, callbacks, 'onDownloadComplete').fail(refusal);
    const token = typeof options === 'object' && options !== null ? (options as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || token === '') {
      return report(callbacks, new CallFailure('token is required', ErrorCodes.TASK_NOT_FOUND));
    }
    const active = running.get(token);
    if (active !== undefined) {
      // Only the latest registration hears about a running download, as on a watch.
      active.waiting = callbacks;
      return;
    }
    const done = finished.get(token);
    if (done?.result !== undefined) return report(callbacks, done.result);
    report(callbacks, new CallFailure(`no download task has token "${token}"`, ErrorCodes.TASK_NOT_FOUND));
  }

  function checkOptions(options: unknown): { url: URL; headers: [string, string][]; destination: Destination } {
    if (typeof options !== 'object' || options === null) throw invalid('download expects an options object');
    const { url, header, filename } = options as Record<string, unknown>;
    const checkedUrl = httpUrlFrom(url);
    // Text as the docs' table types it, or an object as their text describes it (the catalogue's `describedAs`).
    const headers = headersFrom(header, downloadHeaderInput).filter(([key]) => !bodyHeaders.has(key.toLowerCase()));
    return { url: checkedUrl, headers, destination: destinationOf(filename) };
  }

  /** `filename` as an `internal://` URI or `/path`, a plain name in the download folder, or nothing. */
  function destinationOf(filename: unknown): Destination {
    const defaultFolder = context.sandbox.locate(context.options.downloadDir, 'downloadDir');
    if (filename === undefined || filename === null || filename === '') return { folder: defaultFolder };
    if (typeof filename !== 'string') throw invalid('invalid filename: expected a string');
    const isUri = filename.startsWith('internal://') || filename.startsWith('/');
    // A URI of another scheme (`file:///x`, `https://x`) is no plain name: refused as a URI, not as `internal://cache/file:...`.
    if (!isUri && /^[a-z][a-z0-9+.-]*:\/\//iu.test(filename)) context.sandbox.locate(filename, 'filename');
    const target = context.sandbox.locate(isUri ? filename : `${context.options.downloadDir}${filename}`, 'filename');
    if (!target.writable) {
      throw invalid(
        `invalid filename "${filename}": ${target.area === 'resources' ? 'app resources are' : `internal://${target.area}/ is`} read-only`,
      );
    }
    if (target.isDirectory) return { folder: target };
    const name = target.segments.at(-1)!;
    const folderUri = target.uri.slice(0, target.uri.length - name.length);
    return { folder: context.sandbox.locate(folderUri, 'filename'), name };
  }

  /**
   * Streams the response into a temporary file beside the destination, renamed only once it is complete. Three limits
   * end it with `1000`: no byte for `downloadIdleTimeout` ms, not finished after `downloadTimeout` ms (a 1 byte/s
   * trickle or an endless run of interim responses), more than `maxDownloadBytes` announced or received.
   */
  async function fetchToFile(
    token: string,
    url: URL,
    headers: [string, string][],
    destination: Destination,
    signal: AbortSignal,
  ): Promise<string> {
    const { downloadIdleTimeout, downloadTimeout, maxDownloadBytes } = context.options;
    const folder = await context.sandbox.writableDirectory(destination.folder, 'filename').catch((error: unknown) => {
      throw new CallFailure(`download failed: ${(error as Error).message}`, ErrorCodes.TASK_FAILED);
    });
    const limits = new AbortController();
    let overLimit: string | undefined;
    const stopFor = (reason: string): void => {
      overLimit ??= reason;
      limits.abort();
    };
    // One timer per idle period rather than one per read: reads only move a timestamp.
    let lastData = performance.now();
    let idleTimer: LongTimer | undefined;
    const watch = (): void => {
      const quiet = performance.now() - lastData;
      if (quiet >= downloadIdleTimeout) stopFor(`no data for ${downloadIdleTimeout} ms`);
      else idleTimer = setLongTimeout(watch, downloadIdleTimeout - quiet);
    };
    const bump = (): void => {
      lastData = performance.now();
    };
    idleTimer = setLongTimeout(watch, downloadIdleTimeout);
    const deadline = setLongTimeout(() => stopFor(`not finished after ${downloadTimeout} ms`), downloadTimeout);
    const both = AbortSignal.any([signal, limits.signal]);
    let file: OpenedFile | undefined;
    let open = false;
    try {
      const response = await exchange(
        { method: 'GET', url, headers },
        { maxRedirects: context.options.maxRedirects, agents: context.agents, signal: both, onRead: bump },
      );
      if (response.statusCode < 200 || response.statusCode > 299) {
        response.discard();
        throw new CallFailure(
          `download failed: HTTP ${response.statusCode} ${response.statusMessage}`.trimEnd(),
          ErrorCodes.TASK_FAILED,
        );
      }
      const announced = Number(response.headers['content-length'] ?? 0);
      if (announced > maxDownloadBytes) {
        response.discard();
        throw new LimitError(`larger than ${maxDownloadBytes} bytes (maxDownloadBytes)`);
      }
      const name = destination.name ?? downloadFileName(response.headers['content-disposition'], response.url, token);
      const temporaryName = `.velakit-download-${token}-${randomBytes(6).toString('hex')}.part`;
      try {
        file = await context.sandbox.createInside(destination.folder, folder, temporaryName, 'filename');
      } catch (error) {
        response.discard();
        throw error;
      }
      open = true;
      const fd = file.fd;
      let written = 0;
      // Synchronous writes of one read's worth go to the page cache in microseconds; the socket is the backpressure.
      await response.readBody((piece) => {
        written += piece.length;
        if (written > maxDownloadBytes)
          throw new LimitError(`larger than ${maxDownloadBytes} bytes (maxDownloadBytes)`);
        for (let offset = 0; offset < piece.length;) offset += writeSync(fd, piece, offset);
      });
      closeSync(fd);
      open = false;
      const target = join(folder, name);
      const existing = await stat(target).catch(() => undefined);
      if (existing?.isDirectory())
        throw new CallFailure(`download failed: ${name} is a folder`, ErrorCodes.TASK_FAILED);
      await raceHooks.beforeRename?.(file.path);
      // The folder may have been swapped for a symlink while the body arrived: check again right before the rename.
      await context.sandbox.confirm(destination.folder, file.path, file.identity, 'filename');
      await rename(file.path, target);
      // And after it, in case the swap came in between: what now carries the name must be our file, inside.
      await context.sandbox
        .confirm(destination.folder, target, file.identity, 'filename')
        .catch(async (error: unknown) => {
          await context.sandbox.removeIfSame(target, file!.identity);
          throw error;
        });
      file = undefined;
      const folderUri = destination.folder.uri.endsWith('/') ? destination.folder.uri : `${destination.folder.uri}/`;
      return `${folderUri}${name}`;
    } catch (error) {
      if (file !== undefined) {
        if (open) closeSync(file.fd);
        open = false;
        await context.sandbox.removeIfSame(file.path, file.identity);
      }
      if (error instanceof CallFailure)
        throw new CallFailure(
          error.code === ErrorCodes.TASK_FAILED ? error.message : `download failed: ${error.message}`,
          ErrorCodes.TASK_FAILED,
        );
      if (error instanceof LimitError)
        throw new CallFailure(`download failed: ${error.message}`, ErrorCodes.TASK_FAILED);
      if (overLimit !== undefined && !signal.aborted)
        throw new CallFailure(`download failed: ${overLimit}`, ErrorCodes.TASK_FAILED);
      throw new CallFailure(`download failed: ${describe(error)}`, ErrorCodes.TASK_FAILED);
    } finally {
      idleTimer.clear();
      deadline.clear();
      if (open && file !== undefined) closeSync(file.fd);
    }
  }

  return {
    download,
    onDownloadComplete,
    async close() {
      await Promise.all([...stops].map((stop) => stop()));
    },
  };
}
