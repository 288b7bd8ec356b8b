export type { Diagnostic, ManifestSummary, Position, RouterPage, Severity, ValidationResult } from './diagnostic.js';
export { diagnosticCodes, diagnosticCodeList, type DiagnosticCode } from './codes.js';
export { validateManifest, type ValidateOptions } from './validate.js';
export { findNearestManifest, lookUpManifestInDir, manifestPathForDir, type ManifestLookup } from './find-manifest.js';
export { manifestSchema } from './schema/index.js';
export { readAppManifest, type AppManifestRead } from './app-manifest.js';
export { summarize as summarizeManifest } from './summary.js';
export { misspelledFeature } from './checks/features.js';
