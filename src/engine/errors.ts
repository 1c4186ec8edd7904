/**
 * The engine's one error type. It carries a machine-readable code so the
 * language layer can attach a source position and keep the message, which is
 * already written for a student to act on.
 */
export type EngineErrorCode =
  | 'allocation-cap'
  | 'shape-mismatch'
  | 'bad-shape'
  | 'unknown-activation'
  | 'unknown-parameter'
  | 'missing-parameter'
  | 'bad-parameter'
  | 'out-of-range'
  | 'interrupted';

export class EngineError extends Error {
  constructor(readonly code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
  }
}
