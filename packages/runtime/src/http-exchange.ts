import type { ClientRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest, type Agent } from 'node:https';
import type { BodySink, Hop, HttpResponse } from './http-types.js';
import { plainHttpRequest } from './plain-http.js';
import { drained } from './drained.js';
import { FileReadError, TransportError, describe } from './transfer-errors.js';
import { emptyHeaders, setHeaderValue } from './header-record.js';

export interface ExchangeOptions {
  readonly maxRedirects: number;
  /** Node's agents, for `https:` (`http:` goes over `plainHttpRequest`). */
  readonly agents: { readonly https: Agent };
  readonly signal: AbortSignal;
  /** Called on every socket read, so callers can tell a stalled transfer from a slow one. */
  readonly onRead?: () => void;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
/** Headers that describe the body: dropped when a 301/302/303 turns the request into a GET. */
const bodyHeaders = new Set(['content-type', 'content-length', 'content-encoding', 'transfer-encoding']);
/** Credentials that must not follow a redirect to another origin (what browsers' fetch and curl do). */
const credentialHeaders = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * The request that follows a response, or undefined when the response is not a redirect: 307/308 repeat the method
 * and body, 301/302/303 continue with a GET and no body (what curl and browsers do with a POST), credentials are
 * dropped across origins. At most `maxRedirects` hops; a URL seen twice is a loop. Every refusal is a `TransportError`.
 */
function nextHop(
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
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TransportError(`redirect to a non-http(s) URL "${url.href}"`);
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

/** Sends a request and follows redirects (see `nextHop`); resolves with the final response and its URL. */
export async function exchange(first: Hop, options: ExchangeOptions): Promise<HttpResponse & { url: URL }> {
  let hop = first;
  const seen = new Set([hop.url.href]);
  const onRead = options.onRead ?? (() => {});
  for (;;) {
    const response =
      hop.url.protocol === 'http:'
        ? await plainHttpRequest(hop, options.signal, onRead)
        : await nodeRequest(hop, options, onRead);
    const next = nextHop(hop, response.statusCode, response.headers.location, seen, options.maxRedirects);
    if (next === undefined) return { ...response, url: hop.url };
    response.discard();
    hop = next;
  }
}

/** One request with Node's HTTPS client, without following redirects. */
function nodeRequest(hop: Hop, options: ExchangeOptions, onRead: () => void): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    let request: ClientRequest;
    try {
      request = httpsRequest(hop.url, {
        method: hop.method,
        agent: options.agents.https,
        signal: options.signal,
        headers: Object.fromEntries(hop.headers),
      });
    } catch (error) {
      reject(new TransportError((error as Error).message));
      return;
    }
    let answered = false;
    request.once('response', (response) => {
      answered = true;
      resolve(wrapResponse(response, onRead));
    });
    request.on('error', (error) => {
      // After the server answered (say, early with an error status), a broken upload pipe no longer matters.
      if (!answered) reject(error instanceof FileReadError ? error : new TransportError(describe(error)));
    });
    if (hop.body === undefined) {
      request.end();
      return;
    }
    const sink: BodySink = {
      write: (chunk) => request.write(chunk),
      drained: () => drained(request),
      end: (chunk) => void request.end(chunk),
    };
    hop.body(sink).catch((error: unknown) => {
      if (answered) return;
      request.destroy(error instanceof FileReadError ? error : undefined);
      reject(error instanceof FileReadError ? error : new TransportError(describe(error)));
    });
  });
}

/** Node's response in the shape of `plainHttpRequest`'s. */
function wrapResponse(response: IncomingMessage, onRead: () => void): HttpResponse {
  // From the raw list: Node's own `headers` object drops a header named `__proto__`.
  const headers = emptyHeaders();
  const raw = response.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2)
    setHeaderValue(headers, raw[index]!.toLowerCase(), raw[index + 1]!);
  return {
    statusCode: response.statusCode ?? 0,
    statusMessage: response.statusMessage ?? '',
    headers,
    rawHeaders: response.rawHeaders,
    discard: () => response.destroy(),
    readBody: (write) =>
      new Promise<void>((resolve, reject) => {
        response.on('data', (piece: Buffer) => {
          onRead();
          try {
            write(piece);
          } catch (error) {
            response.destroy(error as Error);
          }
        });
        response.on('error', reject);
        response.on('close', () =>
          response.complete ? resolve() : reject(new TransportError('the response was cut off')),
        );
      }),
  };
}
