import type { Counts, FileResult } from './file-result.js';

/** What a report's closing text needs to know about the whole run. */
export interface Totals extends Counts {
  /** Files checked (results, not I/O errors). */
  files: number;
}

/**
 * A report format cut into pieces: the text of each file, and the text around them. The command writes each file's
 * text as soon as the file is checked, so the memory of a run does not grow with the batch, and a worker thread can
 * format its share of the files (see parallel.ts).
 */
export interface ReportLayout {
  /** One file's text; '' when the file shows nothing (a clean file in the stylish or github format). */
  entry(result: FileResult): string;
  /** Before the first non-empty entry. */
  readonly open: string;
  /** Between two non-empty entries. */
  readonly separator: string;
  /** After the entries; `entries` says whether there was a non-empty one. */
  close(totals: Totals, entries: boolean): string;
}

export function emptyTotals(): Totals {
  return { files: 0, errors: 0, warnings: 0, infos: 0 };
}

export function addCounts(totals: Totals, result: FileResult): void {
  totals.files++;
  for (const diagnostic of result.diagnostics) {
    if (diagnostic.severity === 'error') totals.errors++;
    else if (diagnostic.severity === 'warning') totals.warnings++;
    else totals.infos++;
  }
}

/** The entries of a run of files, joined by the layout's separator, without the text around them. */
export interface Part {
  text: string;
  /** Non-empty entries in `text`. */
  entries: number;
  totals: Totals;
}

/** Joins entries into a part; `flush` hands over what is pending (the CLI writes it) once it is large. */
export class PartBuilder {
  readonly #layout: ReportLayout;
  readonly #flushAt: number;
  readonly #flush: ((text: string) => void) | undefined;
  #pending = '';
  readonly part: Part = { text: '', entries: 0, totals: emptyTotals() };

  /** Without `flush`, the whole part stays in `part.text`. */
  constructor(layout: ReportLayout, flush?: (text: string) => void, flushAt = 64 * 1024) {
    this.#layout = layout;
    this.#flush = flush;
    this.#flushAt = flushAt;
  }

  /** The first non-empty entry is preceded by `first` (the layout's opening, or nothing in a part). */
  add(result: FileResult, first = this.#layout.open): void {
    addCounts(this.part.totals, result);
    const text = this.#layout.entry(result);
    if (text === '') return;
    this.#pending += this.part.entries === 0 ? `${first}${text}` : `${this.#layout.separator}${text}`;
    this.part.entries++;
    if (this.#flush !== undefined && this.#pending.length >= this.#flushAt) this.#hand();
  }

  /** Appends another part (a worker's), as if its files had been added here. */
  addPart(other: Part): void {
    const { totals } = this.part;
    totals.files += other.totals.files;
    totals.errors += other.totals.errors;
    totals.warnings += other.totals.warnings;
    totals.infos += other.totals.infos;
    if (other.entries === 0) return;
    this.#pending += `${this.part.entries === 0 ? this.#layout.open : this.#layout.separator}${other.text}`;
    this.part.entries += other.entries;
    if (this.#flush !== undefined && this.#pending.length >= this.#flushAt) this.#hand();
  }

  #hand(): void {
    if (this.#flush === undefined) this.part.text += this.#pending;
    else this.#flush(this.#pending);
    this.#pending = '';
  }

  /** The part's text so far (for a part), or hands the rest over with the closing text (for a whole report). */
  finish(close: boolean): Part {
    if (close) this.#pending += this.#layout.close(this.part.totals, this.part.entries > 0);
    this.#hand();
    return this.part;
  }
}

/** A whole report as one string (the formatters' functions, for callers that hold every result). */
export function formatWith(layout: ReportLayout, results: readonly FileResult[]): string {
  const builder = new PartBuilder(layout);
  for (const result of results) builder.add(result);
  return builder.finish(true).text;
}
