export type {
  ApiInterface,
  Device,
  EntryType,
  EnumValue,
  ErrorCode,
  FactSource,
  Method,
  MethodError,
  Module,
  NumberRange,
  ObjectForm,
  Parameter,
  Property,
  ResultField,
  ReturnValue,
  ScriptGlobal,
  ScreenShape,
  Signature,
  Support,
  TypeSpec,
  ValueType,
} from './types.js';
export { valueTypesOf } from './type-spec.js';
export { devices, deviceIds, type DeviceId } from './devices.js';
export { modules, seedModules, uploadtaskModule as uploadtask, requestModule as request } from './modules.js';
export { errorCodes, ErrorCodes, type ErrorCodeName } from './error-codes.js';
export { editDistance, maxSuggestionEdits, suggest, type SuggestOptions } from './suggest.js';
export {
  deviceList,
  didYouMean,
  didYouMeanSentence,
  kindOfValue,
  kindPhrase,
  listAnd,
  listOr,
  maxListedItems,
  maxQuotedLength,
  quote,
  rangePhrase,
  type ValueKind,
} from './words.js';
export {
  apiLevelOf,
  deviceName,
  devicesLacking,
  devicesSupporting,
  featureNameOf,
  findDevice,
  findFeature,
  findMethod,
  findParameter,
  findModule,
  isDeviceId,
  isPhoneService,
  phoneServicePrefix,
  isSupportedOn,
  specifierOf,
  suggestDevices,
  suggestModules,
  suggestParameters,
  supportOf,
} from './lookup.js';
export {
  defaultMinPlatformVersion,
  deviceTypes,
  launchModes,
  logLevels,
  permissionNames,
  supportedDeviceTypes,
  manifestLocations,
} from './manifest-vocabulary.js';
export { scriptGlobals } from './script-globals.js';
export { catalogJson, catalogJsonText, catalogFormatVersion } from './export.js';
