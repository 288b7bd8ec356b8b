import { checkApiLevel } from './api-level.js';
import { checkAppName } from './app-name.js';
import { checkBackgroundFeatures } from './background.js';
import type { Check } from './context.js';
import { checkDeviceTypes } from './device-types.js';
import { checkFeatureNames } from './features.js';
import { checkPermissionNames } from './permissions.js';
import { checkPagePaths, checkRouterEntry } from './router.js';
import { checkFeatureSupport, checkTargetDevices } from './targets.js';

export type { Check, CheckContext } from './context.js';

/** The platform checks, in the order their diagnostics read best. */
export const platformChecks: readonly Check[] = [
  checkAppName,
  checkRouterEntry,
  checkPagePaths,
  checkFeatureNames,
  checkPermissionNames,
  checkTargetDevices,
  checkFeatureSupport,
  checkApiLevel,
  checkBackgroundFeatures,
  checkDeviceTypes,
];
