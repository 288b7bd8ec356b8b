import { randomBytes } from 'node:crypto';

/** The text around the file in a multipart/form-data body, and the body's exact length for a file of a given size. */
export interface MultipartFrame {
  readonly contentType: string;
  readonly head: Buffer;
  readonly tail: Buffer;
  contentLength(fileSize: number): number;
}

/** Quotes a form field or file name the way browsers do (HTML's multipart/form-data encoding). */
function quoted(name: string): string {
  return `"${name.replace(/\r\n|\r|\n/gu, '%0D%0A').replace(/"/gu, '%22')}"`;
}

/**
 * Builds the multipart frame: one text part per form field, then the file part under `fieldName` with the file's
 * base name. Only the file bytes go between `head` and `tail`, so the body streams from disk.
 */
export function multipartFrame(
  fields: readonly (readonly [string, string])[],
  fieldName: string,
  fileName: string,
): MultipartFrame {
  const boundary = `----velakit${randomBytes(12).toString('hex')}`;
  let head = '';
  for (const [name, value] of fields) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`;
  }
  head +=
    `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(fieldName)}; filename=${quoted(fileName)}\r\n` +
    'Content-Type: application/octet-stream\r\n\r\n';
  const headBytes = Buffer.from(head, 'utf8');
  const tailBytes = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    head: headBytes,
    tail: tailBytes,
    contentLength: (fileSize) => headBytes.length + fileSize + tailBytes.length,
  };
}
