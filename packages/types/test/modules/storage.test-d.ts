// What `@system.storage` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import storage from '@system.storage';

describe('storage', () => {
  test('has exactly the four documented methods', () => {
    expectTypeOf<keyof typeof storage>().toEqualTypeOf<'get' | 'set' | 'clear' | 'delete'>();
  });

  test('correct calls compile; get hands success the stored string itself', () => {
    storage.get({
      key: 'city',
      default: 'Beijing',
      success(value) {
        expectTypeOf(value).toBeString();
      },
      fail(data, code) {
        expectTypeOf(data).toBeString();
        expectTypeOf(code).toExtend<number>();
      },
      complete() {},
    });
    storage.set({
      key: 'city',
      value: 'Shanghai',
      success: function (data) {
        expectTypeOf(data).toBeUndefined();
      },
    });
    storage.clear({ success() {} });
    storage.delete({ key: 'city' });
  });

  test('rejects a missing key, a wrong type and a misspelling', () => {
    // @ts-expect-error -- key is required
    storage.get({ default: 'x' });
    // @ts-expect-error -- key is required by delete too
    storage.delete({});
    // @ts-expect-error -- values are strings: serialise numbers yourself
    storage.set({ key: 'count', value: 3 });
    // @ts-expect-error -- the option is `default`, not `defaultValue`
    storage.get({ key: 'city', defaultValue: 'x' });
    // @ts-expect-error -- there is no storage.remove
    storage.remove({ key: 'city' });
  });
});
