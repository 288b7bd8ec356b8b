import {
  fileChecker,
  claimProblemReport,
  firstLineLoc,
  methodCalls,
  targetsFor,
  type Analysis,
  type MethodCall,
} from './utils/analysis.js';
import { createRule, type RuleContext } from './utils/rule.js';
import type { ResolvedTargets } from './utils/targets.js';

type Options = [{ permissions?: string[] }];
type MessageIds = 'undeclaredPermission' | 'manifestProblem' | 'noManifest';

type Context = RuleContext<MessageIds, Options>;

/**
 * The rule's work on one file that may use `@system.*` modules (see `fileChecker`). Most files call no method that
 * needs a permission: for them this is one pass over the calls the analysis found, and no target resolution.
 */
function checkFile(context: Context, analysis: Analysis, options: Options[0]): void {
  const calls = methodCalls(analysis);
  for (let index = 0; index < calls.length; index++) {
    if (calls[index]!.method.permission !== undefined) {
      checkCalls(context, calls, index, options);
      return;
    }
  }
}

/** The calls from `first` on (the first one needing a permission), against the declared permissions. */
function checkCalls(context: Context, calls: readonly MethodCall[], first: number, options: Options[0]): void {
  const targets = targetsFor(context, options.permissions ? { permissions: options.permissions } : {});
  if (targets.problem !== undefined && claimProblemReport(context)) {
    context.report({ loc: firstLineLoc(context), messageId: 'manifestProblem', data: { problem: targets.problem } });
  }
  const permissions = targets.permissions;
  if (!permissions) {
    const unusable = targets.unusable.permissions;
    if (unusable !== undefined) {
      // `permissions` is not a list: unknown, not empty (valid-manifest reports its type at the value).
      if (claimProblemReport(context, 'permissions'))
        context.report({ loc: firstLineLoc(context), messageId: 'manifestProblem', data: { problem: unusable } });
    } else if (targets.noManifest && targets.problem === undefined && claimProblemReport(context)) {
      context.report({ loc: firstLineLoc(context), messageId: 'noManifest' });
    }
    return;
  }
  for (let index = first; index < calls.length; index++) {
    const call = calls[index]!;
    const permission = call.method.permission;
    // No guard exempts a call: the permission is missing on every device, so the call fails wherever it runs.
    if (permission !== undefined && !permissions.value.has(permission)) report(context, call, permission, targets);
  }
}

function report(context: Context, { call, api }: MethodCall, permission: string, targets: ResolvedTargets): void {
  const permissions = targets.permissions!;
  context.report({
    node: call.callee,
    messageId: 'undeclaredPermission',
    data: {
      api,
      permission,
      where: permissions.defaulted ? `${permissions.source} has no permissions` : `not in ${permissions.source}`,
    },
  });
}

const checkFiles = fileChecker(checkFile);

export default createRule<Options, MessageIds>({
  name: 'no-undeclared-permission',
  meta: {
    // A certain failure: without the declaration the call fails with code 402 on every device.
    type: 'problem',
    docs: {
      description:
        "Require the manifest's `permissions` to declare the permission each called `@system.*` method needs (`geolocation.getLocation` needs `hapjs.permission.LOCATION`)",
      recommended: 'recommended',
      language: 'javascript',
      readsManifest: true,
    },
    schema: [
      {
        type: 'object',
        properties: {
          permissions: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Declared permission names (`hapjs.permission.LOCATION`); overrides settings and the manifest.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      undeclaredPermission:
        '`{{api}}` needs the permission `{{permission}}`, which is not declared ({{where}}). Without it the call fails with code 402 on every device: add `{ "name": "{{permission}}" }` to permissions.',
      manifestProblem: '{{problem}}. velakit cannot check permission declarations until this is fixed.',
      noManifest:
        'No manifest.json governs this file (none in its folder, its parents, or their src/), so its permission declarations cannot be checked. Point settings.velakit.manifest at it or list settings.velakit.permissions.',
    },
    defaultOptions: [{}],
  },
  create(context, [options]) {
    return checkFiles(context, options);
  },
});
