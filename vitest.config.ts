import { defineConfig } from 'vitest/config';

// One configuration for the whole repository. Packages are imported by name and resolve to their built `dist`
// (`npm test` builds first), so tests exercise what users install.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'rules/**/*.test.ts', 'fixtures/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // `*.test-d.ts` files are type-checked (never run) by `tsc -p` on the tsconfig below, alongside the other tests.
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.test-d.ts'],
      tsconfig: 'packages/types/test/tsconfig.json',
    },
  },
});
