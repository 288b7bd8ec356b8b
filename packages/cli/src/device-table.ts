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
import { weakestProtection, type Protection } from '@velakit/eslint-rules';
import { renderTable, type Alignment } from './text-table.js';

/** One API the app uses: a module, or a method of it (or of an interface it returns, such as `UploadTask`). */
export interface UsedApi {
  readonly module: Module;
  readonly method: Method | undefined;
  readonly interfaceName: string | undefined;
  /** `file:line` of the first use, for the reader who wants to find it. */
  readonly firstUse: string;
  /**
   * The target devices that lack the API but where this use cannot fail, and why (as no-unsupported-api judges it:
   * a guard, or conditional compilation). A device that lacks the API and is not listed runs the use unprotected.
   */
  readonly protectedOn?: Readonly<Record<string, Protection>>;
}

/**
 * A target's support for an API the app uses: `unsupported` when it lacks the API and some use runs there
 * unprotected (lint reports it); when it lacks it but no use does, why (`guarded`, `compiled-out`, `conditional`).
 */
export type Cell = 'supported' | 'unsupported' | 'undocumented' | Protection;

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
  /** Per target: the APIs it lacks and uses unprotected. Empty means nothing the app runs there is missing. */
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
  const byName = new Map<string, UsedApi[]>();
  for (const api of apis) {
    const name = apiName(api);
    const uses = byName.get(name);
    if (uses) uses.push(api);
    else byName.set(name, [api]);
  }
  const allRows = [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([api, uses]) => {
      const use = uses[0]!;
      const support = supportOf(use.module, use.method);
      const cells: Record<string, Cell> = {};
      for (const target of targets) {
        const verdict = isSupportedOn(support, target);
        cells[target] =
          verdict === undefined
            ? 'undocumented'
            : verdict
              ? 'supported'
              : (protection(uses, target, apis) ?? 'unsupported');
      }
      return { api, apiLevel: apiLevelOf(use.module, use.method), firstUse: use.firstUse, cells, use };
    });
  // A module's own row says something beside its methods' rows (whose support includes the module's) only where a use
  // of the module object itself runs unprotected on a target no method row marks ✘ (`sensor[name]` untested beside a
  // tested `sensor.subscribeCompass`).
  const rows = allRows
    .filter((row) => {
      if (row.use.method !== undefined) return true;
      const siblings = allRows.filter((other) => other.use.module === row.use.module && other.use.method);
      return (
        siblings.length === 0 ||
        targets.some(
          (target) =>
            row.cells[target] === 'unsupported' && siblings.every((other) => other.cells[target] !== 'unsupported'),
        )
      );
    })
    .map(({ use: _use, ...row }) => row);
  const verdicts: Record<string, string[]> = {};
  for (const target of targets)
    verdicts[target] = rows.filter((row) => row.cells[target] === 'unsupported').map((row) => row.api);
  return { targets, targetsSource, rows, verdicts };
}

/**
 * Why no use of an API fails on a target that lacks it, or undefined when one runs there unprotected. A method of an
 * object a module's call returns (`UploadTask.onProgressUpdate`) exists only where such a call ran: it fails only
 * where a call of its module runs unprotected too (lint reports that call, not the method).
 */
function protection(uses: readonly UsedApi[], target: string, apis: readonly UsedApi[]): Protection | undefined {
  const own = weakestProtection(uses.map((use) => use.protectedOn?.[target]));
  const returned = uses[0]!;
  if (own !== undefined || returned.interfaceName === undefined) return own;
  const calls = apis.filter(
    (api) => api.module === returned.module && api.method !== undefined && api.interfaceName === undefined,
  );
  return weakestProtection(calls.map((call) => call.protectedOn?.[target]));
}

const marks: Record<Cell, string> = {
  supported: '✔',
  unsupported: '✘',
  undocumented: '?',
  guarded: 'guarded',
  'compiled-out': 'compiled out',
  conditional: 'conditional',
};

/** What a cell for a device that lacks the API but never runs it unprotected means, in the legend. */
const protectionLegend: Record<Protection, string> = {
  guarded: 'guarded: not supported, and every use is guarded (a canIUse or feature test, try/catch, ?.())',
  'compiled-out': 'compiled out: not supported, and conditional compilation (// if true: …) leaves every use out',
  conditional: "conditional: not supported, and every use is in an `if true:` block velakit can't evaluate",
};
const protections = Object.keys(protectionLegend) as Protection[];

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
  const shown = protections.filter((kind) => table.rows.some((row) => Object.values(row.cells).includes(kind)));
  const verdicts = table.targets.map((target) => {
    const missing = table.verdicts[target] ?? [];
    const sheltered = protections
      .map((kind) => [kind, table.rows.filter((row) => row.cells[target] === kind).map((row) => row.api)] as const)
      .filter(([, apis]) => apis.length > 0)
      .map(([kind, apis]) => `${marks[kind]}: ${listAnd(apis)}`);
    const note = sheltered.length > 0 ? ` (${sheltered.join('; ')})` : '';
    // An API the docs give no device table for (a reserved module such as @system.webview) is neither: say so.
    const unknown = table.rows.filter((row) => row.cells[target] === 'undocumented').map((row) => row.api);
    const unknownNote = unknown.length > 0 ? `; support of ${listAnd(unknown)} is not documented` : '';
    if (missing.length > 0) return `  ✘ ${deviceName(target)}: lacks ${listAnd(missing)}${note}${unknownNote}`;
    if (unknown.length > 0)
      return `  ? ${deviceName(target)}: nothing it runs is known to be missing${note}${unknownNote}`;
    return note === ''
      ? `  ✔ ${deviceName(target)}: every API is supported`
      : `  ✔ ${deviceName(target)}: every API it runs is supported${note}`;
  });
  return [
    `Targets (${table.targetsSource}):`,
    '',
    renderTable(header, body, align).trimEnd(),
    '',
    '✔ supported  ✘ not supported  ? support not documented',
    ...shown.map((kind) => protectionLegend[kind]),
    '',
    ...verdicts,
    '',
  ].join('\n');
}

/** The phrases of a by-API verdict for the targets that lack an API but never run it unprotected. */
const byApiPhrase: Record<Protection, string> = {
  guarded: 'guarded on',
  'compiled-out': 'compiled out for',
  conditional: 'conditional on',
};

function renderByApi(table: DeviceTable): string {
  const rows = table.rows.map((row) => {
    const on = (cell: Cell) => table.targets.filter((target) => row.cells[target] === cell).map(deviceName);
    const lacking = on('unsupported');
    const sheltered = protections
      .map((kind) => [kind, on(kind)] as const)
      .filter(([, devices]) => devices.length > 0)
      .map(([kind, devices]) => `${byApiPhrase[kind]} ${listAnd(devices)}`);
    const verdict =
      lacking.length > 0
        ? [`✘ not on ${listAnd(lacking)}`, ...sheltered].join('; ')
        : sheltered.length > 0
          ? `✔ ${sheltered.join('; ')}`
          : on('undocumented').length > 0
            ? '? support not documented'
            : '✔ every target';
    return [row.api, String(row.apiLevel), verdict];
  });
  const lacksNone = table.targets.filter((target) => (table.verdicts[target] ?? []).length === 0);
  const documented = (target: string) => table.rows.every((row) => row.cells[target] !== 'undocumented');
  const fine = lacksNone.filter(documented).map(deviceName);
  const unknown = lacksNone.filter((target) => !documented(target)).map(deviceName);
  const summary = [
    ...(fine.length > 0 ? [`  ✔ every API runs on ${listAnd(fine)}`] : []),
    ...(unknown.length > 0
      ? [`  ? nothing known to be missing on ${listAnd(unknown)}, but the support of some API is not documented`]
      : []),
  ];
  return [
    `Targets (${table.targetsSource}): ${table.targets.length} devices`,
    '',
    renderTable(['API', 'level', 'support'], rows).trimEnd(),
    '',
    ...(summary.length > 0 ? summary : ['  ✘ no target runs every API']),
    '',
  ].join('\n');
}
