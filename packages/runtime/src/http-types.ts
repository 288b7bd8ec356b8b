/** Where a request body goes: a socket, or Node's `ClientRequest`. */
export interface BodySink {
  /** Queues a chunk; false means wait for `drained()` before queueing more (or reusing the chunk's memory). */
  write(chunk: Buffer): boolean;
  /**
   * Resolves once everything queued has been handed to the operating system, rejecting if the connection fails;
   * undefined when that is already so (no promise to await: under AsyncLocalStorage every promise costs a hook call).
   */
  drained(): Promise<void> | undefined;
  /** Queues the last chunk. */
  end(chunk: Buffer): void;
}

/** Writes a request body; called once per attempt, so a 307/308 redirect can send it again from the start. */
export type BodyWriter = (sink: BodySink) => Promise<void>;

/** One request of a chain of redirects. */
export interface Hop {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: BodyWriter | undefined;
}

/** A response whose head has arrived; the body is read on demand. */
export interface HttpResponse {
  readonly statusCode: number;
  readonly statusMessage: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  /** Header names and values as the server sent them, alternating. */
  readonly rawHeaders: readonly string[];
  /**
   * Reads the body, handing each piece to `write` synchronously (the piece may be a view of a buffer that the next
   * read reuses, so `write` must be done with it when it returns). Resolves once the whole body has arrived.
   */
  readBody(write: (piece: Buffer) => void): Promise<void>;
  /** Closes the connection without reading the body. */
  discard(): void;
}
