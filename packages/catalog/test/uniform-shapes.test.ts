// The catalogue hands every module, interface, method, parameter and property out in one shape per kind (see
// `src/uniform-shapes.ts`): these pin that nothing the data files write is lost on the way, and that the shapes agree.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modules, request, seedModules, uploadtask } from '@velakit/catalog';
import { uniformModule } from '../src/uniform-shapes.js';
import type { ApiInterface, Method, Module, Parameter, Property } from '../src/types.js';

type Kind = 'module' | 'interface' | 'method' | 'parameter' | 'property';

/** Every entry of the catalogue, walked as the rules walk it, with its kind. */
function entries(list: readonly Module[]): { kind: Kind; entry: object }[] {
  const found: { kind: Kind; entry: object }[] = [];
  const parameters = (params: readonly Parameter[]): void => {
    for (const param of params) {
      found.push({ kind: 'parameter', entry: param });
      if (param.fields) parameters(param.fields);
    }
  };
  const methods = (list: readonly Method[]): void => {
    for (const method of list) {
      found.push({ kind: 'method', entry: method });
      parameters(method.signature.params);
    }
  };
  const properties = (list: readonly Property[] | undefined): void => {
    for (const property of list ?? []) found.push({ kind: 'property', entry: property });
  };
  for (const module of list) {
    found.push({ kind: 'module', entry: module });
    methods(module.methods);
    properties(module.properties);
    for (const entry of module.interfaces as readonly ApiInterface[]) {
      found.push({ kind: 'interface', entry });
      methods(entry.methods);
      properties(entry.properties);
    }
  }
  return found;
}

/** Every module a data file in `src/apis` exports, as written there. */
const written: [string, Module][] = [];
for (const file of readdirSync(new URL('../src/apis/', import.meta.url)).sort()) {
  const exported = (await import(`../src/apis/${file}`)) as Record<string, unknown>;
  for (const value of Object.values(exported)) {
    const module = value as Partial<Module>;
    if (typeof module.name === 'string' && module.name.startsWith('system.') && Array.isArray(module.methods))
      written.push([module.name, value as Module]);
  }
}

/** The fields an entry really has: what the data files wrote. */
function writtenFields(entry: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined));
}

describe('uniform shapes', () => {
  it('gives every entry of a kind the same fields in the same order', () => {
    const shapes = new Map<Kind, Set<string>>();
    for (const { kind, entry } of entries(modules)) {
      const shape = shapes.get(kind) ?? new Set();
      shape.add(Object.keys(entry).join(','));
      shapes.set(kind, shape);
    }
    expect([...shapes.keys()].sort()).toEqual(['interface', 'method', 'module', 'parameter', 'property']);
    for (const [kind, shape] of shapes) expect({ kind, shapes: [...shape] }).toEqual({ kind, shapes: [[...shape][0]] });
  });

  it('gives every range of numbers the same fields in the same order', () => {
    const ranges = entries(modules).flatMap(({ kind, entry }) =>
      kind === 'parameter' && (entry as Parameter).range !== undefined ? [(entry as Parameter).range!] : [],
    );
    expect(ranges.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ranges.map((range) => Object.keys(range).join(',')))).toEqual(new Set(['min,max,integer']));
  });

  it('reads the data files of every documented module', () => {
    expect(written.length).toBeGreaterThanOrEqual(20);
    expect(written.map(([name]) => name)).toContain('system.uploadtask');
  });

  it.each(written)('keeps every field %s writes, with its value', (_, data) => {
    const uniform = uniformModule(data);
    const before = entries([data]);
    const after = entries([uniform]);
    expect(after.map(({ kind }) => kind)).toEqual(before.map(({ kind }) => kind));
    before.forEach(({ entry }, index) => {
      const kept = after[index]!.entry as Record<string, unknown>;
      for (const [field, value] of Object.entries(writtenFields(entry))) {
        // Nested lists are copied into uniform shapes too: compare what they hold.
        expect({ field, value: kept[field] }).toEqual({ field, value });
      }
    });
  });

  it('drops no field any module writes (a field added to the types must be added to the shapes too)', () => {
    for (const [, data] of written) {
      const before = entries([data]);
      const after = entries([uniformModule(data)]);
      before.forEach(({ entry }, index) => {
        const missing = Object.keys(writtenFields(entry)).filter((field) => !(field in after[index]!.entry));
        expect(missing).toEqual([]);
      });
    }
  });

  it('hands out the seed modules as the entries of `modules` (one object per module)', () => {
    expect(seedModules).toEqual([uploadtask, request]);
    expect(modules).toContain(uploadtask);
    expect(modules).toContain(request);
    expect(modules.find((module) => module.name === 'system.request')).toBe(request);
  });
});
