import { locateScript, mentionsScript, type UxScript } from '@velakit/ux';
import type { Linter, Rule } from 'eslint';
import { hasTypeScriptParser } from '../configs.js';

type LintMessage = Linter.LintMessage;

/** Where the `<script>` of a `.ux` file starts, to move messages from the script back into the file. */
export interface ScriptBlock {
  readonly text: string;
  readonly extension: 'js' | 'ts';
  /** 1-based line and column of the script's first character in the `.ux` file. */
  readonly line: number;
  readonly column: number;
  /** 0-based offset of the script's first character in the `.ux` file. */
  readonly offset: number;
  /** 1 when the file starts with a byte order mark (which ESLint strips before it applies fixes), else 0. */
  readonly bom: 0 | 1;
}

/**
 * The `<script>` of a `.ux` file, as Vela's compiler picks it (`@velakit/ux`, which the language service reads files
 * through too). A script with `src=` lives in another file (linted there), so it yields nothing, as does a file
 * without a script.
 */
export function extractScript(text: string): ScriptBlock | undefined {
  const script = locateScript(text);
  return script === undefined || script.src !== undefined ? undefined : scriptBlock(text, script);
}

function scriptBlock(text: string, script: UxScript): ScriptBlock {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  return {
    // The raw slice, not parse5's text node: parse5 normalizes line ends, which would shift every offset after a CR.
    text: text.slice(script.start, script.end),
    extension: script.lang,
    line: script.line,
    // parse5 counts a byte order mark as a column of the first line; ESLint does not.
    column: script.line === 1 && bom === 1 ? script.column - 1 : script.column,
    offset: script.start,
    bom,
  };
}

const blocks = new Map<string, ScriptBlock>();
/** Files whose text has a `<script` tag velakit could not find where the compiler looks: reported, never skipped silently. */
const lostScripts = new Set<string>();

function moveLocation(block: ScriptBlock, line: number, column: number): { line: number; column: number } {
  return line === 1 ? { line: block.line, column: column + block.column - 1 } : { line: line + block.line - 1, column };
}

/**
 * Where a position in the script of the `.ux` file being linted is in the file itself (lines 1-based, columns
 * 0-based as in ESLint's AST). Only while ESLint lints that file's script; any other file's positions come back as
 * they are.
 */
export function uxFileLocation(
  filename: string,
  position: { line: number; column: number },
): { line: number; column: number } {
  const block = blocks.get(filename);
  if (!block) return position;
  const moved = moveLocation(block, position.line, position.column + 1);
  return { line: moved.line, column: moved.column - 1 };
}

function moveFix(block: ScriptBlock, fix: Rule.Fix): Rule.Fix {
  // ESLint applies fixes to the text without its byte order mark, while the block's offset counts it.
  const offset = block.offset - block.bom;
  return { range: [fix.range[0] + offset, fix.range[1] + offset], text: fix.text };
}

function moveMessage(block: ScriptBlock, message: LintMessage): LintMessage {
  const moved: LintMessage = { ...message, ...moveLocation(block, message.line, message.column) };
  if (message.endLine !== undefined && message.endColumn !== undefined) {
    const end = moveLocation(block, message.endLine, message.endColumn);
    moved.endLine = end.line;
    moved.endColumn = end.column;
  }
  if (message.fix) moved.fix = moveFix(block, message.fix);
  if (message.suggestions)
    moved.suggestions = message.suggestions.map((suggestion) => ({
      ...suggestion,
      fix: moveFix(block, suggestion.fix),
    }));
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
    let script: UxScript | undefined;
    try {
      script = locateScript(text);
    } catch {
      script = undefined;
    }
    if (script === undefined || script.src !== undefined) {
      blocks.delete(filename);
      if (script === undefined && mentionsScript(text)) lostScripts.add(filename);
      else lostScripts.delete(filename);
      return [];
    }
    const block = scriptBlock(text, script);
    lostScripts.delete(filename);
    blocks.set(filename, block);
    return [{ text: block.text, filename: `script.${block.extension}` }];
  },
  postprocess(messages: LintMessage[][], filename: string): LintMessage[] {
    const block = blocks.get(filename);
    blocks.delete(filename);
    if (!block) {
      if (!lostScripts.delete(filename)) return [];
      return [
        {
          ruleId: null,
          severity: 1,
          message:
            "velakit cannot find this file's <script> where Vela's compiler looks for it (outside <template>), so the script is not linted. Is an element left unclosed, such as a missing </template>?",
          line: 1,
          column: 1,
        } as LintMessage,
      ];
    }
    return (messages[0] ?? []).map((message) => explainParseError(block, moveMessage(block, message)));
  },
};
