import { request as httpRequest, type Agent, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Writes a request body; called once per attempt, so a 307/308 redirect can send it again from the start. */
export type BodyWriter = (request: ClientRequest) => Promise<void>;

export interface ExchangeOptions {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: BodyWriter;
  readonly maxRedirects: number;
  readonly agents: { readonly http: Agent; readonly https: Agent };
  readonly signal: AbortSignal;
}

/** A failure of the connection or of HTTP itself (refused, reset, redirect loop): `200` for uploads, `1000` for downloads. */
export class TransportError extends Error {
  override name = 'TransportError';
}

/** The file being uploaded could not be read to the end (`300`). */
export class FileReadError extends Error {
  override name = 'FileReadError';
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
/** Headers that describe the body: dropped when a 301/302/303 turns the request into a GET. */
const bodyHeaders = new Set(['content-type', 'content-length', 'content-encoding', 'transfer-encoding']);
/** Credentials that must not follow a redirect to another origin (what browsers' fetch and curl do). */
const credentialHeaders = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * Sends one request and follows redirects: 307/308 repeat the method and body, 301/302/303 continue with a GET and no
 * body (what curl and browsers do with a POST). At most `maxRedirects` hops; a URL seen twice is a loop.
 */
export async function exchange(options: ExchangeOptions): Promise<{ response: IncomingMessage; url: URL }> {
  let { method, url, headers, body } = options;
  const seen = new Set([url.href]);
  for (let hops = 0; ; hops += 1) {
    const response = await attempt(method, url, headers, body, options);
    const location = response.headers.location;
    if (!redirectStatuses.has(response.statusCode ?? 0) || location === undefined) return { response, url };
    response.resume();
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new TransportError(`redirect to an invalid URL "${location}"`);
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new TransportError(`redirect to a non-http(s) URL "${next.href}"`);
    if (seen.has(next.href)) throw new TransportError(`redirect loop: ${url.href} leads back to ${next.href}`);
    if (hops + 1 > options.maxRedirects) throw new TransportError(`too many redirects (more than ${options.maxRedirects})`);
    seen.add(next.href);
    if (response.statusCode !== 307 && response.statusCode !== 308 && method !== 'GET') {
      method = 'GET';
      body = undefined;
      headers = headers.filter(([key]) => !bodyHeaders.has(key.toLowerCase()));
    }
    if (next.origin !== url.origin) headers = headers.filter(([key]) => !credentialHeaders.has(key.toLowerCase()));
    url = next;
  }
}

function attempt(
  method: string,
  url: URL,
  headers: readonly (readonly [string, string])[],
  body: BodyWriter | undefined,
  options: ExchangeOptions,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const agent = url.protocol === 'https:' ? options.agents.https : options.agents.http;
    let request: ClientRequest;
    try {
      request = send(url, { method, agent, signal: options.signal, headers: Object.fromEntries(headers) });
    } catch (error) {
      reject(new TransportError((error as Error).message));
      return;
    }
    let answered = false;
    request.once('response', (response) => {
      answered = true;
      resolve(response);
    });
    request.on('error', (error) => {
      // After the server answered (say, early with an error status), a broken upload pipe no longer matters.
      if (!answered) reject(error instanceof FileReadError ? error : new TransportError(describe(error)));
    });
    if (body === undefined) {
      request.end();
      return;
    }
    body(request).catch((error: unknown) => {
      if (answered) return;
      request.destroy(error instanceof FileReadError ? error : undefined);
      reject(error instanceof FileReadError ? error : new TransportError(describe(error)));
    });
  });
}

/** A short, readable reason for a network error (`ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:80`). */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

/** Waits until a writable wants more data, rejecting if it closes or fails first. */
export function drained(request: ClientRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    if (request.destroyed) {
      reject(new TransportError('connection closed while sending'));
      return;
    }
    const cleanup = (): void => {
      request.off('drain', onDrain);
      request.off('close', onClose);
      request.off('error', onError);
    };
    const onDrain = (): void => {
      cleanup();
      resolve();
    };
    const onClose = (): void => {
      cleanup();
      reject(new TransportError('connection closed while sending'));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    request.on('drain', onDrain);
    request.on('close', onClose);
    request.on('error', onError);
  });
}
