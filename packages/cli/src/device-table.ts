import {
  apiLevelOf,
  deviceList,
  deviceName,
  isSupportedOn,
  listAnd,
  supportOf,
  type Method,
  type Module,
} from '@velakit/catalog';
import { renderTable, type Alignment } from './text-table.js';

/** One API the app uses: a module, or a method of it (or of an interface it returns, such as `UploadTask`). */
export interface UsedApi {
  readonly module: Module;
  readonly method: Method | undefined;
  readonly interfaceName: string | undefined;
  /** `file:line` of the first use, for the reader who wants to find it. */
  readonly firstUse: string;
}

export type Cell = 'supported' | 'unsupported' | 'undocumented';

export interface DeviceTable {
  readonly targets: readonly string[];
  /** Where the targets came from, in the plugin's words ("src/manifest.json targetDevices", …). */
  readonly targetsSource: string;
  readonly rows: readonly {
    readonly api: string;
    readonly apiLevel: number;
    readonly firstUse: string;
    readonly cells: Readonly<Record<string, Cell>>;
  }[];
  /** Per target: the APIs it lacks. Empty means every API the app uses runs there. */
  readonly verdicts: Readonly<Record<string, readonly string[]>>;
}

export function apiName(api: Pick<UsedApi, 'module' | 'method' | 'interfaceName'>): string {
  const specifier = `@${api.module.name}`;
  if (!api.method) return specifier;
  return `${specifier} ${api.interfaceName ? `${api.interfaceName}.` : ''}${api.method.name}`;
}

/** Rows: the APIs the app uses, module first then its methods; columns: the target devices. */
export function buildDeviceTable(
  apis: readonly UsedApi[],
  targets: readonly string[],
  targetsSource: string,
): DeviceTable {
  const unique = new Map<string, UsedApi>();
  for (const api of apis) if (!unique.has(apiName(api))) unique.set(apiName(api), api);
  // A module's own row only says something when none of its methods has a row: their support includes the module's.
  for (const [name, api] of unique) {
    if (api.method === undefined && [...unique.values()].some((other) => other.module === api.module && other.method))
      unique.delete(name);
  }
  const rows = [...unique.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([api, use]) => {
      const support = supportOf(use.module, use.method);
      const cells: Record<string, Cell> = {};
      for (const target of targets) {
        const verdict = isSupportedOn(support, target);
        cells[target] = verdict === undefined ? 'undocumented' : verdict ? 'supported' : 'unsupported';
      }
      return { api, apiLevel: apiLevelOf(use.module, use.method), firstUse: use.firstUse, cells };
    });
  const verdicts: Record<string, string[]> = {};
  for (const target of targets)
    verdicts[target] = rows.filter((row) => row.cells[target] === 'unsupported').map((row) => row.api);
  return { targets, targetsSource, rows, verdicts };
}

const marks: Record<Cell, string> = { supported: '✔', unsupported: '✘', undocumented: '?' };

/** Above this many targets a column per device is too wide for a terminal: the verdicts alone are printed. */
const maxColumns = 4;

/**
 * The table as text: one row per API, one column per target (up to four), then a verdict line per target.
 * With more targets, a row per API lists the devices that lack it.
 */
export function renderDeviceTable(table: DeviceTable): string {
  if (table.rows.length === 0)
    return `No @system.* API is used. Targets (${table.targetsSource}): ${deviceList(table.targets)}\n`;
  if (table.targets.length > maxColumns) return renderByApi(table);
  const header = ['API', 'level', ...table.targets.map(deviceName)];
  const body = table.rows.map((row) => [
    row.api,
    String(row.apiLevel),
    ...table.targets.map((target) => marks[row.cells[target]!]),
  ]);
  const align = header.map((_, column): Alignment => (column < 2 ? 'left' : 'center'));
  const verdicts = table.targets.map((target) => {
    const missing = table.verdicts[target] ?? [];
    return missing.length === 0
      ? `  ✔ ${deviceName(target)}: every API is supported`
      : `  ✘ ${deviceName(target)}: lacks ${listAnd(missing)}`;
  });
  return [
    `Targets (${table.targetsSource}):`,
    '',
    renderTable(header, body, align).trimEnd(),
    '',
    '✔ supported  ✘ not supported  ? support not documented',
    '',
    ...verdicts,
    '',
  ].join('\n');
}

function renderByApi(table: DeviceTable): string {
  const rows = table.rows.map((row) => {
    const lacking = table.targets.filter((target) => row.cells[target] === 'unsupported').map(deviceName);
    const unknown = table.targets.filter((target) => row.cells[target] === 'undocumented');
    const verdict =
      lacking.length > 0
        ? `✘ not on ${listAnd(lacking)}`
        : unknown.length > 0
          ? '? support not documented'
          : '✔ every target';
    return [row.api, String(row.apiLevel), verdict];
  });
  const fine = table.targets.filter((target) => (table.verdicts[target] ?? []).length === 0).map(deviceName);
  return [
    `Targets (${table.targetsSource}): ${table.targets.length} devices`,
    '',
    renderTable(['API', 'level', 'support'], rows).trimEnd(),
    '',
    fine.length > 0 ? `  ✔ every API runs on ${listAnd(fine)}` : '  ✘ no target runs every API',
    '',
  ].join('\n');
}
