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

/** 2 GiB of tensor data held by a notebook's variables, unless the session is given another (a setting). */
export const SESSION_MEMORY_BUDGET = 2048 * MEBIBYTE;

/** A budget in MiB as a setting gives it, in bytes; undefined (the default) for anything but a number from 1 on. */
export function budgetFromMebibytes(mib: unknown): number | undefined {
  return typeof mib === 'number' && Number.isFinite(mib) && mib >= 1 ? Math.floor(mib * MEBIBYTE) : undefined;
}

/** The typed arrays a value holds (a data set its points, a training run its network and data). */
function arraysHeld(v: Value): ArrayBufferView[] {
  const ofNetwork = (n: Network) => [n.parameters];
  const ofTensors = (...ts: Tensor[]) => ts.map((t) => t.data);
  switch (v.kind) {
    case 'tensor': return ofTensors(v.tensor);
    case 'network': return ofNetwork(v.network.net);
    case 'dataset': return ofTensors(v.dataset.x, v.dataset.y);
    case 'training': return [...ofNetwork(v.training.net), ...ofTensors(v.training.data.x, v.training.data.y)];
    case 'neuron': return [v.neuron.weights, v.neuron.pre, v.neuron.out];
    default: return [];
  }
}

/** Bytes of tensor data a value holds. */
export function bytesHeld(v: Value): number {
  return arraysHeld(v).reduce((n, a) => n + a.byteLength, 0);
}

/** MiB, as the budget's setting (activationLab.kernel.memoryBudgetMiB) counts. */
const mebibytes = (bytes: number): string => `${Math.round(bytes / MEBIBYTE).toLocaleString('en-US')} MiB`;

/** Throws when storing `value` under `name` would take the variables past the budget. */
export function checkMemoryBudget(globals: ReadonlyMap<string, Value>, name: string, value: Value, site: CallSite, budget = SESSION_MEMORY_BUDGET): void {
  if (bytesHeld(value) === 0) return;
  // each array once: after b = a both names hold one tensor (values never change in place)
  const counted = new Set<ArrayBufferView>();
  const newBytes = (v: Value): number => arraysHeld(v).reduce((n, a) => (counted.has(a) ? n : (counted.add(a), n + a.byteLength)), 0);
  let held = 0;
  const largest: [string, number][] = [];
  for (const [other, v] of globals) {
    if (other === name) continue; // replaced by the assignment
    held += newBytes(v);
    const bytes = bytesHeld(v);
    if (bytes > 0) largest.push([other, bytes]);
  }
  const adding = newBytes(value);
  if (held + adding <= budget) return;
  const top = largest.sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n, b]) => `${n} (${mebibytes(b)})`).join(', ');
  throw runtimeError(site, `${name} = ... would take the notebook's variables to ${mebibytes(held + adding)} of tensors, past the budget of ${mebibytes(budget)}; free some first (e.g. ${largest[0]?.[0] ?? 'x'} = 0)${top ? `: the largest are ${top}` : ''}, or use float32${budget === SESSION_MEMORY_BUDGET ? '' : ' (the budget is the setting activationLab.kernel.memoryBudgetMiB)'}`);
}
