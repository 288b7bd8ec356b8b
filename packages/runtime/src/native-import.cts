// Node's own `import()`, kept in a CommonJS file so that bundlers and test runners (Vite, vitest) leave it alone: app
// files loaded through it resolve `@system.*` with the runtime's loader hooks rather than the bundler's resolver.
function nativeImport(specifier: string): Promise<unknown> {
  return import(specifier);
}
export = nativeImport;
