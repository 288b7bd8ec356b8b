import type { Writable } from 'node:stream';
import { TransportError } from './transfer-errors.js';

/**
 * Waits until a request or socket has handed everything queued to the system, rejecting if it closes or fails first.
 * Undefined when nothing is queued, so the hot path of a fast transfer allocates no promise.
 */
export function drained(stream: Writable): Promise<void> | undefined {
  if (stream.writableLength === 0 && !stream.writableNeedDrain && !stream.destroyed) return undefined;
  return new Promise((resolve, reject) => {
    if (stream.destroyed) return reject(new TransportError('connection closed while sending'));
    const cleanup = (): void => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onError);
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
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', onError);
  });
}
