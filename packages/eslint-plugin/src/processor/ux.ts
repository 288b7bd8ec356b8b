import { parseFragment } from 'parse5';
import type { Linter, Rule } from 'eslint';
import { hasTypeScriptParser } from '../configs.js';

type LintMessage = Linter.LintMessage;

/** Where the `<script>` of a `.ux` file starts, to move messages from the script back into the file. */
interface ScriptBlock {
  readonly text: string;
  readonly extension: 'js' | 'ts';
  /** 1-based line and column of the script's first character in the `.ux` file. */
  readonly line: number;
  readonly column: number;
  /** 0-based offset of the script's first character in the `.ux` file. */
  readonly offset: number;
}

interface Parse5Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
  sourceCodeLocation?: { startTag?: { endOffset: number; endLine: number; endCol: number }; endTag?: { startOffset: number } } | null;
}

/**
 * The first top-level `<script>` of a `.ux` file, as Vela's compiler picks it. A script with `src=` lives in another
 * file (linted there), so it yields nothing, as does a file without a script.
 */
export function extractScript(text: string): ScriptBlock | undefined {
  const fragment = parseFragment(text, { sourceCodeLocationInfo: true }) as unknown as Parse5Node;
  const script = fragment.childNodes?.find((node) => node.nodeName === 'script');
  if (!script || script.attrs?.some((attribute) => attribute.name === 'src')) return undefined;
  const location = script.sourceCodeLocation;
  if (!location?.startTag) return undefined;
  const start = location.startTag.endOffset;
  const end = location.endTag?.startOffset ?? text.length;
  const lang = script.attrs?.find((attribute) => attribute.name === 'lang')?.value.toLowerCase();
  return {
    // The raw slice, not parse5's text node: parse5 normalizes line ends, which would shift every offset after a CR.
    text: text.slice(start, end),
    extension: lang === 'ts' || lang === 'typescript' ? 'ts' : 'js',
    line: location.startTag.endLine,
    column: location.startTag.endCol,
    offset: start,
  };
}

const blocks = new Map<string, ScriptBlock>();

function moveLocation(block: ScriptBlock, line: number, column: number): { line: number; column: number } {
  return line === 1 ? { line: block.line, column: column + block.column - 1 } : { line: line + block.line - 1, column };
}

/**
 * Where a position in the script of the `.ux` file being linted is in the file itself (lines 1-based, columns
 * 0-based as in ESLint's AST). Only while ESLint lints that file's script; any other file's positions come back as
 * they are.
 */
export function uxFileLocation(filename: string, position: { line: number; column: number }): { line: number; column: number } {
  const block = blocks.get(filename);
  if (!block) return position;
  const moved = moveLocation(block, position.line, position.column + 1);
  return { line: moved.line, column: moved.column - 1 };
}

function moveFix(block: ScriptBlock, fix: Rule.Fix): Rule.Fix {
  return { range: [fix.range[0] + block.offset, fix.range[1] + block.offset], text: fix.text };
}

function moveMessage(block: ScriptBlock, message: LintMessage): LintMessage {
  const moved: LintMessage = { ...message, ...moveLocation(block, message.line, message.column) };
  if (message.endLine !== undefined && message.endColumn !== undefined) {
    const end = moveLocation(block, message.endLine, message.endColumn);
    moved.endLine = end.line;
    moved.endColumn = end.column;
  }
  if (message.fix) moved.fix = moveFix(block, message.fix);
  if (message.suggestions) moved.suggestions = message.suggestions.map((suggestion) => ({ ...suggestion, fix: moveFix(block, suggestion.fix) }));
  return moved;
}

/** ESLint's own parser fails on TypeScript syntax with a bare "Unexpected token": say which parser the script needs. */
function explainParseError(block: ScriptBlock, message: LintMessage): LintMessage {
  if (!message.fatal || block.extension !== 'ts' || hasTypeScriptParser) return message;
  return {
    ...message,
    message:
      `${message.message} (this <script lang="ts"> needs typescript-eslint's parser, which is not installed: ` +
      'npm install --save-dev @typescript-eslint/parser typescript)',
  };
}

/**
 * `velakit/ux`: lints the `<script>` of `.ux` files. Messages, fixes and suggestions are moved back to their place in
 * the `.ux` file; `lang="ts"` scripts become a `.ts` block so TypeScript parsing applies.
 */
export const uxProcessor = {
  meta: { name: 'velakit/ux', version: '0.1.0' },
  supportsAutofix: true,
  preprocess(text: string, filename: string): (string | { text: string; filename: string })[] {
    let block: ScriptBlock | undefined;
    try {
      block = extractScript(text);
    } catch {
      block = undefined;
    }
    if (!block) {
      blocks.delete(filename);
      return [];
    }
    blocks.set(filename, block);
    return [{ text: block.text, filename: `script.${block.extension}` }];
  },
  postprocess(messages: LintMessage[][], filename: string): LintMessage[] {
    const block = blocks.get(filename);
    blocks.delete(filename);
    if (!block) return [];
    return (messages[0] ?? []).map((message) => explainParseError(block, moveMessage(block, message)));
  },
};
