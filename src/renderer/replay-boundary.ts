/**
 * A training run's decision boundary at a snapshot's weights, for the epoch scrubber: the
 * display's boundary grid run through the network built from those weights with the
 * bundled engine's gridAnswers, as the kernel drew it (the output for one unit, the winning
 * class for several).
 */
import { gridAnswers } from '../engine';
import type { JsonNumber, TrainingDisplay } from '../shared/output';
import { networkOf } from './network-model';

/** The display with its boundary at `weights`; the display itself when it has no boundary or the network cannot run here. */
export function replayedBoundary(d: TrainingDisplay, weights: ArrayLike<JsonNumber>): TrainingDisplay {
  const b = d.boundary;
  const net = b ? networkOf(d.network, weights) : undefined;
  if (!b || !net) return d;
  const z = gridAnswers(net, b.x, b.y);
  return { ...d, boundary: { ...b, z } };
}
