// The committed declarations, read back through the TypeScript checker, say what the catalogue says: the same
// methods, the same options with the same optionality and value kinds, the same results, error codes and returns.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import {
  modules,
  seedModules,
  specifierOf,
  type Method,
  type Module,
  type TypeSpec,
  type ValueType,
} from '@velakit/catalog';

const committed = readFileSync(new URL('../index.d.ts', import.meta.url), 'utf8');

type Kind = ValueType | 'unknown';
/** A value's kind and, for an object with typed entries, the kinds its properties may have (sorted, once each). */
interface ValueShape {
  kind: Kind;
  entries?: Kind[];
}
interface MethodShape {
  name: string;
  params: ({ name: string; required: boolean } & ValueShape)[];
  returns: string;
  result?: ({ name: string } & ValueShape)[];
  codes?: number[];
}

/** The catalogue's account of a method, in the terms a declaration can be read back in. */
function catalogueShape(method: Method): MethodShape {
  const kind = (type: ValueType): Kind => (type === 'integer' ? 'number' : type);
  const single = (spec: TypeSpec): ValueType => {
    if (typeof spec !== 'string') throw new Error(`a union (${spec.join(' | ')}) is not read back by this comparison`);
    return spec;
  };
  const value = (item: { type: TypeSpec; entries?: readonly ValueType[] }): ValueShape => ({
    kind: kind(single(item.type)),
    ...(item.entries === undefined ? {} : { entries: [...new Set(item.entries.map(kind))].sort() }),
  });
  return {
    name: method.name,
    params: method.signature.params.map((param) => ({ name: param.name, required: param.required, ...value(param) })),
    returns: method.returns ?? 'void',
    ...(method.success === undefined ? {} : { result: method.success.map((f) => ({ name: f.name, ...value(f) })) }),
    ...(method.errors === undefined ? {} : { codes: method.errors.map((error) => error.code).sort((a, b) => a - b) }),
  };
}

/** Reads declarations text with the checker and describes each method of each declared module. */
function declaredShapes(text: string) {
  const fileName = '/virtual/index.d.ts';
  const options: ts.CompilerOptions = { strict: true, noEmit: true, types: [], lib: ['lib.es2020.d.ts'] };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === fileName ? text : readFile(name));
  host.fileExists = (name) => name === fileName || ts.sys.fileExists(name);
  host.getSourceFile = (name, version) =>
    name === fileName ? ts.createSourceFile(name, text, version) : getSourceFile(name, version);
  const checker = ts.createProgram([fileName], options, host).getTypeChecker();

  const typeOf = (symbol: ts.Symbol): ts.Type => checker.getNonNullableType(checker.getTypeOfSymbol(symbol));
  const kindOf = (type: ts.Type): Kind => {
    if (type.flags & ts.TypeFlags.StringLike) return 'string';
    if (type.flags & ts.TypeFlags.NumberLike) return 'number';
    if (type.flags & ts.TypeFlags.BooleanLike) return 'boolean';
    if (type.getCallSignatures().length > 0) return 'function';
    if (checker.isArrayType(type)) return 'array';
    if (type.flags & ts.TypeFlags.Object) return 'object';
    return 'unknown';
  };
  // `Record<string, string | number>`: the kinds of its string index signature, unless that is `unknown`.
  const valueShapeOf = (type: ts.Type): ValueShape => {
    const kind = kindOf(type);
    const index =
      kind === 'object'
        ? checker.getIndexInfosOfType(type).find((info) => info.keyType.flags & ts.TypeFlags.String)
        : undefined;
    if (index === undefined || index.type.flags & ts.TypeFlags.Unknown) return { kind };
    const members = index.type.isUnion() ? index.type.types : [index.type];
    return { kind, entries: [...new Set(members.map(kindOf))].sort() };
  };
  const firstParameter = (type: ts.Type, index = 0): ts.Type | undefined => {
    const parameter = type.getCallSignatures()[0]?.getParameters()[index];
    return parameter === undefined ? undefined : typeOf(parameter);
  };

  function methodShape(property: ts.Symbol, catalogued: Method | undefined): MethodShape {
    const signatures = typeOf(property).getCallSignatures();
    if (signatures.length !== 1) throw new Error(`${property.getName()} has ${signatures.length} signatures`);
    const signature = signatures[0]!;
    const options = catalogued?.signature.kind === 'options' ? signature.getParameters()[0] : undefined;
    const params =
      options === undefined
        ? signature.getParameters().map((parameter) => {
            const declaration = parameter.valueDeclaration;
            const required =
              declaration !== undefined && ts.isParameter(declaration) && !checker.isOptionalParameter(declaration);
            return { name: parameter.getName(), required, ...valueShapeOf(typeOf(parameter)) };
          })
        : checker.getPropertiesOfType(typeOf(options)).map((option) => ({
            name: option.getName(),
            required: (option.flags & ts.SymbolFlags.Optional) === 0,
            ...valueShapeOf(typeOf(option)),
          }));
    const returned = checker.getReturnTypeOfSignature(signature);
    const callback = (name: string) => {
      // Plain arguments: the listener is the first parameter (`onProgressUpdate(callback)`).
      const listener = signature.getParameters()[0];
      if (options === undefined) return name === 'success' && listener !== undefined ? typeOf(listener) : undefined;
      const member = typeOf(options).getProperty(name);
      return member === undefined ? undefined : typeOf(member);
    };
    const success = callback('success');
    const result = success === undefined ? undefined : firstParameter(success);
    const code = callback('fail') === undefined ? undefined : firstParameter(callback('fail')!, 1);
    const codes = code?.isUnion() ? code.types.filter((t) => t.isNumberLiteral()).map((t) => t.value) : undefined;
    const openEnded = code?.isUnion()
      ? code.types.filter((t) => !t.isNumberLiteral()).map((t) => checker.typeToString(t))
      : [];
    if (codes !== undefined && openEnded.join() !== 'number & {}')
      throw new Error('fail codes must stay open to other numbers');
    return {
      name: property.getName(),
      params,
      returns:
        returned.flags & ts.TypeFlags.Void
          ? 'void'
          : (returned.getSymbol()?.getName() ?? checker.typeToString(returned)),
      ...(result === undefined || catalogued?.success === undefined
        ? {}
        : {
            result: checker
              .getPropertiesOfType(result)
              .map((field) => ({ name: field.getName(), ...valueShapeOf(typeOf(field)) })),
          }),
      ...(codes === undefined ? {} : { codes: codes.sort((a, b) => a - b) }),
    };
  }

  return (module: Module) => {
    const name = `"${specifierOf(module.name)}"`;
    const ambient = checker.getAmbientModules().find((symbol) => symbol.getName() === name);
    if (ambient === undefined) throw new Error(`no declaration of ${name}`);
    // `export = uploadtask`: the module object is what the `export=` alias points to.
    const exportEquals = ambient.exports?.get(ts.InternalSymbolName.ExportEquals);
    if (exportEquals === undefined) throw new Error(`${name} has no \`export =\``);
    const object = checker.getTypeOfSymbol(checker.getAliasedSymbol(exportEquals));
    const shapesOf = (owner: ts.Type, methods: readonly Method[]) =>
      checker.getPropertiesOfType(owner).map((property) =>
        methodShape(
          property,
          methods.find((method) => method.name === property.getName()),
        ),
      );
    const methods = shapesOf(object, module.methods);
    const interfaces = module.interfaces.map((entry) => {
      const returning = methods.find((method) => method.returns === entry.name);
      const instance =
        returning &&
        checker.getReturnTypeOfSignature(typeOf(object.getProperty(returning.name)!).getCallSignatures()[0]!);
      return { name: entry.name, methods: instance === undefined ? [] : shapesOf(instance, entry.methods) };
    });
    return { methods, interfaces, ambientModules: checker.getAmbientModules().map((symbol) => symbol.getName()) };
  };
}

const shapeOf = declaredShapes(committed);

describe.each(seedModules.map((module) => ({ module, name: module.name })))('$name', ({ module }) => {
  it('module methods: options, optionality, value kinds, results, error codes and returns match the catalogue', () => {
    expect(shapeOf(module).methods).toEqual(module.methods.map(catalogueShape));
  });

  it('returned interfaces (UploadTask): methods and parameters match the catalogue', () => {
    expect(shapeOf(module).interfaces).toEqual(
      module.interfaces.map((entry) => ({ name: entry.name, methods: entry.methods.map(catalogueShape) })),
    );
  });
});

describe('the comparison catches drift', () => {
  const [uploadtask, request] = seedModules;
  /** Replaces the first `from` inside the declaration of `within` (other modules have options of the same names). */
  const edit = (from: string, to: string, within: string = uploadtask.name) => {
    const start = committed.indexOf(`declare module '${specifierOf(within)}'`);
    const at = committed.indexOf(from, start);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(at, `${from} in ${within}`).toBeGreaterThan(start);
    return declaredShapes(`${committed.slice(0, at)}${to}${committed.slice(at + from.length)}`);
  };

  it('declares every catalogue module, once', () => {
    expect(shapeOf(uploadtask).ambientModules.sort()).toEqual(
      modules.map((module) => `"${specifierOf(module.name)}"`).sort(),
    );
  });

  it('an option made optional by hand', () => {
    const shapes = edit('      filePath: string;', '      filePath?: string;');
    expect(shapes(uploadtask).methods).not.toEqual(uploadtask.methods.map(catalogueShape));
  });

  it('an option the catalogue does not have', () => {
    const shapes = edit('      filename?: string;', '      filename?: string;\n      retries?: number;', request.name);
    expect(shapes(request).methods).not.toEqual(request.methods.map(catalogueShape));
  });

  it('a wrong value type', () => {
    const shapes = edit('      timeout?: number;', '      timeout?: string;');
    expect(shapes(uploadtask).methods).not.toEqual(uploadtask.methods.map(catalogueShape));
  });

  it('object entries opened up by hand', () => {
    const shapes = edit('      header?: Record<string, string | number>;', '      header?: Record<string, unknown>;');
    expect(shapes(uploadtask).methods).not.toEqual(uploadtask.methods.map(catalogueShape));
  });

  it('object entries of another type', () => {
    const shapes = edit(
      '      formData?: Record<string, string | number>;',
      '      formData?: Record<string, string | boolean>;',
    );
    expect(shapes(uploadtask).methods).not.toEqual(uploadtask.methods.map(catalogueShape));
  });

  it('result entries widened to lists', () => {
    const shapes = edit('      headers: Record<string, string>;', '      headers: Record<string, string | string[]>;');
    expect(shapes(uploadtask).methods).not.toEqual(uploadtask.methods.map(catalogueShape));
  });

  it('a missing error code', () => {
    const shapes = edit('= 2 | 1000 | 1001 | 1002 | (number & {})', '= 2 | 1000 | 1002 | (number & {})', request.name);
    expect(shapes(request).methods).not.toEqual(request.methods.map(catalogueShape));
  });

  it('a fail code type closed to other numbers', () => {
    const shapes = edit('= 2 | 1000 | 1001 | 1002 | (number & {})', '= 2 | 1000 | 1001 | 1002', request.name);
    expect(() => shapes(request)).toThrow('fail codes must stay open to other numbers');
  });

  it('a listener made optional on onProgressUpdate', () => {
    const shapes = edit(
      'onProgressUpdate(callback: OnProgressUpdateCallback',
      'onProgressUpdate(callback?: OnProgressUpdateCallback',
    );
    expect(shapes(uploadtask).interfaces[0]?.methods).not.toEqual(
      uploadtask.interfaces[0]?.methods.map(catalogueShape),
    );
  });
});
