import { devices } from './devices.js';
import { isSupportedOn } from './lookup.js';
import { modules } from './modules.js';

/**
 * A plain-text table: one row per device, one column per module whose support the docs restrict.
 * `yes`/`-` per cell; modules supported everywhere or undocumented are listed below the table.
 */
export function supportTable(): string {
  const restricted = modules.filter((module) => Array.isArray(module.support));
  const header = ['device', ...restricted.map((module) => module.name.replace(/^system\./u, ''))];
  const rows = devices.map((device) => [
    device.id,
    ...restricted.map((module) => (isSupportedOn(module.support, device.id) ? 'yes' : '-')),
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  const everywhere = modules.filter((module) => module.support === 'everywhere').map((module) => module.name);
  const undocumented = modules.filter((module) => module.support === 'undocumented').map((module) => module.name);
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    `Supported on every device (no restriction documented): ${everywhere.join(', ')}`,
    `Known to the toolkit, support not documented for Vela: ${undocumented.join(', ')}`,
    '',
  ].join('\n');
}
