// Reads the root README's quick start as steps a program can run: files to write and commands to run, in the order a
// reader meets them. The install test runs exactly these, so the README cannot drift from what works.

/** One thing the quick start tells the reader to do. */
export type QuickStartStep =
  | { readonly kind: 'file'; readonly path: string; readonly text: string }
  | { readonly kind: 'command'; readonly line: string; readonly argv: readonly string[] };

const fence = /^```([\w-]*)\n([\s\S]*?)^```[ \t]*$/gm;
/** Blocks that are files: their first line is a comment naming the file, `// eslint.config.mjs`. */
const fileLanguages = new Set(['js', 'mjs', 'cjs', 'ts', 'json', 'jsonc']);
const fileMarker = /^\/\/ ([\w./-]+)\n/;
/** Commands stay plain words, so they mean the same in every shell and run here without one. */
const shellSyntax = /["'`$|&;<>()*?\\]/;

/** The quick start's steps. Throws, saying what is wrong, when the section is missing or not runnable as written. */
export function quickStartSteps(readme: string): QuickStartStep[] {
  return runnableSteps(readme, 'quick-start', 'the README');
}

/**
 * The steps of a document's runnable section, between `<!-- <section>:begin -->` and `<!-- <section>:end -->` (the
 * quick start, the migration guide): `sh` blocks are commands, blocks whose first line names a file are files.
 */
export function runnableSteps(markdown: string, section: string, documentName: string): QuickStartStep[] {
  const begin = `<!-- ${section}:begin -->`;
  const end = `<!-- ${section}:end -->`;
  const start = markdown.indexOf(begin);
  const stop = markdown.indexOf(end);
  if (start === -1 || stop < start) throw new Error(`${documentName} has no ${begin} … ${end} section`);
  const body = markdown.slice(start + begin.length, stop);
  const steps: QuickStartStep[] = [];
  for (const [, language = '', block = ''] of body.matchAll(fence)) {
    if (language === 'sh') {
      for (const raw of block.split('\n')) {
        const line = raw.replace(/(^|\s)#.*$/, '').trim();
        if (line === '') continue;
        if (shellSyntax.test(line))
          throw new Error(`${section} command "${line}" uses shell syntax; keep it plain words`);
        steps.push({ kind: 'command', line, argv: line.split(/\s+/) });
      }
    } else if (fileLanguages.has(language)) {
      const path = fileMarker.exec(block)?.[1];
      if (path === undefined)
        throw new Error(`a \`\`\`${language} block in the ${section} section does not start with "// <file name>"`);
      if (path.startsWith('/') || path.split('/').includes('..'))
        throw new Error(`${section} file "${path}" is outside the app`);
      steps.push({ kind: 'file', path, text: block });
    }
  }
  return steps;
}

/** A packed workspace package. */
export interface Tarball {
  readonly file: string;
  /** The names of the packages it depends on at run time. */
  readonly dependencies: readonly string[];
}

/**
 * `npm install <names>` with every velakit package replaced by its tarball, plus the tarballs of the velakit packages
 * those depend on (the registry does not have them); other names and flags are kept. Any other command is unchanged.
 */
export function withTarballs(argv: readonly string[], tarballs: ReadonlyMap<string, Tarball>): string[] {
  if (argv[0] !== 'npm' || (argv[1] !== 'install' && argv[1] !== 'i')) return [...argv];
  const wanted = new Set<string>();
  const add = (name: string): void => {
    const tarball = tarballs.get(name);
    if (tarball === undefined || wanted.has(name)) return;
    wanted.add(name);
    tarball.dependencies.forEach(add);
  };
  const rest = argv.slice(2).filter((word) => {
    if (!tarballs.has(word)) return true;
    add(word);
    return false;
  });
  const files = [...wanted].map((name) => tarballs.get(name)!.file);
  return ['npm', argv[1], ...rest, ...files, '--prefer-offline', '--no-audit', '--no-fund'];
}
