import { fileURLToPath } from 'node:url';
import {
  didYouMeanSentence,
  featureNameOf,
  findModule,
  listAnd,
  quote,
  specifierOf,
  suggestModules,
} from '@velakit/catalog';
import { implementedModules, type ImplementedModule } from './system-module.js';

/** `@system.request` → the file whose default export is the forwarding module object; other specifiers → undefined. */
export function systemModuleUrl(specifier: string): URL | undefined {
  const name = implementedName(specifier);
  return name === undefined ? undefined : new URL(`./system/${name.slice('system.'.length)}.js`, import.meta.url);
}

export function systemModulePath(specifier: string): string | undefined {
  const url = systemModuleUrl(specifier);
  return url === undefined ? undefined : fileURLToPath(url);
}

/**
 * The implemented module a specifier names. An `@system.*` specifier the runtime cannot serve throws an error that
 * says why: a misspelling (with the closest names) or a real module this runtime does not implement.
 */
export function implementedName(specifier: string): ImplementedModule | undefined {
  const name = featureNameOf(specifier);
  if (name === undefined) return undefined;
  if ((implementedModules as readonly string[]).includes(name)) return name as ImplementedModule;
  if (findModule(name) !== undefined) {
    throw new Error(
      `Cannot load '${specifier}': the velakit runtime implements only ${listAnd(implementedModules.map(specifierOf))}.`,
    );
  }
  const hint = didYouMeanSentence(suggestModules(name, 1).map(specifierOf), "'");
  throw new Error(`Cannot find Vela module ${quote(specifier, "'")}.${hint}`);
}
