/** Node's timers overflow above 2^31-1 ms and then fire after 1 ms; longer delays are waited out in steps. */
export const maxTimerDelay = 2 ** 31 - 1;

export interface LongTimer {
  clear(): void;
}

/** `setTimeout` for any finite delay: a delay above `maxTimerDelay` is split into steps, so it never fires early. */
export function setLongTimeout(callback: () => void, delay: number): LongTimer {
  let left = Math.max(0, delay);
  let handle: NodeJS.Timeout;
  const arm = (): void => {
    const step = Math.min(left, maxTimerDelay);
    left -= step;
    handle = setTimeout(left > 0 ? arm : callback, step);
  };
  arm();
  return { clear: () => clearTimeout(handle) };
}
