import type { Position } from './diagnostic.js';

/** Maps offsets to line and column the way momoa does: `\r\n`, `\n` and a lone `\r` end a line. */
export class LineIndex {
  readonly #text: string;
  #starts: number[] | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  #lineStarts(): number[] {
    if (this.#starts !== undefined) return this.#starts;
    const starts = [0];
    const text = this.#text;
    if (!text.includes('\r')) {
      // Native search from line to line: far faster than a character loop that runs a few times per process.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.#starts = starts;
      return starts;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.#starts = starts;
    return starts;
  }

  /** The position of an offset, clamped into the text. */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.#text.length));
    const starts = this.#lineStarts();
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
    const starts = this.#lineStarts();
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    return this.#text.slice(start, next ?? this.#text.length).replace(/\r?\n$|\r$/u, '');
  }

  get lineCount(): number {
    return this.#lineStarts().length;
  }
}
