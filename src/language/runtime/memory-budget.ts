/**
 * A notebook's memory budget: the tensors its variables hold together. One tensor is
 * capped at the engine's MAX_ELEMENTS (50 million, 400 MB in float64) before it is
 * allocated; without a total, ten such variables would take 4 GB and the kernel would die
 * instead of saying why. An assignment that would take the variables past the budget is
 * refused, naming what holds the memory, and the session keeps working.
 */
import type { Network, Tensor } from '../../engine';
import { runtimeError, type CallSite } from './call-site';
import type { Value } from './values';

const MEBIBYTE = 1_048_576;

/** 2 GiB of tensor data held by a notebook's variables. */
export const SESSION_MEMORY_BUDGET = 2048 * MEBIBYTE;

const tensorBytes = (t: Tensor): number => t.data.byteLength;
const networkBytes = (n: Network): number => n.parameters.byteLength;

/** Bytes of tensor data a value holds (a data set its points, a training run its network and data). */
export function bytesHeld(v: Value): number {
  switch (v.kind) {
    case 'tensor': return tensorBytes(v.tensor);
    case 'network': return networkBytes(v.network.net);
    case 'dataset': return tensorBytes(v.dataset.x) + tensorBytes(v.dataset.y);
    case 'training': return networkBytes(v.training.net) + tensorBytes(v.training.data.x) + tensorBytes(v.training.data.y);
    default: return 0;
  }
}

const megabytes = (bytes: number): string => `${Math.round(bytes / MEBIBYTE).toLocaleString('en-US')} MB`;

/** Throws when storing `value` under `name` would take the variables past the budget. */
export function checkMemoryBudget(globals: ReadonlyMap<string, Value>, name: string, value: Value, site: CallSite, budget = SESSION_MEMORY_BUDGET): void {
  const adding = bytesHeld(value);
  if (adding === 0) return;
  let held = 0;
  const largest: [string, number][] = [];
  for (const [other, v] of globals) {
    if (other === name) continue; // replaced by the assignment
    const bytes = bytesHeld(v);
    held += bytes;
    if (bytes > 0) largest.push([other, bytes]);
  }
  if (held + adding <= budget) return;
  const top = largest.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n, b]) => `${n} (${megabytes(b)})`).join(', ');
  throw runtimeError(site, `${name} = ... would take the notebook's variables to ${megabytes(held + adding)} of tensors, past the budget of ${megabytes(budget)}; free some first (e.g. ${largest[0]?.[0] ?? 'x'} = 0)${top ? `: the largest are ${top}` : ''}, or use float32`);
}
