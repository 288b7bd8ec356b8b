import { implementedModules } from './system-module.js';
import { specifierOf } from '@velakit/catalog';
import { systemModulePath } from './system-specifiers.js';

/** One `resolve.alias` entry in the shape Vite and vitest accept. */
export interface AliasEntry {
  readonly find: RegExp;
  readonly replacement: string;
}

/**
 * `resolve.alias` entries for vitest (or Vite) that send `import x from '@system.request'` to the runtime's forwarding
 * modules: `defineConfig({ resolve: { alias: velakitAliases() } })`. `require()` calls are covered by
 * `installRequireHook()` (or `import '@velakit/runtime/register'` in a setup file).
 */
export function velakitAliases(): AliasEntry[] {
  return implementedModules.map((name) => {
    const specifier = specifierOf(name);
    return {
      find: new RegExp(`^${specifier.replace(/\./gu, '\\.')}$`, 'u'),
      replacement: systemModulePath(specifier)!,
    };
  });
}
