import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { deviceIds, deviceTypes, launchModes, logLevels, modules } from '@velakit/catalog';
import { schemaText, validatorSource } from '../scripts/generated-files.mjs';
import { ajvOptions, annotationKeywords, manifestSchema } from '../src/schema/index.js';
import { validateSchema } from '../src/schema-validator.js';
import { manifests } from './helpers.js';

const schemaPath = new URL('../../../schemas/manifest.schema.json', import.meta.url);
const validatorPath = new URL('../src/generated/manifest-validator.ts', import.meta.url);
const committedSchema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

describe('generated files', () => {
  it('schemas/manifest.schema.json is up to date (run `npm run generate -w @velakit/manifest`)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(schemaText());
  });

  it('the package ships the same schema (build:assets)', () => {
    expect(readFileSync(new URL('../dist/manifest.schema.json', import.meta.url), 'utf8')).toBe(
      readFileSync(schemaPath, 'utf8'),
    );
  });

  it('the precompiled validator is up to date', () => {
    expect(readFileSync(validatorPath, 'utf8')).toBe(validatorSource());
  });
});

type Node = Record<string, unknown>;

/** Every subschema that describes a property or an array item, with where it is. */
function propertySchemas(node: unknown, path: string, found: [string, Node][] = []): [string, Node][] {
  if (typeof node !== 'object' || node === null) return found;
  const schema = node as Node;
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, Node>)) {
    found.push([`${path}.${key}`, child]);
    propertySchemas(child, `${path}.${key}`, found);
  }
  for (const [key, child] of Object.entries((schema.definitions ?? {}) as Record<string, Node>)) {
    found.push([`#${key}`, child]);
    propertySchemas(child, `#${key}`, found);
  }
  if (typeof schema.items === 'object') propertySchemas(schema.items, `${path}[]`, found);
  return found;
}

describe('schema content', () => {
  it('is draft-07 with a title and description on every property and definition', () => {
    expect(committedSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const properties = propertySchemas(committedSchema, '');
    expect(properties.length).toBeGreaterThan(30);
    for (const [path, schema] of properties) {
      if (typeof schema.$ref === 'string') continue;
      expect(typeof schema.title, `${path} title`).toBe('string');
      expect(typeof schema.description, `${path} description`).toBe('string');
    }
  });

  it('takes its enums from the catalogue', () => {
    const s = manifestSchema() as { properties: Record<string, Node>; definitions: Record<string, Node> };
    const config = s.properties.config as { properties: Record<string, Node> };
    expect(config.properties.logLevel!.enum).toEqual([...logLevels]);
    expect((s.properties.targetDevices!.items as Node).enum).toEqual([...deviceIds]);
    expect((s.properties.deviceTypeList!.items as Node).enum).toEqual([...deviceTypes]);
    const page = s.definitions.page as { properties: Record<string, Node> };
    expect(page.properties.launchMode!.enum).toEqual([...launchModes]);
    const name = (s.definitions.feature as { properties: Record<string, { anyOf: Node[] }> }).properties.name!;
    expect(name.anyOf[0]!.enum).toEqual(modules.map((module) => module.name));
    const background = (
      (config.properties.background as { properties: Record<string, Node> }).properties.features!.items as Node
    ).enum;
    expect(background).toEqual(modules.filter((module) => module.background).map((module) => module.name));
    expect(background).toEqual(['system.audio', 'system.geolocation', 'system.request']);
  });

  it('requires the fields the docs require and leaves the top level open', () => {
    expect(committedSchema.required).toEqual(['package', 'name', 'icon', 'versionCode', 'config', 'router']);
    expect(committedSchema.additionalProperties).toBeUndefined();
  });
});

describe('precompiled validator', () => {
  const fresh = new Ajv({ ...ajvOptions });
  fresh.addVocabulary([...annotationKeywords]);
  const compiled = fresh.compile(committedSchema);

  const values: unknown[] = [...manifests('valid'), ...manifests('invalid')].map(
    ([, text]) => JSON.parse(text) as unknown,
  );
  // Break each valid manifest one property at a time, with a value of every JSON type.
  const replacements: unknown[] = [null, true, 0, -1, 1.5, '', 'x', [], ['x'], [1, 1], {}, { name: 5 }];
  for (const [, text] of manifests('valid')) {
    const base = JSON.parse(text) as Record<string, unknown>;
    for (const key of [...Object.keys(base), 'targetDevices', 'deviceTypeList', 'permissions']) {
      for (const replacement of replacements) values.push({ ...base, [key]: replacement });
    }
    const { package: _removed, ...withoutPackage } = base;
    values.push(withoutPackage);
  }
  values.push(null, 1, 'manifest', [], {});

  const errorsOf = (
    errors: readonly { instancePath: string; schemaPath: string; keyword: string }[] | null | undefined,
  ) => (errors ?? []).map((error) => `${error.instancePath} ${error.schemaPath} ${error.keyword}`);

  it(`agrees with a fresh compile of the schema on ${values.length} values`, () => {
    let invalid = 0;
    for (const value of values) {
      const expected = compiled(value);
      expect(validateSchema(value)).toBe(expected);
      expect(errorsOf(validateSchema.errors)).toEqual(errorsOf(compiled.errors));
      if (!expected) invalid++;
    }
    // The corpus exercises both outcomes.
    expect(invalid).toBeGreaterThan(values.length / 2);
    expect(values.length - invalid).toBeGreaterThanOrEqual(manifests('valid').length);
  });
});
