// What `@system.network` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import network from '@system.network';

type NetworkKind = '2g' | '3g' | '4g' | '5g' | 'wifi' | 'bluetooth' | 'none' | 'others';

describe('network', () => {
  test('getType and subscribe report one of the documented kinds', () => {
    network.getType({
      success(res) {
        expectTypeOf(res.type).toEqualTypeOf<NetworkKind>();
      },
    });
    network.subscribe({
      callback(res) {
        expectTypeOf(res.type).toEqualTypeOf<NetworkKind>();
      },
      fail(data, code) {
        expectTypeOf(data).toBeString();
        expectTypeOf(code).toExtend<number>();
      },
    });
    network.unsubscribe();
  });

  test('rejects a wrong callback, a misspelling and a comparison with an unknown kind', () => {
    // @ts-expect-error -- callback is a function
    network.subscribe({ callback: 'onChange' });
    // @ts-expect-error -- the option is `callback`, not `success`
    network.subscribe({ success() {} });
    // @ts-expect-error -- unsubscribe takes nothing
    network.unsubscribe({ callback() {} });
    network.getType({
      success(res) {
        // @ts-expect-error -- 'wlan' is not a documented kind: Vela says 'wifi'
        if (res.type === 'wlan') console.log('wifi');
      },
    });
  });
});
