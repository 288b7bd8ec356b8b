import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../src/index.js';

export const workoutApp = fileURLToPath(new URL('../apps/workout', import.meta.url));

/** A runtime for the test app on a device that has both modules, unless told otherwise. */
export function testRuntime(options: Partial<RuntimeOptions> = {}): Runtime {
  return createRuntime({ appRoot: workoutApp, device: 'xiaomi-watch-s4', onCallbackError: () => {}, ...options });
}

/** Puts a file into the app's sandbox and returns its URI. */
export function placeFile(runtime: Runtime, uri: string, content: Buffer | string): string {
  writeFileSync(runtime.pathOf(uri), content);
  return uri;
}

export interface CallLog<T> {
  /** Every callback in order: `success`, `fail`, `complete`. */
  readonly calls: ('success' | 'fail' | 'complete')[];
  result?: T;
  failure?: { message: string; code: number };
  readonly callbacks: { success(data: T): void; fail(message: string, code: number): void; complete(): void };
  /** Resolves after `complete`. */
  readonly completed: Promise<void>;
}

/** Callbacks that record what the runtime called, in order. */
export function callLog<T>(): CallLog<T> {
  let markComplete: () => void = () => {};
  const log: CallLog<T> = {
    calls: [],
    completed: new Promise<void>((resolve) => (markComplete = resolve)),
    callbacks: {
      success(data) {
        log.calls.push('success');
        log.result = data;
      },
      fail(message, code) {
        log.calls.push('fail');
        log.failure = { message, code };
      },
      complete() {
        log.calls.push('complete');
        markComplete();
      },
    },
  };
  return log;
}

/** Every file below a folder, as paths relative to it (temporary files included). */
export function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), relative);
      else found.push(relative);
    }
  };
  walk(root, '');
  return found.sort();
}

/** A scratch folder outside any sandbox, to prove nothing lands there. */
export function outsideFolder(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'velakit-outside-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function sizeOf(path: string): number {
  return statSync(path).size;
}
