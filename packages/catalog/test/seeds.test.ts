// Pins the facts of the two seed pages: if the catalogue drifts from them, these fail.
import { describe, expect, it } from 'vitest';
import { devices, findMethod, isSupportedOn, request, uploadtask, type Method } from '@velakit/catalog';

const seedDevices = devices.filter((device) => device.inSeeds).map((device) => device.id);

function paramsOf(method: Method | undefined) {
  if (!method) throw new Error('method not in catalogue');
  return Object.fromEntries(
    method.signature.params
      .filter((param) => param.undocumented !== true)
      .map((param) => [param.name, { type: param.type, required: param.required }]),
  );
}

describe('seed devices', () => {
  it('are the seven products of the seed support tables', () => {
    expect(seedDevices).toEqual([
      'xiaomi-s1-pro',
      'xiaomi-band-8-pro',
      'xiaomi-watch-s3',
      'redmi-watch-4',
      'xiaomi-watch-h1',
      'xiaomi-watch-s4',
      'redmi-watch-5',
    ]);
  });

  it('system.uploadtask support matches the seed table', () => {
    const row = Object.fromEntries(seedDevices.map((id) => [id, isSupportedOn(uploadtask.support, id)]));
    expect(row).toEqual({
      'xiaomi-s1-pro': false,
      'xiaomi-band-8-pro': false,
      'xiaomi-watch-s3': true,
      'redmi-watch-4': false,
      'xiaomi-watch-h1': false,
      'xiaomi-watch-s4': true,
      'redmi-watch-5': true,
    });
  });

  it('system.request support matches the seed table', () => {
    const row = Object.fromEntries(seedDevices.map((id) => [id, isSupportedOn(request.support, id)]));
    expect(row).toEqual({
      'xiaomi-s1-pro': true,
      'xiaomi-band-8-pro': false,
      'xiaomi-watch-s3': true,
      'redmi-watch-4': false,
      'xiaomi-watch-h1': false,
      'xiaomi-watch-s4': true,
      'redmi-watch-5': true,
    });
  });
});

describe('seed parameters', () => {
  it('uploadtask.uploadFile', () => {
    expect(paramsOf(findMethod(uploadtask, 'uploadFile'))).toEqual({
      url: { type: 'string', required: true },
      filePath: { type: 'string', required: true },
      name: { type: 'string', required: true },
      header: { type: 'object', required: false },
      formData: { type: 'object', required: false },
      timeout: { type: 'number', required: false },
      success: { type: 'function', required: false },
      fail: { type: 'function', required: false },
      complete: { type: 'function', required: false },
    });
    expect(findMethod(uploadtask, 'uploadFile')?.returns).toBe('UploadTask');
    expect(findMethod(uploadtask, 'uploadFile')?.signature.params.find((p) => p.name === 'timeout')?.default).toBe(
      '20000',
    );
    expect(findMethod(uploadtask, 'uploadFile')?.success?.map((field) => [field.name, field.type])).toEqual([
      ['statusCode', 'integer'],
      ['data', 'string'],
      ['headers', 'object'],
    ]);
  });

  it('UploadTask methods', () => {
    expect(paramsOf(findMethod(uploadtask, 'abort', 'UploadTask'))).toEqual({});
    expect(paramsOf(findMethod(uploadtask, 'onProgressUpdate', 'UploadTask'))).toEqual({
      callback: { type: 'function', required: true },
    });
    expect(paramsOf(findMethod(uploadtask, 'offProgressUpdate', 'UploadTask'))).toEqual({
      callback: { type: 'function', required: false },
    });
    expect(findMethod(uploadtask, 'onProgressUpdate', 'UploadTask')?.success?.map((field) => field.name)).toEqual([
      'progress',
      'totalBytesSent',
      'totalBytesExpectedToSend',
    ]);
  });

  it('request.download', () => {
    expect(paramsOf(findMethod(request, 'download'))).toEqual({
      url: { type: 'string', required: true },
      header: { type: 'string', required: false },
      filename: { type: 'string', required: false },
      success: { type: 'function', required: false },
      fail: { type: 'function', required: false },
      complete: { type: 'function', required: false },
    });
    expect(findMethod(request, 'download')?.success?.map((field) => field.name)).toEqual(['token']);
  });

  it('request.onDownloadComplete', () => {
    expect(paramsOf(findMethod(request, 'onDownloadComplete'))).toEqual({
      token: { type: 'string', required: true },
      success: { type: 'function', required: false },
      fail: { type: 'function', required: false },
      complete: { type: 'function', required: false },
    });
    expect(findMethod(request, 'onDownloadComplete')?.success?.map((field) => field.name)).toEqual(['uri']);
    const errors = findMethod(request, 'onDownloadComplete')?.errors ?? [];
    expect(errors.filter((error) => error.undocumented !== true).map((error) => error.code)).toEqual([1000, 1001]);
  });

  it("§9: what only the watch's code shows is marked undocumented", () => {
    const download = findMethod(request, 'download');
    expect(
      download?.signature.params.filter((param) => param.undocumented).map((param) => [param.name, param.type]),
    ).toEqual([
      ['share', 'boolean'],
      ['onDownLoadNotify', 'function'],
    ]);
    expect(download?.errors?.map((error) => [error.code, error.undocumented])).toEqual([
      [202, true],
      [200, true],
      [203, true],
    ]);
    const complete = findMethod(request, 'onDownloadComplete')?.errors ?? [];
    expect(complete.find((error) => error.code === 1001)?.meaning).toMatch(/token` is missing/u);
    expect(complete.filter((error) => error.undocumented).map((error) => error.code)).toEqual([2, 1002]);
    // A device passes raw libcurl codes on network failures: 202 is the only code of its own, and no 204 is promised.
    const upload = findMethod(uploadtask, 'uploadFile')?.errors ?? [];
    expect(upload.every((error) => error.undocumented)).toBe(true);
    expect(upload.map((error) => error.code)).not.toContain(204);
    expect(upload.map((error) => error.code)).toContain(202);
  });

  it('API levels: uploadtask 3+, request 1', () => {
    expect(uploadtask.apiLevel).toBe(3);
    expect(request.apiLevel).toBe(1);
  });

  it('both must be declared in the manifest', () => {
    expect(uploadtask.requiresDeclaration).toBe(true);
    expect(request.requiresDeclaration).toBe(true);
  });
});
