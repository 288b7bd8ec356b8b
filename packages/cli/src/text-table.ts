import { displayWidth } from '@velakit/manifest/cli';

export type Alignment = 'left' | 'center';

function pad(text: string, width: number, alignment: Alignment): string {
  const room = Math.max(0, width - displayWidth(text));
  const before = alignment === 'center' ? Math.ceil(room / 2) : 0;
  return ' '.repeat(before) + text + ' '.repeat(room - before);
}

/**
 * A plain aligned table with a rule under the header, ending in a newline. Columns are left-aligned unless `align`
 * says otherwise (marks such as ✔ read best centred under a device name).
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Alignment[] = [],
): string {
  const widths = header.map((cell, column) =>
    Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const line = (cells: readonly string[], alignAll?: Alignment) =>
    cells
      .map((cell, column) => pad(cell, widths[column]!, alignAll ?? align[column] ?? 'left'))
      .join('  ')
      .trimEnd();
  return `${[line(header, 'left'), line(widths.map((width) => '─'.repeat(width))), ...rows.map((row) => line(row))].join('\n')}\n`;
}
