/**
 * The language layer's one error type, shared by the parser ('syntax') and
 * the evaluator ('runtime'). It stores the position already resolved to a
 * line and column because that is what every consumer shows — the CLI's JSON
 * `{"kind":"error","message",...,"line","column"}`, notebook cell outputs —
 * and its end likewise, so that an editor can underline exactly the span.
 */
import { positionAt, type Span } from './source';

export type LanguageErrorKind = 'syntax' | 'runtime';

export class LanguageError extends Error {
  readonly line: number;
  readonly column: number;
  /** Where the span ends: the position just after its last character (exclusive, like `span.end`). */
  readonly endLine: number;
  readonly endColumn: number;

  /**
   * @param message written for a student: what is wrong and what to write
   *   instead; it does not repeat the position (line/column carry that).
   * @param text the whole source the span refers to.
   */
  constructor(
    readonly kind: LanguageErrorKind,
    message: string,
    readonly span: Span,
    text: string,
  ) {
    super(message);
    this.name = 'LanguageError';
    const start = positionAt(text, span.start);
    this.line = start.line;
    this.column = start.column;
    const end = positionAt(text, span.end);
    this.endLine = end.line;
    this.endColumn = end.column;
  }

  /** "line 1, column 4: message" — for logs and plain-text output. */
  describe(): string {
    return `line ${this.line}, column ${this.column}: ${this.message}`;
  }
}
