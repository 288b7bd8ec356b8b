import { createRequire } from 'node:module';
import type { ESLint, Linter } from 'eslint';
import { createConfigs } from './configs.js';
import { uxProcessor } from './processor/ux.js';
import { rules } from './rules.js';
import { manifestSettings } from './settings.js';

const { version } = createRequire(import.meta.url)('@velakit/eslint-plugin/package.json') as { version: string };

const configs: { recommended: Linter.Config[]; strict: Linter.Config[] } = { recommended: [], strict: [] };

/** `@velakit/eslint-plugin`: rules, the `.ux` processor and flat configs. */
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
export { rules } from './rules.js';
export { manifestFiles, sourceFiles } from './configs.js';
export { extractScript, uxProcessor } from './processor/ux.js';
export { manifestSettings } from './settings.js';
export { resolveTargets, type ResolvedTargets, type TargetContext, type TargetOptions, type VelakitSettings } from './util/targets.js';
export { clearManifestCache, manifestCacheStats, readManifest, type ManifestFileSystem, type ManifestRead } from './util/manifest-cache.js';
export { appSourcesCacheStats, clearAppSourcesCache } from './util/app-sources.js';
export { renderRuleTable, withRuleTable } from './rule-table.js';
export { trackModules, type ApiUse, type ModuleImport, type ModuleUsage } from './util/module-tracker.js';
