import { deviceIds, deviceList, devicesLacking, supportOf } from '@velakit/catalog';
import { analyze, claimProblemReport, firstLineLoc, targetsFor } from './utils/analysis.js';
import type { ApiUse } from './utils/module-tracker.js';
import { createRule, type TSESTree } from './utils/rule.js';
import { apiName, targetsPhrase } from './utils/words.js';

type Options = [{ targetDevices?: string[]; minAPILevel?: number }];
type MessageIds = 'unsupported' | 'apiLevel' | 'manifestProblem';

/** Where a use is reported: a call's callee, or the read itself. */
function reportNode(use: ApiUse): TSESTree.Node {
  return use.kind === 'call' ? (use.node as TSESTree.CallExpression).callee : use.node;
}

/** Reads that only name a method on the way to a call or an alias are reported there, not twice. */
function isPassThroughRead(use: ApiUse): boolean {
  if (use.kind !== 'read') return false;
  const node = use.node;
  const parent = node.parent;
  if (node.type === 'ImportSpecifier' || node.type === 'Property') return true;
  if (!parent) return false;
  if (parent.type === 'CallExpression' && parent.callee === node) return true;
  if (parent.type === 'VariableDeclarator' && parent.init === node) return true;
  if (parent.type === 'AssignmentExpression' && parent.right === node) return true;
  return false;
}

export default createRule<Options, MessageIds>({
  name: 'no-unsupported-api',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow modules and methods that a target device lacks or whose API level is above the manifest's `minAPILevel`",
      recommended: 'recommended',
      language: 'javascript',
      readsManifest: true,
    },
    schema: [
      {
        type: 'object',
        properties: {
          targetDevices: {
            type: 'array',
            items: { type: 'string', enum: [...deviceIds] },
            description: 'Device ids to check against; overrides settings and the manifest.',
          },
          minAPILevel: { type: 'integer', minimum: 1, description: 'Lowest API level the app runs on; overrides settings and the manifest.' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      unsupported: '`{{api}}` is not supported on {{devices}} ({{targets}}). Guard it with `app.canIUse(\'{{key}}\')` or {{advice}}.',
      apiLevel: '`{{api}}` needs API level {{level}}, but minAPILevel is {{minimum}} (from {{source}}). Raise minAPILevel to {{level}}.',
      manifestProblem: '{{problem}}. velakit checks device support against every known device until this is fixed.',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    return {
      Program() {
        const analysis = analyze(context);
        if (!analysis || analysis.usage.imports.length === 0) return;
        const targets = targetsFor(context, options);
        if (targets.problem !== undefined && claimProblemReport(context)) {
          context.report({ loc: firstLineLoc(context), messageId: 'manifestProblem', data: { problem: targets.problem } });
        }
        const { guards, usage } = analysis;
        const targetDevices = targets.devices.value;
        const reported = new Set<string>();
        const report = (use: ApiUse, messageId: MessageIds, data: Record<string, string | number>): void => {
          const node = reportNode(use);
          const key = `${messageId}:${node.range[0]}:${node.range[1]}:${String(data['api'])}`;
          if (reported.has(key)) return;
          reported.add(key);
          context.report({ node, messageId, data });
        };
        // Without declared targets there is nothing to drop: the way out is to declare them.
        const advice = (lacking: readonly string[]): string =>
          targets.devices.source.startsWith('every known device')
            ? "list the devices the app targets in the manifest's targetDevices"
            : `drop ${lacking.length > 1 ? 'them' : 'it'} from targetDevices`;
        const keysOf = (use: ApiUse): string[] => [use.module.name, ...(use.member === undefined ? [] : [`${use.module.name}.${use.member}`])];

        // Whole modules: every read of a binding holding the module or one of its members.
        for (const use of usage.moduleUses) {
          const lacking = devicesLacking(use.module.support, targetDevices);
          const guarded = guards.isGuarded(use.node, keysOf(use));
          if (guarded) continue;
          const key = `@${use.module.name}`;
          if (lacking.length > 0) {
            report(use, 'unsupported', {
              api: apiName(use.module),
              devices: deviceList(lacking),
              targets: targetsPhrase(targets.devices),
              key,
              advice: advice(lacking),
            });
          }
          if (targets.minAPILevel && use.module.apiLevel > targets.minAPILevel.value) {
            report(use, 'apiLevel', { api: apiName(use.module), level: use.module.apiLevel, minimum: targets.minAPILevel.value, source: targets.minAPILevel.source });
          }
        }

        // Methods with their own support table or API level (vibrator.start, sensor.subscribeCompass, app.canIUse).
        for (const use of usage.methodUses) {
          const method = use.method;
          if (!method || use.interfaceName !== undefined || isPassThroughRead(use)) continue;
          const ownSupport = method.support !== undefined;
          const ownLevel = method.apiLevel !== undefined && method.apiLevel > use.module.apiLevel;
          if (!ownSupport && !ownLevel) continue;
          const key = `@${use.module.name}.${method.name}`;
          if (guards.isGuarded(use.node, [`${use.module.name}.${method.name}`])) continue;
          const api = apiName(use.module, method.name);
          if (ownSupport) {
            const lacking = devicesLacking(supportOf(use.module, method), targetDevices);
            if (lacking.length > 0) {
              report(use, 'unsupported', { api, devices: deviceList(lacking), targets: targetsPhrase(targets.devices), key, advice: advice(lacking) });
            }
          }
          if (ownLevel && targets.minAPILevel && method.apiLevel! > targets.minAPILevel.value) {
            report(use, 'apiLevel', { api, level: method.apiLevel!, minimum: targets.minAPILevel.value, source: targets.minAPILevel.source });
          }
        }
      },
    };
  },
});
