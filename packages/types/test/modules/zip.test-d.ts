// What `@system.zip` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import zip from '@system.zip';

describe('zip', () => {
  test('a correct call compiles', () => {
    zip.decompress({
      srcUri: 'internal://cache/a.zip',
      dstUri: 'internal://files/a/',
      success() {},
      fail(_data, code) {
        expectTypeOf(code).toExtend<number>();
        expectTypeOf<300>().toExtend<typeof code>();
      },
      complete() {},
    });
  });

  test('rejects a missing option, a wrong type and a misspelling', () => {
    // @ts-expect-error -- dstUri is required
    zip.decompress({ srcUri: 'internal://cache/a.zip' });
    // @ts-expect-error -- srcUri is a string
    zip.decompress({ srcUri: 1, dstUri: 'internal://files/a/' });
    // @ts-expect-error -- the options are srcUri/dstUri, not src/dst
    zip.decompress({ src: 'a.zip', dst: 'a/' });
    // @ts-expect-error -- there is no zip.compress
    zip.compress({ srcUri: 'a', dstUri: 'b' });
  });
});
