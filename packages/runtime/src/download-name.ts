/** The longest file name the runtime writes (common file systems allow 255 bytes). */
const maxNameLength = 200;

/**
 * A file name that is safe in any partition: the last path segment only, characters outside `0-9 a-z A-Z _ - .`
 * replaced by `_`, no run of dots, no leading dot. Undefined when nothing usable is left.
 */
export function sanitizeFileName(raw: string): string | undefined {
  const last = raw.split(/[/\\]/u).pop() ?? '';
  const cleaned = last
    .replace(/[^0-9A-Za-z_\-.]/gu, '_')
    .replace(/\.{2,}/gu, '.')
    .replace(/^\.+/u, '')
    .slice(0, maxNameLength);
  return cleaned === '' || /^_+$/u.test(cleaned) ? undefined : cleaned;
}

/** The file name a `Content-Disposition` header suggests (`filename*` preferred, as RFC 6266 says). */
export function contentDispositionName(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/iu.exec(header);
  if (extended !== null) {
    try {
      return decodeURIComponent(extended[2]!.trim());
    } catch {
      // A malformed encoding: fall back to the plain parameter.
    }
  }
  const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/iu.exec(header);
  if (plain === null) return undefined;
  return plain[1] !== undefined ? plain[1].replace(/\\(.)/gu, '$1') : plain[2]!.trim();
}

/** The last segment of a URL's path, percent-decoded when possible. */
export function urlName(url: URL): string | undefined {
  const segment = url.pathname.split('/').pop() ?? '';
  if (segment === '') return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The name to save a download under: Content-Disposition, else the URL, else one made from the token. */
export function downloadFileName(disposition: string | undefined, url: URL, token: string): string {
  for (const candidate of [contentDispositionName(disposition), urlName(url)]) {
    const name = candidate === undefined ? undefined : sanitizeFileName(candidate);
    if (name !== undefined) return name;
  }
  return `download-${token}`;
}
