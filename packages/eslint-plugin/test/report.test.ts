import { describe, expect, it } from 'vitest';
import { markdownReport } from '../../../fixtures/support/markdown-report.js';
import { lintFolder } from './lint-report.js';

const corpus = new URL('corpus', import.meta.url).pathname;

// Readable reports of what the recommended config says, reviewed as markdown in pull requests
// (update with `npx vitest run packages/eslint-plugin -u` after checking the diff).
describe('snapshot reports', () => {
  it('the corpus app', async () => {
    const results = await lintFolder(corpus);
    await expect(
      markdownReport('velakit recommended: test corpus', 'packages/eslint-plugin/test/report.test.ts', corpus, results),
    ).toMatchFileSnapshot('snapshots/corpus.md');
  });
});
