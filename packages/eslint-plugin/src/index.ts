import { createRequire } from 'node:module';
import { manifestSettings, rules } from '@velakit/eslint-rules';
import type { ESLint, Linter } from 'eslint';
import { createConfigs } from './configs.js';
import { uxProcessor } from './processor/ux.js';

const { version } = createRequire(import.meta.url)('@velakit/eslint-plugin/package.json') as { version: string };

const configs: { recommended: Linter.Config[]; strict: Linter.Config[] } = { recommended: [], strict: [] };

/** `@velakit/eslint-plugin`: velakit's rules (from `@velakit/eslint-rules`), the `.ux` processor and flat configs. */
const plugin = {
  meta: { name: '@velakit/eslint-plugin', version, namespace: 'velakit' },
  rules,
  processors: { ux: uxProcessor },
  configs,
};

// The configs name the plugin object itself, so they are made once it exists.
Object.assign(configs, createConfigs(plugin as unknown as ESLint.Plugin));

/**
 * The whole flat config for linting one Vela app from code (the CLI does this): the recommended (or strict) config
 * plus the settings `manifestSettings(appDir)` reads from the app's manifest.
 */
export function appConfig(appDir: string, options: { strict?: boolean } = {}): Linter.Config[] {
  return [...(options.strict ? configs.strict : configs.recommended), { name: 'velakit/app-settings', settings: manifestSettings(appDir) }];
}

export default plugin;
export { manifestSettings, type VelakitSettings } from '@velakit/eslint-rules';
export { manifestFiles, sourceFiles } from './configs.js';
export { uxFileLocation } from './processor/ux.js';
