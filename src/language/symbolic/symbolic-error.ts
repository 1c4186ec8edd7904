/**
 * The one error symbolic differentiation throws. It carries the span of the
 * node that could not be differentiated, so the evaluator can turn it into a
 * LanguageError pointing at the exact piece of the cell (it needs the cell's
 * text to compute line and column, which this layer does not have).
 */
import type { Span } from '../source';

export class SymbolicError extends Error {
  constructor(message: string, readonly span: Span) {
    super(message);
    this.name = 'SymbolicError';
  }
}
