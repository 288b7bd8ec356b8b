import {
  deviceList,
  deviceName,
  devices,
  devicesLacking,
  didYouMeanSentence,
  findFeature,
  findMethod,
  findModule,
  suggestDevices,
} from '@velakit/catalog';
import { boundedMemo } from '../bounded-memo.js';
import { deviceNamed, isDeviceId } from '../device-id.js';
import { arrayAt, isObject } from '../json-value.js';
import { pointerOf } from '../pointer.js';
import type { CheckContext } from './context.js';

/** The same misspelt id tends to recur across the manifests of one repository; suggesting is a pure function of it. */
export const deviceSuggestions = boundedMemo<readonly string[]>(suggestDevices, 256);

/**
 * Every `targetDevices` entry is a device id, listed once; a name or alias gets its id as the fix. A `targetDevices`
 * that is not a list is the schema's one report: the note on an absent field would say it is missing.
 */
export function checkTargetDevices({ manifest, summary, reporter }: CheckContext): void {
  const entries = arrayAt(manifest, 'targetDevices');
  if (entries === undefined) {
    if (isObject(manifest) && !summary.invalid.targetDevices) {
      reporter.report(
        'no-target-devices',
        `No "targetDevices": every known device (${devices.length}) is a target. List the ids of the devices the app is for to check support against them only.`,
        '',
        { anchor: 'owner' },
      );
    }
    return;
  }
  if (entries.length === 0) {
    reporter.report(
      'empty-target-devices',
      `"targetDevices" is empty, which names no device: every known device (${devices.length}) is a target, as when the field is absent. List the ids of the devices the app is for (\`velakit devices\` shows them).`,
      '/targetDevices',
    );
    return;
  }
  const firstIndex = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (typeof entry !== 'string') return; // the schema reports the type
    if (isDeviceId(entry)) {
      const first = firstIndex.get(entry);
      if (first === undefined) firstIndex.set(entry, index);
      else
        reporter.report(
          'duplicate-device',
          `${deviceName(entry)} is already listed in targetDevices[${first}].`,
          pointerOf('targetDevices', index),
        );
      return;
    }
    const pointer = pointerOf('targetDevices', index);
    const device = deviceNamed(entry);
    if (device === undefined) {
      const suggestions = deviceSuggestions(entry);
      reporter.report(
        'unknown-device',
        `"${entry}" is not a Vela device id.${didYouMeanSentence(suggestions)}`,
        pointer,
        suggestions[0] === undefined ? {} : { suggestion: suggestions[0] },
      );
      return;
    }
    reporter.report(
      'unknown-device',
      `"${entry}" names ${device.name}; targetDevices takes its id "${device.id}".`,
      pointer,
      {
        suggestion: device.id,
      },
    );
    const first = firstIndex.get(device.id);
    if (first === undefined) firstIndex.set(device.id, index);
    else reporter.report('duplicate-device', `${device.name} is already listed in targetDevices[${first}].`, pointer);
  });
}

const allDeviceIds: readonly string[] = devices.map((device) => device.id);

/** The API level `app.canIUse` needs: below it, the advice is feature detection, which works at every level. */
const canIUseLevel = findMethod(findModule('system.app')!, 'canIUse')?.apiLevel ?? 3;

function guardAdvice(name: string, minAPILevel: number): string {
  return minAPILevel >= canIUseLevel
    ? `with app.canIUse('@${name}')`
    : `with feature detection (typeof ${name.slice('system.'.length)}.method === 'function'; app.canIUse needs API level ${canIUseLevel})`;
}

/**
 * The names of the target devices a module lacks, as a list: listing names costs more than the rest of the check. Keyed by the lacking ids (no id holds a comma): a repository's apps name many different
 * target lists, but the devices that lack a feature among them form few sets (the bench's 10,000 manifests: 8,049
 * look-ups, 4,159 distinct modules and target lists, 677 distinct lacking sets).
 */
const lackingNames = boundedMemo<string>((ids) => deviceList(ids.split(',')), 1024);

/**
 * Where the targets came from, for `checkFeatureSupport`'s message. A `targetDevices` that names no known device
 * (empty, or every entry wrong: reported where it is) counts as absent: every known device is a target.
 */
function targetsSource(context: CheckContext, lackingCount: number): string {
  const { targetDevices, summary } = context;
  if (targetDevices) return `targets from ${targetDevices.source}`;
  const listed = summary.targetDevices;
  if (summary.invalid.targetDevices) return 'every known device is a target because "targetDevices" is not a list';
  if (listed === undefined) return 'every known device is a target because the manifest has no "targetDevices"';
  if (listed.length === 0) return 'every known device is a target because "targetDevices" names no known device';
  return `${lackingCount === 1 ? 'a target' : 'targets'} in "targetDevices"`;
}

/** A declared feature that some target device lacks, per the docs' support tables. */
export function checkFeatureSupport(context: CheckContext): void {
  const { features, summary, reporter, usedFeatures, checkedFeatures, targetDevices } = context;
  const listed = summary.targetDevices;
  const targets = targetDevices?.ids ?? (listed !== undefined && listed.length > 0 ? listed : allDeviceIds);
  const reported: string[] = []; // one report per feature name, at its first declaration: at most one per module
  for (const { name, index } of features) {
    // The exact name: `@system.request` declares nothing (the schema reports it), so no support is judged for it.
    const module = findFeature(name);
    if (
      module === undefined ||
      !module.name.startsWith('system.') ||
      (usedFeatures !== undefined && !usedFeatures.has(name))
    )
      continue;
    if (checkedFeatures?.has(name) || module.support === 'everywhere' || module.support === 'undocumented') continue;
    const lacking = devicesLacking(module.support, targets);
    if (lacking.length === 0 || reported.includes(name)) continue;
    reported.push(name);
    const names = lackingNames(lacking.join(','));
    const source = targetsSource(context, lacking.length);
    reporter.report(
      'unsupported-feature',
      `${name} is not supported on ${names} (${source}). Calls fail there: guard them ${guardAdvice(name, summary.minAPILevel)} or drop ${lacking.length === 1 ? 'the device' : 'those devices'}.`,
      pointerOf('features', index, 'name'),
    );
  }
}
