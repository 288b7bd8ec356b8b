import { deviceIds, isSupportedOn, supportOf, type Method, type Module, type Support } from '@velakit/catalog';
import type { Analysis } from './analysis.js';
import { narrowTargets } from './conditional-compilation.js';
import type { Guards } from './guards.js';
import type { ApiUse } from './module-tracker.js';

/**
 * How no-unsupported-api judges one use of an API on a device that lacks it, for the rule and for whoever shows the
 * same verdicts (the CLI's device table): one judgement, so the two never disagree.
 */

/**
 * Why a use cannot fail on a device that lacks its API:
 * - `guarded`: a test in front of it (`app.canIUse`, feature detection), a `try`/`catch` or an optional call keeps it
 *   from running there, or it only tests for the API or hands the method on to a call judged where it is made;
 * - `compiled-out`: a conditional-compilation block (`// if true: ...`) leaves it out of that device's build;
 * - `conditional`: it sits in such a block whose condition velakit cannot evaluate (the rule stays silent there).
 */
export type Protection = 'guarded' | 'compiled-out' | 'conditional';

/**
 * Where a call of a method with its own table is safe: the devices of that table that also have its module, and the
 * devices where a test in front of the call fails, so the call never runs there: a test of the module
 * (`if (!sensor) return`) fails where the module is missing, a test of a sibling method
 * (`typeof sensor.subscribeCompass === 'function'` around `sensor.unsubscribeCompass()`) where that method is.
 */
export function methodSupport(module: Module, method: Method, testedSupports: readonly Support[]): Support {
  const own = supportOf(module, method);
  if (!Array.isArray(own) || !Array.isArray(module.support)) return own;
  const moduleSupport: readonly string[] = module.support;
  return deviceIds.filter(
    (id) =>
      (own.includes(id) && moduleSupport.includes(id)) ||
      testedSupports.some((tested) => Array.isArray(tested) && !tested.includes(id)),
  );
}

/**
 * `methodSupport` with the tests in front of `use`, a use of a method with its own support table that no test of the
 * method itself guards: tests of its module and of its sibling methods with tables of their own.
 */
export function supportUnderTests(guards: Guards, use: ApiUse, method: Method): Support {
  const tested: Support[] = [];
  if (guards.isGuarded(use.node, [use.module.name])) tested.push(use.module.support);
  for (const sibling of use.module.methods) {
    if (
      sibling !== method &&
      sibling.support !== undefined &&
      guards.isGuarded(use.node, [`${use.module.name}.${sibling.name}`])
    )
      tested.push(sibling.support);
  }
  return methodSupport(use.module, method, tested);
}

/** Reads that only name a method on the way to a call or an alias: the call is judged, not the read too. */
export function isPassThroughRead(use: ApiUse): boolean {
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

/**
 * Why `use` (of the file `analysis` describes) cannot fail on `device`, a device that lacks the API it uses, or
 * undefined when it runs there unprotected: exactly where no-unsupported-api reports it (for a method of an object a
 * module's call returns, such as `UploadTask.abort`, which the rule judges at that call: where a test of the module
 * does not guard it). Reads the file's guards and conditional-compilation blocks, which the analysis finds once.
 */
export function protectionOn(analysis: Analysis, use: ApiUse, device: string): Protection | undefined {
  const narrowed = narrowTargets(analysis.compiledBlocks, use.node.range, [device]);
  if (narrowed.kind === 'unknown') return 'conditional';
  if (narrowed.kind === 'narrowed' && narrowed.devices.length === 0) return 'compiled-out';
  return isGuardedOn(analysis.guards, use, device) ? 'guarded' : undefined;
}

/**
 * What several uses of an API leave on a device that lacks it: unprotected when one of them is; else, of the reasons,
 * the one that says least (a guard before an unevaluated condition before a build that leaves the use out).
 */
export function weakestProtection(protections: readonly (Protection | undefined)[]): Protection | undefined {
  if (protections.length === 0 || protections.includes(undefined)) return undefined;
  if (protections.includes('guarded')) return 'guarded';
  return protections.includes('conditional') ? 'conditional' : 'compiled-out';
}

function isGuardedOn(guards: Guards, use: ApiUse, device: string): boolean {
  if (guards.isDetection(use.node)) return true;
  const module = use.module.name;
  // A returned object exists only where its module's call ran; a test of the module keeps it from the others.
  if (use.interfaceName !== undefined) return guards.isGuarded(use.node, [module]);
  const method = use.method;
  // Judged by its module's table, as any read of the module or one of its members.
  if (method?.support === undefined)
    return guards.isGuarded(use.node, use.member === undefined ? [module] : [module, `${module}.${use.member}`]);
  if (isPassThroughRead(use)) return true;
  if (guards.isGuarded(use.node, [`${module}.${method.name}`])) return true;
  return isSupportedOn(supportUnderTests(guards, use, method), device) !== false;
}
