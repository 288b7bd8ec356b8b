import { findDevice, type Device } from '@velakit/catalog';
import type { TSESLint } from './rule.js';

/**
 * Conditional compilation as Vela's build plugin does it: in `.ux` and `.js` (not `.ts`), the lines between
 * `// if true: <condition>` and `// endif` are kept only in builds whose environment makes the condition true. The
 * build scripts set `SHAPE` (the screen: `CIRCLE`, `RECT`, and `PILL-SHAPED` as `device.getInfo` names it) and
 * `DEVICE_TYPE` (`WATCH`: Vela's only device type, bands included). Code in such a block targets only the devices
 * whose screen fits; velakit reads the shapes from the catalogue.
 *
 * A condition velakit cannot evaluate (another variable, an unknown value, other syntax) leaves the block's targets
 * unknown, and the rules stay silent about device support inside it.
 */
export interface CompiledBlock {
  /** The text after `if true:`, as written. */
  readonly condition: string;
  /** Offsets of the code between the two comments. */
  readonly start: number;
  readonly end: number;
  /** Whether a device keeps the block; undefined when the condition cannot be evaluated. */
  readonly keeps: ((device: Device) => boolean) | undefined;
  /** False in a file the build does not compile conditionally (`.ts`): the block is built for every device. */
  readonly applies: boolean;
}

const shapeWords: Readonly<Record<string, Device['screen']['shape']>> = {
  circle: 'round',
  round: 'round',
  rect: 'rect',
  'pill-shaped': 'pill',
  pill: 'pill',
};
const deviceTypeWords = new Set(['watch']);

type Token =
  | { kind: 'op'; value: string }
  | { kind: 'string'; value: string }
  | { kind: 'env'; value: string }
  | { kind: 'bool'; value: boolean };

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const pattern =
    /\s*(?:(===|!==|==|!=|&&|\|\||!|\(|\))|'([^']*)'|"([^"]*)"|process\.env\.([A-Za-z_][A-Za-z0-9_]*)|(true|false))/uy;
  let index = 0;
  while (index < text.length) {
    if (/^\s*$/u.test(text.slice(index))) break;
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) return undefined;
    index = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'op', value: match[1] });
    else if (match[2] !== undefined || match[3] !== undefined)
      tokens.push({ kind: 'string', value: match[2] ?? match[3]! });
    else if (match[4] !== undefined) tokens.push({ kind: 'env', value: match[4] });
    else tokens.push({ kind: 'bool', value: match[5] === 'true' });
  }
  return tokens;
}

type Predicate = (device: Device) => boolean;
type Operand = { kind: 'string'; value: string } | { kind: 'env'; value: string };

/** `process.env.X === 'v'` as a predicate, or undefined when velakit does not know what `X` or `'v'` means. */
function comparison(left: Operand, operator: string, right: Operand): Predicate | undefined {
  const equal = operator === '===' || operator === '==';
  if (left.kind === 'string' && right.kind === 'string') {
    const same = left.value === right.value;
    return () => same === equal;
  }
  const [variable, literal] = left.kind === 'env' ? [left, right] : [right, left];
  if (literal.kind !== 'string') return undefined;
  const word = literal.value.toLowerCase();
  if (variable.value === 'SHAPE') {
    const shape = shapeWords[word];
    if (shape === undefined) return undefined;
    return (device) => (device.screen.shape === shape) === equal;
  }
  if (variable.value === 'DEVICE_TYPE') {
    if (!deviceTypeWords.has(word)) return undefined;
    return () => equal;
  }
  return undefined;
}

/** Parses `a === 'x' && (b !== 'y' || !c)`; undefined on anything else. */
function parseCondition(text: string): Predicate | undefined {
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) return undefined;
  let position = 0;
  let unknown = false;
  const peek = (): Token | undefined => tokens[position];
  const isOp = (value: string): boolean => {
    const token = peek();
    return token?.kind === 'op' && token.value === value;
  };
  const fail = (): Predicate => {
    unknown = true;
    return () => false;
  };
  const parseOr = (): Predicate => {
    let left = parseAnd();
    while (isOp('||')) {
      position++;
      const a = left;
      const b = parseAnd();
      left = (device) => a(device) || b(device);
    }
    return left;
  };
  const parseAnd = (): Predicate => {
    let left = parseUnary();
    while (isOp('&&')) {
      position++;
      const a = left;
      const b = parseUnary();
      left = (device) => a(device) && b(device);
    }
    return left;
  };
  const parseUnary = (): Predicate => {
    if (isOp('!')) {
      position++;
      const inner = parseUnary();
      return (device) => !inner(device);
    }
    if (isOp('(')) {
      position++;
      const inner = parseOr();
      if (!isOp(')')) return fail();
      position++;
      return inner;
    }
    const token = tokens[position++];
    if (token?.kind === 'bool') return () => token.value;
    if (token?.kind !== 'string' && token?.kind !== 'env') return fail();
    const operator = peek();
    if (operator?.kind !== 'op' || !['===', '!==', '==', '!='].includes(operator.value)) return fail();
    position++;
    const right = tokens[position++];
    if (right?.kind !== 'string' && right?.kind !== 'env') return fail();
    return comparison(token, operator.value, right) ?? fail();
  };
  const predicate = parseOr();
  return unknown || position !== tokens.length ? undefined : predicate;
}

const ifPattern = /^\s*if\s+true\s*:\s*(.+?)\s*$/u;
const endifPattern = /^\s*endif\s*$/u;

/** Every `// if true: ...` … `// endif` block of a file (in line or block comments), nested blocks included. */
export function compiledBlocks(sourceCode: Readonly<TSESLint.SourceCode>, physicalFilename: string): CompiledBlock[] {
  // Cheap test first: most files have no such comment.
  // (Not `endif`: an `if` without one still opens a block, see below.)
  if (!/\bif\s+true\s*:/u.test(sourceCode.text)) return [];
  const applies = compilesConditionally(physicalFilename);
  const blocks: CompiledBlock[] = [];
  const open: { condition: string; start: number }[] = [];
  for (const comment of sourceCode.getAllComments()) {
    const opening = ifPattern.exec(comment.value);
    if (opening) {
      open.push({ condition: opening[1]!, start: comment.range[1] });
    } else if (endifPattern.test(comment.value)) {
      const block = open.pop();
      if (block) blocks.push({ ...block, end: comment.range[0], applies, keeps: parseCondition(block.condition) });
    }
  }
  // An `if` without its `endif` runs to the end of the file, as the build plugin keeps or drops the rest.
  for (const block of open)
    blocks.push({ ...block, end: sourceCode.text.length, applies, keeps: parseCondition(block.condition) });
  return blocks;
}

/**
 * The build plugin compiles conditionally only in `.ux` and `.js` files (the docs name those two; `.mjs`/`.cjs` are
 * JavaScript too). In a `.ts` file the comments are plain comments: the code between them is built for every device.
 */
export function compilesConditionally(physicalFilename: string): boolean {
  return /\.(?:ux|[cm]?js)$/iu.test(physicalFilename);
}

/** What conditional compilation leaves of the targets at a place in the file. */
export type NarrowedTargets =
  /**
   * No block around the place: the targets as resolved. `ignored` names the innermost block around it in a file the
   * build does not compile conditionally (`.ts`), where the comments change nothing.
   */
  | { readonly kind: 'all'; readonly ignored?: string }
  /** Inside blocks: the targets they keep, and the innermost block's condition for messages. */
  | { readonly kind: 'narrowed'; readonly devices: readonly string[]; readonly condition: string }
  /** Inside a block whose condition velakit cannot evaluate. */
  | { readonly kind: 'unknown'; readonly condition: string };

export function narrowTargets(
  blocks: readonly CompiledBlock[],
  range: readonly [number, number],
  targets: readonly string[],
): NarrowedTargets {
  let devices = targets;
  let condition: string | undefined;
  // Blocks come in the order their `endif`s close them (inner first), so the innermost is the one starting last.
  let innermostStart = -1;
  let ignored: { start: number; condition: string } | undefined;
  for (const block of blocks) {
    if (block.start > range[0] || range[1] > block.end) continue;
    if (!block.applies) {
      if (ignored === undefined || block.start > ignored.start) ignored = block;
      continue;
    }
    if (!block.keeps) return { kind: 'unknown', condition: block.condition };
    const keeps = block.keeps;
    devices = devices.filter((id) => {
      const device = findDevice(id);
      return device !== undefined && keeps(device);
    });
    if (block.start > innermostStart) {
      innermostStart = block.start;
      condition = block.condition;
    }
  }
  if (condition !== undefined) return { kind: 'narrowed', devices, condition };
  return ignored === undefined ? { kind: 'all' } : { kind: 'all', ignored: ignored.condition };
}
