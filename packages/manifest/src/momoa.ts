import { createRequire } from 'node:module';

type Momoa = typeof import('@humanwhocodes/momoa');

let loaded: Momoa | undefined;

/**
 * momoa, loaded on first use: a clean manifest never needs positions, so the CLI skips loading the parser.
 * (Its CommonJS build is the same code as the ESM one.)
 */
export function momoa(): Momoa {
  loaded ??= createRequire(import.meta.url)('@humanwhocodes/momoa') as Momoa;
  return loaded;
}
