export { main, help } from './main.js';
export { checkApp, checkCommand, type CheckOptions, type CheckReport, type FixedFile } from './commands/check.js';
export { devicesCommand } from './commands/devices.js';
export {
  apiName,
  buildDeviceTable,
  renderDeviceTable,
  type Cell,
  type DeviceTable,
  type UsedApi,
} from './device-table.js';
export { ExitCode, UsageError, processIo, type Io } from './io.js';
