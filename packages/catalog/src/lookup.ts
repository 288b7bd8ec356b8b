import { devices, type DeviceId } from './devices.js';
import { modules } from './modules.js';
import { suggest } from './suggest.js';
import type { Device, Method, Module, Parameter, Support } from './types.js';

/** Folds case, spacing and punctuation so `Redmi Watch 4`, `redmi-watch-4` and `REDMI watch4` meet. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[\s\-_.·]+/gu, '');
}

const deviceByKey = new Map<string, Device>();
for (const device of devices) {
  const names: string[] = [device.id, device.name, device.nameZh, ...device.aliases];
  if ('codename' in device) names.push(device.codename);
  for (const name of names) deviceByKey.set(normalize(name), device);
}

/** The device with this id, name, Chinese name, alias or codename (case- and punctuation-insensitive). */
export function findDevice(query: string): Device | undefined {
  return deviceByKey.get(normalize(query));
}

/** Every spelling a suggestion may match (id, names, aliases) and the device it names; built once. */
const deviceIdByName = new Map<string, DeviceId>(
  devices.flatMap((device) =>
    [device.id, device.name, device.nameZh, ...device.aliases].map((name) => [name, device.id] as const),
  ),
);

/** Device ids close to an unknown device name, best first. */
export function suggestDevices(query: string, max = 3): DeviceId[] {
  const ids = suggest(query, deviceIdByName.keys(), { max: max * 4 }).map((name) => deviceIdByName.get(name)!);
  return [...new Set(ids)].slice(0, max);
}

export function isDeviceId(id: string): id is DeviceId {
  return devices.some((device) => device.id === id);
}

/** The English name of a device id, or the id itself when unknown. */
export function deviceName(id: string): string {
  return devices.find((device) => device.id === id)?.name ?? id;
}

const moduleByName = new Map(modules.map((module) => [module.name, module]));

/** `@system.request` → `system.request`; anything that is not an `@system.` specifier → undefined. */
export function featureNameOf(specifier: string): string | undefined {
  return specifier.startsWith('@system.') ? specifier.slice(1) : undefined;
}

/**
 * The prefix of the phone quick-app platform's vendor service modules (`service.share`, `service.pay`,
 * `service.account`...: hapjs, the phone engine, has them). No Vela docs page describes any `service.*` module.
 */
export const phoneServicePrefix = 'service.';

/** True for `@service.x` (a specifier) or `service.x` (a feature name): a phone quick-app service, not a Vela module. */
export function isPhoneService(name: string): boolean {
  const bare = name.startsWith('@') ? name.slice(1) : name;
  return bare.startsWith(phoneServicePrefix) && bare.length > phoneServicePrefix.length;
}

/** `system.request` → `@system.request`. */
export function specifierOf(featureName: string): string {
  return `@${featureName}`;
}

/** The module with this feature name (`system.request`) or import specifier (`@system.request`). */
export function findModule(name: string): Module | undefined {
  return moduleByName.get(featureNameOf(name) ?? name);
}

/**
 * The module a manifest's `features` entry declares: its exact feature name only. `@system.request` there declares
 * nothing (the manifest schema rejects it), so every tool that reads declarations looks names up with this, never with
 * the lenient `findModule`.
 */
export function findFeature(name: string): Module | undefined {
  return moduleByName.get(name);
}

/** Known feature names close to an unknown one, best first (`system.requst` → `system.request`). */
export function suggestModules(name: string, max = 3): string[] {
  const bare = featureNameOf(name) ?? name;
  return suggest(bare, moduleByName.keys(), { max });
}

/** A method of the module itself or of one of its interfaces (`UploadTask.abort`). */
export function findMethod(module: Module, method: string, interfaceName?: string): Method | undefined {
  if (interfaceName === undefined) return module.methods.find((candidate) => candidate.name === method);
  return module.interfaces.find((entry) => entry.name === interfaceName)?.methods.find((m) => m.name === method);
}

/** A parameter of a method, by name (`header` of `uploadFile`). */
export function findParameter(method: Method, name: string): Parameter | undefined {
  return method.signature.params.find((param) => param.name === name);
}

/** Names of the parameters of a method that takes an options object, closest to an unknown name first. */
export function suggestParameters(method: Method, name: string, max = 3): string[] {
  return suggest(
    name,
    method.signature.params.map((param) => param.name),
    { max },
  );
}

/** A method's own support if the docs give one, else its module's. */
export function supportOf(module: Module, method?: Method): Support {
  return method?.support ?? module.support;
}

/** API level of a method (its own, or its module's). */
export function apiLevelOf(module: Module, method?: Method): number {
  return Math.max(module.apiLevel, method?.apiLevel ?? 1);
}

/** True or false where the docs say; undefined where they are silent. */
export function isSupportedOn(support: Support, deviceId: string): boolean | undefined {
  if (support === 'everywhere') return true;
  if (support === 'undocumented') return undefined;
  return support.includes(deviceId);
}

/** The devices among `targets` that the docs say lack the API (never guesses for undocumented modules). */
export function devicesLacking(support: Support, targets: readonly string[]): string[] {
  return targets.filter((target) => isSupportedOn(support, target) === false);
}

/** The ids of every device that supports the module (or method), or undefined where the docs are silent. */
export function devicesSupporting(module: Module, method?: Method): DeviceId[] | undefined {
  const support = supportOf(module, method);
  if (support === 'undocumented') return undefined;
  return devices.filter((device) => isSupportedOn(support, device.id) === true).map((device) => device.id);
}
