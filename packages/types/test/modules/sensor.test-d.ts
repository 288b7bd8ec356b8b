// What `@system.sensor` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import sensor from '@system.sensor';

describe('sensor', () => {
  test('documents pressure, accelerometer and compass only', () => {
    expectTypeOf<keyof typeof sensor>().toEqualTypeOf<
      | 'subscribePressure'
      | 'unsubscribePressure'
      | 'subscribeAccelerometer'
      | 'unsubscribeAccelerometer'
      | 'subscribeCompass'
      | 'unsubscribeCompass'
    >();
  });

  test('correct calls compile, with typed readings', () => {
    sensor.subscribePressure({
      callback(res) {
        expectTypeOf(res.pressure).toBeNumber();
      },
    });
    sensor.unsubscribePressure();
    sensor.subscribeAccelerometer({
      interval: 'game',
      callback(res) {
        expectTypeOf(res.x).toBeNumber();
        expectTypeOf(res.z).toBeNumber();
      },
      fail(data, code) {
        expectTypeOf(data).toBeString();
        expectTypeOf(code).toExtend<number>();
      },
    });
    sensor.unsubscribeAccelerometer();
    sensor.subscribeCompass({
      callback(res) {
        expectTypeOf(res.direction).toBeNumber();
        expectTypeOf(res.accuracy).toEqualTypeOf<3 | 2 | 1 | 0 | -1>();
      },
      fail(_data, code) {
        expectTypeOf(code).toExtend<number>();
        expectTypeOf<1000>().toExtend<typeof code>();
      },
    });
    sensor.unsubscribeCompass();
  });

  test('rejects a missing callback, a value outside the enum, a misspelling and undocumented sensors', () => {
    // @ts-expect-error -- callback is required
    sensor.subscribeAccelerometer({ interval: 'ui' });
    // @ts-expect-error -- interval is 'game', 'ui' or 'normal'
    sensor.subscribeAccelerometer({ interval: 'fast', callback() {} });
    // @ts-expect-error -- the option is `callback`, not `success`
    sensor.subscribePressure({ success() {} });
    // @ts-expect-error -- heart rate is not among the documented sensors
    sensor.subscribeHeartRate({ callback() {} });
  });
});
