/**
 * Toy data sets: TensorFlow Playground's generators (src/dataset.ts of
 * tensorflow/playground), with labels 0/1 instead of -1/1, plus scikit-learn's
 * two moons. Points are 2-D; `noise` is Playground's slider as a fraction
 * (0 ... 0.5); everything comes from the seeded generator, so a seed gives
 * the same points everywhere.
 */
import { EngineError } from '../errors';
import { didYouMean } from '../nearest-name';
import { MAX_ELEMENTS } from '../tensor';
import { Random } from '../random';
import { hypot } from '../numerics/hypot';
import { cos, sin } from '../numerics/trig';
import { spellNumber } from '../spell-number';

export type Task = 'classification' | 'regression';

export interface Dataset {
  readonly name: string;
  readonly task: Task;
  /** n × 2, row-major. */
  readonly x: Float64Array;
  /** n labels (0/1) or regression targets. */
  readonly y: Float64Array;
  readonly n: number;
}

type Emit = (x1: number, x2: number, label: number) => void;
type Generator = (n: number, noise: number, r: Random, emit: Emit) => void;

const uniform = (r: Random, lo: number, hi: number): number => lo + (hi - lo) * r.uniform();
const dist = (ax: number, ay: number, bx: number, by: number): number => hypot(ax - bx, ay - by);

/** Playground: two Gaussian blobs at (2, 2) and (-2, -2), variance growing with noise. */
const gaussians: Generator = (n, noise, r, emit) => {
  const variance = 0.5 + (noise / 0.5) * 3.5;
  const blob = (cx: number, cy: number, label: number, count: number) => {
    for (let i = 0; i < count; i++) emit(cx + r.normal() * variance, cy + r.normal() * variance, label);
  };
  blob(2, 2, 1, Math.ceil(n / 2));
  blob(-2, -2, 0, Math.floor(n / 2));
};

/** Playground: a disc of radius 2.5 inside a ring from 3.5 to 5; labels from the noisy point. */
const circle: Generator = (n, noise, r, emit) => {
  const radius = 5;
  const ring = (lo: number, hi: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const rr = uniform(r, lo, hi);
      const angle = uniform(r, 0, 2 * Math.PI);
      const x = rr * sin(angle);
      const y = rr * cos(angle);
      const nx = uniform(r, -radius, radius) * noise;
      const ny = uniform(r, -radius, radius) * noise;
      emit(x, y, dist(x + nx, y + ny, 0, 0) < radius * 0.5 ? 1 : 0);
    }
  };
  ring(0, radius * 0.5, Math.ceil(n / 2));
  ring(radius * 0.7, radius, Math.floor(n / 2));
};

/** Playground: uniform points in [-5, 5]², pushed 0.3 away from the axes; label 1 where x·y >= 0. */
const xor: Generator = (n, noise, r, emit) => {
  const padding = 0.3;
  for (let i = 0; i < n; i++) {
    let x = uniform(r, -5, 5);
    x += x > 0 ? padding : -padding;
    let y = uniform(r, -5, 5);
    y += y > 0 ? padding : -padding;
    const nx = uniform(r, -5, 5) * noise;
    const ny = uniform(r, -5, 5) * noise;
    emit(x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0);
  }
};

/** Playground: two interleaved spirals of 1.75 turns out to radius 5. */
const spiral: Generator = (n, noise, r, emit) => {
  const arm = (deltaT: number, label: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const rr = (i / count) * 5;
      const t = ((1.75 * i) / count) * 2 * Math.PI + deltaT;
      emit(rr * sin(t) + uniform(r, -1, 1) * noise, rr * cos(t) + uniform(r, -1, 1) * noise, label);
    }
  };
  arm(0, 1, Math.ceil(n / 2));
  arm(Math.PI, 0, Math.floor(n / 2));
};

/** Playground regression: y = (x1 + x2) / 10 on [-6, 6]², the inputs jittered by noise before labelling. */
const plane: Generator = (n, noise, r, emit) => {
  const radius = 6;
  for (let i = 0; i < n; i++) {
    const x = uniform(r, -radius, radius);
    const y = uniform(r, -radius, radius);
    const nx = uniform(r, -radius, radius) * noise;
    const ny = uniform(r, -radius, radius) * noise;
    emit(x, y, (x + nx + y + ny) / 10);
  }
};

/** Playground regression: six Gaussian bumps of alternating sign on [-6, 6]². */
const multigauss: Generator = (n, noise, r, emit) => {
  const radius = 6;
  const bumps = [[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]];
  const scale = (d: number) => Math.max(0, Math.min(1, 1 - d / 2)); // Playground: [0, 2] -> [1, 0], clamped
  for (let i = 0; i < n; i++) {
    const x = uniform(r, -radius, radius);
    const y = uniform(r, -radius, radius);
    const px = x + uniform(r, -radius, radius) * noise;
    const py = y + uniform(r, -radius, radius) * noise;
    let label = 0;
    for (const [cx, cy, sign] of bumps) {
      const v = sign * scale(dist(px, py, cx, cy));
      if (Math.abs(v) > Math.abs(label)) label = v;
    }
    emit(x, y, label);
  }
};

/** scikit-learn's make_moons: two half circles, Gaussian noise of standard deviation `noise`. */
const moons: Generator = (n, noise, r, emit) => {
  const outer = Math.ceil(n / 2);
  const inner = n - outer;
  const step = (count: number) => (count > 1 ? Math.PI / (count - 1) : 0);
  for (let i = 0; i < outer; i++) emit(cos(i * step(outer)) + r.normal() * noise, sin(i * step(outer)) + r.normal() * noise, 0);
  for (let i = 0; i < inner; i++) emit(1 - cos(i * step(inner)) + r.normal() * noise, 0.5 - sin(i * step(inner)) + r.normal() * noise, 1);
};

const GENERATORS: ReadonlyMap<string, { readonly task: Task; readonly generate: Generator }> = new Map([
  ['xor', { task: 'classification', generate: xor }],
  ['circle', { task: 'classification', generate: circle }],
  ['gaussians', { task: 'classification', generate: gaussians }],
  ['spiral', { task: 'classification', generate: spiral }],
  ['moons', { task: 'classification', generate: moons }],
  ['plane', { task: 'regression', generate: plane }],
  ['multigauss', { task: 'regression', generate: multigauss }],
]);

export const datasetNames = (): string[] => [...GENERATORS.keys()];

export function makeDataset(name: string, n: number, noise: number, seed: number): Dataset {
  const entry = GENERATORS.get(name);
  if (!entry) throw new EngineError('bad-parameter', `unknown dataset "${name}"${didYouMean(name, GENERATORS.keys())}; the data sets are ${datasetNames().map((d) => `"${d}"`).join(', ')}`);
  if (!Number.isInteger(n) || n < 2) throw new EngineError('bad-parameter', `a dataset needs a whole number n >= 2 of points, got ${spellNumber(n)}`);
  if (n * 2 > MAX_ELEMENTS) throw new EngineError('allocation-cap', `a dataset of ${n.toLocaleString('en-US')} points exceeds the limit of ${(MAX_ELEMENTS / 2).toLocaleString('en-US')}`);
  if (!(noise >= 0 && noise <= 1)) throw new EngineError('bad-parameter', `noise must be between 0 and 1 (Playground's 0-50% is 0 to 0.5), got ${spellNumber(noise)}`);
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  let i = 0;
  entry.generate(n, noise, new Random(seed), (x1, x2, label) => {
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    y[i++] = label;
  });
  return { name, task: entry.task, x, y, n };
}
