import { platformChecks } from './checks/index.js';
import type { Diagnostic, ValidationResult } from './diagnostic.js';
import { parseManifestText } from './parse.js';
import { Reporter } from './report.js';
import { reportSchemaErrors } from './schema-errors.js';
import { validateSchema } from './schema-validator.js';
import { declaredFeatures, summarize } from './summary.js';

export interface ValidateOptions {
  /**
   * Feature names the app's sources use, when the caller scanned them (the ESLint rules do). Declared features
   * outside it are reported once, as unused, by the caller: the API-level and device-support checks skip them.
   */
  usedFeatures?: ReadonlySet<string>;
  /**
   * Features whose calls the source rules judge (the ESLint rules pass every feature the sources use). Device support
   * and API level are then judged call by call, where guards are seen (a guarded or feature-detected call is fine on
   * every device and level), so `unsupported-feature` and `api-level-too-low` are not reported for them.
   */
  checkedFeatures?: ReadonlySet<string>;
  /**
   * The target devices, when the caller resolved them elsewhere (ESLint's `settings.velakit`): device support is
   * checked against these, and messages say where they came from.
   */
  targetDevices?: { readonly ids: readonly string[]; readonly source: string };
}

// Codes are lower-case kebab-case, so code-unit order is alphabetical order (no ICU collator to load).
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    a.start.offset - b.start.offset || a.end.offset - b.end.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/**
 * Validates the text of a manifest.json: JSON syntax, the schema, then the platform checks a schema cannot express.
 * Never throws on any input text.
 */
export function validateManifest(text: string, options: ValidateOptions = {}): ValidationResult {
  const { parsed, diagnostics } = parseManifestText(text);
  if (parsed === undefined) return { diagnostics };
  const reporter = new Reporter(parsed.locate);
  if (!validateSchema(parsed.value)) reportSchemaErrors(validateSchema.errors ?? [], parsed.value, reporter);
  const features = declaredFeatures(parsed.value);
  const context = {
    manifest: parsed.value,
    features,
    summary: summarize(parsed.value, features),
    reporter,
    usedFeatures: options.usedFeatures,
    checkedFeatures: options.checkedFeatures,
    targetDevices: options.targetDevices,
  };
  // Indexed loops on the per-file path: the bin runs with TurboFan's inlining off (cli/main.ts), so a for-of here
  // would call the array iterator once per element.
  for (let i = 0; i < platformChecks.length; i++) platformChecks[i]!(context);
  const { summary } = context;
  const all = reporter.diagnostics();
  if (all.length === 0 && diagnostics.length === 0) return { diagnostics: [], summary };
  if (diagnostics.length > 0) all.push(...diagnostics);
  return { diagnostics: all.length > 1 ? all.sort(byPosition) : all, summary };
}
