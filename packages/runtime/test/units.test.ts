import { describe, expect, it } from 'vitest';
import { findMethod, findParameter, request, uploadtask, type Parameter } from '@velakit/catalog';
import { contentDispositionName, downloadFileName, sanitizeFileName, urlName } from '../src/download-name.js';
import { FifoLimiter } from '../src/fifo-limiter.js';
import {
  downloadHeaderInput,
  entryTypeWords,
  fitsEntryType,
  headerInputOf,
  uploadFormDataEntries,
  uploadHeaderInput,
} from '../src/entry-types.js';
import { formFieldsFrom, headersFrom } from '../src/header-input.js';
import { multipartFrame } from '../src/multipart.js';
import { ProgressMeter } from '../src/progress.js';
import { headersOf } from '../src/uploadtask-module.js';

describe('ProgressMeter', () => {
  it('reports integer percents, never lower, throttled by time except for 100', () => {
    let now = 0;
    const meter = new ProgressMeter(1000, 100, () => now);
    expect(meter.update(5)).toEqual({ progress: 0, totalBytesSent: 5, totalBytesExpectedToSend: 1000 });
    now = 50;
    expect(meter.update(500)).toBeUndefined();
    now = 150;
    expect(meter.update(333)).toEqual({ progress: 33, totalBytesSent: 333, totalBytesExpectedToSend: 1000 });
    now = 300;
    expect(meter.update(200)).toBeUndefined();
    expect(meter.update(339)).toBeUndefined();
    now = 310;
    expect(meter.update(1000)).toEqual({ progress: 100, totalBytesSent: 1000, totalBytesExpectedToSend: 1000 });
    expect(meter.update(1000)).toBeUndefined();
    expect(meter.update(5000)).toBeUndefined();
  });

  it('never divides by zero', () => {
    expect(new ProgressMeter(0, 0).update(0)).toEqual({
      progress: 100,
      totalBytesSent: 0,
      totalBytesExpectedToSend: 0,
    });
  });
});

describe('FifoLimiter', () => {
  it('starts at most `limit` jobs, the rest in order; releasing a queued job drops it', () => {
    const limiter = new FifoLimiter(2);
    const started: number[] = [];
    const slots = [0, 1, 2, 3, 4].map((index) => limiter.acquire(() => started.push(index)));
    expect(started).toEqual([0, 1]);
    expect([limiter.running, limiter.waiting]).toEqual([2, 3]);
    slots[3]!.release();
    slots[0]!.release();
    slots[0]!.release();
    expect(started).toEqual([0, 1, 2]);
    slots[1]!.release();
    expect(started).toEqual([0, 1, 2, 4]);
    expect([limiter.running, limiter.waiting]).toEqual([2, 0]);
  });
});

describe('download names', () => {
  it.each([
    ['report 2026.pdf', 'report_2026.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\x\\evil.exe', 'evil.exe'],
    ['.hidden', 'hidden'],
    ['a...b', 'a.b'],
    ['天气.json', '__.json'],
    ['...', undefined],
    ['///', undefined],
    ['??', undefined],
  ])('sanitizes %j to %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('caps names at 200 characters', () => {
    expect(sanitizeFileName('a'.repeat(300))).toHaveLength(200);
  });

  it.each([
    ['attachment; filename="a b.txt"', 'a b.txt'],
    ['attachment; filename=plain.txt; size=3', 'plain.txt'],
    ['attachment; filename="q\\"uote.txt"', 'q"uote.txt'],
    [`attachment; filename*=UTF-8''%E5%A4%A9.txt; filename="fallback.txt"`, '天.txt'],
    [`attachment; filename*=UTF-8''%E5%ZZ.txt; filename="fallback.txt"`, 'fallback.txt'],
    ['inline', undefined],
    [undefined, undefined],
  ])('reads Content-Disposition %j', (header, expected) => {
    expect(contentDispositionName(header)).toBe(expected);
  });

  it('takes the last URL segment, decoded when possible', () => {
    expect(urlName(new URL('http://x/a/b%20c.bin?x=1'))).toBe('b c.bin');
    expect(urlName(new URL('http://x/a/%E0%A4%A.bin'))).toBe('%E0%A4%A.bin');
    expect(urlName(new URL('http://x/a/'))).toBeUndefined();
  });

  it('falls back from the header to the URL to the token', () => {
    expect(downloadFileName('attachment; filename="..."', new URL('http://x/file.zip'), '7')).toBe('file.zip');
    expect(downloadFileName(undefined, new URL('http://x/'), '7')).toBe('download-7');
  });
});

describe('multipartFrame', () => {
  it('frames text fields and the file part, with an exact length and escaped names', () => {
    const frame = multipartFrame(
      [
        ['day', '2026'],
        ['a"b', 'x\r\ny'],
      ],
      'lo\ng',
      'f"1.txt',
    );
    const boundary = frame.contentType.replace('multipart/form-data; boundary=', '');
    expect(boundary).toMatch(/^----velakit[0-9a-f]{24}$/u);
    expect(frame.head.toString()).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="day"\r\n\r\n2026\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="a%22b"\r\n\r\nx\r\ny\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="lo%0D%0Ag"; filename="f%221.txt"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    );
    expect(frame.tail.toString()).toBe(`\r\n--${boundary}--\r\n`);
    expect(frame.contentLength(10)).toBe(frame.head.length + 10 + frame.tail.length);
  });
});

describe('headers', () => {
  it('keeps the server spelling of response headers and joins repeats', () => {
    expect(headersOf(['Set-Cookie', 'a=1', 'X-Id', '7', 'set-cookie', 'b=2'])).toEqual({
      'Set-Cookie': 'a=1, b=2',
      'X-Id': '7',
    });
  });

  it('parses request header lines and refuses header injection', () => {
    expect(headersFrom('A: 1\nB:2', { entries: ['string'], allowText: true })).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
    expect(() => headersFrom({ A: 'x\r\nInjected: 1' }, { entries: ['string'] })).toThrow(
      'invalid header: "A" is not a valid HTTP header',
    );
  });
});

describe('header and formData values', () => {
  const uploadFile = findMethod(uploadtask, 'uploadFile')!;

  const downloadHeader = findParameter(findMethod(request, 'download')!, 'header')!;

  it('the allowed types are the catalogue entries themselves, not a copy', () => {
    expect(uploadHeaderInput.entries).toBe(findParameter(uploadFile, 'header')!.entries);
    expect(uploadHeaderInput.allowText).toBe(false);
    expect(uploadFormDataEntries).toBe(findParameter(uploadFile, 'formData')!.entries);
    // download: text as the docs' table types it, an object as their text describes it.
    expect(downloadHeaderInput.entries).toBe(downloadHeader.describedAs!.entries);
    expect(downloadHeaderInput.allowText).toBe(true);
  });

  it('a header parameter accepts the forms its catalogue entry states, and nothing else', () => {
    const text: Parameter = { name: 'header', type: 'string', required: false, description: 'Text only.' };
    expect(headersFrom('A: 1', headerInputOf(text))).toEqual([['A', '1']]);
    expect(() => headersFrom({ A: '1' }, headerInputOf(text))).toThrow(
      'invalid header: expected a string of "Key: value" lines',
    );
    const described = headerInputOf({ ...text, describedAs: { type: 'object', entries: ['boolean'] } });
    expect(headersFrom({ A: true }, described)).toEqual([['A', 'true']]);
    expect(() => headersFrom({ A: 1 }, described)).toThrow('invalid header: the value of "A" must be a boolean');
    const object = headerInputOf({ ...text, type: 'object', entries: ['integer'] });
    expect(() => headersFrom('A: 1', object)).toThrow('invalid header: expected an object');
    expect(() => headersFrom({ A: 1.5 }, object)).toThrow('invalid header: the value of "A" must be an integer');
    expect(() => headerInputOf({ ...text, type: ['string', 'object'] })).toThrow(
      '@velakit/catalog lists no entry types for the object form of header',
    );
  });

  it('follow the entries they are given: types accepted, the message lists them', () => {
    expect(headersFrom({ A: 'x' }, { entries: ['string'] })).toEqual([['A', 'x']]);
    expect(() => headersFrom({ A: 1 }, { entries: ['string'] })).toThrow(
      'invalid header: the value of "A" must be a string',
    );
    expect(formFieldsFrom({ n: 2, ok: true }, ['integer', 'boolean'])).toEqual([
      ['n', '2'],
      ['ok', 'true'],
    ]);
    expect(() => formFieldsFrom({ n: 1.5 }, ['integer', 'boolean'])).toThrow(
      'invalid formData: the value of "n" must be an integer or a boolean',
    );
    expect(() => headersFrom({ A: 'x' }, { entries: ['number'], what: 'headers' })).toThrow(
      'invalid headers: the value of "A" must be a number',
    );
  });

  it('an entry of null, undefined, an object or a list fits no entry type', () => {
    for (const value of [null, undefined, {}, [], () => 1]) {
      expect(fitsEntryType(value, ['string', 'number', 'integer', 'boolean'])).toBe(false);
    }
    expect(entryTypeWords(['string', 'number', 'boolean'])).toBe('a string, a number, or a boolean');
  });

  it('response headers hold only what the catalogue lists for the result', () => {
    const entries = uploadFile.success!.find((field) => field.name === 'headers')!.entries!;
    const headers = headersOf(['Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'Content-Length', '3']);
    expect(Object.values(headers).every((value) => fitsEntryType(value, entries))).toBe(true);
  });
});
