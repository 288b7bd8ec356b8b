import type { DeviceId } from './devices.js';

/**
 * The columns of the docs' "Support Details" tables, in order. Band 9 and Band 9 Pro share one column.
 * Writing rows in this shape keeps each module's data one glance away from the table it came from.
 */
const tableColumns: readonly (readonly DeviceId[])[] = [
  ['xiaomi-s1-pro'],
  ['xiaomi-band-8-pro'],
  ['xiaomi-band-9', 'xiaomi-band-9-pro'],
  ['xiaomi-watch-s3'],
  ['redmi-watch-4'],
  ['xiaomi-watch-h1'],
  ['xiaomi-band-10'],
  ['xiaomi-watch-s4'],
  ['redmi-watch-5'],
  ['redmi-watch-6'],
  ['xiaomi-watch-s5'],
];

/** Turns a row such as `'✔✘✘✔✘✘✘✔✔✔✔'` (one mark per column) into the ids of the supporting devices. */
export function supportRow(marks: string): DeviceId[] {
  const cells = [...marks];
  if (cells.length !== tableColumns.length || cells.some((cell) => cell !== '✔' && cell !== '✘')) {
    throw new Error(`a support row needs ${tableColumns.length} marks of ✔ or ✘, got "${marks}"`);
  }
  return cells.flatMap((cell, index) => (cell === '✔' ? [...(tableColumns[index] ?? [])] : []));
}
