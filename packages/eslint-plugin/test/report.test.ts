import { describe, expect, it } from 'vitest';
import { lintFolder, markdownReport } from './lint-report.js';

const corpus = new URL('corpus', import.meta.url).pathname;

// Readable reports of what the recommended config says, reviewed as markdown in pull requests
// (update with `npx vitest run packages/eslint-plugin -u` after checking the diff).
describe('snapshot reports', () => {
  it('the corpus app', async () => {
    const results = await lintFolder(corpus);
    await expect(markdownReport('velakit recommended: test corpus', corpus, results)).toMatchFileSnapshot('snapshots/corpus.md');
  });
});
