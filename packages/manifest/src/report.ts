import type { Location, LocationRange } from '@humanwhocodes/momoa';
import type { DiagnosticCode } from './codes.js';
import { diagnosticCodes } from './codes.js';
import type { Diagnostic, Position } from './diagnostic.js';
import type { Anchor } from './locate.js';
import { visible } from './visible-text.js';

function position(location: Location): Position {
  return { line: location.line, column: location.column, offset: location.offset };
}

export function diagnosticAt(
  code: DiagnosticCode,
  message: string,
  range: LocationRange,
  pointer: string,
  suggestion?: string,
): Diagnostic {
  const diagnostic: Diagnostic = {
    code,
    severity: diagnosticCodes[code].severity,
    // Messages quote the manifest; every front end prints them (terminals, CI logs, editors).
    message: visible(message),
    start: position(range.start),
    end: position(range.end),
    pointer,
  };
  if (suggestion !== undefined) diagnostic.suggestion = suggestion;
  return diagnostic;
}

interface Pending {
  code: DiagnosticCode;
  message: string;
  pointer: string;
  anchor: Anchor;
  suggestion: string | undefined;
}

/** Collects diagnostics for one parsed manifest by JSON pointer; places them in the text only at the end. */
export class Reporter {
  readonly #pending: Pending[] = [];
  readonly #locate: (pointer: string, anchor: Anchor) => LocationRange;

  /** `locate` is called only when there is something to place. */
  constructor(locate: (pointer: string, anchor: Anchor) => LocationRange) {
    this.#locate = locate;
  }

  report(
    code: DiagnosticCode,
    message: string,
    pointer: string,
    options: { anchor?: Anchor; suggestion?: string } = {},
  ): void {
    this.#pending.push({ code, message, pointer, anchor: options.anchor ?? 'value', suggestion: options.suggestion });
  }

  diagnostics(): Diagnostic[] {
    if (this.#pending.length === 0) return [];
    return this.#pending.map((p) =>
      diagnosticAt(p.code, p.message, this.#locate(p.pointer, p.anchor), p.pointer, p.suggestion),
    );
  }
}
