import { AsyncLocalStorage } from 'node:async_hooks';
import type { Runtime } from './runtime.js';

/**
 * Which runtime the `@system.*` module objects talk to. App code imports those objects once; every call looks up the
 * runtime in charge at that moment: the one `runtime.run(fn)` set for the current async context, else the one
 * `runtime.activate()` made current. The slot lives on `globalThis` so that a second copy of this file (Node's loader
 * and vitest's each load their own) still shares it.
 */
interface ActiveSlot {
  current: Runtime | undefined;
  readonly context: AsyncLocalStorage<Runtime>;
}

const key = Symbol.for('velakit.runtime.active');
const holder = globalThis as typeof globalThis & { [key]?: ActiveSlot };
const slot: ActiveSlot = (holder[key] ??= { current: undefined, context: new AsyncLocalStorage<Runtime>() });

export function activeRuntime(): Runtime | undefined {
  return slot.context.getStore() ?? slot.current;
}

export function setCurrentRuntime(runtime: Runtime | undefined): void {
  slot.current = runtime;
}

export function runWithRuntime<T>(runtime: Runtime, fn: () => T): T {
  return slot.context.run(runtime, fn);
}
