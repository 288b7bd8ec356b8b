import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { catalogJsonText } from '@velakit/catalog';

const repo = new URL('../../../', import.meta.url);
const committed = readFileSync(new URL('packages/catalog/catalog.json', repo), 'utf8');

describe('catalog.json', () => {
  it('is up to date with the typed source (run `npm run generate` after editing the catalogue)', () => {
    expect(committed).toBe(catalogJsonText());
  });

  it('is valid against schemas/catalog.schema.json', () => {
    const schema = JSON.parse(readFileSync(new URL('schemas/catalog.schema.json', repo), 'utf8')) as object;
    const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
    const valid = validate(JSON.parse(committed));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema rejects a device with an unknown field', () => {
    const schema = JSON.parse(readFileSync(new URL('schemas/catalog.schema.json', repo), 'utf8')) as object;
    const validate = new Ajv({ strict: true }).compile(schema);
    const data = JSON.parse(committed) as { devices: Record<string, unknown>[] };
    data.devices[0]!['colour'] = 'red';
    expect(validate(data)).toBe(false);
  });
});
