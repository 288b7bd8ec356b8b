// The analysis velakit's rules share, as the packages above them (the plugin, the CLI) use it.
export { usedApis, type UsedApi } from './analysis.js';
export { weakestProtection, type Protection } from './use-protection.js';
export { recheckAfterMs, useClockForTests } from './disk-checks.js';
export {
  appSourcesCacheStats,
  clearAppSourcesCache,
  scanAppSources,
  validationOptions,
  type AppSources,
} from './app-sources.js';
export {
  clearManifestCache,
  manifestCacheStats,
  readManifest,
  type ManifestFileSystem,
  type ManifestRead,
} from './manifest-cache.js';
export { ruleDocsUrl, type VelakitRuleDocs } from './rule.js';
export { manifestSettings } from './settings.js';
export {
  resolveTargets,
  type ResolvedTargets,
  type Sourced,
  type TargetContext,
  type TargetOptions,
  type VelakitSettings,
} from './targets.js';
