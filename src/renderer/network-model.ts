/**
 * What the network diagram shows, computed from a network's display and a set of its
 * weights with the bundled engine (no kernel): every unit's activation over the input
 * square (for the small heatmaps), its pre-activations and outputs over the data (for
 * the hover's numbers, the inspector's histogram and the per-layer histograms), and which
 * units are dead. The epoch scrubber builds one of these per snapshot; pure, no DOM.
 *
 * A unit is dead as `dead(net, data)` says: its output is 0 on every point (over the
 * input square's grid when there is no data). A unit is active at a point where it passes a
 * gradient back, as `neuron(...).active` says (engine/network/neuron.ts): a ReLU unit where
 * its pre-activation is positive, a sigmoid unit everywhere, relu6 off its flat parts.
 */
import {
  activations, activeFraction, catalogueActivation, findActivation, linearActivation, Network, unitFormula, unitName,
  type LayerShape, type NetworkActivation,
} from '../engine';
import { activationOfProgram } from '../language';
import { fromJsonNumber, type ActivationProgram, type JsonNumber, type NetworkDisplay } from '../shared/output';

/** Grid points per side of a unit's small heatmap. */
export const HEAT_GRID = 20;
/** The input square of a network shown without data: TensorFlow Playground's, where the data sets live. */
export const DEFAULT_SQUARE: readonly [number, number] = [-6, 6];

export interface UnitScale {
  readonly low: number;
  readonly high: number;
  readonly centre: number;
}

export interface UnitModel {
  /** `L:U` as data-neuron has it. */
  readonly id: string;
  readonly layer: number;
  readonly unit: number;
  readonly dead: boolean;
  /** Fraction of the points (without data: of the input square's grid) where the unit passes a gradient; NaN when the layer cannot run here. */
  readonly active: number;
  /** Mean output over the same; NaN when the layer cannot run here. */
  readonly mean: number;
  readonly formula: string;
  /** Incoming weights (one per unit of the layer before) and the bias; empty for an input. */
  readonly weights: readonly number[];
  readonly bias: number;
  /** The output over the grid, row r (x2 from low to high) column c (x1): HEAT_GRID² values, or absent. */
  readonly heat?: Float64Array;
  /** The heatmap's colours: low (orange) and high (blue) ends of the scale and the value drawn white. */
  readonly scale: UnitScale;
  /** Pre-activations and outputs over the points (absent for inputs and without data or a runnable layer). */
  readonly pre?: Float64Array;
  readonly out?: Float64Array;
}

export interface LayerModel {
  readonly index: number;
  readonly role: 'input' | 'hidden' | 'output';
  /** The activation as written (`relu`, `prelu`), `input` for the inputs. */
  readonly activation: string;
  readonly units: readonly UnitModel[];
  readonly dead: number;
  readonly slope?: number;
  /** Where the activation's derivative jumps (0 for relu), for the pre-activation histogram. */
  readonly kinks: readonly number[];
  /**
   * False when this page cannot run its activation: a user-defined function that cannot be
   * written as source (its body reads a tensor variable), or an output saved before layers
   * carried their program (LayerSummary.program).
   */
  readonly runnable: boolean;
}

export interface DiagramModel {
  readonly layers: readonly LayerModel[];
  /** The input square the heatmaps cover (x1 and x2 ranges), when the network takes 2 inputs. */
  readonly square?: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  /** Points the data statistics are over (0 without data). */
  readonly points: number;
}

export interface DiagramSource {
  readonly network: NetworkDisplay;
  readonly weights: ArrayLike<JsonNumber>;
  /** The data's points (x1, x2), when there are any. */
  readonly points?: { readonly x1: readonly JsonNumber[]; readonly x2: readonly JsonNumber[] };
  /** Dead units per hidden layer known exactly for these weights (the kernel's, on all the data). */
  readonly dead?: readonly (readonly number[])[];
}

/** Layer activations read from programs, by their source: the scrubber asks again for every snapshot. */
const programActivations = new Map<string, NetworkActivation | undefined>();
const MAX_PROGRAM_ACTIVATIONS = 32;

/** A user-defined layer's activation, run with the bundled language (language/runtime/activation-program.ts). */
function programActivation(program: ActivationProgram): NetworkActivation | undefined {
  const key = `${program.definitions}\n${program.activation}`;
  if (!programActivations.has(key)) {
    if (programActivations.size >= MAX_PROGRAM_ACTIVATIONS) programActivations.clear();
    programActivations.set(key, activationOfProgram(program));
  }
  return programActivations.get(key);
}

/** The activation a display's layer names, when this page can run it. */
function layerActivation(layer: NetworkDisplay['layers'][number]): NetworkActivation | undefined {
  const k = layer.kernel;
  if (!k) return layer.program && programActivation(layer.program);
  if (k.name === 'linear') return linearActivation;
  const found = findActivation(k.name);
  if (!found) return undefined;
  // numbers come as JSON writes them ("Infinity"); string parameters are names from a list of choices
  const parameters = Object.fromEntries(Object.entries(k.parameters).map(([name, v]) => {
    const spec = found.definition.parameters.find((p) => p.name === name);
    return [name, typeof v === 'string' && !spec?.choices ? fromJsonNumber(v as JsonNumber) : v];
  }));
  return catalogueActivation(found.definition, parameters, layer.activation);
}

/** The engine network a display describes, with `weights`; undefined when a layer cannot run here. */
export function networkOf(d: NetworkDisplay, weights: ArrayLike<JsonNumber>): Network | undefined {
  const shapes: LayerShape[] = [];
  for (const l of d.layers) {
    const activation = layerActivation(l);
    if (!activation) return undefined;
    shapes.push({ inputs: l.inputs, outputs: l.outputs, activation });
  }
  const net = Network.create(d.dtype, shapes);
  if (weights.length !== net.parameters.length) return undefined;
  for (let i = 0; i < weights.length; i++) net.parameters[i] = fromJsonNumber(weights[i]!);
  return net;
}

/** The points' box padded by a tenth on each side (as the decision boundary's grid is). */
function squareOf(points: DiagramSource['points']): { x: [number, number]; y: [number, number] } {
  const extent = (values: readonly JsonNumber[] | undefined): [number, number] => {
    let lo = Infinity, hi = -Infinity;
    for (const v of values ?? []) {
      const n = fromJsonNumber(v);
      if (Number.isFinite(n)) { lo = Math.min(lo, n); hi = Math.max(hi, n); }
    }
    if (!(hi > lo)) return [...DEFAULT_SQUARE];
    const pad = (hi - lo) * 0.1;
    return [lo - pad, hi + pad];
  };
  return { x: extent(points?.x1), y: extent(points?.x2) };
}

/** The grid's points as rows (x1, x2), row r at x2 from low to high, column c at x1. */
export function gridRows(square: NonNullable<DiagramModel['square']>, n: number): Float64Array {
  const rows = new Float64Array(2 * n * n);
  const at = (range: readonly [number, number], i: number) => range[0] + ((range[1] - range[0]) * (i + 0.5)) / n;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      rows[2 * (r * n + c)] = at(square.x, c);
      rows[2 * (r * n + c) + 1] = at(square.y, r);
    }
  }
  return rows;
}

/** Column `unit` of a rows × units matrix. */
function columnOf(m: ArrayLike<number>, units: number, unit: number): Float64Array {
  const rows = m.length / units;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = m[i * units + unit]!;
  return out;
}

/**
 * The colour scale of a unit's heatmap: an activation with range (0, 1) on [0, 1] centred on
 * 0.5 (as the decision boundary is drawn), any other symmetric about 0 up to the unit's own
 * largest |output| over the square, so a ReLU unit is white where it is off and blue where on.
 */
function scaleOf(layer: NetworkDisplay['layers'][number] | undefined, heat: Float64Array | undefined): UnitScale {
  const range = layer?.kernel && layer.kernel.name !== 'linear' ? findActivation(layer.kernel.name)?.definition.range.text : undefined;
  // sigmoid, hard_sigmoid, softmax ("(0, 1), each row sums to 1")
  if (range !== undefined && /^[[(]0, 1[\])]/.test(range)) return { low: 0, high: 1, centre: 0.5 };
  let m = 0;
  if (heat) for (const v of heat) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  m = m > 0 ? m : 1;
  return { low: -m, high: m, centre: 0 };
}

function kinksOf(layer: NetworkDisplay['layers'][number], activation: NetworkActivation | undefined): readonly number[] {
  const k = activation?.catalogue;
  if (!k) return [];
  try {
    return k.definition.kinks(k.parameters);
  } catch {
    return [];
  }
}

function stats(out: Float64Array | undefined): { mean: number; allZero: boolean } {
  if (!out || out.length === 0) return { mean: NaN, allZero: false };
  let nonzero = 0, sum = 0;
  for (const v of out) {
    if (v !== 0) nonzero++;
    sum += v;
  }
  return { mean: sum / out.length, allZero: nonzero === 0 };
}

/** The diagram's model for one set of weights. */
export function diagramModel(src: DiagramSource): DiagramModel {
  const d = src.network;
  const net = networkOf(d, src.weights);
  const n = src.points ? Math.min(src.points.x1.length, src.points.x2.length) : 0;
  const inputs = d.layers[0]?.inputs ?? 0;
  const square = inputs === 2 ? squareOf(src.points) : undefined;
  const grid = square && net ? activations(net, gridRows(square, HEAT_GRID), HEAT_GRID * HEAT_GRID) : undefined;
  let data: ReturnType<typeof activations> | undefined;
  if (net && n > 0 && inputs === 2) {
    const x = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      x[2 * i] = fromJsonNumber(src.points!.x1[i]!);
      x[2 * i + 1] = fromJsonNumber(src.points!.x2[i]!);
    }
    data = activations(net, x, n);
  }
  const weight = (i: number) => fromJsonNumber(src.weights[i] ?? 'NaN');

  const inputHeat = square ? [0, 1].map((j) => columnOf(gridRows(square, HEAT_GRID), 2, j)) : [];
  const inputLayer: LayerModel = {
    index: 0, role: 'input', activation: 'input', dead: 0, kinks: [], runnable: true,
    units: Array.from({ length: inputs }, (_, u) => ({
      id: `0:${u}`, layer: 0, unit: u, dead: false, active: NaN, mean: NaN, formula: unitName(0, u), weights: [], bias: 0,
      scale: scaleOf(undefined, inputHeat[u]),
      ...(inputHeat[u] ? { heat: inputHeat[u] } : {}),
    })),
  };

  let offset = 0;
  const layers: LayerModel[] = [inputLayer];
  d.layers.forEach((layer, l) => {
    const index = l + 1;
    const hidden = l < d.layers.length - 1;
    const slopeCount = layer.slope !== undefined ? 1 : 0;
    const slope = layer.slope !== undefined ? (net ? net.slope(net.layers[l]!) : fromJsonNumber(layer.slope)) : undefined;
    const heats = Array.from({ length: layer.outputs }, (_, u) => (grid ? columnOf(grid.a[l]!, layer.outputs, u) : undefined));
    const known = hidden ? src.dead?.[l] : undefined;
    const units: UnitModel[] = Array.from({ length: layer.outputs }, (_, u) => {
      const names = Array.from({ length: layer.inputs }, (_, i) => unitName(l, i));
      const w = Array.from({ length: layer.inputs }, (_, i) => weight(offset + u * layer.inputs + i));
      const b = weight(offset + layer.inputs * layer.outputs + u);
      const pre = data ? columnOf(data.z[l]!, layer.outputs, u) : undefined;
      const out = data ? columnOf(data.a[l]!, layer.outputs, u) : undefined;
      const s = stats(out ?? heats[u]);
      const dead = hidden && (known ? known.includes(u) : s.allZero);
      // over the same points as the mean: the data, else the input square's grid
      const over = data ?? grid;
      const rows = data ? n : HEAT_GRID * HEAT_GRID;
      const active = net && over ? activeFraction(net, index, over.z[l]!, over.a[l]!, rows, u) : NaN;
      return {
        id: `${index}:${u}`, layer: index, unit: u, dead,
        active, mean: s.mean,
        formula: unitFormula(layer.activation, w, b, names, slope === undefined ? {} : { slope }),
        weights: w, bias: b, scale: scaleOf(layer, heats[u]),
        ...(heats[u] ? { heat: heats[u] } : {}),
        ...(pre && out ? { pre, out } : {}),
      };
    });
    offset += layer.inputs * layer.outputs + layer.outputs + slopeCount;
    layers.push({
      index, role: hidden ? 'hidden' : 'output', activation: layer.activation, units,
      dead: units.filter((u) => u.dead).length, kinks: kinksOf(layer, net?.layers[l]?.activation), runnable: net !== undefined,
      ...(slope !== undefined ? { slope } : {}),
    });
  });
  return { layers, ...(square ? { square } : {}), points: data ? n : 0 };
}
