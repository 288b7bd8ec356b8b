// What `@system.request` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import request from '@system.request';
import type {
  DownloadCompleteFailCode,
  DownloadCompleteOptions,
  DownloadCompleteSuccess,
  DownloadFailCode,
  DownloadOptions,
  DownloadSuccess,
  RequestModule,
} from '@system.request';

describe('request', () => {
  test('the default import is the module object itself', () => {
    expectTypeOf(request).toEqualTypeOf<RequestModule>();
    expectTypeOf<keyof typeof request>().toEqualTypeOf<'download' | 'onDownloadComplete'>();
  });
});

describe('request.download', () => {
  test('takes one options object and returns nothing', () => {
    expectTypeOf(request.download).parameters.toEqualTypeOf<[DownloadOptions]>();
    expectTypeOf(request.download).returns.toBeVoid();
  });

  test('options: url required; header is text; filename optional', () => {
    expectTypeOf<DownloadOptions>().toEqualTypeOf<{
      url: string;
      header?: string;
      filename?: string;
      success?: (data: DownloadSuccess) => void;
      fail?: (data: string, code: DownloadFailCode) => void;
      complete?: () => void;
      share?: boolean;
      onDownLoadNotify?: (event: { result: number; percent: number }) => void;
    }>();
  });

  test('success receives the token; fail the message and code', () => {
    request.download({
      url: 'https://example.com/face.zip',
      header: 'Authorization: Bearer t',
      filename: 'internal://files/face.zip',
      success(result) {
        expectTypeOf(result).toEqualTypeOf<DownloadSuccess>();
        expectTypeOf(result.token).toBeString();
      },
      fail(data, code) {
        expectTypeOf(data).toBeString();
        expectTypeOf(code).toEqualTypeOf<DownloadFailCode>();
      },
      complete() {},
    });
    expectTypeOf<202>().toExtend<DownloadFailCode>();
    expectTypeOf<500>().toExtend<DownloadFailCode>();
  });

  test('rejects a missing url, a wrong type, a misspelling and a wrong callback', () => {
    // @ts-expect-error -- url is required
    request.download({ filename: 'face.zip' });
    // @ts-expect-error -- header is one string of `Key: value` lines, not an object
    request.download({ url: 'https://example.com/a', header: { Authorization: 'Bearer t' } });
    // @ts-expect-error -- fileName is not filename
    request.download({ url: 'https://example.com/a', fileName: 'a.zip' });
    // @ts-expect-error -- success receives an object with the token
    request.download({ url: 'https://example.com/a', success: (token: string) => token });
  });
});

describe('request.onDownloadComplete', () => {
  test('success receives the uri; fail codes 1000 and 1001 are suggested', () => {
    expectTypeOf<DownloadCompleteOptions['token']>().toBeString();
    request.onDownloadComplete({
      token: 'token',
      success(result) {
        expectTypeOf(result).toEqualTypeOf<DownloadCompleteSuccess>();
        expectTypeOf(result.uri).toBeString();
      },
      fail(data, code) {
        expectTypeOf(data).toBeString();
        expectTypeOf(code).toEqualTypeOf<DownloadCompleteFailCode>();
      },
    });
    expectTypeOf<1000>().toExtend<DownloadCompleteFailCode>();
    expectTypeOf<1001>().toExtend<DownloadCompleteFailCode>();
    expectTypeOf<DownloadCompleteFailCode>().toExtend<number>();
  });

  test('rejects a missing token, a wrong token type and a wrong callback', () => {
    // @ts-expect-error -- token is required
    request.onDownloadComplete({ success() {} });
    // @ts-expect-error -- the token is the string download() gave
    request.onDownloadComplete({ token: 123 });
    // @ts-expect-error -- complete receives nothing
    request.onDownloadComplete({ token: 't', complete: (uri: string) => uri });
  });

  test('rejects a method that does not exist', () => {
    // @ts-expect-error -- there is no request.get: @system.request only downloads
    request.get({ url: 'https://example.com' });
    // @ts-expect-error -- the method is onDownloadComplete
    request.onDownloadCompleted({ token: 't' });
  });
});
