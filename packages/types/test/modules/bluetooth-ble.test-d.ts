// What `@system.bluetooth.ble` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import ble from '@system.bluetooth.ble';
import type { BLECharacteristic, GattClientDevice, GattService, Scanner, ScanResult } from '@system.bluetooth.ble';

describe('bluetooth.ble', () => {
  test('creates a scanner and a GATT client at once', () => {
    expectTypeOf(ble.createScanner()).toEqualTypeOf<Scanner>();
    expectTypeOf(ble.createGattClientDevice('12:34:56:78:9A:BC', 'RANDOM')).toEqualTypeOf<GattClientDevice>();
  });

  test('scanning compiles as the page shows it', () => {
    const scanner = ble.createScanner();
    scanner.startBLEScan({
      filters: [{ serviceUuid: '0000180d-0000-1000-8000-00805f9b34fb' }],
      options: { dutyMode: 1 },
    });
    const id = scanner.subscribeBLEDeviceFind({
      callback(found) {
        expectTypeOf(found).toEqualTypeOf<ScanResult[]>();
        expectTypeOf(found[0]!.data).toEqualTypeOf<ArrayBuffer>();
      },
    });
    expectTypeOf(id).toBeNumber();
    scanner.getScanState({
      success(res) {
        expectTypeOf(res.scanState).toEqualTypeOf<0 | 1>();
      },
    });
    scanner.unsubscribeBLEDeviceFind(id);
    scanner.stopBLEScan();
    scanner.close();
  });

  test('the GATT client compiles as the page shows it', () => {
    const client = ble.createGattClientDevice('12:34:56:78:9A:BC');
    client.onBLEConnectionStateChange = (state) => console.log(state);
    client.onBLECharacteristicChange = (data) => {
      expectTypeOf(data).toEqualTypeOf<BLECharacteristic>();
    };
    client.connect({
      fail(_data, code) {
        expectTypeOf(code).toExtend<number>();
        expectTypeOf<10001>().toExtend<typeof code>();
      },
    });
    client.getServices({
      success(services) {
        expectTypeOf(services).toEqualTypeOf<GattService[]>();
      },
    });
    const characteristic = { serviceUuid: 's', characteristicUuid: 'c', characteristicValue: new ArrayBuffer(1) };
    client.readCharacteristicValue({
      characteristic,
      success(res) {
        expectTypeOf(res.characteristicValue).toEqualTypeOf<ArrayBuffer>();
      },
    });
    client.writeCharacteristicValue({ characteristic });
    client.setNotifyCharacteristicChanged({ characteristic, enable: true });
    client.readDescriptorValue({ descriptor: { serviceUuid: 's', characteristicUuid: 'c', descriptorUuid: 'd' } });
    client.writeDescriptorValue({
      descriptor: {
        serviceUuid: 's',
        characteristicUuid: 'c',
        descriptorUuid: 'd',
        descriptorValue: new ArrayBuffer(2),
      },
    });
    client.setBLEMtuSize({ mtu: 185 });
    client.getDeviceName({
      success(res) {
        expectTypeOf(res.deviceName).toBeString();
      },
    });
    client.getRssiValue({
      success(res) {
        expectTypeOf(res.rssi).toBeNumber();
      },
    });
    client.disconnect({});
    expectTypeOf(client.close()).toBeBoolean();
  });

  test('rejects missing options, wrong types, values outside the enum and misspellings', () => {
    const scanner = ble.createScanner();
    const client = ble.createGattClientDevice('12:34:56:78:9A:BC');
    // @ts-expect-error -- filters is required
    scanner.startBLEScan({});
    // @ts-expect-error -- mtu is required
    client.setBLEMtuSize({});
    client.setNotifyCharacteristicChanged({
      characteristic: { serviceUuid: 's', characteristicUuid: 'c' },
      // @ts-expect-error -- enable is a boolean
      enable: 'yes',
    });
    // @ts-expect-error -- addressType is PUBLIC, RANDOM, ANONYMOUS or UNKNOWN
    ble.createGattClientDevice('12:34:56:78:9A:BC', 'STATIC');
    // @ts-expect-error -- the option is `mtu`, not `size`
    client.setBLEMtuSize({ size: 185 });
    // @ts-expect-error -- the device address is required
    ble.createGattClientDevice();
  });
});
