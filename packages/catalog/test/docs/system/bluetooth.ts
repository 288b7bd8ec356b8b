// features/system/bluetooth: transcribed from the page's tables. The page documents `system.bluetooth.ble` only
// (its code calls the module object `bluetoothBLE`); the harness names module methods by the feature name's last
// part, `ble`. Object types the page documents as property tables (ScanFilter, GattService, ...) are listed as
// `Type.property`; the enums (ScanDuty, ScanState, BLEConnectionState) are value tables, not properties.
import type { DocTranscript } from '../transcript.js';

const callbacks = [
  ['success', 'Function', false],
  ['fail', 'Function', false],
  ['complete', 'Function', false],
] as const;

// The page's tables of object types, as [member, type] rows. They have no "required" column (GattProperties says
// "not required" for every row), so as members of a parameter they are optional.
type Row = readonly [name: string, docsType: string];
const scanFilter: Row[] = [['deviceId', 'String'], ['name', 'String'], ['serviceUuid', 'String']];
const bleDescriptor: Row[] = [
  ['serviceUuid', 'String'],
  ['characteristicUuid', 'String'],
  ['descriptorUuid', 'String'],
  ['descriptorValue', 'ArrayBuffer'],
];
const gattProperties: Row[] = [
  ['read', 'Boolean'],
  ['write', 'Boolean'],
  ['writeNoResponse', 'Boolean'],
  ['notify', 'Boolean'],
  ['indicate', 'Boolean'],
];
const bleCharacteristic: Row[] = [
  ['serviceUuid', 'String'],
  ['characteristicUuid', 'String'],
  ['characteristicValue', 'ArrayBuffer'],
  ['descriptors', 'Array<BLEDescriptor>'],
  ['properties', 'GattProperties'],
];

const under = (prefix: string, rows: readonly Row[]): Row[] => rows.map(([name, type]) => [`${prefix}.${name}`, type]);
/** A BLECharacteristic's members, with those of its descriptors and properties. */
const characteristicMembers = (prefix: string): Row[] => [
  ...under(prefix, bleCharacteristic),
  ...under(`${prefix}.descriptors`, bleDescriptor),
  ...under(`${prefix}.properties`, gattProperties),
];
const optional = (rows: readonly Row[]) => rows.map(([name, type]) => [name, type, false] as const);

export default {
  page: 'features/system/bluetooth',
  modules: ['system.bluetooth.ble'],
  declared: true,
  support: '✘✘✘✘✘✘✘✘✘✘✔',
  methods: [
    { name: 'ble.createScanner', returns: 'Scanner' },
    {
      name: 'ble.createGattClientDevice',
      params: [
        ['deviceId', 'String', true],
        ['addressType', 'String', false, { default: 'UNKNOWN', values: ['PUBLIC', 'RANDOM', 'ANONYMOUS', 'UNKNOWN'] }],
      ],
      returns: 'GattClientDevice',
    },
    {
      name: 'Scanner.startBLEScan',
      params: [
        ['filters', 'Array<ScanFilter>', true],
        ...optional(under('filters', scanFilter)),
        ['options', 'ScanOptions', false],
        ['options.dutyMode', 'ScanDuty', false, { values: [0, 1, 2] }],
        ...callbacks,
      ],
    },
    { name: 'Scanner.stopBLEScan' },
    { name: 'Scanner.getScanState', params: [...callbacks], success: [['scanState', 'ScanState']] },
    {
      name: 'Scanner.subscribeBLEDeviceFind',
      params: [
        ['callback', 'Function', false],
        ['fail', 'Function', false],
      ],
      // The callback receives `Array<ScanResult>` itself (a bare type row), not an object with fields.
      returns: 'Number',
    },
    { name: 'Scanner.unsubscribeBLEDeviceFind', params: [['#0', 'Number', true]] },
    { name: 'Scanner.close' },
    // connect/disconnect: the tables lost their header cells; the rows read `success Function 否` and so on.
    { name: 'GattClientDevice.connect', params: [...callbacks] },
    { name: 'GattClientDevice.disconnect', params: [...callbacks] },
    { name: 'GattClientDevice.close', returns: 'Boolean' },
    // success receives `Array<GattService>` itself.
    { name: 'GattClientDevice.getServices', params: [...callbacks] },
    {
      name: 'GattClientDevice.readCharacteristicValue',
      params: [['characteristic', 'BLECharacteristic', true], ...optional(characteristicMembers('characteristic')), ...callbacks],
    },
    {
      name: 'GattClientDevice.readDescriptorValue',
      params: [['descriptor', 'BLEDescriptor', true], ...optional(under('descriptor', bleDescriptor)), ...callbacks],
    },
    {
      name: 'GattClientDevice.writeCharacteristicValue',
      params: [['characteristic', 'BLECharacteristic', true], ...optional(characteristicMembers('characteristic')), ...callbacks],
    },
    {
      name: 'GattClientDevice.writeDescriptorValue',
      params: [['descriptor', 'BLEDescriptor', true], ...optional(under('descriptor', bleDescriptor)), ...callbacks],
    },
    {
      name: 'GattClientDevice.setBLEMtuSize',
      params: [['mtu', 'Number', true, { range: { min: 22, max: 512, integer: false } }], ...callbacks],
    },
    {
      name: 'GattClientDevice.setNotifyCharacteristicChanged',
      params: [
        ['characteristic', 'BLECharacteristic', true],
        ...optional(characteristicMembers('characteristic')),
        ['enable', 'Boolean', true],
        ...callbacks,
      ],
    },
    { name: 'GattClientDevice.getDeviceName', params: [...callbacks], success: [['deviceName', 'String']] },
    { name: 'GattClientDevice.getRssiValue', params: [...callbacks], success: [['rssi', 'Number']] },
  ],
  properties: [
    ['GattClientDevice.onBLECharacteristicChange', 'Function'],
    ['GattClientDevice.onBLEConnectionStateChange', 'Function'],
    ...under('ScanFilter', scanFilter),
    ['ScanOptions.dutyMode', 'ScanDuty'],
    ['ScanResult.deviceId', 'String'],
    ['ScanResult.rssi', 'Number'],
    ['ScanResult.data', 'ArrayBuffer'],
    ['ScanResult.addressType', 'String'],
    ['GattService.serviceUuid', 'String'],
    ['GattService.isPrimary', 'Boolean'],
    ['GattService.characteristics', 'Array<BLECharacteristic>'],
    ...characteristicMembers('GattService.characteristics'),
    ['GattService.includeServices', 'Array<GattService>'],
    ...characteristicMembers('BLECharacteristic'),
    ...under('BLEDescriptor', bleDescriptor),
    ...under('GattProperties', gattProperties),
  ],
  errorCodes: [203, 205, 10001, 10008, 10012, 10013, 10014],
} satisfies DocTranscript;
