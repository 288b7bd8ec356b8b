// What `@system.cipher` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import cipher from '@system.cipher';

describe('cipher', () => {
  test('correct calls compile', () => {
    cipher.rsa({
      action: 'encrypt',
      text: 'hello',
      key: 'MIGf',
      success(res) {
        expectTypeOf(res.text).toBeString();
      },
      fail(_data, code) {
        expectTypeOf(code).toExtend<number>();
        expectTypeOf<202>().toExtend<typeof code>();
      },
    });
    cipher.aes({
      action: 'decrypt',
      text: 'aGk=',
      key: 'a2V5',
      transformation: 'AES/CBC/PKCS5Padding',
      iv: 'aXY=',
      ivOffset: 0,
      ivLen: 16,
    });
  });

  test('rejects a missing key, an unknown action, a wrong type and a misspelling', () => {
    // @ts-expect-error -- key is required
    cipher.rsa({ action: 'encrypt', text: 'hello' });
    // @ts-expect-error -- action is 'encrypt' or 'decrypt'
    cipher.aes({ action: 'sign', text: 'hello', key: 'k' });
    // @ts-expect-error -- ivLen is a number
    cipher.aes({ action: 'encrypt', text: 'hello', key: 'k', ivLen: '16' });
    // @ts-expect-error -- the option is `transformation`, not `mode`
    cipher.aes({ action: 'encrypt', text: 'hello', key: 'k', mode: 'CBC' });
  });
});
