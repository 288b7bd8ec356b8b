import type { DocumentNode, Location, LocationRange } from '@humanwhocodes/momoa';
import type { DiagnosticCode } from './codes.js';
import { diagnosticCodes } from './codes.js';
import type { Diagnostic, Position } from './diagnostic.js';
import { locate, type Anchor } from './locate.js';

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
    message,
    start: position(range.start),
    end: position(range.end),
    pointer,
  };
  if (suggestion !== undefined) diagnostic.suggestion = suggestion;
  return diagnostic;
}

/** Collects diagnostics for one parsed manifest, placing each by its JSON pointer. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  readonly document: DocumentNode;

  constructor(document: DocumentNode) {
    this.document = document;
  }

  report(code: DiagnosticCode, message: string, pointer: string, options: { anchor?: Anchor; suggestion?: string } = {}): void {
    const range = locate(this.document, pointer, options.anchor ?? 'value');
    this.diagnostics.push(diagnosticAt(code, message, range, pointer, options.suggestion));
  }
}
