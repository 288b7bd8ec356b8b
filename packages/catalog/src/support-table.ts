import { devices, type DeviceId } from './devices.js';
import { supportTables } from './support-tables.js';
import type { Device } from './types.js';

type ColumnOwner = Pick<Device, 'id' | 'column' | 'sharesColumn'>;

/**
 * Reads a support table written as the docs draw it: a heading row of device columns (each device's `column`), then
 * one row per module or method, a key and one ✔ or ✘ per column. Returns the supporting device ids of each row, in
 * the catalogue's device order. A device whose column the heading lacks takes its `sharesColumn`'s mark. Throws on an
 * unknown or repeated column, a device with no column, a row with the wrong number of marks or a repeated key, so
 * a new device cannot be missed by any row.
 */
export function parseSupportTable(
  text: string,
  owners: readonly ColumnOwner[] = devices,
): ReadonlyMap<string, string[]> {
  const [heading, ...rows] = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (heading === undefined) throw new Error('a support table needs a heading row of device columns');
  const columns = heading.split(/\s+/u);
  const known = new Set(owners.map((owner) => owner.column));
  for (const [index, column] of columns.entries()) {
    if (!known.has(column)) throw new Error(`support table: no device has the column "${column}"`);
    if (columns.indexOf(column) !== index) throw new Error(`support table: the column "${column}" appears twice`);
  }
  const columnOf = owners.map((owner) => {
    const own = columns.indexOf(owner.column);
    const shared = owner.sharesColumn === undefined ? -1 : columns.indexOf(owner.sharesColumn);
    if (own < 0 && shared < 0)
      throw new Error(`support table: no column for ${owner.id} (add a "${owner.column}" column)`);
    return own >= 0 ? own : shared;
  });
  const table = new Map<string, string[]>();
  for (const row of rows) {
    const [key, ...marks] = row.split(/\s+/u);
    if (marks.length !== columns.length || marks.some((mark) => mark !== '✔' && mark !== '✘')) {
      throw new Error(
        `support table: "${key}" needs ${columns.length} marks of ✔ or ✘ (${columns.join(' ')}), got "${marks.join(' ')}"`,
      );
    }
    if (table.has(key!)) throw new Error(`support table: "${key}" has two rows`);
    table.set(
      key!,
      owners.filter((_, index) => marks[columnOf[index]!] === '✔').map((owner) => owner.id),
    );
  }
  return table;
}

/** Every table of support-tables.ts, read once. */
const tables = supportTables.map((text) => parseSupportTable(text));

/** The devices of a row of the support tables (`'system.fetch'`, `'system.sensor.subscribeCompass'`). */
export function supportedBy(key: string): DeviceId[] {
  for (const table of tables) {
    const row = table.get(key);
    if (row !== undefined) return row as DeviceId[];
  }
  throw new Error(`the support tables have no row "${key}"`);
}

/** Every row key of the support tables, so a test can check each one is used. */
export function supportTableKeys(): string[] {
  return tables.flatMap((table) => [...table.keys()]);
}
