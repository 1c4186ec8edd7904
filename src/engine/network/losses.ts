/**
 * Losses: the mean loss over a batch and its gradient. Each loss writes dL/da
 * into the workspace's last g buffer, except where the output activation's
 * catalogue entry names it as its fusedLoss (bce after sigmoid, ce after
 * softmax): there dL/dz = a - y is
 * written straight into dz and the loss is computed from the logits, which
 * stays finite and exact where sigmoid/softmax saturate.
 *
 * The fused bce's log1p(exp(-|z|)) is most of a small network's loss time: over
 * float64 logits it runs as f64x2 code (our vectorised exp and log1p, the same
 * bits as the scalar ones) into a scratch array first; the sum itself stays one
 * scalar loop in the order it always had.
 */
import type { FloatArray } from '../activations/definition';
import { EngineError } from '../errors';
import { didYouMean } from '../nearest-name';
import { exp, log, log1p } from '../numerics/exp-log';
import type { NamedKernels } from '../simd/elementwise-module';
import { runNamedValue } from '../simd/elementwise-runner';
import { exp as vectorExp, log1p as vectorLog1p } from '../simd/vector-numerics';

/** Probabilities are clamped to [EPS, 1 - EPS] on the unfused paths, as Keras does. */
const EPS = 1e-7;

export interface Loss {
  readonly name: string;
  /**
   * Mean loss of outputs `a` (logits `z`) against targets `y`, `rows` × `units`; when `out` is
   * given also the gradient, dL/dz if `fused` else dL/da. Positional arguments: no object per batch.
   */
  evaluate(z: FloatArray, a: FloatArray, y: FloatArray, rows: number, units: number, fused: boolean, out?: FloatArray): number;
}

/** log1p(exp(-|z|)) as f64x2 code, for the wasm path of the fused bce. */
const LOGISTIC_TAIL: NamedKernels = {
  name: 'bce~log1p(exp(-|z|))',
  wasm: {
    parameters: [],
    value: (v, x) => vectorLog1p(v, vectorExp(v, v.neg(v.abs(x)))),
    // the module emits a derivative loop for every kernel; this one is never called
    derivative: (v, x) => {
      const e = vectorExp(v, v.neg(v.abs(x)));
      const r = v.div(e, v.add(v.c(1), e));
      return v.select(v.gt(x, v.c(0)), v.neg(r), r);
    },
  },
};

const logisticTail = (z: FloatArray, u: FloatArray): void => {
  for (let i = 0; i < z.length; i++) u[i] = log1p(exp(-Math.abs(z[i])));
};

/** Reused between batches: it only grows, and a new view is taken only when the batch size changes. */
let tailStore = new Float64Array(0);
let tails = tailStore;

/** log1p(exp(-|z_i|)) for every float64 logit, through wasm where it runs. */
function logisticTails(z: Float64Array): Float64Array {
  if (tails.length !== z.length) {
    if (tailStore.length < z.length) tailStore = new Float64Array(z.length);
    tails = tailStore.subarray(0, z.length);
  }
  runNamedValue(LOGISTIC_TAIL, z, tails, logisticTail);
  return tails;
}

const bce: Loss = {
  name: 'bce',
  evaluate(z, a, y, rows, units, fused, out) {
    const count = rows * units;
    // float32 logits keep the scalar loop: the staged wasm loop would round its results to float32
    const tail = fused && z instanceof Float64Array ? logisticTails(z.length === count ? z : z.subarray(0, count)) : undefined;
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const t = y[i];
      if (fused) {
        const v = z[i];
        sum += Math.max(v, 0) - v * t + (tail ? tail[i] : log1p(exp(-Math.abs(v))));
        if (out) out[i] = (a[i] - t) / count;
      } else {
        const p = Math.min(1 - EPS, Math.max(EPS, a[i]));
        sum -= t * log(p) + (1 - t) * log(1 - p);
        if (out) out[i] = (p - t) / (p * (1 - p)) / count;
      }
    }
    return sum / count;
  },
};

const mse: Loss = {
  name: 'mse',
  evaluate(_z, a, y, rows, units, _fused, out) {
    const count = rows * units;
    let sum = 0;
    for (let i = 0; i < count; i++) {
      const d = a[i] - y[i];
      sum += d * d;
      if (out) out[i] = (2 * d) / count;
    }
    return sum / count;
  },
};

const ce: Loss = {
  name: 'ce',
  evaluate(z, a, y, rows, units, fused, out) {
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      const o = r * units;
      if (fused) {
        let max = -Infinity;
        for (let j = 0; j < units; j++) max = Math.max(max, z[o + j]);
        let s = 0;
        for (let j = 0; j < units; j++) s += exp(z[o + j] - max);
        const logSum = max + log(s);
        for (let j = 0; j < units; j++) {
          sum += y[o + j] * (logSum - z[o + j]);
          if (out) out[o + j] = (a[o + j] - y[o + j]) / rows;
        }
      } else {
        for (let j = 0; j < units; j++) {
          const p = Math.min(1, Math.max(EPS, a[o + j]));
          sum -= y[o + j] * log(p);
          if (out) out[o + j] = -y[o + j] / p / rows;
        }
      }
    }
    return sum / rows;
  },
};

const LOSSES: ReadonlyMap<string, Loss> = new Map([bce, mse, ce].map((l) => [l.name, l]));

export const lossNames = (): string[] => [...LOSSES.keys()];

export function getLoss(name: string): Loss {
  const loss = LOSSES.get(name);
  if (!loss) throw new EngineError('bad-parameter', `unknown loss "${name}"${didYouMean(name, LOSSES.keys())}; use one of ${lossNames().map((n) => `"${n}"`).join(', ')}`);
  return loss;
}
