/** A place in a file's text. */
export interface TypePosition {
  /** 1-based line. `\n`, `\r\n` and a lone `\r` each end a line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;
  /** 0-based UTF-16 offset. */
  readonly offset: number;
}

// The last text's line table: diagnostics come grouped by file, so each file is scanned once.
let lastText: string | undefined;
let lastStarts: number[] = [];

function lineStarts(text: string): number[] {
  if (text === lastText) return lastStarts;
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  lastText = text;
  lastStarts = starts;
  return starts;
}

/** The line and column of an offset, clamped into the text. */
export function positionAt(text: string, offset: number): TypePosition {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const starts = lineStarts(text);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= clamped) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: clamped - starts[low]! + 1, offset: clamped };
}
