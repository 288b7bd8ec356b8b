// What `@system.battery` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import battery from '@system.battery';

describe('battery', () => {
  test('getStatus hands success the level and the charging flag', () => {
    battery.getStatus({
      success(res) {
        expectTypeOf(res.level).toBeNumber();
        expectTypeOf(res.charging).toBeBoolean();
      },
      fail(data, code) {
        expectTypeOf(data).toBeString();
        expectTypeOf(code).toExtend<number>();
      },
      complete() {},
    });
  });

  test('rejects a misspelled callback, a wrong callback type and an unknown method', () => {
    // @ts-expect-error -- the callback is `success`
    battery.getStatus({ succes() {} });
    // @ts-expect-error -- success is a function
    battery.getStatus({ success: true });
    battery.getStatus({
      success(res) {
        // @ts-expect-error -- the field is `level`, not `percent`
        console.log(res.percent);
      },
    });
    // @ts-expect-error -- there is no battery.getLevel
    battery.getLevel();
  });
});
