// What `@system.geolocation` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import geolocation from '@system.geolocation';

describe('geolocation', () => {
  test('correct calls compile, with typed positions', () => {
    geolocation.getLocation({
      timeout: 5000,
      success(pos) {
        expectTypeOf(pos.latitude).toBeNumber();
        expectTypeOf(pos.longitude).toBeNumber();
        expectTypeOf(pos.accuracyInfo.horizontal).toBeNumber();
      },
      fail(_data, code) {
        expectTypeOf(code).toExtend<number>();
        expectTypeOf<204>().toExtend<typeof code>();
      },
    });
    geolocation.subscribe({
      callback(pos) {
        expectTypeOf(pos.speed).toBeNumber();
      },
    });
    geolocation.unsubscribe();
  });

  test('rejects a missing success, a missing callback, a wrong type and a misspelling', () => {
    // @ts-expect-error -- getLocation requires success
    geolocation.getLocation({ timeout: 1000 });
    // @ts-expect-error -- subscribe requires callback
    geolocation.subscribe({ fail() {} });
    // @ts-expect-error -- timeout is a number of milliseconds
    geolocation.getLocation({ timeout: '1000', success() {} });
    // @ts-expect-error -- the option is `timeout`, not `timeOut`
    geolocation.getLocation({ timeOut: 1000, success() {} });
  });
});
