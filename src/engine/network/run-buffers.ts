/**
 * Where a training run's numbers live. Where WebAssembly SIMD is available, a
 * network trains in wasm memory, float32 and float64 alike: a working copy of
 * its parameters, the gradients and every workspace are views of one memory,
 * allocated once before the first step, so the wasm kernels (propagate.ts)
 * read and write them in place with no copy per step. Otherwise the network
 * trains in place on heap arrays with the JavaScript kernels.
 */
import type { FloatArray } from '../activations/definition';
import { allocate } from '../tensor';
import type { Network } from './network';
import { Arena } from './wasm/arena';
import { WasmKernels } from './wasm/kernels';
import { Workspace } from './workspace';

export interface RunBuffers {
  /** The network the steps update: the caller's, or its working copy in wasm memory. */
  readonly net: Network;
  readonly grads: FloatArray;
  /** Workspaces for a full batch, the last partial batch (or `full` again) and the held-out rows. */
  readonly full: Workspace;
  readonly rest: Workspace;
  readonly test?: Workspace;
  /** Copies the working parameters into the caller's network (nothing to do when they are the same). */
  sync(): void;
  /** Ends the run's hold on wasm memory; call once, when training ends or fails. */
  release(): void;
}

export function runBuffers(net: Network, batch: number, restRows: number, testRows: number): RunBuffers {
  return inWasm(net, batch, restRows, testRows) ?? onHeap(net, batch, restRows, testRows);
}

function onHeap(net: Network, batch: number, restRows: number, testRows: number): RunBuffers {
  const full = new Workspace(net, batch);
  return {
    net,
    grads: allocate(net.dtype, net.parameters.length),
    full,
    rest: restRows === 0 ? full : new Workspace(net, restRows),
    test: testRows > 0 ? new Workspace(net, testRows, false) : undefined,
    sync() {},
    release() {},
  };
}

function inWasm(net: Network, batch: number, restRows: number, testRows: number): RunBuffers | undefined {
  const scratch = Math.max(...net.layers.map((l) => l.inputs * l.outputs));
  const lengths = [
    net.parameters.length, net.parameters.length, scratch,
    ...Workspace.lengths(net, batch),
    ...(restRows > 0 ? Workspace.lengths(net, restRows) : []),
    ...(testRows > 0 ? Workspace.lengths(net, testRows, false) : []),
  ];
  const dtype = net.dtype;
  const arena = Arena.acquire(lengths.reduce((sum, n) => sum + Arena.padded(n, dtype), 0), dtype);
  if (!arena) return undefined;
  const parameters = arena.alloc(net.parameters.length);
  parameters.set(net.parameters);
  const grads = arena.alloc(net.parameters.length);
  const memory = { alloc: (n: number) => arena.alloc(n), kernels: new WasmKernels(arena.kernels, arena.alloc(scratch)) };
  const full = new Workspace(net, batch, true, memory);
  return {
    net: net.withParameters(parameters),
    grads,
    full,
    rest: restRows > 0 ? new Workspace(net, restRows, true, memory) : full,
    test: testRows > 0 ? new Workspace(net, testRows, false, memory) : undefined,
    sync: () => net.parameters.set(parameters),
    release: () => arena.release(),
  };
}
