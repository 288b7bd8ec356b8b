import { createRequire, register } from 'node:module';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installRequireHook } from './require-hook.js';

const registered = Symbol.for('velakit.runtime.importHook');
const state = globalThis as typeof globalThis & { [registered]?: true };

/** Registers the ESM loader hooks that resolve `@system.*` specifiers (once per thread). */
function installImportHook(): void {
  if (state[registered]) return;
  register(new URL('./hooks.js', import.meta.url));
  state[registered] = true;
}

/** Both hooks: `import x from '@system.request'` and `require('@system.request')` work from here on. */
export function installHooks(): void {
  installImportHook();
  installRequireHook();
}

/**
 * Imports an app file with Node's own loader and the runtime's hooks, bypassing any bundler. Inside vitest this is the
 * way to load unchanged Vela code without touching the vitest configuration. Returns the module namespace (for a
 * CommonJS file, `default` is its `module.exports`).
 */
export async function importApp(file: string | URL): Promise<Record<string, unknown>> {
  installHooks();
  const specifier = file instanceof URL ? file.href : isAbsolute(file) ? pathToFileURL(file).href : file;
  // Loaded on first use: the compiled `.cjs` exists only in `dist`.
  const nativeImport = createRequire(import.meta.url)('./native-import.cjs') as (specifier: string) => Promise<unknown>;
  return (await nativeImport(specifier)) as Record<string, unknown>;
}
