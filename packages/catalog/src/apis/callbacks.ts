import type { Parameter } from '../types.js';

/**
 * The three callbacks every asynchronous Vela API accepts.
 * `success` receives the method's result object; `fail` a message and an error code; `complete` nothing.
 */
export function standardCallbacks(resultType: string, options: { readonly complete?: boolean } = {}): Parameter[] {
  const all: Parameter[] = [
    {
      name: 'success',
      type: 'function',
      required: false,
      description: 'Called with the result when the call succeeds.',
      callback: `(data: ${resultType}) => void`,
    },
    {
      name: 'fail',
      type: 'function',
      required: false,
      description: 'Called with a message and an error code when the call fails.',
      callback: '(data: string, code: number) => void',
    },
    {
      name: 'complete',
      type: 'function',
      required: false,
      description: 'Called once after `success` or `fail`, whichever happened.',
      callback: '() => void',
    },
  ];
  // Some pages (interconnect) document only `success` and `fail`.
  return options.complete === false ? all.filter((param) => param.name !== 'complete') : all;
}

/** `success` for a method whose success passes nothing. */
export function callbacksWithoutResult(options: { readonly complete?: boolean } = {}): Parameter[] {
  return standardCallbacks('never', options).map((param) =>
    param.name === 'success'
      ? { ...param, description: 'Called when the call succeeds.', callback: '() => void' }
      : param,
  );
}
