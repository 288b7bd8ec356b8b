// What `@system.fetch` accepts and rejects at compile time, beyond the generated tests. Never executed.
import { describe, expectTypeOf, test } from 'vitest';
import fetch from '@system.fetch';
import type { FetchFailCode, FetchOptions, FetchPromiseResult, FetchSuccess } from '@system.fetch';

describe('fetch.fetch', () => {
  test('with callbacks it returns nothing; success and fail are typed', () => {
    const returned = fetch.fetch({
      url: 'https://example.com/a.json',
      method: 'POST',
      header: { 'Content-Type': 'application/json' },
      data: JSON.stringify({ a: 1 }),
      responseType: 'json',
      success(res) {
        expectTypeOf(res).toEqualTypeOf<FetchSuccess>();
        expectTypeOf(res.code).toBeNumber();
        expectTypeOf(res.headers).toEqualTypeOf<Record<string, string>>();
      },
      fail(message, code) {
        expectTypeOf(message).toBeString();
        expectTypeOf(code).toEqualTypeOf<FetchFailCode>();
      },
    });
    expectTypeOf(returned).toBeVoid();
  });

  test('without callbacks it returns a Promise of { data }', () => {
    expectTypeOf(fetch.fetch({ url: 'https://example.com/' })).toEqualTypeOf<Promise<FetchPromiseResult>>();
    expectTypeOf<FetchPromiseResult['data']>().toEqualTypeOf<FetchSuccess>();
  });

  test('data: a string, an object or an ArrayBuffer; the body received is left to the program', () => {
    fetch.fetch({ url: 'u', data: 'a=1' });
    fetch.fetch({ url: 'u', data: { a: 1 } });
    fetch.fetch({ url: 'u', data: new ArrayBuffer(4) });
    // @ts-expect-error a number is none of them
    fetch.fetch({ url: 'u', data: 42 });
    // A text body is parsed by the program, a json one used directly: both compile.
    fetch.fetch({ url: 'u', success: (res) => JSON.parse(res.data) as unknown });
    fetch.fetch({ url: 'u', responseType: 'json', success: (res) => res.data.temperature as unknown });
  });

  test('headers: is not an option (the option is header)', () => {
    // @ts-expect-error `headers` misspelled
    fetch.fetch({ url: 'u', headers: { a: 'b' } });
  });

  test('method and responseType take only the documented values', () => {
    expectTypeOf<FetchOptions['method']>().toEqualTypeOf<
      'OPTIONS' | 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'TRACE' | 'CONNECT' | undefined
    >();
    // @ts-expect-error GETT is no HTTP method
    fetch.fetch({ url: 'u', method: 'GETT' });
    // @ts-expect-error blob is not a response type
    fetch.fetch({ url: 'u', responseType: 'blob' });
  });

  test('url is required', () => {
    // @ts-expect-error missing url
    fetch.fetch({ method: 'GET' });
  });
});
