import type { ErrorCode } from './types.js';

/** Codes passed as the second argument of `fail(data, code)`. */
export const errorCodes = [
  { code: 200, name: 'GENERIC', meaning: 'Generic error' },
  { code: 202, name: 'INVALID_PARAMETER', meaning: 'Invalid parameter' },
  { code: 203, name: 'NOT_SUPPORTED', meaning: 'The device does not support this API, or the feature is not declared' },
  { code: 204, name: 'TIMEOUT', meaning: 'The operation timed out' },
  { code: 300, name: 'IO_ERROR', meaning: 'I/O error' },
  { code: 301, name: 'FILE_NOT_FOUND', meaning: 'File not found' },
  { code: 1000, name: 'TASK_FAILED', meaning: 'The task failed (for downloads: the download failed)' },
  { code: 1001, name: 'TASK_NOT_FOUND', meaning: 'The task does not exist' },
  { code: 1002, name: 'TASK_CANCELLED', meaning: 'The task was cancelled' },
] as const satisfies readonly ErrorCode[];

export type ErrorCodeName = (typeof errorCodes)[number]['name'];

/** `ErrorCodes.INVALID_PARAMETER === 202`, for code that compares `fail` codes. */
export const ErrorCodes = Object.fromEntries(errorCodes.map((entry) => [entry.name, entry.code])) as {
  readonly [K in ErrorCodeName]: Extract<(typeof errorCodes)[number], { name: K }>['code'];
};
