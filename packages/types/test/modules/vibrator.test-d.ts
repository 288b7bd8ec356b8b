// What `@system.vibrator` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import vibrator from '@system.vibrator';

describe('vibrator', () => {
  test('correct calls compile; stop and getSystemDefaultMode return at once', () => {
    vibrator.vibrate({ mode: 'short' });
    vibrator.vibrate({ mode: 'long' });
    vibrator.start({
      duration: 200,
      interval: 100,
      count: 3,
      success(res) {
        expectTypeOf(res.id).toBeNumber();
      },
      fail(data, code) {
        expectTypeOf(data).toBeString();
        expectTypeOf(code).toExtend<number>();
        expectTypeOf<205>().toExtend<typeof code>();
      },
    });
    expectTypeOf(vibrator.stop(1)).toBeBoolean();
    expectTypeOf(vibrator.getSystemDefaultMode()).toEqualTypeOf<0 | 1 | 2>();
  });

  test('rejects a missing option, a wrong type, a value outside the enum and a misspelling', () => {
    // @ts-expect-error -- count is required
    vibrator.start({ duration: 200, interval: 100 });
    // @ts-expect-error -- duration is a number of milliseconds
    vibrator.start({ duration: '200', interval: 100, count: 1 });
    // @ts-expect-error -- mode is 'long' or 'short'
    vibrator.vibrate({ mode: 'medium' });
    // @ts-expect-error -- the option is `mode`, not `type`
    vibrator.vibrate({ type: 'short' });
    // @ts-expect-error -- stop takes the id start gave
    vibrator.stop();
    // @ts-expect-error -- the id is a number
    vibrator.stop('1');
  });
});
