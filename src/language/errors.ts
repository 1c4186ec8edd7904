/**
 * The language layer's one error type, shared by the parser ('syntax') and
 * the evaluator ('runtime'). It stores the position already resolved to a
 * line and column because that is what every consumer shows — the CLI's JSON
 * `{"kind":"error","message",...,"line","column"}`, notebook cell outputs —
 * while the span remains for editors that underline a range.
 */
import { positionAt, type Span } from './source';

export type LanguageErrorKind = 'syntax' | 'runtime';

export class LanguageError extends Error {
  readonly line: number;
  readonly column: number;

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
    const position = positionAt(text, span.start);
    this.line = position.line;
    this.column = position.column;
  }

  /** "line 1, column 4: message" — for logs and plain-text output. */
  describe(): string {
    return `line ${this.line}, column ${this.column}: ${this.message}`;
  }
}
