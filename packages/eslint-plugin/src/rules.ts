import noUndeclaredFeature from '../../../rules/no-undeclared-feature.js';
import noUnknownModule from '../../../rules/no-unknown-module.js';
import noUnsupportedApi from '../../../rules/no-unsupported-api.js';
import noUnusedFeature from '../../../rules/no-unused-feature.js';
import requireParams from '../../../rules/require-params.js';
import validManifest from '../../../rules/valid-manifest.js';
import validParams from '../../../rules/valid-params.js';

/** Every rule, by name. Each lives in the top-level `rules/` folder beside its doc and its test. */
export const rules = {
  'require-params': requireParams,
  'valid-params': validParams,
  'no-unsupported-api': noUnsupportedApi,
  'no-undeclared-feature': noUndeclaredFeature,
  'no-unknown-module': noUnknownModule,
  'valid-manifest': validManifest,
  'no-unused-feature': noUnusedFeature,
};

export type RuleName = keyof typeof rules;
