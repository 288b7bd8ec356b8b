import type { Host } from './host.js';
import type { ProgressEvent } from './progress.js';

type Listener = (event: ProgressEvent) => unknown;

let deliver: (task: UploadTask, event: ProgressEvent) => void;

/**
 * The handle `uploadFile` returns. Listeners form a set (adding one twice keeps one) and every listener hears every
 * event; after `abort()` none hears anything. A task whose call was refused keeps the same methods, which do nothing.
 */
export class UploadTask {
  readonly #listeners = new Set<Listener>();
  #aborted = false;

  static {
    deliver = (task, event) => task.#deliver(event);
  }

  constructor(
    private readonly host: Host | undefined,
    private readonly onAbort: () => void,
  ) {}

  /** Stops the transfer at once: the socket and the file close, and neither `fail` nor `complete` is called. */
  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#listeners.clear();
    this.onAbort();
  }

  /** Adds a progress listener. Something other than a function is ignored, as a watch does not throw here. */
  onProgressUpdate(callback?: unknown): void {
    if (typeof callback === 'function' && !this.#aborted) this.#listeners.add(callback as Listener);
  }

  /** Removes one listener, or every listener when called without one. */
  offProgressUpdate(callback?: unknown): void {
    if (callback === undefined) this.#listeners.clear();
    else this.#listeners.delete(callback as Listener);
  }

  #deliver(event: ProgressEvent): void {
    if (this.#aborted || this.host === undefined) return;
    // A snapshot: a listener that removes itself or another must not change who hears this event.
    for (const listener of [...this.#listeners]) this.host.call('onProgressUpdate listener', listener, { ...event });
  }
}

/** Sends a progress event to every listener of a task (internal to the runtime). */
export function deliverProgress(task: UploadTask, event: ProgressEvent): void {
  deliver(task, event);
}
