import type { Position } from './diagnostic.js';

/**
 * Maps offsets to line and column the way momoa does: `\r\n`, `\n` and a lone `\r` end a line.
 *
 * Line starts are found only as far as the offsets asked for: most manifests get one or two diagnostics near the top
 * (`features`, `targetDevices`), and scanning the rest of the file for them cost more than placing them.
 */
export class LineIndex {
  readonly #text: string;
  readonly #hasCarriageReturn: boolean;
  /** Every line start found so far, in order: all of those at or before `#scanned`. */
  readonly #starts = [0];
  /** Offset from which to look for the next line break; past the text once every line start is known. */
  #scanned = 0;

  constructor(text: string) {
    this.#text = text;
    this.#hasCarriageReturn = text.includes('\r');
  }

  /** Finds line starts until one lies past `offset` or the text ends. */
  #scanPast(offset: number): void {
    const text = this.#text;
    const starts = this.#starts;
    if (this.#scanned > text.length || starts[starts.length - 1]! > offset) return;
    let i = this.#scanned;
    if (!this.#hasCarriageReturn) {
      // Native search from line to line: far faster than a character loop that runs a few times per process.
      for (;;) {
        const lineBreak = text.indexOf('\n', i);
        if (lineBreak === -1) {
          i = text.length + 1;
          break;
        }
        i = lineBreak + 1;
        starts.push(i);
        if (i > offset) break;
      }
    } else {
      for (; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) {
          if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
          if (i + 1 > offset) {
            i++;
            break;
          }
        }
      }
      if (i >= text.length && starts[starts.length - 1]! <= offset) i = text.length + 1;
    }
    this.#scanned = i;
  }

  /** The position of an offset, clamped into the text. */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.#text.length));
    this.#scanPast(clamped);
    const starts = this.#starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1, offset: clamped };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.#allStarts();
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    return this.#text.slice(start, next ?? this.#text.length).replace(/\r?\n$|\r$/u, '');
  }

  get lineCount(): number {
    return this.#allStarts().length;
  }

  #allStarts(): number[] {
    this.#scanPast(this.#text.length);
    return this.#starts;
  }
}
