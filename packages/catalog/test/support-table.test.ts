// The support tables (support-tables.ts) read by parseSupportTable: columns by device, rows checked so a device whose
// column is missing, or a row with a mark too few, fails loudly; and every row is some module's or method's support.
import { describe, expect, it } from 'vitest';
import { devices, modules } from '@velakit/catalog';
import { parseSupportTable, supportedBy, supportTableKeys } from '../src/support-table.js';

const owners = [
  { id: 'band', column: 'B' },
  { id: 'band-pro', column: 'BP', sharesColumn: 'B' },
  { id: 'watch', column: 'W' },
];

describe('parseSupportTable', () => {
  it('gives each row its devices in catalogue order; a shared column covers both devices unless they are apart', () => {
    const shared = parseSupportTable('  B  W\n m  ✔  ✘\n n  ✘  ✔\n', owners);
    expect([...shared]).toEqual([
      ['m', ['band', 'band-pro']],
      ['n', ['watch']],
    ]);
    expect(parseSupportTable('W B BP\nm ✔ ✘ ✔', owners).get('m')).toEqual(['band-pro', 'watch']);
  });

  it('a new device: its column in the heading and a mark in every row, and it is in every ✔ row', () => {
    const withNew = [...owners, { id: 'new-watch', column: 'NW' }];
    expect(parseSupportTable('B W NW\nm ✔ ✘ ✔\nn ✘ ✔ ✘', withNew).get('m')).toEqual(['band', 'band-pro', 'new-watch']);
    expect(() => parseSupportTable('B W\nm ✔ ✘', withNew)).toThrow(
      'support table: no column for new-watch (add a "NW" column)',
    );
    expect(() => parseSupportTable('B W NW\nm ✔ ✘', withNew)).toThrow(
      'support table: "m" needs 3 marks of ✔ or ✘ (B W NW), got "✔ ✘"',
    );
  });

  it('refuses an unknown or repeated column, a bad mark, a repeated row and an empty table', () => {
    expect(() => parseSupportTable('B W X\nm ✔ ✘ ✘', owners)).toThrow('support table: no device has the column "X"');
    expect(() => parseSupportTable('B W W\nm ✔ ✘ ✘', owners)).toThrow('support table: the column "W" appears twice');
    expect(() => parseSupportTable('B W\nm ✔ x', owners)).toThrow('"m" needs 2 marks of ✔ or ✘');
    expect(() => parseSupportTable('B W\nm ✔ ✘\nm ✘ ✘', owners)).toThrow('support table: "m" has two rows');
    expect(() => parseSupportTable(' \n', owners)).toThrow('a support table needs a heading row of device columns');
  });

  it("the catalogue devices have distinct columns, and every shared column is another device's", () => {
    const columns = devices.map((device) => device.column);
    expect(new Set(columns).size).toBe(columns.length);
    for (const device of devices) {
      const shared = (device as { sharesColumn?: string }).sharesColumn;
      if (shared !== undefined) expect(columns, device.id).toContain(shared);
    }
  });
});

describe('the catalogue support tables', () => {
  it('every row is the support of the module or method it names, and nothing else reads a row twice', () => {
    const used = modules.flatMap((module) => [
      ...(Array.isArray(module.support) && supportTableKeys().includes(module.name)
        ? [[module.name, module.support]]
        : []),
      ...module.methods
        .filter((method) => supportTableKeys().includes(`${module.name}.${method.name}`))
        .map((method) => [`${module.name}.${method.name}`, method.support]),
    ]);
    expect(used.map(([key]) => key).sort()).toEqual(supportTableKeys().sort());
    for (const [key, support] of used) expect(support, String(key)).toEqual(supportedBy(String(key)));
  });

  it('an unknown row is an error, not an empty support list', () => {
    expect(() => supportedBy('system.nothing')).toThrow('the support tables have no row "system.nothing"');
  });
});
