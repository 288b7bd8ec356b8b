/** JSON pointers (RFC 6901), the way ajv writes `instancePath`. */

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/gu, '~0').replace(/\//gu, '~1');
}

export function pointerOf(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${escapeSegment(segment)}`).join('');
}

export function segmentsOf(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/gu, '/').replace(/~0/gu, '~'));
}
