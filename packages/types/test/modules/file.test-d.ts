// What `@system.file` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import file from '@system.file';

describe('file', () => {
  test('has exactly the documented methods', () => {
    expectTypeOf<keyof typeof file>().toEqualTypeOf<
      | 'move'
      | 'copy'
      | 'list'
      | 'get'
      | 'delete'
      | 'writeText'
      | 'writeArrayBuffer'
      | 'readText'
      | 'readArrayBuffer'
      | 'access'
      | 'mkdir'
      | 'rmdir'
    >();
  });

  test('correct calls of every method compile, with typed results', () => {
    file.move({
      srcUri: 'internal://cache/a',
      dstUri: 'internal://files/a',
      success(uri) {
        expectTypeOf(uri).toBeString();
      },
    });
    file.copy({
      srcUri: '/common/a.json',
      dstUri: 'internal://files/a.json',
      success(uri) {
        expectTypeOf(uri).toBeString();
      },
    });
    file.list({
      uri: 'internal://files/',
      success(res) {
        for (const entry of res.fileList) {
          expectTypeOf(entry.uri).toBeString();
          expectTypeOf(entry.length).toBeNumber();
          expectTypeOf(entry.lastModifiedTime).toBeNumber();
        }
      },
    });
    file.get({
      uri: 'internal://files/a.json',
      recursive: false,
      success(res) {
        expectTypeOf(res.type).toEqualTypeOf<'dir' | 'file'>();
        expectTypeOf(res.length).toBeNumber();
      },
    });
    file.delete({ uri: 'internal://files/a.json' });
    file.writeText({ uri: 'internal://files/a.txt', text: 'hi', encoding: 'UTF-8', append: true });
    file.writeArrayBuffer({ uri: 'internal://files/a.bin', buffer: new Uint8Array([1, 2]), position: 0 });
    file.readText({
      uri: '/common/a.txt',
      success(res) {
        expectTypeOf(res.text).toBeString();
      },
      fail(_data, code) {
        expectTypeOf(code).toExtend<number>();
        expectTypeOf<301>().toExtend<typeof code>();
      },
    });
    file.readArrayBuffer({
      uri: 'internal://files/a.bin',
      position: 0,
      length: 4,
      success(res) {
        expectTypeOf(res.buffer).toEqualTypeOf<Uint8Array>();
      },
    });
    file.access({ uri: 'internal://files/a.bin', success() {}, fail() {} });
    file.mkdir({ uri: 'internal://files/d/', recursive: true });
    file.rmdir({ uri: 'internal://files/d/', recursive: true });
  });

  test('rejects missing options, wrong types and misspellings', () => {
    // @ts-expect-error -- dstUri is required
    file.move({ srcUri: 'internal://cache/a' });
    // @ts-expect-error -- text is required
    file.writeText({ uri: 'internal://files/a.txt' });
    // @ts-expect-error -- buffer is a Uint8Array, not a string
    file.writeArrayBuffer({ uri: 'internal://files/a.bin', buffer: 'bytes' });
    // @ts-expect-error -- recursive is a boolean
    file.mkdir({ uri: 'internal://files/d/', recursive: 'yes' });
    // @ts-expect-error -- the option is `uri`, not `path`
    file.readText({ path: 'internal://files/a.txt' });
    // @ts-expect-error -- the options are srcUri/dstUri, not from/to
    file.copy({ from: 'a', to: 'b' });
    // @ts-expect-error -- there is no file.exists: use file.access
    file.exists({ uri: 'internal://files/a' });
  });
});
