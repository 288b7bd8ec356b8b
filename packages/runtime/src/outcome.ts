import type { CallFailure } from './errors.js';
import type { Host } from './host.js';

/** The `success` / `fail` / `complete` callbacks an app passed, keeping only those that are functions. */
export interface Callbacks<T> {
  readonly success?: (data: T) => unknown;
  readonly fail?: (data: string, code: number) => unknown;
  readonly complete?: () => unknown;
}

export function callbacksOf<T>(options: unknown): Callbacks<T> {
  if (typeof options !== 'object' || options === null) return {};
  const { success, fail, complete } = options as Record<string, unknown>;
  return {
    ...(typeof success === 'function' ? { success: success as (data: T) => unknown } : {}),
    ...(typeof fail === 'function' ? { fail: fail as (data: string, code: number) => unknown } : {}),
    ...(typeof complete === 'function' ? { complete: complete as () => unknown } : {}),
  };
}

/**
 * How one call ends: exactly one of `success(data)` or `fail(message, code)`, then `complete()`, delivered on a later
 * turn. Once silenced (an aborted upload) nothing more is delivered, even a result already on its way.
 */
export class Outcome<T> {
  #state: 'open' | 'settled' | 'silenced' = 'open';

  constructor(
    private readonly host: Host,
    private readonly callbacks: Callbacks<T>,
    private readonly label: string,
  ) {}

  get open(): boolean {
    return this.#state === 'open';
  }

  succeed(data: T): void {
    if (!this.#settle()) return;
    this.host.defer(() => {
      if (this.#state === 'silenced') return;
      this.host.call(`${this.label} success`, this.callbacks.success, data);
      this.host.call(`${this.label} complete`, this.callbacks.complete);
    });
  }

  fail(failure: CallFailure): void {
    if (!this.#settle()) return;
    this.host.defer(() => {
      if (this.#state === 'silenced') return;
      this.host.call(`${this.label} fail`, this.callbacks.fail, failure.message, failure.code);
      this.host.call(`${this.label} complete`, this.callbacks.complete);
    });
  }

  silence(): void {
    this.#state = 'silenced';
  }

  #settle(): boolean {
    if (this.#state !== 'open') return false;
    this.#state = 'settled';
    return true;
  }
}
