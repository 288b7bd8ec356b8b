import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { scriptCharacters, scriptOf, writeCorpus } from '../bench/corpus.mjs';
import velakit from '../src/index.js';

const made: string[] = [];
function corpusDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'velakit-bench-corpus-'));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(join(dir, 'src'));
  return files;
}

/** What velakit reports per file, with positions: `ruleId line:column-endLine:endColumn message`. */
async function velakitReports(dir: string): Promise<Map<string, string[]>> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      ...velakit.configs.recommended,
      { files: ['**/*.js', '**/*.ux'], rules: { 'no-debugger': 'error' } },
    ],
  });
  const results = await eslint.lintFiles(['src']);
  return new Map(
    results.map((result) => [
      relative(dir, result.filePath),
      result.messages.map(
        (message) =>
          `${message.ruleId} ${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.message}`,
      ),
    ]),
  );
}

describe('the lint bench corpus', () => {
  const files = 200;
  const app = corpusDir();
  const dense = corpusDir();
  const written = writeCorpus(app, files);
  writeCorpus(dense, files, { logic: 'none' });
  const appFiles = filesOf(app);
  const denseFiles = filesOf(dense);

  it('is the same for the same seed, and another for another seed', () => {
    const again = corpusDir();
    writeCorpus(again, files);
    expect(filesOf(again)).toEqual(appFiles);
    const other = corpusDir();
    writeCorpus(other, files, { seed: 7 });
    expect(filesOf(other)).not.toEqual(appFiles);
  });

  it('writes the same files with and without the code around the Vela calls, which only adds to each', () => {
    expect([...appFiles.keys()].sort()).toEqual([...denseFiles.keys()].sort());
    expect(written.system.length + written.barrelUsers.length + written.plain.length).toBe(files);
    let added = 0;
    for (const [path, text] of appFiles) {
      const alone = denseFiles.get(path)!;
      if (path.endsWith('manifest.json')) {
        expect(text).toBe(alone);
        continue;
      }
      if (path.endsWith('.ux')) {
        // Methods go at the end of the exported object, functions after it: the rest of the page stands as it was.
        const objectEnd = alone.indexOf('}\n</script>');
        expect(objectEnd, path).toBeGreaterThan(0);
        expect(text.startsWith(alone.slice(0, objectEnd)), path).toBe(true);
        expect(text.endsWith(alone.slice(alone.indexOf('</script>'))), path).toBe(true);
      } else expect(text.startsWith(alone), path).toBe(true);
      added += text.length - alone.length;
    }
    expect(added).toBeGreaterThan(0);
  });

  it('adds code that names no Vela module, loads nothing and plants nothing', () => {
    for (const [path, text] of appFiles) {
      const alone = denseFiles.get(path)!;
      const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;
      for (const word of ['@system.', '@service.', 'require(', 'import ', 'debugger', 'export {', 'export default'])
        expect(count(text, word), `${path}: ${word}`).toBe(count(alone, word));
    }
  });

  it('sizes each kind of script at a quartile of public apps, or leaves it as long as its Vela calls alone', () => {
    const kinds = {
      page: (path: string) => path.includes('/pages/'),
      component: (path: string) => path.includes('/components/'),
      helper: (path: string) => /common\/(?:network|storage|sensor|plain|barrel-user)-/u.test(path),
    };
    for (const [kind, isKind] of Object.entries(kinds)) {
      const sizes = scriptCharacters[kind as keyof typeof scriptCharacters];
      const paths = [...appFiles.keys()].filter(isKind);
      expect(paths.length, kind).toBeGreaterThan(10);
      const grown = paths.filter((path) => appFiles.get(path) !== denseFiles.get(path));
      expect(grown.length, kind).toBeGreaterThan(paths.length / 2);
      for (const path of grown) {
        const size = scriptOf(path, appFiles.get(path)!).length;
        // A file ends within half a piece (under 512 characters) of its size, beside a method calling its functions.
        expect(size, path).toBeGreaterThan(sizes[0]! - 512);
        expect(size, path).toBeLessThan(sizes[2]! + 1024);
      }
      // The sizes are drawn evenly: helpers (whose Vela calls alone are shorter than every size) have their median
      // near the middle size. Pages and components at the lowest size keep their Vela calls alone.
      if (kind !== 'helper') continue;
      const lengths = grown.map((path) => scriptOf(path, appFiles.get(path)!).length).sort((a, b) => a - b);
      expect(grown.length).toBe(paths.length);
      const middle = lengths[Math.floor(lengths.length / 2)]!;
      expect(middle, kind).toBeGreaterThan(sizes[1]! - 512);
      expect(middle, kind).toBeLessThan(sizes[1]! + 512);
    }
    // Barrels keep their re-exports alone.
    for (const path of [...appFiles.keys()].filter((path) => /common\/barrel-\d+/u.test(path)))
      expect(appFiles.get(path)).toBe(denseFiles.get(path));
  });

  it('gets exactly the same velakit reports, at the same places, with and without the code around the calls', async () => {
    const [withLogic, alone] = await Promise.all([velakitReports(app), velakitReports(dense)]);
    expect(withLogic).toEqual(alone);
    const reports = [...withLogic.values()].flat();
    // The planted mistakes and the unsupported APIs: the bench times real reports, not a silent lint.
    expect(reports.filter((report) => report.startsWith('velakit/')).length).toBeGreaterThan(20);
    expect(reports.some((report) => report.includes('Parsing error'))).toBe(false);
  }, 60_000);
});
