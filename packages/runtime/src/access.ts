import { deviceName, findMethod, findModule, isSupportedOn, supportOf, type Device } from '@velakit/catalog';
import { ErrorCodes } from '@velakit/catalog';
import { CallFailure } from './errors.js';

/**
 * Why a call may not run on this device in this app, decided by the catalogue alone (the same data lint uses):
 * the device lacks the module or method, or the manifest does not declare the feature. Undefined when allowed.
 *
 * The manifest's `minAPILevel` is not consulted: a watch whose firmware is older than an API simply lacks it, which
 * the device's support list already says; a too-low `minAPILevel` is a packaging mistake that lint reports.
 */
export function refusal(
  device: Device,
  declared: ReadonlySet<string>,
  moduleName: string,
  methodName: string,
): CallFailure | undefined {
  const module = findModule(moduleName);
  if (module === undefined) return new CallFailure(`${moduleName} is not a Vela module`, ErrorCodes.NOT_SUPPORTED);
  const method = findMethod(module, methodName);
  if (isSupportedOn(supportOf(module, method), device.id) === false) {
    return new CallFailure(
      `${module.name}.${methodName} is not supported on ${deviceName(device.id)} (${device.id})`,
      ErrorCodes.NOT_SUPPORTED,
    );
  }
  if (module.requiresDeclaration && !declared.has(module.name)) {
    return new CallFailure(
      `${module.name} is not declared in manifest.json: add { "name": "${module.name}" } to "features"`,
      ErrorCodes.NOT_SUPPORTED,
    );
  }
  return undefined;
}
