/**
 * Which outputs draw a network diagram: a network or a training run whose display carries
 * the weights. Its own small file so the renderer's entry asks without loading the diagram's
 * chunk (network-view.ts, which brings the engine).
 */
import type { NetworkDisplay, TrainingDisplay } from '../shared/output';
import type { DiagramSource } from './network-model';

export type DiagramDisplay = NetworkDisplay | TrainingDisplay;

export function hasDiagram(d: { readonly kind: string }): d is DiagramDisplay {
  const network = d.kind === 'network' ? (d as NetworkDisplay) : d.kind === 'training' ? (d as TrainingDisplay).network : undefined;
  return network?.weights !== undefined && network.layers.length > 0;
}

/**
 * What the diagram is computed from: the network, `weights` (the display's own unless given,
 * e.g. a snapshot's), a training run's points and, for its own weights (`exact`), the dead
 * units the kernel found on all the data.
 */
export function diagramSource(d: DiagramDisplay, weights?: DiagramSource['weights'], exact = true): DiagramSource {
  const network = d.kind === 'network' ? d : d.network;
  const points = d.kind === 'training' && d.boundary ? { x1: d.boundary.points.x1, x2: d.boundary.points.x2 } : undefined;
  const dead = exact && d.kind === 'training' ? d.dead : undefined;
  return { network, weights: weights ?? network.weights ?? [], ...(points ? { points } : {}), ...(dead ? { dead } : {}) };
}
