import type { CodeInformation, CodeMapping } from '@volar/language-core';
import type ts from 'typescript';
import type { UxScript } from './ux-file.js';

/** How Vela runs a `.ux` file's `export default { ... }`: as the app (`app.ux`) or as a page or component. */
export type UxRole = { kind: 'app' } | { kind: 'page'; appSpecifier: string | undefined };

/** The script TypeScript checks for a `.ux` file, and how its pieces map back to the `.ux` text. */
export interface VirtualScript {
  readonly text: string;
  readonly lang: 'js' | 'ts';
  readonly mappings: CodeMapping[];
}

/** Every language feature on the user's own code; the generated glue has no mapping, so nothing is reported there. */
export const userCode: CodeInformation = {
  verification: true,
  completion: true,
  semantic: true,
  navigation: true,
  structure: true,
  format: true,
};

// The environment typings (framework.d.ts, loaded by @velakit/types) name the page and app objects; the reference
// loads them even when the app's jsconfig.json does not list @velakit/types.
const header = '/// <reference types="@velakit/types" />\n';

function definitionType(lang: 'js' | 'ts', role: UxRole): string {
  // JavaScript keeps `this` open to members nobody declared, as TypeScript keeps JavaScript objects open.
  const open = lang === 'js' ? 'Vela.ExpandoMembers' : undefined;
  if (role.kind === 'app') return open === undefined ? 'Vela.DefineApp' : `Vela.DefineApp<${open}>`;
  const app =
    role.appSpecifier === undefined
      ? 'Vela.AnyDefinition'
      : `typeof import(${JSON.stringify(role.appSpecifier)}).default`;
  return open === undefined ? `Vela.DefinePage<${app}>` : `Vela.DefinePage<${app}, ${open}>`;
}

/** The call the page's object literal is wrapped in, so `this` inside its methods is the page (or app) object. */
function wrapperOpen(lang: 'js' | 'ts', role: UxRole): string {
  const type = definitionType(lang, role);
  return lang === 'ts' ? `(0 as unknown as ${type})(` : `(/** @type {${type}} */ (/** @type {unknown} */ (0)))(`;
}

type ObjectRange = { start: number; end: number };

/** Where `export default { ... }` puts its object literal in the script, if it does. */
function defaultExportObject(typescript: typeof ts, script: string, lang: 'js' | 'ts'): ObjectRange | undefined {
  const scanned = scanDefaultExportObject(typescript, script);
  return scanned === 'unsure' ? parseDefaultExportObject(typescript, script, lang) : scanned;
}

/** The same answer from a syntax tree: the sure way, for the scripts the scanner leaves unsure. */
function parseDefaultExportObject(typescript: typeof ts, script: string, lang: 'js' | 'ts'): ObjectRange | undefined {
  const kind = lang === 'ts' ? typescript.ScriptKind.TS : typescript.ScriptKind.JS;
  const source = typescript.createSourceFile(`script.${lang}`, script, typescript.ScriptTarget.Latest, false, kind);
  for (const statement of source.statements) {
    if (!typescript.isExportAssignment(statement) || statement.isExportEquals) continue;
    const expression = statement.expression;
    // Only a literal gets the page's `this`: TypeScript gives no contextual type through a variable.
    if (typescript.isObjectLiteralExpression(expression))
      return { start: expression.getStart(source), end: expression.end };
  }
  return undefined;
}

/**
 * The object of a top-level `export default { ... }`, found with TypeScript's scanner: tokens and bracket depth, no
 * syntax tree, so a page's script is parsed once (by the program) instead of twice. `'unsure'` for anything but the
 * plain shape (a scan error, brackets that do not balance, an expression continuing after the object, more than one
 * default export, a `/` whose meaning needs the grammar): the caller parses then.
 */
function scanDefaultExportObject(typescript: typeof ts, script: string): ObjectRange | undefined | 'unsure' {
  const { SyntaxKind } = typescript;
  let failed = false;
  const scanner = typescript.createScanner(
    typescript.ScriptTarget.Latest,
    true,
    typescript.LanguageVariant.Standard,
    script,
    () => {
      failed = true;
    },
  );
  // Open brackets: `{`, `(`, `[`, and `${` of template literals (whose `}` continues the template).
  const open: ts.SyntaxKind[] = [];
  let found: ObjectRange | undefined;
  let previous: ts.SyntaxKind = SyntaxKind.Unknown;
  let beforePrevious: ts.SyntaxKind = SyntaxKind.Unknown;
  let afterObject = false;
  for (let token = scanner.scan(); token !== SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (failed) return 'unsure';
    if (afterObject) {
      // `export default {...}` must end there: `;`, or a new line with a new statement (ASI).
      const ends =
        token === SyntaxKind.SemicolonToken || (scanner.hasPrecedingLineBreak() && startsStatement(typescript, token));
      if (!ends) return 'unsure';
      afterObject = false;
    }
    if (token === SyntaxKind.SlashToken || token === SyntaxKind.SlashEqualsToken) {
      // A regular expression or a division: only the grammar knows after `)` and `}`.
      if (previous === SyntaxKind.CloseParenToken || previous === SyntaxKind.CloseBraceToken) return 'unsure';
      if (!endsOperand(typescript, previous)) token = scanner.reScanSlashToken();
    }
    switch (token) {
      case SyntaxKind.OpenBraceToken:
        if (
          open.length === 0 &&
          previous === SyntaxKind.DefaultKeyword &&
          beforePrevious === SyntaxKind.ExportKeyword
        ) {
          if (found !== undefined) return 'unsure';
          found = { start: scanner.getTokenStart(), end: -1 };
        }
        open.push(token);
        break;
      case SyntaxKind.OpenParenToken:
      case SyntaxKind.OpenBracketToken:
      case SyntaxKind.TemplateHead:
        open.push(token);
        break;
      case SyntaxKind.CloseBraceToken:
        if (open.at(-1) === SyntaxKind.TemplateHead) {
          if (scanner.reScanTemplateToken(false) === SyntaxKind.TemplateTail) open.pop();
          token = SyntaxKind.TemplateMiddle;
          break;
        }
        if (open.pop() !== SyntaxKind.OpenBraceToken) return 'unsure';
        if (open.length === 0 && found !== undefined && found.end < 0) {
          found.end = scanner.getTokenEnd();
          afterObject = true;
        }
        break;
      case SyntaxKind.CloseParenToken:
        if (open.pop() !== SyntaxKind.OpenParenToken) return 'unsure';
        break;
      case SyntaxKind.CloseBracketToken:
        if (open.pop() !== SyntaxKind.OpenBracketToken) return 'unsure';
        break;
      case SyntaxKind.DefaultKeyword:
        // `export default` anything but an object literal: the parser decides what it is.
        break;
      default:
        if (open.length === 0 && previous === SyntaxKind.DefaultKeyword && beforePrevious === SyntaxKind.ExportKeyword)
          return 'unsure';
    }
    beforePrevious = previous;
    previous = token;
  }
  if (failed || open.length > 0 || (found !== undefined && found.end < 0)) return 'unsure';
  if (open.length === 0 && previous === SyntaxKind.DefaultKeyword && beforePrevious === SyntaxKind.ExportKeyword)
    return 'unsure';
  return found;
}

/** Whether a token ends an operand, so that a `/` after it divides (else it starts a regular expression). */
function endsOperand(typescript: typeof ts, token: ts.SyntaxKind): boolean {
  const { SyntaxKind } = typescript;
  switch (token) {
    case SyntaxKind.Identifier:
    case SyntaxKind.PrivateIdentifier:
    case SyntaxKind.NumericLiteral:
    case SyntaxKind.BigIntLiteral:
    case SyntaxKind.StringLiteral:
    case SyntaxKind.RegularExpressionLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
    case SyntaxKind.TemplateMiddle:
    case SyntaxKind.TemplateTail:
    case SyntaxKind.CloseBracketToken:
    case SyntaxKind.PlusPlusToken:
    case SyntaxKind.MinusMinusToken:
    case SyntaxKind.ThisKeyword:
    case SyntaxKind.SuperKeyword:
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
    case SyntaxKind.NullKeyword:
      return true;
    default:
      return false;
  }
}

/** Whether a token after a line break starts a new statement (so the line before it ended one). */
function startsStatement(typescript: typeof ts, token: ts.SyntaxKind): boolean {
  const { SyntaxKind } = typescript;
  if (token === SyntaxKind.Identifier || token === SyntaxKind.AtToken) return true;
  const isKeyword = token >= SyntaxKind.FirstKeyword && token <= SyntaxKind.LastKeyword;
  return (
    isKeyword &&
    token !== SyntaxKind.InKeyword &&
    token !== SyntaxKind.InstanceOfKeyword &&
    token !== SyntaxKind.AsKeyword &&
    token !== SyntaxKind.SatisfiesKeyword
  );
}

/**
 * The virtual script of a `.ux` file (with `referenceTypes: false`, no `/// <reference types>`: for programs whose
 * `types` already load @velakit/types, where resolving it once per page only costs time): its `<script>` text, unchanged and mapped offset for offset, with the object of
 * `export default` wrapped in `Vela.DefinePage` (pages and components) or `Vela.DefineApp` (`app.ux`). A file without
 * an inline script (none, or `src=`: the external file is checked on its own) gives an empty module.
 */
export function virtualScript(
  typescript: typeof ts,
  text: string,
  script: UxScript | undefined,
  role: UxRole,
  options: { referenceTypes?: boolean } = {},
): VirtualScript {
  if (script === undefined || script.src !== undefined)
    return { text: 'export {};\n', lang: script?.lang ?? 'js', mappings: [] };
  const code = text.slice(script.start, script.end);
  const object = defaultExportObject(typescript, code, script.lang);
  const pieces: { generated: string; source?: number }[] = [
    { generated: options.referenceTypes === false ? '' : header },
  ];
  if (object === undefined) {
    pieces.push({ generated: code, source: 0 });
  } else {
    pieces.push(
      { generated: code.slice(0, object.start), source: 0 },
      { generated: wrapperOpen(script.lang, role) },
      { generated: code.slice(object.start, object.end), source: object.start },
      { generated: ')' },
      { generated: code.slice(object.end), source: object.end },
    );
  }
  const mapping: CodeMapping = { sourceOffsets: [], generatedOffsets: [], lengths: [], data: userCode };
  let generated = '';
  for (const piece of pieces) {
    if (piece.source !== undefined && piece.generated.length > 0) {
      mapping.sourceOffsets.push(script.start + piece.source);
      mapping.generatedOffsets.push(generated.length);
      mapping.lengths.push(piece.generated.length);
    }
    generated += piece.generated;
  }
  return { text: generated, lang: script.lang, mappings: [mapping] };
}

/**
 * The `.ux` offset of an offset in a virtual script, or undefined inside the generated glue. The mapped pieces are
 * the user's text cut at the glue, so a piece's end and the next piece's start are the same `.ux` offset.
 */
export function sourceOffsetOf(script: VirtualScript, offset: number): number | undefined {
  for (const mapping of script.mappings) {
    for (let i = 0; i < mapping.generatedOffsets.length; i++) {
      const generated = mapping.generatedOffsets[i] ?? 0;
      const length = mapping.lengths[i] ?? 0;
      if (offset >= generated && offset <= generated + length)
        return (mapping.sourceOffsets[i] ?? 0) + offset - generated;
    }
  }
  return undefined;
}
