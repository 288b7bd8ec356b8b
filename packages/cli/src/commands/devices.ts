import { parseArgs } from 'node:util';
import { devices, didYouMean, findDevice, isSupportedOn, modules, quote, suggestDevices } from '@velakit/catalog';
import { ExitCode, UsageError, type Io } from '../io.js';
import { renderTable, type Alignment } from '../text-table.js';

export const devicesHelp = `Usage: velakit devices [name] [--format text|json] [--support]

Lists the Vela devices velakit knows: ids (for "targetDevices" in manifest.json), names and aliases.
With a name, shows the one device it names (any id, name, Chinese name, alias or codename).
With --support, shows which device supports each module whose support the Vela docs restrict.
`;

/** One row per device, one column per module with a support table; modules without one are listed below. */
export function supportMatrix(selected: readonly { id: string }[] = devices): string {
  const restricted = modules.filter((module) => Array.isArray(module.support));
  const header = ['device', ...restricted.map((module) => module.name.replace(/^system\./u, ''))];
  const rows = selected.map((device) => [
    device.id,
    ...restricted.map((module) => (isSupportedOn(module.support, device.id) ? '✔' : '✘')),
  ]);
  const align = header.map((_, column): Alignment => (column === 0 ? 'left' : 'center'));
  const named = (support: string) =>
    modules
      .filter((module) => module.support === support)
      .map((module) => module.name)
      .join(', ');
  return [
    renderTable(header, rows, align),
    `Supported on every device (no restriction documented): ${named('everywhere')}`,
    `Known to Vela's toolkit, support not documented: ${named('undocumented')}`,
    '',
  ].join('\n');
}

export function devicesCommand(args: string[], io: Io): ExitCode {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      support: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(devicesHelp);
    return ExitCode.ok;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`unknown format "${values.format}" (use text or json)`);
  }
  if (positionals.length > 1) throw new UsageError('give at most one device name');
  let selected: readonly (typeof devices)[number][] = devices;
  const query = positionals[0];
  if (query !== undefined) {
    const device = findDevice(query);
    if (!device) {
      const close = suggestDevices(query);
      throw new UsageError(`unknown device ${quote(query)}${close.length > 0 ? `; ${didYouMean(close)}` : ''}`);
    }
    selected = devices.filter((candidate) => candidate.id === device.id);
  }
  if (values.support) {
    if (values.format === 'json')
      throw new UsageError('--support prints text only; catalog.json in @velakit/catalog has the same data as JSON');
    io.stdout(supportMatrix(selected));
    return ExitCode.ok;
  }
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify(selected, null, 2)}\n`);
    return ExitCode.ok;
  }
  const rows = selected.map((device) => [
    device.id,
    device.name,
    device.nameZh,
    'codename' in device ? device.codename : '',
    `${device.screen.shape} ${device.screen.width}×${device.screen.height}`,
    device.aliases.join(', '),
  ]);
  io.stdout(renderTable(['id', 'name', '中文', 'codename', 'screen', 'aliases'], rows));
  return ExitCode.ok;
}
