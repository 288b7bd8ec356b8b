/** A failure of the connection or of HTTP itself (refused, reset, redirect loop): `200` for uploads, `1000` for downloads. */
export class TransportError extends Error {
  override name = 'TransportError';
}

/** The file being uploaded could not be read to the end (`300`). */
export class FileReadError extends Error {
  override name = 'FileReadError';
}

/** A short, readable reason for a network error (`ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:80`). */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

/** A response that went over one of the runtime's limits (body size, time): reported with the limit's name. */
export class LimitError extends Error {
  override name = 'LimitError';
}
