// What `@system.crypto` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import crypto from '@system.crypto';

describe('crypto', () => {
  test('correct calls of every method compile', () => {
    expectTypeOf(crypto.hashDigest({ data: 'hello', algo: 'SHA256' })).toBeString();
    expectTypeOf(crypto.hashDigest({ uri: 'internal://files/a.bin' })).toBeString();
    crypto.hmacDigest({
      data: 'hello',
      key: 'secret',
      algo: 'MD5',
      success(res) {
        expectTypeOf(res.data).toBeString();
      },
    });
    crypto.sign({
      data: new Uint8Array([1]),
      privateKey: 'key',
      algo: 'RSA-SHA512',
      success(res) {
        // A union result (base64 text or bytes) is typed loosely by design; the field is there.
        expectTypeOf(res).toHaveProperty('data');
      },
    });
    crypto.verify({
      data: 'hello',
      signature: 'c2ln',
      publicKey: 'key',
      success(valid) {
        expectTypeOf(valid).toBeBoolean();
      },
    });
    crypto.encrypt({
      data: 'hello',
      key: crypto.btoa('k'),
      algo: 'AES',
      options: { iv: 'aXY=', ivOffset: 0, ivLen: 16 },
    });
    crypto.decrypt({ data: 'aGk=', key: 'a2V5', options: { transformation: 'RSA/None/PKCS1Padding' } });
    expectTypeOf(crypto.btoa('hi')).toBeString();
    expectTypeOf(crypto.atob('aGk=')).toBeString();
  });

  test('rejects missing options, wrong types, algorithms outside the enum and misspellings', () => {
    // @ts-expect-error -- key is required
    crypto.hmacDigest({ data: 'hello' });
    // @ts-expect-error -- privateKey is required
    crypto.sign({ data: 'hello' });
    // @ts-expect-error -- SHA3 is not a documented algorithm
    crypto.hashDigest({ data: 'hello', algo: 'SHA3' });
    // @ts-expect-error -- encrypt takes RSA or AES
    crypto.encrypt({ data: 'x', key: 'k', algo: 'DES' });
    // @ts-expect-error -- data is a string or a Uint8Array
    crypto.encrypt({ data: 42, key: 'k' });
    // @ts-expect-error -- the option is `algo`, not `algorithm`
    crypto.hashDigest({ data: 'hello', algorithm: 'MD5' });
    // @ts-expect-error -- btoa takes one string
    crypto.btoa(42);
  });
});
