// What `@system.brightness` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import brightness from '@system.brightness';

describe('brightness', () => {
  test('correct calls compile', () => {
    brightness.getValue({
      success(res) {
        expectTypeOf(res.value).toBeNumber();
      },
    });
    brightness.setValue({
      value: 128,
      success() {},
      fail(_data, code) {
        expectTypeOf(code).toExtend<number>();
      },
    });
    brightness.getMode({
      success(res) {
        expectTypeOf(res.mode).toEqualTypeOf<0 | 1>();
      },
    });
    brightness.setMode({ mode: 1 });
    brightness.setKeepScreenOn({ keepScreenOn: true });
  });

  test('rejects missing options, wrong types, values outside the enum and misspellings', () => {
    // @ts-expect-error -- value is required
    brightness.setValue({});
    // @ts-expect-error -- value is a number from 0 to 255
    brightness.setValue({ value: 'high' });
    // @ts-expect-error -- mode is 0 (manual) or 1 (automatic)
    brightness.setMode({ mode: 2 });
    // @ts-expect-error -- keepScreenOn is required
    brightness.setKeepScreenOn({});
    // @ts-expect-error -- keepScreenOn is a boolean
    brightness.setKeepScreenOn({ keepScreenOn: 1 });
    // @ts-expect-error -- the option is `keepScreenOn`, not `keepOn`
    brightness.setKeepScreenOn({ keepOn: true });
  });
});
