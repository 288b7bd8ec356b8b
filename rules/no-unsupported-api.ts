import {
  deviceIds,
  deviceList,
  devicesLacking,
  findMethod,
  findModule,
  type Method,
  type Module,
  type Support,
} from '@velakit/catalog';
import { fileChecker, type Analysis, claimProblemReport, firstLineLoc, targetsFor } from './utils/analysis.js';
import type { ResolvedTargets } from './utils/targets.js';
import { narrowTargets } from './utils/conditional-compilation.js';
import type { ApiUse } from './utils/module-tracker.js';
import { isInPageMethod, isPageFile } from './utils/page-object.js';
import { isPassThroughRead, methodSupport, supportUnderTests } from './utils/use-protection.js';
import { createRule, type RuleContext, type TSESTree } from './utils/rule.js';
import { isTypeWrapper } from './utils/type-wrappers.js';
import { apiName, targetsPhrase } from './utils/words.js';

type Options = [{ targetDevices?: string[]; minAPILevel?: number }];
type MessageIds = 'unsupported' | 'unsupportedOnEveryDevice' | 'apiLevel' | 'manifestProblem' | 'minAPILevelProblem';

/** How many device names the short report for apps without targetDevices spells out. */
const namedDevices = 3;

/** The API level `app.canIUse` (and a page's `this.$canIUse`) needs: below it, velakit advises feature detection. */
const canIUseLevel = findMethod(findModule('system.app')!, 'canIUse')?.apiLevel ?? 3;

/** Where a use is reported: a call's callee, or the read itself. */
function reportNode(use: ApiUse): TSESTree.Node {
  return use.kind === 'call' ? (use.node as TSESTree.CallExpression).callee : use.node;
}

/** `methodSupport` without any test, per method: the catalogue does not change during a run. */
const untestedSupports = new WeakMap<Method, Support>();
function untestedSupport(module: Module, method: Method): Support {
  let support = untestedSupports.get(method);
  if (support === undefined) {
    support = methodSupport(module, method, []);
    untestedSupports.set(method, support);
  }
  return support;
}

/**
 * Per resolved targets (the files of an app share one object), per support table: whether a target lacks it. Most
 * uses in most apps are of APIs every target has, and each file asked `devicesLacking` again for each of them.
 */
const lackingByTargets = new WeakMap<ResolvedTargets, Map<Support, boolean>>();
function someTargetLacks(targets: ResolvedTargets, support: Support): boolean {
  let bySupport = lackingByTargets.get(targets);
  if (!bySupport) {
    bySupport = new Map();
    lackingByTargets.set(targets, bySupport);
  }
  let lacks = bySupport.get(support);
  if (lacks === undefined) {
    lacks = devicesLacking(support, targets.devices.value).length > 0;
    bySupport.set(support, lacks);
  }
  return lacks;
}

/**
 * False when `check` cannot report a use, whatever guards it: every target has it and its level is within reach.
 * Guards, conditional compilation and sibling tests only ever take devices away from the lacking ones, so such a use
 * is skipped before any of them is looked at (most uses in most apps).
 */
function mayReport(targets: ResolvedTargets, support: Support, level: number | undefined): boolean {
  const minimum = targets.minAPILevel;
  return (level !== undefined && minimum !== undefined && level > minimum.value) || someTargetLacks(targets, support);
}

type Context = RuleContext<MessageIds, Options>;

/** What the reports about one file share: its context, analysis and targets, and the reports already made. */
interface FileCheck {
  readonly context: Context;
  readonly analysis: Analysis;
  readonly targets: ResolvedTargets;
  /** `app.canIUse` is advice only where it exists; feature detection works at every level. */
  readonly canIUseFits: boolean;
  /** A page's or component's script, where `this.$canIUse` is the page's `app.canIUse`. */
  readonly inPage: boolean;
  readonly reported: Set<string>;
}

function report(file: FileCheck, use: ApiUse, messageId: MessageIds, data: Record<string, string | number>): void {
  reportAt(file, reportNode(use), messageId, data);
}

function reportAt(file: FileCheck, node: TSESTree.Node, messageId: MessageIds, data: Record<string, string | number>) {
  const key = `${messageId}:${node.range[0]}:${node.range[1]}:${String(data['api'])}`;
  if (file.reported.has(key)) return;
  file.reported.add(key);
  file.context.report({ node, messageId, data });
}

/**
 * The guard to advise: feature detection below level 3; from 3, `this.$canIUse` where `this` is the page (unless the
 * file imports `@system.app` already: then what it uses), `app.canIUse` elsewhere.
 */
function guardAdvice(file: FileCheck, use: ApiUse, key: string): string {
  if (!file.canIUseFits) return `Feature-detect it (${detection(file, use)})`;
  const page =
    file.inPage &&
    isInPageMethod(use.node) &&
    !file.analysis.usage.imports.some((entry) => entry.featureName === 'system.app');
  const test = page ? 'this.$canIUse' : 'app.canIUse';
  return `Guard it with \`${test}('@${key}')\``;
}

/** `minAPILevel is 2 (from src/manifest.json minAPILevel)`, or that it defaults to 1. */
function minimumPhrase(minimum: NonNullable<ResolvedTargets['minAPILevel']>): string {
  return minimum.defaulted
    ? `${minimum.source} has no minAPILevel, so it is ${minimum.value}`
    : `minAPILevel is ${minimum.value} (from ${minimum.source})`;
}

/** Advice for `app.canIUse` below its level: feature detection, which leads out rather than into another report. */
const canIUseLevelAdvice = (level: number): string =>
  `Raise minAPILevel to ${level}, or feature-detect the API instead (\`typeof module.method === 'function'\`).`;

/**
 * `typeof request.download === 'function'`, written with the code's own expression. A member the catalogue does not
 * list that is read, not called (`geolocation.nativeInst`), may hold an object, which `=== 'function'` would always
 * reject: its test is `!== 'undefined'`.
 */
function detection(file: FileCheck, use: ApiUse): string {
  const node = reportNode(use);
  const text = file.context.sourceCode.getText(node).replace(/\?\.$/u, '');
  // `as` and `satisfies` bind more loosely than `typeof`: `typeof (request.download as any)`.
  const operand = node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' ? `(${text})` : text;
  const test = isUndocumentedMember(use) && !isCalled(node) ? "!== 'undefined'" : "=== 'function'";
  return `\`typeof ${operand} ${test}\``;
}

/** A member the catalogue does not list (`geolocation.nativeInst`): what fails where it is missing is the module. */
function isUndocumentedMember(use: ApiUse): boolean {
  return use.member !== undefined && use.method === undefined && use.interfaceName === undefined;
}

/** True for the callee of a call, through the TypeScript wrappers around it (`x!()`). */
function isCalled(node: TSESTree.Node): boolean {
  let child = node;
  while (child.parent && isTypeWrapper(child.parent)) child = child.parent;
  return child.parent?.type === 'CallExpression' && child.parent.callee === child;
}

/**
 * Reports a use no guard covers when a device it targets lacks it (`support`), or its API level (`level`) is above
 * the manifest's. Apart from `checkFile`, which calls it only for the uses `mayReport` lets through: V8's optimizing
 * compiler compiles every path a function has taken, and the messages would otherwise be compiled into the loop.
 */
function check(file: FileCheck, use: ApiUse, key: string, support: Support, level: number | undefined): void {
  const { targets } = file;
  const targetDevices = targets.devices.value;
  const minimum = targets.minAPILevel;
  // A member the catalogue does not list is named by its module: the module is what the devices lack.
  const api =
    use.member === undefined || isUndocumentedMember(use) ? apiName(use.module) : apiName(use.module, use.member);
  const narrowed = narrowTargets(file.analysis.compiledBlocks, use.node.range, targetDevices);
  // Inside a conditional-compilation block velakit cannot evaluate, the targets are unknown: stay silent.
  const devices = narrowed.kind === 'narrowed' ? narrowed.devices : narrowed.kind === 'all' ? targetDevices : [];
  const lacking = devicesLacking(support, devices);
  if (lacking.length > 0) {
    const guard = guardAdvice(file, use, key);
    if (targets.everyDeviceBecause !== undefined && narrowed.kind === 'all') {
      report(file, use, 'unsupportedOnEveryDevice', {
        api,
        count: lacking.length,
        total: targetDevices.length,
        // One series, as require-target-devices writes it at the manifest: "A, B, C, and 5 more".
        some: deviceList(lacking, namedDevices),
        because: targets.everyDeviceBecause,
        advice: `${guard} or list the app's devices in targetDevices.`,
      });
    } else {
      const kept =
        narrowed.kind === 'narrowed'
          ? ` kept by \`if true: ${narrowed.condition}\``
          : narrowed.kind === 'all' && narrowed.ignored !== undefined
            ? `; \`if true: ${narrowed.ignored}\` has no effect in a .ts file, Vela's build compiles conditionally only .ux and .js`
            : '';
      report(file, use, 'unsupported', {
        api,
        devices: deviceList(lacking),
        targets: `${targetsPhrase(targets.devices)}${kept}`,
        advice: `${guard} or drop ${lacking.length > 1 ? 'them' : 'it'} from targetDevices.`,
      });
    }
  }
  if (level !== undefined && minimum && level > minimum.value) {
    const isCanIUse = use.module.name === 'system.app' && use.member === 'canIUse';
    report(file, use, 'apiLevel', {
      api,
      level,
      minimum: minimumPhrase(minimum),
      advice: isCanIUse
        ? canIUseLevelAdvice(level)
        : `Raise minAPILevel to ${level}, or feature-detect it (${detection(file, use)}).`,
    });
  }
}

function fileCheck(context: Context, analysis: Analysis, targets: ResolvedTargets): FileCheck {
  const minimum = targets.minAPILevel;
  return {
    context,
    analysis,
    targets,
    canIUseFits: minimum !== undefined && minimum.value >= canIUseLevel,
    inPage: isPageFile(context.physicalFilename),
    reported: new Set(),
  };
}

function reportManifestProblem(context: Context, problem: string): void {
  if (!claimProblemReport(context)) return;
  context.report({ loc: firstLineLoc(context), messageId: 'manifestProblem', data: { problem } });
}

/**
 * The manifest's targetDevices or minAPILevel given with the wrong type, once per file each: every known device is a
 * target, and no API level is judged, until it is fixed (valid-manifest reports the value).
 */
function reportUnusableFields(context: Context, { targetDevices, minAPILevel }: ResolvedTargets['unusable']): void {
  if (targetDevices !== undefined && claimProblemReport(context, 'targetDevices'))
    context.report({ loc: firstLineLoc(context), messageId: 'manifestProblem', data: { problem: targetDevices } });
  if (minAPILevel !== undefined && claimProblemReport(context, 'minAPILevel'))
    context.report({ loc: firstLineLoc(context), messageId: 'minAPILevelProblem', data: { problem: minAPILevel } });
}

/**
 * A whole-module use (a read of a binding holding the module or one of its members) that may be reported. A method
 * with its own support table (sensor.subscribeCompass) is judged by it in `checkMethodUse`, once, naming the devices
 * that lack the method (a superset of those lacking the module); here only the module's API level is left to check
 * for it. (`use.method` is the catalogue's entry for `use.member`.)
 */
function checkModuleUse(file: FileCheck, use: ApiUse, support: Support): void {
  const keys = [use.module.name, ...(use.member === undefined ? [] : [`${use.module.name}.${use.member}`])];
  const guards = file.analysis.guards;
  if (guards.isDetection(use.node) || guards.isGuarded(use.node, keys)) return;
  check(file, use, use.module.name, support, use.module.apiLevel);
}

/** A use of a method with its own support table or API level that may be reported, judged with its guards. */
function checkMethodUse(file: FileCheck, use: ApiUse, method: Method, ownSupport: boolean, ownLevel: boolean): void {
  const guards = file.analysis.guards;
  if (guards.isDetection(use.node)) return;
  const key = `${use.module.name}.${method.name}`;
  if (guards.isGuarded(use.node, [key])) return;
  const support = ownSupport ? supportUnderTests(guards, use, method) : 'everywhere';
  check(file, use, key, support, ownLevel ? method.apiLevel : undefined);
}

/**
 * The rule's work on one file that may use `@system.*` modules (see `fileChecker`). Most uses in most apps are of APIs
 * every target has at a level within reach: `mayReport` skips them here, and only the others go on to the guards.
 */
function checkFile(context: Context, analysis: Analysis, options: Options[0]): void {
  const { usage } = analysis;
  if (usage.moduleUses.length === 0 && usage.methodUses.length === 0 && !mayUseThisCanIUse(context)) return;
  const targets = targetsFor(context, options);
  if (targets.problem !== undefined) reportManifestProblem(context, targets.problem);
  const unusable = targets.unusable;
  if (unusable.targetDevices !== undefined || unusable.minAPILevel !== undefined)
    reportUnusableFields(context, unusable);
  // Made for the first use that may be reported (most files have none).
  let file: FileCheck | undefined;

  // Whole modules: every read of a binding holding the module or one of its members.
  const moduleUses = usage.moduleUses;
  for (let index = 0; index < moduleUses.length; index++) {
    const use = moduleUses[index]!;
    const support = use.method?.support !== undefined ? 'everywhere' : use.module.support;
    if (mayReport(targets, support, use.module.apiLevel))
      checkModuleUse((file ??= fileCheck(context, analysis, targets)), use, support);
  }

  // Methods with their own support table or API level (vibrator.start, sensor.subscribeCompass, app.canIUse).
  const methodUses = usage.methodUses;
  for (let index = 0; index < methodUses.length; index++) {
    const use = methodUses[index]!;
    const method = use.method;
    if (!method || use.interfaceName !== undefined || isPassThroughRead(use)) continue;
    const ownSupport = method.support !== undefined;
    const ownLevel = method.apiLevel !== undefined && method.apiLevel > use.module.apiLevel;
    if (!ownSupport && !ownLevel) continue;
    // Without any test in front of it, the support a call is judged by is its own table and its module's.
    const untested = ownSupport ? untestedSupport(use.module, method) : 'everywhere';
    if (mayReport(targets, untested, ownLevel ? method.apiLevel : undefined))
      checkMethodUse((file ??= fileCheck(context, analysis, targets)), use, method, ownSupport, ownLevel);
  }

  // A page's `this.$canIUse` is `app.canIUse` under another name: below its level, it is found by its text.
  const minimum = targets.minAPILevel;
  if (minimum !== undefined && minimum.value < canIUseLevel && mayUseThisCanIUse(context))
    checkThisCanIUse(file ?? fileCheck(context, analysis, targets), minimum);
}

/** True for a page's script that names `$canIUse` (most files do not: one text search, no tree walk). */
function mayUseThisCanIUse(context: Context): boolean {
  return isPageFile(context.physicalFilename) && context.sourceCode.text.includes('$canIUse');
}

/** Reports each `this.$canIUse(...)` of the page object that nothing guards, as `app.canIUse` is: it needs level 3. */
function checkThisCanIUse(file: FileCheck, minimum: NonNullable<ResolvedTargets['minAPILevel']>): void {
  const guards = file.analysis.guards;
  for (const call of guards.thisCanIUseCalls) {
    if (!isInPageMethod(call) || guards.isGuarded(call, ['system.app.canIUse'])) continue;
    reportAt(file, call.callee, 'apiLevel', {
      api: 'this.$canIUse',
      level: canIUseLevel,
      minimum: minimumPhrase(minimum),
      advice: canIUseLevelAdvice(canIUseLevel),
    });
  }
}

const checkFiles = fileChecker(checkFile);

export default createRule<Options, MessageIds>({
  name: 'no-unsupported-api',
  meta: {
    type: 'problem',
    docs: {
      description:
        "Disallow modules and methods that a target device lacks or whose API level is above the manifest's `minAPILevel`, unless feature detection or `app.canIUse` guards them",
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
          minAPILevel: {
            type: 'integer',
            minimum: 1,
            description: 'Lowest API level the app runs on; overrides settings and the manifest.',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      unsupported: '`{{api}}` is not supported on {{devices}} ({{targets}}). {{advice}}',
      unsupportedOnEveryDevice:
        '`{{api}}` is missing on {{count}} of the {{total}} known devices ({{some}}); {{because}}, so every device is a target. {{advice}}',
      apiLevel: '`{{api}}` needs API level {{level}}, but {{minimum}}. {{advice}}',
      manifestProblem: '{{problem}}. velakit checks device support against every known device until this is fixed.',
      minAPILevelProblem: '{{problem}}. velakit checks no API level until this is fixed.',
    },
    defaultOptions: [{}],
  },
  create(context, [options]) {
    return checkFiles(context, options);
  },
});
