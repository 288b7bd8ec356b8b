// What `@system.uploadtask` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import uploadtask from '@system.uploadtask';
import type {
  UploadFileFailCode,
  UploadFileOptions,
  UploadFileSuccess,
  UploadProgressEvent,
  UploadTask,
  UploadtaskModule,
} from '@system.uploadtask';

const file = { url: 'https://example.com/upload', filePath: 'internal://files/photo.png', name: 'photo' };

describe('uploadtask', () => {
  test('the default import is the module object itself', () => {
    expectTypeOf(uploadtask).toEqualTypeOf<UploadtaskModule>();
    expectTypeOf<keyof typeof uploadtask>().toEqualTypeOf<'uploadFile'>();
  });

  test('the namespace carries the same types as the named type imports', () => {
    expectTypeOf<uploadtask.UploadFileOptions>().toEqualTypeOf<UploadFileOptions>();
    expectTypeOf<uploadtask.UploadTask>().toEqualTypeOf<UploadTask>();
  });
});

describe('uploadtask.uploadFile', () => {
  test('takes one options object and returns an UploadTask at once, not a Promise', () => {
    expectTypeOf(uploadtask.uploadFile).parameters.toEqualTypeOf<[UploadFileOptions]>();
    expectTypeOf(uploadtask.uploadFile).returns.toEqualTypeOf<UploadTask>();
    expectTypeOf(uploadtask.uploadFile(file)).not.toExtend<PromiseLike<unknown>>();
  });

  test('options: url, filePath and name required, the rest optional', () => {
    expectTypeOf<UploadFileOptions>().toEqualTypeOf<{
      url: string;
      filePath: string;
      name: string;
      header?: Record<string, string | number>;
      formData?: Record<string, string | number>;
      timeout?: number;
      success?: (data: UploadFileSuccess) => void;
      fail?: (data: string, code: UploadFileFailCode) => void;
      complete?: () => void;
    }>();
  });

  test('callbacks receive the result, the message and code, and nothing', () => {
    uploadtask.uploadFile({
      ...file,
      success(result) {
        expectTypeOf(result).toEqualTypeOf<UploadFileSuccess>();
        expectTypeOf(result.statusCode).toBeNumber();
        expectTypeOf(result.data).toBeString();
        expectTypeOf(result.headers).toEqualTypeOf<Record<string, string>>();
      },
      fail(data, code) {
        expectTypeOf(data).toBeString();
        expectTypeOf(code).toEqualTypeOf<UploadFileFailCode>();
      },
      complete(...args) {
        expectTypeOf(args).toEqualTypeOf<[]>();
      },
    });
  });

  test('error codes: the documented ones are literals, any other number still fits', () => {
    expectTypeOf<202>().toExtend<UploadFileFailCode>();
    // A device passes raw libcurl codes (28: timeout) on network failures.
    expectTypeOf<28>().toExtend<UploadFileFailCode>();
    expectTypeOf<42>().toExtend<UploadFileFailCode>();
    expectTypeOf<UploadFileFailCode>().toExtend<number>();
    expectTypeOf<'202'>().not.toExtend<UploadFileFailCode>();
  });

  test('accepts header, formData and timeout', () => {
    uploadtask.uploadFile({
      ...file,
      header: { Authorization: 'Bearer t' },
      formData: { album: 'trip', n: 2 },
      timeout: 5000,
    });
  });

  test('header and formData values are strings or numbers, nothing else', () => {
    uploadtask.uploadFile({ ...file, header: { 'X-Count': 3, 'X-Name': 'a' }, formData: { n: 1 } });
    // @ts-expect-error -- a header value is a string or a number, not a boolean
    uploadtask.uploadFile({ ...file, header: { a: true } });
    // @ts-expect-error -- a form field is one text part: no nested objects
    uploadtask.uploadFile({ ...file, formData: { meta: { day: 1 } } });
    // @ts-expect-error -- nor lists
    uploadtask.uploadFile({ ...file, formData: { tags: ['a', 'b'] } });
    // @ts-expect-error -- null is not a header value either
    uploadtask.uploadFile({ ...file, header: { 'X-A': null } });
  });

  test('rejects each missing required option', () => {
    // @ts-expect-error -- url is required
    uploadtask.uploadFile({ filePath: file.filePath, name: file.name });
    // @ts-expect-error -- filePath is required
    uploadtask.uploadFile({ url: file.url, name: file.name });
    // @ts-expect-error -- name is required
    uploadtask.uploadFile({ url: file.url, filePath: file.filePath });
    // @ts-expect-error -- the options object itself is required
    uploadtask.uploadFile();
  });

  test('rejects a wrong option type', () => {
    // @ts-expect-error -- timeout is a number of milliseconds
    uploadtask.uploadFile({ ...file, timeout: '5000' });
    // @ts-expect-error -- header is an object here (unlike request.download)
    uploadtask.uploadFile({ ...file, header: 'Authorization: Bearer t' });
    // @ts-expect-error -- url is a string
    uploadtask.uploadFile({ ...file, url: new URL('https://example.com') });
  });

  test('rejects a misspelled option', () => {
    // @ts-expect-error -- filepath is not filePath
    uploadtask.uploadFile({ url: file.url, filepath: file.filePath, name: file.name });
    // @ts-expect-error -- the misspelling is caught even beside the right spelling
    uploadtask.uploadFile({ ...file, timout: 5000 });
  });

  test('rejects a callback with the wrong signature', () => {
    // @ts-expect-error -- success receives an object, not a string
    uploadtask.uploadFile({ ...file, success: (body: string) => body.length });
    // @ts-expect-error -- fail's code is a number
    uploadtask.uploadFile({ ...file, fail: (message: string, code: string) => message + code });
    // @ts-expect-error -- complete receives nothing
    uploadtask.uploadFile({ ...file, complete: (result: UploadFileSuccess) => result });
    // @ts-expect-error -- a callback must be a function
    uploadtask.uploadFile({ ...file, success: 'done' });
  });

  test('rejects a method that does not exist', () => {
    // @ts-expect-error -- there is no upload(), only uploadFile()
    uploadtask.upload(file);
    // @ts-expect-error -- downloads live in @system.request
    uploadtask.download({ url: file.url });
  });
});

describe('UploadTask', () => {
  const task = uploadtask.uploadFile(file);

  test('abort, onProgressUpdate and offProgressUpdate', () => {
    expectTypeOf<keyof UploadTask>().toEqualTypeOf<'abort' | 'onProgressUpdate' | 'offProgressUpdate'>();
    expectTypeOf(task.abort).toEqualTypeOf<() => void>();
    expectTypeOf(task.onProgressUpdate).parameters.toEqualTypeOf<[callback: (event: UploadProgressEvent) => void]>();
    expectTypeOf(task.offProgressUpdate).parameters.toEqualTypeOf<[callback?: (event: UploadProgressEvent) => void]>();
  });

  test('the progress listener receives percent and byte counts', () => {
    task.onProgressUpdate((event) => {
      expectTypeOf(event).toEqualTypeOf<UploadProgressEvent>();
      expectTypeOf(event).toEqualTypeOf<{
        progress: number;
        totalBytesSent: number;
        totalBytesExpectedToSend: number;
      }>();
    });
  });

  test('offProgressUpdate removes one listener, or all without an argument', () => {
    const listener = (event: UploadProgressEvent): void => void event.progress;
    task.onProgressUpdate(listener);
    task.offProgressUpdate(listener);
    task.offProgressUpdate();
  });

  test('rejects onProgressUpdate without a listener, and a listener of the wrong shape', () => {
    // @ts-expect-error -- onProgressUpdate needs the listener
    task.onProgressUpdate();
    // @ts-expect-error -- the listener receives an event object, not a number
    task.onProgressUpdate((percent: number) => percent);
    // @ts-expect-error -- there is no cancel(), only abort()
    task.cancel();
  });
});
