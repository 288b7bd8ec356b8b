/** A job waiting for, or holding, one of a limited number of slots. */
export interface Slot {
  /** Gives the slot back (or leaves the queue); safe to call more than once. */
  release(): void;
}

/** At most `limit` jobs run at once; the rest start in the order they asked. */
export class FifoLimiter {
  #running = 0;
  readonly #queue: (() => void)[] = [];

  constructor(readonly limit: number) {}

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#queue.length;
  }

  /** Calls `start` now or once a slot frees up. Releasing before it started removes it from the queue. */
  acquire(start: () => void): Slot {
    let state: 'queued' | 'running' | 'done' = 'queued';
    const entry = (): void => {
      state = 'running';
      this.#running += 1;
      start();
    };
    if (this.#running < this.limit) entry();
    else this.#queue.push(entry);
    return {
      release: () => {
        if (state === 'queued') {
          const index = this.#queue.indexOf(entry);
          if (index !== -1) this.#queue.splice(index, 1);
        } else if (state === 'running') {
          this.#running -= 1;
          this.#next();
        }
        state = 'done';
      },
    };
  }

  #next(): void {
    while (this.#running < this.limit && this.#queue.length > 0) this.#queue.shift()!();
  }
}
