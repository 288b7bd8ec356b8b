import Module from 'node:module';
import { implementedName } from './system-specifiers.js';
import { systemModule } from './system-module.js';

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const installed = Symbol.for('velakit.runtime.requireHook');

/**
 * Makes `require('@system.uploadtask')` return the forwarding module object itself, as Vela's build does (the module
 * is the export, not a namespace with `default`). Installing twice is harmless.
 */
export function installRequireHook(): void {
  const loader = Module as unknown as { _load: Load & { [installed]?: true } };
  if (loader._load[installed]) return;
  const original = loader._load;
  const cache = new Map<string, unknown>();
  const patched = function (this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
    const name = typeof request === 'string' ? implementedName(request) : undefined;
    if (name === undefined) return original.call(this, request, parent, isMain);
    if (!cache.has(name)) cache.set(name, systemModule(name));
    return cache.get(name);
  } as Load & { [installed]?: true };
  patched[installed] = true;
  loader._load = patched;
}
