/**
 * Stopping long computations. Large elementwise passes run in chunks and ask
 * `shouldStop` between them, so an interrupt from another thread (a token read
 * with Atomics from a SharedArrayBuffer) takes effect within milliseconds even
 * in the middle of one operation on 50 million elements.
 */
import { EngineError } from './errors';

export type ShouldStop = () => boolean;

/** Elements per chunk: large enough that the check costs nothing, small enough to react fast. */
export const CHUNK = 1 << 16;

export function checkInterrupt(shouldStop: ShouldStop | undefined): void {
  if (shouldStop?.()) throw new EngineError('interrupted', 'interrupted');
}

/**
 * Calls `work(start, end)` over [0, length) in chunks, checking between them.
 * Small inputs run as one chunk with no check at all.
 */
export function inChunks(length: number, shouldStop: ShouldStop | undefined, work: (start: number, end: number) => void): void {
  if (!shouldStop || length <= CHUNK) {
    work(0, length);
    return;
  }
  for (let start = 0; start < length; start += CHUNK) {
    checkInterrupt(shouldStop);
    work(start, Math.min(length, start + CHUNK));
  }
}
