import { writeSync } from 'node:fs';

/** Where text goes once the descriptor refused it: a stream that waits until the reader can take more. */
export interface FallbackStream {
  write(chunk: Uint8Array): unknown;
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Writes text straight to a file descriptor (1 or 2). Touching process.stdout would first load Node's stream, net and
 * tty modules, a few milliseconds of every run. A non-blocking pipe can refuse a write (EAGAIN): from then on, text
 * goes through the stream, which waits for the reader, so the order is kept. When the reader has gone (EPIPE, as
 * with `| head`), the rest of the output is dropped instead of failing the run.
 */
export function fdWriter(
  fd: number,
  stream: () => FallbackStream,
  write: typeof writeSync = writeSync,
): (text: string) => void {
  let fallback: FallbackStream | undefined;
  let closed = false;
  return (text) => {
    if (closed) return;
    const bytes = Buffer.from(text, 'utf8');
    if (fallback !== undefined) {
      fallback.write(bytes);
      return;
    }
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += write(fd, bytes, offset, bytes.length - offset);
      } catch (error) {
        const code = codeOf(error);
        if (code === 'EPIPE') {
          closed = true;
          return;
        }
        if (code !== 'EAGAIN') throw error;
        fallback = stream();
        fallback.write(bytes.subarray(offset));
        return;
      }
    }
  };
}
