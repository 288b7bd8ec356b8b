// `entries`: what the properties of an `object` parameter or result field may hold. Typings, lint and the runtime
// read it, so these pin both the facts and the shape every reader relies on.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { findMethod, findParameter, modules, request, uploadtask, valueTypesOf, type Method } from '@velakit/catalog';

const uploadFile = findMethod(uploadtask, 'uploadFile')!;

function everyMethod(): { where: string; method: Method }[] {
  return modules.flatMap((module) => [
    ...module.methods.map((method) => ({ where: `${module.name} ${method.name}`, method })),
    ...module.interfaces.flatMap((entry) =>
      entry.methods.map((method) => ({ where: `${module.name} ${entry.name}.${method.name}`, method })),
    ),
  ]);
}

describe('entries of uploadFile', () => {
  it('header and formData values are strings or numbers', () => {
    expect(findParameter(uploadFile, 'header')?.entries).toEqual(['string', 'number']);
    expect(findParameter(uploadFile, 'formData')?.entries).toEqual(['string', 'number']);
  });

  it('the response headers hold one string per header', () => {
    expect(uploadFile.success?.find((field) => field.name === 'headers')?.entries).toEqual(['string']);
  });

  it("the only parameters and result fields with entries: uploadFile's, and the text headers of a fetch response", () => {
    const withEntries = everyMethod().flatMap(({ where, method }) => [
      ...method.signature.params
        .filter((param) => param.entries !== undefined)
        .map((param) => `${where} ${param.name}`),
      ...(method.success ?? [])
        .filter((field) => field.entries !== undefined)
        .map((field) => `${where} result ${field.name}`),
    ]);
    expect(withEntries.sort()).toEqual(
      [
        'system.uploadtask uploadFile header',
        'system.uploadtask uploadFile formData',
        'system.uploadtask uploadFile result headers',
        'system.fetch fetch result headers',
      ].sort(),
    );
  });
});

describe("download header: typed String by the docs' table, described as an object by their text", () => {
  const header = findParameter(findMethod(request, 'download')!, 'header')!;

  it("keeps the table's type and states the object form with uploadFile header's entries", () => {
    expect(header.type).toBe('string');
    expect(header.entries).toBeUndefined();
    expect(header.describedAs).toEqual({ type: 'object', entries: findParameter(uploadFile, 'header')!.entries });
  });

  it('describedAs appears only where the type does not already include object', () => {
    const described = everyMethod().flatMap(({ where, method }) =>
      method.signature.params.filter((param) => param.describedAs !== undefined).map((param) => ({ where, param })),
    );
    expect(described.map(({ where, param }) => `${where} ${param.name}`)).toEqual(['system.request download header']);
    for (const { where, param } of described) expect(valueTypesOf(param.type), where).not.toContain('object');
  });
});

describe('entries, everywhere in the catalogue', () => {
  it('appear only on `object` values, listed once each', () => {
    for (const { where, method } of everyMethod()) {
      for (const item of [...method.signature.params, ...(method.success ?? [])]) {
        if (item.entries === undefined) continue;
        expect(item.type, `${where} ${item.name}`).toBe('object');
        expect(item.entries.length, `${where} ${item.name}`).toBeGreaterThan(0);
        expect(new Set(item.entries).size, `${where} ${item.name}`).toBe(item.entries.length);
      }
    }
  });

  it('the catalogue schema accepts them and rejects a nested or empty list', () => {
    const repo = new URL('../../../', import.meta.url);
    const schema = JSON.parse(readFileSync(new URL('schemas/catalog.schema.json', repo), 'utf8')) as object;
    const validate = new Ajv({ strict: true }).compile(schema);
    const data = () =>
      JSON.parse(readFileSync(new URL('packages/catalog/catalog.json', repo), 'utf8')) as {
        modules: {
          name: string;
          methods: { name: string; signature: { params: { name: string; entries?: unknown }[] } }[];
        }[];
      };
    const headerOf = (catalog: ReturnType<typeof data>) =>
      catalog.modules
        .find((module) => module.name === 'system.uploadtask')!
        .methods[0]!.signature.params.find((p) => p.name === 'header')!;
    const downloadHeaderOf = (catalog: ReturnType<typeof data>) =>
      catalog.modules
        .find((module) => module.name === 'system.request')!
        .methods[0]!.signature.params.find((p) => p.name === 'header')! as {
        describedAs?: unknown;
      };
    expect(validate(data())).toBe(true);
    for (const wrong of [['object'], [], ['string', 'string']]) {
      const catalog = data();
      headerOf(catalog).entries = wrong;
      expect(validate(catalog), JSON.stringify(wrong)).toBe(false);
    }
    for (const wrong of [
      { type: 'string', entries: ['string'] },
      { type: 'object' },
      { type: 'object', entries: [] },
    ]) {
      const catalog = data();
      downloadHeaderOf(catalog).describedAs = wrong;
      expect(validate(catalog), JSON.stringify(wrong)).toBe(false);
    }
  });
});

describe('findParameter', () => {
  it('finds a parameter by exact name, or nothing', () => {
    expect(findParameter(uploadFile, 'timeout')?.default).toBe('20000');
    expect(findParameter(uploadFile, 'Header')).toBeUndefined();
    expect(findParameter(findMethod(uploadtask, 'abort', 'UploadTask')!, 'callback')).toBeUndefined();
  });
});
