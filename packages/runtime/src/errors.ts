import { ErrorCodes } from '@velakit/catalog';

/** A call that ends in `fail(message, code)`: thrown inside the runtime, turned into callbacks at the edge. */
export class CallFailure extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
    this.name = 'CallFailure';
  }
}

/** An invalid parameter or a refused `internal://` URI (`202`). */
export function invalid(message: string): CallFailure {
  return new CallFailure(message, ErrorCodes.INVALID_PARAMETER);
}

/** Misuse of the runtime itself (bad `createRuntime` options, missing manifest): a plain error with a clear message. */
export class RuntimeSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuntimeSetupError';
  }
}
