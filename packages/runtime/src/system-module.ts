import { findModule } from '@velakit/catalog';
import { activeRuntime } from './active.js';
import { RuntimeSetupError } from './errors.js';
import type { RuntimeModules } from './runtime.js';

export type ImplementedModule = keyof RuntimeModules;

/** The feature names the runtime implements, and so the `@system.*` specifiers its loader hooks resolve. */
export const implementedModules = [
  'system.uploadtask',
  'system.request',
] as const satisfies readonly ImplementedModule[];

/**
 * The object app code gets from `import x from '@system.uploadtask'`: one forwarding function per method the
 * catalogue lists, each calling the same method of the runtime active at call time.
 */
export function systemModule<N extends ImplementedModule>(name: N): RuntimeModules[N] {
  const module = findModule(name);
  if (module === undefined) throw new RuntimeSetupError(`${name} is not in the catalogue`);
  const forwarder: Record<string, (...args: unknown[]) => unknown> = {};
  for (const method of module.methods) {
    forwarder[method.name] = (...args: unknown[]) => {
      const runtime = activeRuntime();
      if (runtime === undefined) {
        throw new RuntimeSetupError(
          `@${name}.${method.name} was called with no velakit runtime active: create one with createRuntime(...) and ` +
            'call runtime.activate() or runtime.run(fn) first.',
        );
      }
      const target = runtime.modules[name] as unknown as Record<string, (...params: unknown[]) => unknown>;
      return target[method.name]!(...args);
    };
  }
  return Object.freeze(forwarder) as unknown as RuntimeModules[N];
}
