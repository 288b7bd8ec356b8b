import { createRequire } from 'node:module';
import { manifestSettings, rules } from '@velakit/eslint-rules';
import type { ESLint, Linter, Rule } from 'eslint';
import { createConfigs } from './configs.js';
import { manifestProcessor } from './processor/manifest.js';
import { uxProcessor } from './processor/ux.js';

const { version } = createRequire(import.meta.url)('@velakit/eslint-plugin/package.json') as { version: string };

const configs: { recommended: Linter.Config[]; strict: Linter.Config[] } = { recommended: [], strict: [] };

/** The plugin's type: an ESLint `Plugin` (so `plugins: { velakit }` type-checks in an `eslint.config.ts`), with its parts. */
export interface VelakitPlugin extends ESLint.Plugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: Readonly<Record<keyof typeof rules, Rule.RuleModule>>;
  readonly processors: { readonly ux: Linter.Processor; readonly manifest: Linter.Processor };
  readonly configs: { readonly recommended: Linter.Config[]; readonly strict: Linter.Config[] };
}

/** `@velakit/eslint-plugin`: velakit's rules (from `@velakit/eslint-rules`), the `.ux` processor and flat configs. */
const plugin: VelakitPlugin = {
  meta: { name: '@velakit/eslint-plugin', version, namespace: 'velakit' },
  // typescript-eslint's rule types describe the same objects as ESLint's, with a narrower context.
  rules: rules as unknown as Record<keyof typeof rules, Rule.RuleModule>,
  processors: { ux: uxProcessor, manifest: manifestProcessor },
  configs,
};

// The configs name the plugin object itself, so they are made once it exists.
Object.assign(configs, createConfigs(plugin));

/**
 * The whole flat config for linting one Vela app from code (the CLI does this): the recommended (or strict) config
 * plus the settings `manifestSettings(appDir)` reads from the app's manifest.
 */
export function appConfig(appDir: string, options: { strict?: boolean } = {}): Linter.Config[] {
  return [
    ...(options.strict ? configs.strict : configs.recommended),
    { name: 'velakit/app-settings', settings: manifestSettings(appDir) },
  ];
}

export default plugin;
export { manifestSettings, type VelakitSettings } from '@velakit/eslint-rules';
export { manifestFiles, sourceFiles, uxScriptFiles } from './configs.js';
export { uxFileLocation } from './processor/ux.js';
