/** JSON pointers (RFC 6901), the way ajv writes `instancePath`. */

export function escapeSegment(segment: string | number): string {
  if (typeof segment === 'number') return String(segment);
  // Most keys need no escaping; skip the regular expressions for them (this runs for every checked value).
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/gu, '~0').replace(/\//gu, '~1');
}

export function pointerOf(...segments: (string | number)[]): string {
  let pointer = '';
  for (const segment of segments) pointer += `/${escapeSegment(segment)}`;
  return pointer;
}

export function segmentsOf(pointer: string): string[] {
  if (pointer === '') return [];
  const segments = pointer.slice(1).split('/');
  // Most pointers have no escapes: skip the regular expressions for them (a diagnostic is placed by its pointer).
  return pointer.includes('~')
    ? segments.map((segment) => segment.replace(/~1/gu, '/').replace(/~0/gu, '~'))
    : segments;
}
