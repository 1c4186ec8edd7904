/**
 * Numbers as the output contract writes them (src/shared/output.ts `JsonNumber`):
 * JSON has no NaN or infinities, so those travel as strings. The language is the
 * one producer; readers decode with `fromJsonNumber` from the contract.
 */
import type { JsonNumber } from '../../shared/output';

export function toJsonNumber(v: number): JsonNumber {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}
