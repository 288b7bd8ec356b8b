/** One progress event, as `onProgressUpdate` listeners receive it. */
export interface ProgressEvent {
  readonly progress: number;
  readonly totalBytesSent: number;
  readonly totalBytesExpectedToSend: number;
}

/**
 * Turns byte counts into progress events: integer percent, never NaN, never lower than the last event, at most one
 * event per `intervalMs` (except the final 100, which always goes out), and only when the percent changed.
 */
export class ProgressMeter {
  #lastPercent = -1;
  #lastTime = -Infinity;

  constructor(
    private readonly total: number,
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The event to deliver after `sent` bytes, or undefined when listeners should not hear about it yet. */
  update(sent: number): ProgressEvent | undefined {
    const bytes = Math.min(Math.max(sent, 0), this.total);
    const percent = this.total <= 0 ? 100 : Math.floor((bytes * 100) / this.total);
    if (percent <= this.#lastPercent) return undefined;
    const time = this.now();
    if (percent < 100 && time - this.#lastTime < this.intervalMs) return undefined;
    this.#lastPercent = percent;
    this.#lastTime = time;
    return { progress: percent, totalBytesSent: bytes, totalBytesExpectedToSend: this.total };
  }
}
