/**
 * The runtime's event loop bookkeeping: app callbacks run on a later turn (as on a watch, never inside the call that
 * caused them), exceptions thrown by app code are caught and reported, and `idle()` tells when no work is left.
 */
export class Host {
  #pending = 0;
  #idleWaiters: (() => void)[] = [];
  #immediates = new Set<NodeJS.Immediate>();
  #closed = false;

  constructor(private readonly onCallbackError: (error: unknown, where: string) => void) {}

  get closed(): boolean {
    return this.#closed;
  }

  /** Marks work in progress until the returned function is called (calling it again does nothing). */
  hold(): () => void {
    this.#pending += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#pending -= 1;
      if (this.#pending === 0) this.#checkIdle();
    };
  }

  /** Runs `task` on a later turn of the event loop, unless the runtime closes first. */
  defer(task: () => void): void {
    if (this.#closed) return;
    const release = this.hold();
    const handle = setImmediate(() => {
      this.#immediates.delete(handle);
      try {
        task();
      } finally {
        release();
      }
    });
    this.#immediates.add(handle);
  }

  /** Calls app code, catching what it throws so one bad callback cannot break the runtime. */
  call<A extends unknown[]>(where: string, fn: ((...args: A) => unknown) | undefined, ...args: A): void {
    if (fn === undefined) return;
    try {
      fn(...args);
    } catch (error) {
      this.onCallbackError(error, where);
    }
  }

  /** Resolves once no transfer, queued transfer or pending callback remains. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.#idleWaiters.push(resolve);
      this.#checkIdle();
    });
  }

  close(): void {
    this.#closed = true;
    for (const handle of this.#immediates) clearImmediate(handle);
    this.#immediates.clear();
    this.#pending = 0;
    this.#checkIdle();
  }

  #checkIdle(): void {
    // Wait one turn: a finishing task often schedules the next piece of work right after releasing its hold.
    setImmediate(() => {
      if (this.#pending !== 0 && !this.#closed) return;
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const resolve of waiters) resolve();
    });
  }
}
