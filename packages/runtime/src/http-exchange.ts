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

/** One request of a chain of redirects. */
export interface Hop {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: BodyWriter | undefined;
}

/**
 * The request that follows a response, or undefined when the response is not a redirect: 307/308 repeat the method
 * and body, 301/302/303 continue with a GET and no body (what curl and browsers do with a POST), credentials are
 * dropped across origins. At most `maxRedirects` hops; a URL seen twice is a loop. Every refusal is a `TransportError`.
 */
export function nextHop(
  hop: Hop,
  status: number,
  location: string | undefined,
  seen: Set<string>,
  maxRedirects: number,
): Hop | undefined {
  if (!redirectStatuses.has(status) || location === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(location, hop.url);
  } catch {
    throw new TransportError(`redirect to an invalid URL "${location}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TransportError(`redirect to a non-http(s) URL "${url.href}"`);
  if (seen.has(url.href)) throw new TransportError(`redirect loop: ${hop.url.href} leads back to ${url.href}`);
  if (seen.size > maxRedirects) throw new TransportError(`too many redirects (more than ${maxRedirects})`);
  seen.add(url.href);
  let { method, headers, body } = hop;
  if (status !== 307 && status !== 308 && method !== 'GET') {
    method = 'GET';
    body = undefined;
    headers = headers.filter(([key]) => !bodyHeaders.has(key.toLowerCase()));
  }
  if (url.origin !== hop.url.origin) headers = headers.filter(([key]) => !credentialHeaders.has(key.toLowerCase()));
  return { method, url, headers, body };
}

/** Sends one request with Node's HTTP client and follows redirects (see `nextHop`). */
export async function exchange(options: ExchangeOptions): Promise<{ response: IncomingMessage; url: URL }> {
  let hop: Hop = options;
  const seen = new Set([hop.url.href]);
  for (;;) {
    const response = await attempt(hop.method, hop.url, hop.headers, hop.body, options);
    const next = nextHop(hop, response.statusCode ?? 0, response.headers.location, seen, options.maxRedirects);
    if (next === undefined) return { response, url: hop.url };
    response.resume();
    hop = next;
  }
}

/** One request with Node's HTTP client, without following redirects. */
export function attempt(
  method: string,
  url: URL,
  headers: readonly (readonly [string, string])[],
  body: BodyWriter | undefined,
  options: Pick<ExchangeOptions, 'agents' | 'signal'>,
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
