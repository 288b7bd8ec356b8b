// What `@system.volume` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import volume from '@system.volume';

describe('volume', () => {
  test('correct calls compile', () => {
    volume.getMediaValue({
      success(res) {
        expectTypeOf(res.value).toBeNumber();
      },
    });
    volume.setMediaValue({
      value: 0.3,
      fail(_data, code) {
        expectTypeOf(code).toExtend<number>();
      },
    });
    volume.onMediaValueChanged = (res) => {
      expectTypeOf(res.value).toBeNumber();
    };
  });

  test('rejects a missing value, a wrong type and a misspelling', () => {
    // @ts-expect-error -- value is required
    volume.setMediaValue({});
    // @ts-expect-error -- value is a number from 0.0 to 1.0
    volume.setMediaValue({ value: 'loud' });
    // @ts-expect-error -- the option is `value`, not `volume`
    volume.setMediaValue({ volume: 0.5 });
  });
});
