// The layers of velakit, checked by `npm run lint` (dependency-cruiser) and by fixtures/layers.test.ts.
// An import may only run down this list (or within one package); a package never reaches into another by a relative
// path, only by its name. Workspace packages resolve to their real folders, so `@velakit/catalog` counts as
// packages/catalog.
const layers = [
  ['packages/catalog', 'packages/ux'],
  ['packages/manifest', 'packages/types'],
  ['packages/runtime', 'rules'],
  ['packages/eslint-plugin'],
  ['packages/cli'],
];

const escapeRegExp = (path) => path.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
const anyOf = (paths) => `^(${paths.map(escapeRegExp).join('|')})/`;

const layerRules = layers.flatMap((layer, rank) =>
  layer.map((pkg) => {
    const sameRank = layer.filter((other) => other !== pkg);
    const above = layers.slice(rank + 1).flat();
    return {
      name: `layer:${pkg}`,
      comment: `${pkg} may import only from the layers below it`,
      severity: 'error',
      from: { path: anyOf([pkg]) },
      to: { path: anyOf([...sameRank, ...above]) },
    };
  }),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-relative-reach',
      comment: 'a package imports another package by its name, never by a relative path into it',
      severity: 'error',
      from: { path: '^(packages/[^/]+|rules)/' },
      to: { dependencyTypes: ['local'], path: '^(packages/[^/]+|rules)/', pathNot: '^$1/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'every import resolves (a moved file leaves no dangling import)',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(@system\\.|node:)' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '/dist/'] },
    exclude: { path: ['/corpus/', '^fixtures/[^/]+/src/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    preserveSymlinks: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
