/**
 * Backpropagation against central finite differences, in float64, for a
 * network using each activation of the catalogue in both its layers (so the
 * hidden layer's backward kernel and the output's are both exercised), and
 * for the fused losses (bce after sigmoid, ce after softmax). Inputs and
 * weights come from a seeded generator; a draw that puts a pre-activation
 * within 1e-3 of a kink is replaced by the next seed.
 */
import { strict as assert } from 'assert';
import {
  backwardPass, catalogue, catalogueActivation, forwardPass, getLoss, initialise, Network, resolveParameters, Random, Workspace,
  type ActivationDefinition, type ElementwiseDefinition, type NetworkActivation, type ParameterValues,
} from '../../../../src/engine';

const H = 1e-6;
const KINK_MARGIN = 1e-3;
/** Parameters the catalogue leaves without defaults. */
const REQUIRED: Record<string, Record<string, number>> = { threshold: { threshold: 0.5, value: -1 } };

function activation(d: ActivationDefinition): NetworkActivation {
  return catalogueActivation(d, resolveParameters(d, REQUIRED[d.name] ?? {}));
}

interface Case {
  readonly net: Network;
  readonly ws: Workspace;
  readonly loss: string;
  readonly fused: boolean;
}

function lossOf(c: Case): number {
  forwardPass(c.net, c.ws);
  const last = c.net.layers.length - 1;
  return getLoss(c.loss).evaluate(c.ws.z[last], c.ws.output, c.ws.target, c.ws.rows, c.net.outputs, c.fused);
}

function nearKink(c: Case, d: ActivationDefinition): boolean {
  if (d.kind !== 'elementwise') return false;
  const kinks = d.kinks(resolveParameters(d, REQUIRED[d.name] ?? {}));
  forwardPass(c.net, c.ws);
  return c.ws.z.some((z) => Array.from(z).some((v) => kinks.some((k) => Math.abs(v - k) < KINK_MARGIN)));
}

function makeCase(hidden: NetworkActivation, output: NetworkActivation, loss: string, seed: number, targets: 'regression' | 'one-hot' | 'binary'): Case {
  const net = Network.create('float64', [{ inputs: 3, outputs: 4, activation: hidden }, { inputs: 4, outputs: 3, activation: output }]);
  initialise(net, 'xavier', seed);
  const random = new Random(seed + 1000);
  // biases and slopes away from their initial values too, so their gradients are generic
  for (const layer of net.layers) for (let j = 0; j < layer.bias.length; j++) layer.bias[j] = 0.3 * random.normal();
  for (const layer of net.layers) if (layer.slopeIndex >= 0) net.parameters[layer.slopeIndex] = 0.1 + 0.3 * random.uniform();
  const ws = new Workspace(net, 5);
  for (let i = 0; i < ws.input.length; i++) ws.input[i] = random.normal();
  for (let r = 0; r < 5; r++) {
    for (let j = 0; j < 3; j++) {
      ws.target[r * 3 + j] = targets === 'regression' ? random.normal() : targets === 'binary' ? (random.uniform() < 0.5 ? 0 : 1) : j === r % 3 ? 1 : 0;
    }
  }
  const fused = output.fusedLoss === getLoss(loss).name;
  return { net, ws, loss, fused };
}

/** The worst relative error |analytic - numeric| / max(|analytic|, |numeric|, 1e-3) over all parameters. */
function worstError(c: Case): number {
  lossOf(c);
  const grads = new Float64Array(c.net.parameters.length);
  const last = c.net.layers.length - 1;
  getLoss(c.loss).evaluate(c.ws.z[last], c.ws.output, c.ws.target, c.ws.rows, c.net.outputs, c.fused, c.fused ? c.ws.dz[last] : c.ws.g[last]);
  backwardPass(c.net, c.ws, grads, c.fused);
  let worst = 0;
  const p = c.net.parameters;
  for (let i = 0; i < p.length; i++) {
    const saved = p[i];
    const h = H * Math.max(1, Math.abs(saved));
    p[i] = saved + h;
    const up = lossOf(c);
    p[i] = saved - h;
    const down = lossOf(c);
    p[i] = saved;
    const numeric = (up - down) / (2 * h);
    worst = Math.max(worst, Math.abs(grads[i] - numeric) / Math.max(Math.abs(grads[i]), Math.abs(numeric), 1e-3));
  }
  return worst;
}

describe('backpropagation against central finite differences (float64)', () => {
  let overallWorst = 0;
  for (const d of catalogue) {
    it(`${d.name} in the hidden and output layer, mse loss: relative error < 1e-6`, () => {
      const act = activation(d);
      let seed = 1;
      let c = makeCase(act, act, 'mse', seed, 'regression');
      while (nearKink(c, d)) c = makeCase(act, act, 'mse', ++seed, 'regression');
      const worst = worstError(c);
      overallWorst = Math.max(overallWorst, worst);
      assert.ok(worst < 1e-6, `${d.name}: worst relative error ${worst}`);
    });
  }
  const byName = (name: string) => activation(catalogue.find((d) => d.name === name)!);
  it('bce fused with a sigmoid output; mse after a softsign output', () => {
    const fused = makeCase(byName('tanh'), byName('sigmoid'), 'bce', 3, 'binary');
    assert.ok(fused.fused, 'bce after sigmoid takes the fused path');
    assert.ok(worstError(fused) < 1e-6);
    const unfused = makeCase(byName('tanh'), byName('softsign'), 'mse', 3, 'regression');
    assert.ok(worstError(unfused) < 1e-6);
  });
  it('ce fused with a softmax output, and the same network through the unfused ce path', () => {
    const fused = makeCase(byName('gelu'), byName('softmax'), 'ce', 4, 'one-hot');
    assert.ok(fused.fused);
    assert.ok(worstError(fused) < 1e-6);
    const unfused: Case = { ...makeCase(byName('gelu'), byName('softmax'), 'ce', 4, 'one-hot'), fused: false };
    assert.ok(worstError(unfused) < 1e-6);
  });
  it("any entry's learnable parameter trains by the entry's gradient kernel: a made-up swish with a learnable beta", () => {
    const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
    const swish = (x: number, b: number) => x * sigmoid(b * x);
    const silu = catalogue.find((d) => d.name === 'silu')!;
    const beta = (p: ParameterValues) => p.beta as number;
    const learnableSwish: ActivationDefinition = {
      ...(silu as ElementwiseDefinition),
      name: 'swish_beta',
      parameters: [{ name: 'beta', aliases: [], default: 1.5, learnable: true, description: 'Gate sharpness, learned.' }],
      // training reads no f''
      scalar: { value: (x, p) => swish(x, beta(p)), derivative: (x, p) => { const s = sigmoid(beta(p) * x); return s + beta(p) * x * s * (1 - s); }, secondDerivative: () => NaN },
      kernels: {
        value: (x, y, p) => { for (let i = 0; i < x.length; i++) y[i] = swish(x[i], beta(p)); },
        derivative: (x, y, p) => { for (let i = 0; i < x.length; i++) { const s = sigmoid(beta(p) * x[i]); y[i] = s + beta(p) * x[i] * s * (1 - s); } },
        parameterGradients: {
          beta: (x, g, p) => { let sum = 0; for (let i = 0; i < x.length; i++) { const s = sigmoid(beta(p) * x[i]); sum += g[i] * x[i] * x[i] * s * (1 - s); } return sum; },
        },
      },
    };
    const act = catalogueActivation(learnableSwish, resolveParameters(learnableSwish, {}));
    assert.equal(act.learnableSlope, 1.5);
    const c = makeCase(act, act, 'mse', 6, 'regression');
    assert.ok(c.net.layers.every((l) => l.slopeIndex >= 0), 'each layer learns its beta');
    assert.ok(worstError(c) < 1e-6);
  });
  it('the learnable prelu slope gets d/da = x for x < 0 (checked above); its gradient is not zero', () => {
    const c = makeCase(byName('prelu'), byName('prelu'), 'mse', 5, 'regression');
    lossOf(c);
    const grads = new Float64Array(c.net.parameters.length);
    getLoss('mse').evaluate(c.ws.z[1], c.ws.output, c.ws.target, 5, 3, false, c.ws.g[1]);
    backwardPass(c.net, c.ws, grads, false);
    for (const layer of c.net.layers) assert.notEqual(grads[layer.slopeIndex], 0);
  });
  after(() => console.log(`      worst relative error over the catalogue: ${overallWorst.toExponential(2)}`));
});
