import type { CodeInformation, CodeMapping } from '@volar/language-core';
import type ts from 'typescript';
import type { UxScript } from '@velakit/ux';

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

export interface VirtualScriptOptions {
  /** Whether the script references @velakit/types itself (default true). */
  referenceTypes?: boolean;
  /**
   * Type a JavaScript page's `this` from its syntax (see `literalPagePieces`) instead of the generic
   * `Vela.DefinePage`, when its object has the plain shape. Only where TypeScript keeps JavaScript object literals
   * open (`noImplicitAny` off), as `Vela.ExpandoMembers` does for the generic form.
   */
  literalThis?: boolean;
  /**
   * With `literalThis`, which of the page object's members (`$app`, `$page`, ...) to write in: `all` (default, for
   * editors: completion after `this.` lists them), or `used`, those the object names (for the CI check: a member
   * nobody names can report nothing, and each costs parsing, binding and checking).
   */
  pageMembers?: 'all' | 'used';
}

/** The type of `this.$app.$def` in a page. */
function appTypeOf(role: UxRole): string {
  if (role.kind === 'app' || role.appSpecifier === undefined) return 'Vela.AnyDefinition';
  return `typeof import(${JSON.stringify(role.appSpecifier)}).default`;
}

function definitionType(lang: 'js' | 'ts', role: UxRole): string {
  // JavaScript keeps `this` open to members nobody declared, as TypeScript keeps JavaScript objects open.
  const open = lang === 'js' ? 'Vela.ExpandoMembers' : undefined;
  if (role.kind === 'app') return open === undefined ? 'Vela.DefineApp' : `Vela.DefineApp<${open}>`;
  const app = appTypeOf(role);
  return open === undefined ? `Vela.DefinePage<${app}>` : `Vela.DefinePage<${app}, ${open}>`;
}

/** The call the page's object literal is wrapped in, so `this` inside its methods is the page (or app) object. */
function wrapperOpen(lang: 'js' | 'ts', role: UxRole): string {
  const type = definitionType(lang, role);
  return lang === 'ts' ? `(0 as unknown as ${type})(` : `(/** @type {${type}} */ (/** @type {unknown} */ (0)))(`;
}

type ObjectRange = { start: number; end: number };

/** A token of the default export's object, as the scanner read it (templates and regular expressions rescanned). */
interface Token {
  readonly kind: ts.SyntaxKind;
  readonly start: number;
  readonly end: number;
}

/** The object found from tokens: where its `export` keyword starts, and every token of the object. */
type ScannedObject = ObjectRange & { exportStart: number; tokens: Token[] };

/** Where `export default { ... }` puts its object literal in the script, if it does. */
function defaultExportObject(
  typescript: typeof ts,
  script: string,
  lang: 'js' | 'ts',
): ObjectRange | ScannedObject | undefined {
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
function scanDefaultExportObject(typescript: typeof ts, script: string): ScannedObject | undefined | 'unsure' {
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
  let found: ScannedObject | undefined;
  let previous: ts.SyntaxKind = SyntaxKind.Unknown;
  let beforePrevious: ts.SyntaxKind = SyntaxKind.Unknown;
  let beforePreviousStart = 0;
  let previousStart = 0;
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
          found = { start: scanner.getTokenStart(), end: -1, exportStart: beforePreviousStart, tokens: [] };
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
          token = scanner.reScanTemplateToken(false);
          if (token === SyntaxKind.TemplateTail) open.pop();
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
    if (found !== undefined && (found.end < 0 || found.end === scanner.getTokenEnd()))
      found.tokens.push({ kind: token, start: scanner.getTokenStart(), end: scanner.getTokenEnd() });
    beforePrevious = previous;
    beforePreviousStart = previousStart;
    previous = token;
    previousStart = scanner.getTokenStart();
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

/** The members of the page object (`Vela.PageObject` in framework.d.ts) a page's `this` gets besides its own. */
export const pageObjectMembers = [
  '$app',
  '$page',
  '$valid',
  '$canIUse',
  '$watch',
  '$element',
  '$nextTick',
  '$on',
  '$off',
  '$dispatch',
  '$broadcast',
  '$emit',
  '$t',
  '$tc',
] as const;

/** The members of a page definition that hold its data (an object literal each, in the shape a page can use). */
const dataKeys = new Set(['private', 'public', 'protected', 'data']);

/** A data member of the page: `private: { ... }`, cut from the object, its object moved before `export default`. */
interface DataMember {
  /** From the key to after the comma that ends the member. */
  readonly cut: ObjectRange;
  readonly object: ObjectRange;
  /** Each key of the data object: its name, and its text and place in the script (`title`, `'the-key'`). */
  readonly keys: readonly { name: string; text: string; start: number }[];
}

/** `computed: { a() {...}, b() {...} }`: its methods become getters of the page object itself. */
interface ComputedMember {
  /** `computed: {`. */
  readonly open: ObjectRange;
  /** Where each method's name starts (`get ` goes there). */
  readonly methodStarts: readonly number[];
  /** Where a comma must follow the last method (it had none), if so. */
  readonly commaAt: number | undefined;
  /** The `}` of `computed` and the comma after it. */
  readonly close: ObjectRange;
}

/** What the syntax of a page's object tells: enough to type `this` without TypeScript's generic inference. */
interface PageShape {
  readonly data: readonly DataMember[];
  readonly computed: ComputedMember | undefined;
  /** The page object's members the object names (`$app` in `this.$app`). */
  readonly used: ReadonlySet<string>;
}

/** The name a property key token gives, or undefined for a key whose name the tokens alone do not tell. */
function keyName(typescript: typeof ts, script: string, token: Token | undefined): string | undefined {
  if (token === undefined) return undefined;
  const { SyntaxKind } = typescript;
  const text = script.slice(token.start, token.end);
  if (token.kind === SyntaxKind.Identifier) return text;
  if (token.kind >= SyntaxKind.FirstKeyword && token.kind <= SyntaxKind.LastKeyword) return text;
  if (token.kind === SyntaxKind.StringLiteral && !text.includes('\\')) return text.slice(1, -1);
  return undefined;
}

/**
 * Reads the members of an object literal from its tokens (`tokens[open]` is its `{`): each must be `key: value`,
 * a shorthand `key`, or a method `key(...) {...}` (after `get`/`set`/`async` too). `visit` sees each member and
 * may refuse it. Returns the index of the object's `}`, or undefined for any other shape.
 */
function readMembers(
  typescript: typeof ts,
  script: string,
  tokens: readonly Token[],
  open: number,
  visit: (member: {
    name: string;
    /** `get` or `set` for an accessor. */
    accessor: string | undefined;
    key: number;
    value: number | undefined;
    end: number;
  }) => boolean,
): number | undefined {
  const { SyntaxKind } = typescript;
  const opens = (kind: ts.SyntaxKind) =>
    kind === SyntaxKind.OpenBraceToken ||
    kind === SyntaxKind.OpenParenToken ||
    kind === SyntaxKind.OpenBracketToken ||
    kind === SyntaxKind.TemplateHead;
  const closes = (kind: ts.SyntaxKind) =>
    kind === SyntaxKind.CloseBraceToken ||
    kind === SyntaxKind.CloseParenToken ||
    kind === SyntaxKind.CloseBracketToken ||
    kind === SyntaxKind.TemplateTail;
  /** The index after the bracket group that starts at `index`. */
  const afterGroup = (index: number): number | undefined => {
    let depth = 0;
    for (let i = index; i < tokens.length; i++) {
      const kind = tokens[i]!.kind;
      if (opens(kind)) depth++;
      else if (closes(kind) && --depth === 0) return i + 1;
    }
    return undefined;
  };
  /** The index of the `,` or `}` that ends a value starting at `index`. */
  const endOfValue = (index: number): number | undefined => {
    let depth = 0;
    for (let i = index; i < tokens.length; i++) {
      const kind = tokens[i]!.kind;
      if (depth === 0 && (kind === SyntaxKind.CommaToken || kind === SyntaxKind.CloseBraceToken)) return i;
      if (opens(kind)) depth++;
      else if (closes(kind)) depth--;
    }
    return undefined;
  };
  let i = open + 1;
  for (;;) {
    if (tokens[i]?.kind === SyntaxKind.CloseBraceToken) return i;
    let key = i;
    const first = keyName(typescript, script, tokens[key]);
    if (first === undefined) return undefined;
    let next = tokens[key + 1]?.kind;
    const modifier = (first === 'get' || first === 'set' || first === 'async') && next !== SyntaxKind.OpenParenToken;
    if (
      modifier &&
      next !== SyntaxKind.ColonToken &&
      next !== SyntaxKind.CommaToken &&
      next !== SyntaxKind.CloseBraceToken
    ) {
      key++;
      next = tokens[key + 1]?.kind;
    }
    const name = keyName(typescript, script, tokens[key]);
    if (name === undefined) return undefined;
    let end: number | undefined;
    let value: number | undefined;
    if (next === SyntaxKind.ColonToken) {
      value = key + 2;
      end = endOfValue(value);
    } else if (next === SyntaxKind.OpenParenToken) {
      const body = afterGroup(key + 1);
      end = body !== undefined && tokens[body]?.kind === SyntaxKind.OpenBraceToken ? afterGroup(body) : undefined;
    } else if (next === SyntaxKind.CommaToken || next === SyntaxKind.CloseBraceToken) {
      end = key + 1;
    }
    const accessor = key > i && (first === 'get' || first === 'set') ? first : undefined;
    if (end === undefined || !visit({ name, accessor, key: i, value, end })) return undefined;
    const after = tokens[end]?.kind;
    if (after === SyntaxKind.CloseBraceToken) return end;
    if (after !== SyntaxKind.CommaToken) return undefined;
    i = end + 1;
  }
}

/**
 * The shape of a page's object from its tokens: its data members (object literals), its computed methods, and
 * whether its member names leave room for the page object's. Undefined for anything else (`props`, a `data()`
 * function, spreads, computed keys, `{ get, set }` computed members, a name used twice): such pages keep the
 * generic `Vela.DefinePage`.
 */
function pageShape(typescript: typeof ts, script: string, tokens: readonly Token[]): PageShape | undefined {
  const { SyntaxKind } = typescript;
  // Every name the object ends up with once the glue writes the page and data members in: each once, but for a
  // `get`/`set` pair.
  const names = new Map<string, string>(pageObjectMembers.map((name) => [name, 'glue']));
  const taken = (name: string, accessor = 'member') => {
    const before = names.get(name);
    names.set(name, accessor);
    const pair = (before === 'get' && accessor === 'set') || (before === 'set' && accessor === 'get');
    return before !== undefined && !pair;
  };
  const data: DataMember[] = [];
  let computed: ComputedMember | undefined;
  const startOf = (index: number) => tokens[index]!.start;
  const cutEnd = (end: number) =>
    tokens[end]!.kind === SyntaxKind.CommaToken ? tokens[end]!.end : tokens[end - 1]!.end;
  const close = readMembers(typescript, script, tokens, 0, ({ name, accessor, key, value, end }) => {
    if (name === 'props') return false;
    if (dataKeys.has(name) || name === 'computed') {
      // `data() { ... }`, `data: makeData()`: only an object literal tells its members.
      if (value === undefined || tokens[value]?.kind !== SyntaxKind.OpenBraceToken) return false;
      if (name !== 'computed') {
        const keys: { name: string; text: string; start: number }[] = [];
        const objectClose = readMembers(typescript, script, tokens, value, (inner) => {
          // `key: value` and shorthand `key` only: a method or accessor in data is not a data member.
          const shorthand = inner.end === inner.key + 1;
          if (inner.value === undefined && !shorthand) return false;
          const token = tokens[inner.key]!;
          keys.push({ name: inner.name, text: script.slice(token.start, token.end), start: token.start });
          return !taken(inner.name);
        });
        if (objectClose !== end - 1) return false;
        data.push({
          cut: { start: startOf(key), end: cutEnd(end) },
          object: { start: startOf(value), end: tokens[objectClose]!.end },
          keys,
        });
        return true;
      }
      const methodStarts: number[] = [];
      let lastEnd = 0;
      const computedClose = readMembers(typescript, script, tokens, value, (inner) => {
        // Only `name() {...}`: its body becomes a getter's.
        if (inner.value !== undefined || tokens[inner.key + 1]?.kind !== SyntaxKind.OpenParenToken) return false;
        methodStarts.push(startOf(inner.key));
        lastEnd = inner.end;
        return !taken(inner.name);
      });
      if (computedClose !== end - 1 || computed !== undefined) return false;
      computed = {
        open: { start: startOf(key), end: tokens[value]!.end },
        methodStarts,
        commaAt:
          methodStarts.length > 0 && tokens[lastEnd]!.kind !== SyntaxKind.CommaToken
            ? tokens[lastEnd - 1]!.end
            : undefined,
        close: { start: startOf(computedClose), end: cutEnd(end) },
      };
      return true;
    }
    return !taken(name, accessor);
  });
  if (close !== tokens.length - 1) return undefined;
  const used = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== SyntaxKind.Identifier || script.charCodeAt(token.start) !== 36 /* $ */) continue;
    const name = script.slice(token.start, token.end);
    if ((pageObjectMembers as readonly string[]).includes(name)) used.add(name);
  }
  return { data, computed, used };
}

/**
 * A piece of the virtual script: generated glue, or user text from `source`. `moved` pieces sit elsewhere than in
 * the user's order (a mapping of their own); `alias` pieces are glue that names user code (a data key written into
 * the object), mapped for navigation only, so go-to-definition on `this.title` reaches the key in the data object.
 */
type Piece = { generated: string; source?: number; moved?: boolean; alias?: boolean };

/**
 * The pieces of a page's script typed from its syntax: its data objects moved before `export default` (as
 * constants), and the page object's members, its data members and its computed members (as getters) written into
 * the object itself, so that `this` in its methods is the object, as TypeScript types `this` in any JavaScript
 * object literal. No generic call: TypeScript checks the object once, with no inference.
 */
function literalPagePieces(
  code: string,
  object: ScannedObject,
  shape: PageShape,
  appType: string,
  allMembers: boolean,
): Piece[] {
  const cast = (type: string) => `/** @type {${type}} */ (/** @type {unknown} */ (0))`;
  const pieces: Piece[] = [{ generated: code.slice(0, object.exportStart), source: 0 }];
  shape.data.forEach((member, i) => {
    pieces.push(
      { generated: `const __velaData${i} = ` },
      { generated: code.slice(member.object.start, member.object.end), source: member.object.start, moved: true },
      { generated: ';\n' },
    );
  });
  const pageMembers = allMembers ? pageObjectMembers : pageObjectMembers.filter((name) => shape.used.has(name));
  const dataTypes = shape.data.map((_, i) => `typeof __velaData${i}`).join(' & ');
  pieces.push({
    generated:
      (shape.data.length > 0 ? `const __velaData = ${cast(`Vela.WidenData<${dataTypes}>`)};\n` : '') +
      (pageMembers.length > 0 ? `const __velaPage = ${cast(`Vela.PageObject<${appType}>`)};\n` : ''),
  });
  // ` $app: __velaPage.$app, title: __velaData["title"],`: each member followed by a comma.
  const members: Piece[] = pageMembers.map((name) => ({ generated: ` ${name}: __velaPage.${name},` }));
  for (const member of shape.data) {
    for (const key of member.keys) {
      members.push(
        { generated: ' ' },
        { generated: key.text, source: key.start, alias: true },
        { generated: `: __velaData[${JSON.stringify(key.name)}],` },
      );
    }
  }
  // Cuts and insertions inside the object, in order.
  const edits: { start: number; end: number; text: string | Piece[] }[] = [
    { start: object.start + 1, end: object.start + 1, text: members },
    ...shape.data.map((member) => ({ ...member.cut, text: '' })),
  ];
  const computed = shape.computed;
  if (computed !== undefined) {
    edits.push({ ...computed.open, text: '' }, { ...computed.close, text: '' });
    for (const start of computed.methodStarts) edits.push({ start, end: start, text: 'get ' });
    if (computed.commaAt !== undefined) edits.push({ start: computed.commaAt, end: computed.commaAt, text: ',' });
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let at = object.exportStart;
  for (const edit of edits) {
    pieces.push({ generated: code.slice(at, edit.start), source: at });
    if (typeof edit.text === 'string') pieces.push({ generated: edit.text });
    else pieces.push(...edit.text);
    at = edit.end;
  }
  pieces.push({ generated: code.slice(at), source: at });
  return pieces;
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
  options: VirtualScriptOptions = {},
): VirtualScript {
  if (script === undefined || script.src !== undefined)
    return { text: 'export {};\n', lang: script?.lang ?? 'js', mappings: [] };
  const code = text.slice(script.start, script.end);
  const object = defaultExportObject(typescript, code, script.lang);
  const pieces: Piece[] = [{ generated: options.referenceTypes === false ? '' : header }];
  const shape =
    options.literalThis === true && script.lang === 'js' && role.kind === 'page' && object && 'tokens' in object
      ? pageShape(typescript, code, object.tokens)
      : undefined;
  if (shape !== undefined && object !== undefined && 'tokens' in object) {
    pieces.push(...literalPagePieces(code, object, shape, appTypeOf(role), options.pageMembers !== 'used'));
  } else if (object === undefined) {
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
  // Pieces in the order of the user's text, and the moved ones (data objects): each mapping sorted both ways.
  const mapping: CodeMapping = { sourceOffsets: [], generatedOffsets: [], lengths: [], data: userCode };
  const moved: CodeMapping = { sourceOffsets: [], generatedOffsets: [], lengths: [], data: userCode };
  const aliases: CodeMapping = { sourceOffsets: [], generatedOffsets: [], lengths: [], data: { navigation: true } };
  let generated = '';
  for (const piece of pieces) {
    if (piece.source !== undefined && piece.generated.length > 0) {
      const target = piece.alias === true ? aliases : piece.moved === true ? moved : mapping;
      target.sourceOffsets.push(script.start + piece.source);
      target.generatedOffsets.push(generated.length);
      target.lengths.push(piece.generated.length);
    }
    generated += piece.generated;
  }
  return {
    text: generated,
    lang: script.lang,
    mappings: [mapping, moved, aliases].filter((each) => each === mapping || each.lengths.length > 0),
  };
}

/**
 * The `.ux` offset of an offset in a virtual script, or undefined inside the generated glue. The mapped pieces are
 * the user's text cut at the glue, so a piece's end and the next piece's start are the same `.ux` offset.
 */
export function sourceOffsetOf(script: VirtualScript, offset: number): number | undefined {
  for (const mapping of script.mappings) {
    // Diagnostics belong to the user's code; a navigation-only alias of it is glue.
    if (mapping.data.verification !== true) continue;
    for (let i = 0; i < mapping.generatedOffsets.length; i++) {
      const generated = mapping.generatedOffsets[i] ?? 0;
      const length = mapping.lengths[i] ?? 0;
      if (offset >= generated && offset <= generated + length)
        return (mapping.sourceOffsets[i] ?? 0) + offset - generated;
    }
  }
  return undefined;
}
