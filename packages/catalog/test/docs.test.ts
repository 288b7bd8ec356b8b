// Pins the catalogue to the docs: every transcript under test/docs/ (one per Vela docs page, written from the page)
// is compared with the catalogue's data. Editing a single fact of the catalogue (a support mark, a parameter's type
// or required flag, a result field, an API level, a declaration flag, an error code) fails one of these tests.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  apiLevelOf,
  devices,
  modules,
  valueTypesOf,
  type ApiInterface,
  type Method,
  type Module,
  type Parameter,
  type Property,
  type ResultField,
  type TypeSpec,
  type ValueType,
} from '@velakit/catalog';
import {
  deviceTableColumns,
  moduleTableColumns,
  type DocField,
  type DocMethod,
  type DocParam,
  type DocTranscript,
} from './docs/transcript.js';

const docsDirectory = fileURLToPath(new URL('./docs/', import.meta.url));

/** Every `test/docs/<area>/<page>.ts` file (the transcript type itself sits at the top and is no page). */
function transcriptFiles(): URL[] {
  return readdirSync(docsDirectory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && relative(docsDirectory, entry.parentPath) !== '')
    .map((entry) => pathToFileURL(join(entry.parentPath, entry.name)))
    .sort((a, b) => a.href.localeCompare(b.href));
}

const transcripts: DocTranscript[] = [];
for (const file of transcriptFiles()) {
  const loaded = (await import(file.href)) as { default?: DocTranscript };
  if (loaded.default === undefined) throw new Error(`${file.pathname} has no default export (a DocTranscript)`);
  transcripts.push(loaded.default);
}

// ---- What the docs' words mean in catalogue terms -------------------------------------------------------------

const docsTypeWords: Readonly<Record<string, ValueType>> = {
  string: 'string',
  number: 'number',
  integer: 'integer',
  int: 'integer',
  long: 'integer',
  boolean: 'boolean',
  object: 'object',
  function: 'function',
  array: 'array',
  arraybuffer: 'arraybuffer',
  uint8array: 'uint8array',
  // The audio page's own spelling of Boolean (getPlayState).
  boolen: 'boolean',
  // Types the bluetooth page defines in its own tables: objects, and enums of numbers.
  scanoptions: 'object',
  blecharacteristic: 'object',
  bledescriptor: 'object',
  gattproperties: 'object',
  scanduty: 'number',
  scanstate: 'number',
  bleconnectionstate: 'number',
};

/** `'String/Object /ArrayBuffer'` → `['arraybuffer', 'object', 'string']`; `Array<Object>` and `Object[]` → `['array']`. */
function typesOfDocsWord(docsType: string): ValueType[] {
  const words = docsType.split(/[/|]/u).map((word) => word.trim().toLowerCase());
  return [
    ...new Set(
      words.map((word) => {
        if (/^array\s*<.*>$/u.test(word) || word.endsWith('[]')) return 'array';
        // An object spelled out by its members: `{ horizontal: Number, ... }`, `Object<{title: string, ...}>`.
        if (/^\{.*\}$/u.test(word) || /^object\s*<.*>$/u.test(word)) return 'object';
        const type = docsTypeWords[word];
        if (type === undefined)
          throw new Error(`the docs type "${docsType}" has a word ("${word}") the test cannot map`);
        return type;
      }),
    ),
  ].sort();
}

function sortedTypes(spec: TypeSpec): ValueType[] {
  return [...new Set(valueTypesOf(spec))].sort();
}

/**
 * The docs' ✔/✘ row as device ids: one mark per column of the module tables, or of a table with one column per
 * device. Columns are matched to devices by the catalogue's `column` (or `sharesColumn`), so a catalogue device with
 * the wrong column heading, or none in the docs' tables, fails here.
 */
function devicesOfRow(marks: string): string[] {
  const cells = [...marks];
  if (cells.some((cell) => cell !== '✔' && cell !== '✘'))
    throw new Error(`support row "${marks}" has a mark other than ✔ or ✘`);
  const columns: readonly string[] | undefined = [moduleTableColumns, deviceTableColumns].find(
    (table) => table.length === cells.length,
  );
  if (columns === undefined) {
    throw new Error(
      `support row "${marks}" needs ${moduleTableColumns.length} or ${deviceTableColumns.length} marks, has ${cells.length}`,
    );
  }
  return devices
    .filter((device) => {
      const own = columns.indexOf(device.column);
      const index = own >= 0 ? own : columns.indexOf((device as { sharesColumn?: string }).sharesColumn ?? '');
      if (index < 0) throw new Error(`the docs' tables have no column for ${device.id} ("${device.column}")`);
      return cells[index] === '✔';
    })
    .map((device) => device.id);
}

// ---- Reading the catalogue the way the docs are written -------------------------------------------------------

const moduleByName = new Map(modules.map((module) => [module.name, module]));

/** The name the docs give a module's object: the last part of its feature name (`system.bluetooth.ble` → `ble`). */
function bindingOf(module: Module): string {
  return module.name.split('.').at(-1)!;
}

interface Located {
  readonly module: Module;
  readonly owner: string;
  readonly method: Method;
  readonly interfaceEntry?: ApiInterface;
}

/**
 * `Connect.send` and the docs' `connect.send` name the same method: the docs write a returned object's methods on
 * the variable that holds it, the catalogue names its interface.
 */
function methodKey(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot).toLowerCase()}${name.slice(dot)}`;
}

/** `Connect.onopen.isReconnected` → `connect.onopen.isReconnected` (a module's own `src` stays as it is). */
function ownerInLowerCase(name: string): string {
  const [owner, ...rest] = name.split('.');
  return rest.length === 0 ? name : [owner!.toLowerCase(), ...rest].join('.');
}

/** Every documented method of the page's modules, keyed `binding.method` or `interface.method` (see `methodKey`). */
function methodsOf(pageModules: readonly Module[]): Map<string, Located> {
  const found = new Map<string, Located>();
  for (const module of pageModules) {
    for (const method of module.methods) {
      if (method.undocumented !== true)
        found.set(methodKey(`${bindingOf(module)}.${method.name}`), { module, owner: bindingOf(module), method });
    }
    for (const entry of module.interfaces) {
      for (const method of entry.methods) {
        if (method.undocumented !== true)
          found.set(methodKey(`${entry.name}.${method.name}`), {
            module,
            owner: entry.name,
            method,
            interfaceEntry: entry,
          });
      }
    }
  }
  return found;
}

/** Fields flattened to `[name, types, apiLevel]`, nested ones as `parent.child`; undocumented ones left out. */
function flattenFields(
  fields: readonly ResultField[] | undefined,
  prefix = '',
): [string, ValueType[], number | undefined][] {
  return (fields ?? [])
    .filter((field) => field.undocumented !== true)
    .flatMap((field) => [
      [`${prefix}${field.name}`, sortedTypes(field.type), field.apiLevel] as [string, ValueType[], number | undefined],
      ...flattenFields(field.fields, `${prefix}${field.name}.`),
    ]);
}

function docsFields(rows: readonly DocField[] | undefined): [string, ValueType[], number | undefined][] {
  return (rows ?? []).map(([name, docsType, apiLevel]) => [name, typesOfDocsWord(docsType), apiLevel]);
}

const byName = <T extends readonly unknown[]>(a: T, b: T) => String(a[0]).localeCompare(String(b[0]));

function documentedParams(method: Method): readonly Parameter[] {
  return method.signature.params.filter((param) => param.undocumented !== true);
}

function documentedCodes(method: Method): number[] {
  return (method.errors ?? []).filter((error) => error.undocumented !== true).map((error) => error.code);
}

/** Documented parameters, with the fields of object values as `parent.child`. */
function flattenParams(params: readonly Parameter[], prefix = ''): Parameter[] {
  return params
    .filter((param) => param.undocumented !== true)
    .flatMap((param) => [
      { ...param, name: `${prefix}${param.name}` },
      ...flattenParams(param.fields ?? [], `${prefix}${param.name}.`),
    ]);
}

/** `[name, types, required]` of the page's rows and of the catalogue; `#0` names an argument by position. */
function compareParams(where: string, row: readonly DocParam[] | undefined, method: Method): void {
  const topLevel = documentedParams(method);
  const params = flattenParams(topLevel);
  const named = (name: string) => (/^#\d+$/u.test(name) ? (topLevel[Number(name.slice(1))]?.name ?? name) : name);
  const expected = (row ?? []).map(
    ([name, docsType, required]) => [named(name), typesOfDocsWord(docsType), required] as const,
  );
  const actual = params.map((param) => [param.name, sortedTypes(param.type), param.required] as const);
  expect([...actual].sort(byName), `${where}: parameters [name, types, required]`).toEqual([...expected].sort(byName));
  for (const [name, , , extra] of row ?? []) {
    const param = params.find((candidate) => candidate.name === named(name));
    if (extra?.values !== undefined) {
      expect(param?.values ? [...param.values].sort() : undefined, `${where}: allowed values of ${name}`).toEqual(
        [...extra.values].sort(),
      );
    }
    // Both ways: a range the page states is in the catalogue, and the catalogue states no range the page does not.
    expect(param?.range, `${where}: range of ${name}`).toEqual(extra?.range);
    if (extra?.default !== undefined) {
      expect(param?.default, `${where}: default of ${name}`).toContain(extra.default);
    }
  }
}

function compareMethod(transcript: DocTranscript, docsMethod: DocMethod, located: Located): void {
  const where = `${transcript.page} ${docsMethod.name}`;
  const { module, method } = located;
  compareParams(where, docsMethod.params, method);

  expect(flattenFields(method.success).sort(byName), `${where}: success fields [name, types, apiLevel]`).toEqual(
    docsFields(docsMethod.success).sort(byName),
  );

  const returns = docsMethod.returns;
  if (returns === undefined) {
    expect({ returns: method.returns, returnValue: method.returnValue }, `${where}: returns nothing`).toEqual({
      returns: undefined,
      returnValue: undefined,
    });
  } else if (typeof returns === 'string' && isTypeWord(returns)) {
    expect(method.returnValue && sortedTypes(method.returnValue.type), `${where}: return type`).toEqual(
      typesOfDocsWord(returns),
    );
  } else if (typeof returns === 'string') {
    expect(method.returns, `${where}: returned interface`).toBe(returns);
  } else {
    // A row named '' gives the returned value's own type (`Array` of page objects); without one it is an object.
    const own = returns.find(([name]) => name === '');
    expect(method.returnValue && sortedTypes(method.returnValue.type), `${where}: type of the returned value`).toEqual(
      own === undefined ? ['object'] : typesOfDocsWord(own[1]),
    );
    expect(
      flattenFields(method.returnValue?.fields).sort(byName),
      `${where}: returned fields [name, types, apiLevel]`,
    ).toEqual(docsFields(returns.filter(([name]) => name !== '')).sort(byName));
  }

  const pageLevel = transcript.apiLevel ?? 1;
  expect(apiLevelOf(module, method), `${where}: API level`).toBe(Math.max(pageLevel, docsMethod.apiLevel ?? 1));
  if (docsMethod.support === undefined) {
    expect(method.support, `${where}: no support table of its own, so none in the catalogue`).toBeUndefined();
  } else {
    expect(method.support, `${where}: support row ${docsMethod.support}`).toEqual(devicesOfRow(docsMethod.support));
  }

  const pageCodes = transcript.errorCodes ?? [];
  const ownCodes = docsMethod.errorCodes ?? [];
  const codes = documentedCodes(method);
  for (const code of ownCodes) expect(codes, `${where}: documented fail code ${code}`).toContain(code);
  for (const code of codes) {
    expect(
      [...ownCodes, ...pageCodes],
      `${where}: the catalogue lists ${code} as documented; the page does not`,
    ).toContain(code);
  }
  expect(method.promise === true, `${where}: Promise form`).toBe(docsMethod.promise === true);
}

function isTypeWord(word: string): boolean {
  try {
    typesOfDocsWord(word);
    return true;
  } catch {
    return false;
  }
}

/** Properties as `name` (module) or `interface.name`, and what an event handler receives as `interface.name.field`. */
function propertiesOf(pageModules: readonly Module[]): [string, ValueType[]][] {
  const listed = (owner: string | undefined, properties: readonly Property[] | undefined) =>
    (properties ?? []).flatMap((property) => {
      const name = owner === undefined ? property.name : `${owner.toLowerCase()}.${property.name}`;
      return [
        [name, sortedTypes(property.type)] as [string, ValueType[]],
        ...flattenFields(property.fields, `${name}.`).map(([field, types]) => [field, types] as [string, ValueType[]]),
      ];
    });
  return pageModules.flatMap((module) => [
    ...listed(undefined, module.properties),
    ...module.interfaces.flatMap((entry) => listed(entry.name, entry.properties)),
  ]);
}

/**
 * Documented modules whose pages are not transcribed yet (issue 12 is filling them in): each one leaves this list in
 * the commit that adds its transcript, and the list must end empty.
 */
const notYetTranscribed: readonly string[] = [];

// ---- The tests --------------------------------------------------------------------------------------------------

describe('docs transcripts', () => {
  it('are loaded from test/docs (at least the two seed pages)', () => {
    expect(transcripts.map((transcript) => transcript.page)).toEqual(
      expect.arrayContaining(['features/network/uploadtask', 'features/network/request']),
    );
    const pages = transcripts.map((transcript) => transcript.page);
    expect(
      pages.filter((page, index) => pages.indexOf(page) !== index),
      'pages transcribed twice',
    ).toEqual([]);
  });

  it('cover every documented catalogue module, and name only documented ones', () => {
    const transcribed = transcripts.flatMap((transcript) => transcript.modules);
    const documented = modules.filter((module) => module.support !== 'undocumented').map((module) => module.name);
    expect(
      transcribed.filter((name) => notYetTranscribed.includes(name)),
      'transcribed modules still listed as pending',
    ).toEqual([]);
    expect(
      [...transcribed, ...notYetTranscribed].sort(),
      'transcribed + pending vs catalogue modules whose support is not "undocumented"',
    ).toEqual([...documented].sort());
  });
});

describe.each(transcripts.map((transcript) => [transcript.page, transcript] as const))('%s', (page, transcript) => {
  const pageModules = transcript.modules.map((name) => moduleByName.get(name));

  it('names catalogue modules whose docUrl is this page', () => {
    for (const [index, module] of pageModules.entries()) {
      expect(module, `${transcript.modules[index]} is in the catalogue`).toBeDefined();
      expect(module?.docUrl, `${module?.name} docUrl`).toMatch(
        new RegExp(`^https://iot\\.mi\\.com/vela/quickapp/(zh|en)/${page}\\.html$`, 'u'),
      );
    }
  });

  const present = pageModules.filter((module): module is Module => module !== undefined);

  it('declaration, API level and support match the page', () => {
    for (const module of present) {
      expect(module.requiresDeclaration, `${module.name}: needs a manifest declaration`).toBe(transcript.declared);
      expect(module.apiLevel, `${module.name}: API level`).toBe(transcript.apiLevel ?? 1);
      const methodRows = transcript.methods.flatMap((method) => (method.support === undefined ? [] : [method.support]));
      if (transcript.support === undefined && methodRows.length > 0) {
        // Only per-method tables (sensor, vibrator): a device has the module when it has one of its methods.
        const anyMethod = new Set(methodRows.flatMap(devicesOfRow));
        const expected = devices.filter((device) => anyMethod.has(device.id)).map((device) => device.id);
        expect(module.support, `${module.name}: support computed from the method tables`).toEqual(expected);
      } else if (transcript.support === undefined) {
        expect(module.support, `${module.name}: the page has no support table`).toBe('everywhere');
      } else {
        expect(module.support, `${module.name}: support row ${transcript.support}`).toEqual(
          devicesOfRow(transcript.support),
        );
      }
    }
  });

  it('has exactly the methods of the page', () => {
    expect([...methodsOf(present).keys()].sort(), 'documented methods').toEqual(
      transcript.methods.map((method) => methodKey(method.name)).sort(),
    );
  });

  const located = methodsOf(present);
  for (const docsMethod of transcript.methods) {
    it(`${docsMethod.name}: parameters, results, level, support and codes match the page`, () => {
      const found = located.get(methodKey(docsMethod.name));
      expect(found, `${docsMethod.name} is in the catalogue`).toBeDefined();
      if (found) compareMethod(transcript, docsMethod, found);
    });
  }

  it('has exactly the properties and events of the page', () => {
    // Both sides through ownerInLowerCase: a module's own event with a callback table (`onMediaValueChanged.value`)
    // keeps its case on the page and in the catalogue alike.
    expect(
      propertiesOf(present)
        .map(([name, types]) => [ownerInLowerCase(name), types])
        .sort(byName),
      'properties [name, types]',
    ).toEqual(
      (transcript.properties ?? [])
        .map(([name, docsType]) => [ownerInLowerCase(name), typesOfDocsWord(docsType)])
        .sort(byName),
    );
  });

  it('lists every error code of its page-wide table on some method', () => {
    const codes = new Set(
      present
        .flatMap((module) => [...module.methods, ...module.interfaces.flatMap((entry) => entry.methods)])
        .flatMap(documentedCodes),
    );
    for (const code of transcript.errorCodes ?? [])
      expect([...codes], `${page}: page-wide code ${code}`).toContain(code);
  });
});

describe('the harness', () => {
  it('maps the docs type words, unions and arrays', () => {
    expect(typesOfDocsWord('String/Object /ArrayBuffer')).toEqual(['arraybuffer', 'object', 'string']);
    expect(typesOfDocsWord('Integer')).toEqual(['integer']);
    expect(typesOfDocsWord('Array<Object>')).toEqual(['array']);
    expect(typesOfDocsWord('Uint8Array')).toEqual(['uint8array']);
    expect(typesOfDocsWord('{ horizontal: Number, vertical: Number }')).toEqual(['object']);
    expect(typesOfDocsWord('Object<{title: string, artist: string}>')).toEqual(['object']);
    expect(typesOfDocsWord('String/Uint8Array')).toEqual(['string', 'uint8array']);
    expect(() => typesOfDocsWord('Blob')).toThrow(/"Blob" has a word \("blob"\)/u);
  });

  it('reads 11-mark rows (Band 9 and 9 Pro in one column) and 12-mark rows', () => {
    expect(devicesOfRow('✘✘✔✘✘✘✘✘✘✘✘')).toEqual(['xiaomi-band-9', 'xiaomi-band-9-pro']);
    expect(devicesOfRow('✘✘✘✔✘✘✘✘✘✘✘✘')).toEqual(['xiaomi-band-9-pro']);
    expect(() => devicesOfRow('✔✔')).toThrow(/needs 11 or 12 marks/u);
    expect(() => devicesOfRow('✔✔✔✔✔✔✔✔✔✔x')).toThrow(/other than ✔ or ✘/u);
  });
});
