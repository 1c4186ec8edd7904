/**
 * Where a call happens, for errors: every runtime error a function raises
 * points at the call in the cell being run, even when the function was defined
 * in an earlier cell (whose text is not the one being shown).
 */
import { LanguageError } from '../errors';
import type { Span } from '../source';
import { EngineError } from '../../engine';
import type { Evaluator } from './evaluator';
import { Cancelled } from './cancellation';

export interface CallSite {
  readonly span: Span;
  readonly evaluator: Evaluator;
  /** Spans of the positional arguments, for builtins that label things by their source (table). */
  readonly argSpans?: readonly Span[];
}

export function runtimeError(site: CallSite, message: string): LanguageError {
  return new LanguageError('runtime', message, site.span, site.evaluator.text);
}

/** Engine errors already carry a student-ready message; give them the call's position. */
export function atSite<T>(site: CallSite, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof EngineError) throw e.code === 'interrupted' ? new Cancelled() : runtimeError(site, e.message);
    throw e;
  }
}
