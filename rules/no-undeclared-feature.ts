import { misspelledFeature } from '@velakit/manifest';
import { fileChecker, claimProblemReport, firstLineLoc, targetsFor, type Analysis } from './utils/analysis.js';
import { createRule, type RuleContext } from './utils/rule.js';

type Options = [{ features?: string[] }];
type MessageIds = 'undeclaredFeature' | 'misspelledFeature' | 'manifestProblem' | 'noManifest';

type Context = RuleContext<MessageIds, Options>;

/**
 * The declared name that misspells `feature` (`system.storge` for `system.storage`, as valid-manifest suggests), if
 * any: the declaration is there, under the wrong name, and the message says so. Only for an import found undeclared.
 */
function misspellingOf(declared: ReadonlySet<string>, feature: string): string | undefined {
  for (const name of declared) if (misspelledFeature(name) === feature) return name;
  return undefined;
}

/** The rule's work on one file that may use `@system.*` modules (see `fileChecker`). */
function checkFile(context: Context, analysis: Analysis, options: Options[0]): void {
  const needing = analysis.usage.imports.filter((entry) => entry.module?.requiresDeclaration === true);
  if (needing.length === 0) return;
  const targets = targetsFor(context, { ...(options.features ? { features: options.features } : {}) });
  if (targets.problem !== undefined && claimProblemReport(context)) {
    context.report({
      loc: firstLineLoc(context),
      messageId: 'manifestProblem',
      data: { problem: targets.problem },
    });
  }
  const features = targets.features;
  if (!features) {
    const unusable = targets.unusable.features;
    if (unusable !== undefined) {
      // `features` is not a list: unknown, not empty (valid-manifest reports its type at the value).
      if (claimProblemReport(context, 'features'))
        context.report({ loc: firstLineLoc(context), messageId: 'manifestProblem', data: { problem: unusable } });
    } else if (targets.noManifest && targets.problem === undefined && claimProblemReport(context)) {
      context.report({ loc: firstLineLoc(context), messageId: 'noManifest' });
    }
    return;
  }
  for (const entry of needing) {
    // `{ "name": "@system.request" }` declares nothing, but valid-manifest reports that entry with its fix: one report.
    if (features.value.has(entry.featureName) || features.value.has(entry.specifier)) continue;
    const slip = misspellingOf(features.value, entry.featureName);
    if (slip !== undefined) {
      context.report({
        node: entry.node,
        messageId: 'misspelledFeature',
        data: { specifier: entry.specifier, feature: entry.featureName, slip, source: features.source },
      });
      continue;
    }
    context.report({
      node: entry.node,
      messageId: 'undeclaredFeature',
      data: {
        specifier: entry.specifier,
        feature: entry.featureName,
        where: features.defaulted ? `${features.source} has no features` : `not in ${features.source}`,
      },
    });
  }
}

const checkFiles = fileChecker(checkFile);

export default createRule<Options, MessageIds>({
  name: 'no-undeclared-feature',
  meta: {
    // Not a certain failure: the build adds undeclared features (with a warning) and published apps work without
    // them. The docs say to declare them, so it is a warning in `recommended`.
    type: 'suggestion',
    docs: {
      description:
        "Require every imported `@system.*` module that needs a declaration to be listed in the manifest's `features`",
      recommended: 'recommended',
      language: 'javascript',
      readsManifest: true,
    },
    schema: [
      {
        type: 'object',
        properties: {
          features: {
            type: 'array',
            items: { type: 'string' },
            description: 'Declared feature names (`system.request`); overrides settings and the manifest.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      undeclaredFeature:
        '`{{specifier}}` is imported but `{{feature}}` is not declared ({{where}}). The Vela docs require declaring it: add `{ "name": "{{feature}}" }` to features (the build adds it with a warning otherwise).',
      misspelledFeature:
        '`{{specifier}}` is imported but `{{feature}}` is not declared: {{source}} has "{{slip}}", a misspelling of it. The Vela docs require declaring it: write `{{feature}}` there (the build adds it with a warning otherwise).',
      manifestProblem: '{{problem}}. velakit cannot check feature declarations until this is fixed.',
      noManifest:
        'No manifest.json governs this file (none in its folder, its parents, or their src/), so its feature declarations cannot be checked. Point settings.velakit.manifest at it or list settings.velakit.features.',
    },
    defaultOptions: [{}],
  },
  create(context, [options]) {
    return checkFiles(context, options);
  },
});
