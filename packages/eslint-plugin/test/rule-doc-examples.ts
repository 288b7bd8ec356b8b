// Reads the Wrong and Right examples of a rule doc (`rules/<rule>.md`), following the convention in rules/README.md
// ("Examples in rule docs").
import { marked } from 'marked';

/** What a rule lints: its examples are the code blocks of this kind; blocks of the other kind are their app. */
export type RuleLanguage = 'javascript' | 'json';

/** One file of a doc's app: an example, or a file the examples of its section need (the manifest, a page). */
export interface DocFile {
  /** Path in the example's app, from the block's `title`, or the default for its kind. */
  readonly path: string;
  readonly text: string;
  /** Line of the block's opening fence in the doc, for messages. */
  readonly docLine: number;
}

/** One report a doc states under an example: its message, and its position when the doc gives one. */
export interface StatedReport {
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export interface DocExample extends DocFile {
  readonly section: 'Wrong' | 'Right';
  /** The section's other files: the app the example is linted in. */
  readonly context: readonly DocFile[];
  /** The reports a `text` block after the example states, one a line; undefined when it has none. */
  readonly reports?: readonly StatedReport[];
}

const sourceLanguages = new Set(['js', 'ts', 'ux']);
const defaultPaths: Record<string, string> = {
  js: 'src/pages/index/index.js',
  ts: 'src/pages/index/index.ts',
  ux: 'src/pages/index/index.ux',
  json: 'src/manifest.json',
};

/** `js title="src/a.js"` → the language and the attributes of a fence's info string. */
function parseInfo(info: string): { language: string; attributes: Record<string, string> } {
  const [language = '', ...rest] = info.trim().split(/\s+/u);
  const attributes: Record<string, string> = {};
  for (const match of rest.join(' ').matchAll(/(\w+)="([^"]*)"/gu)) attributes[match[1]!] = match[2]!;
  return { language, attributes };
}

/** `3:18  message` or `message`: one stated report. */
function parseReport(line: string): StatedReport {
  const match = /^(\d+):(\d+)\s+(.*)$/u.exec(line);
  return match ? { line: Number(match[1]), column: Number(match[2]), message: match[3]! } : { message: line };
}

/**
 * The examples of a rule doc. Throws, naming the doc line, on a block the convention does not cover (an unknown
 * language, a `text` block with no example before it), so a doc cannot hide an example from the test.
 */
export function docExamples(markdown: string, language: RuleLanguage): DocExample[] {
  const examples: { example: DocFile & { section: 'Wrong' | 'Right' }; reports?: StatedReport[] }[] = [];
  const contexts: Record<'Wrong' | 'Right', DocFile[]> = { Wrong: [], Right: [] };
  let section: 'Wrong' | 'Right' | undefined;
  let line = 1;
  for (const token of marked.lexer(markdown)) {
    const docLine = line;
    line += token.raw.split('\n').length - 1;
    if (token.type === 'heading') {
      section =
        token.depth === 2 && (token.text === 'Wrong' || token.text === 'Right')
          ? token.text
          : token.depth <= 2
            ? undefined
            : section;
      continue;
    }
    if (token.type !== 'code' || section === undefined) continue;
    const { language: blockLanguage, attributes } = parseInfo((token as { lang?: string }).lang ?? '');
    const text = `${(token as { text: string }).text}\n`;
    if (blockLanguage === 'text') {
      const last = examples.at(-1);
      if (!last || last.example.section !== section)
        throw new Error(
          `line ${docLine}: a \`text\` block states the reports of the example before it, and there is none`,
        );
      last.reports = text
        .trimEnd()
        .split('\n')
        .filter((entry) => entry.trim() !== '')
        .map(parseReport);
      continue;
    }
    const defaultPath = defaultPaths[blockLanguage];
    if (defaultPath === undefined)
      throw new Error(`line ${docLine}: code block language \`${blockLanguage}\` is not one of js, ts, ux, json, text`);
    const file = { path: attributes['title'] ?? defaultPath, text, docLine };
    const isSource = sourceLanguages.has(blockLanguage);
    if (isSource === (language === 'javascript')) examples.push({ example: { ...file, section } });
    else contexts[section].push(file);
  }
  return examples.map(({ example, reports }) => ({
    ...example,
    context: contexts[example.section].filter((file) => file.path !== example.path),
    ...(reports ? { reports } : {}),
  }));
}
