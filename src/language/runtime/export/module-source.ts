/**
 * export(net, "pytorch" | "keras"): the source of a self-contained Python module that
 * defines the network's architecture with its trained weights written in, each layer's
 * activation under its framework name and parameters (or, for a function of the
 * notebook or a catalogue entry no framework has, a small function: python-function.ts).
 *
 * PyTorch: `class Model(nn.Module)` of nn.Linear layers in the network's dtype, prelu as
 * nn.PReLU with its learned slope, put in eval mode (rrelu then uses its mean slope, as
 * ours does); `Model()(x)` matches `net(x)`. Keras 3: `build_model()` returns a
 * keras.Model of Dense layers with the weights set (Keras stores a kernel as inputs ×
 * outputs, the transpose of ours). Numbers are written with the shortest text that reads
 * back as the same double, so nothing is lost.
 */
import type { Layer, Network } from '../../../engine';
import { runtimeError, type CallSite } from '../call-site';
import { functionOfActivation } from '../network-activation';
import { KERAS, PYTORCH, pythonNumber, type Dialect, type FrameworkName } from './dialects';
import { PythonFunctions } from './python-function';

/** Parameters written out at most: about 20 MB of source; past that a module of numbers is no longer something to read. */
export const MAX_EXPORTED_PARAMETERS = 1_000_000;

const vector = (values: ArrayLike<number>): string => `[${Array.from(values, pythonNumber).join(', ')}]`;

/** Rows of a layer's weights, outputs × inputs (PyTorch's layout), one row per line. */
function matrix(layer: Layer, indent: string): string {
  const rows = Array.from({ length: layer.outputs }, (_, j) => vector(layer.weights.subarray(j * layer.inputs, (j + 1) * layer.inputs)));
  return `[\n${rows.map((r) => `${indent}    ${r},`).join('\n')}\n${indent}]`;
}

function architecture(net: Network): string {
  const sizes = [net.inputs, ...net.layers.map((l) => l.outputs)].join(', ');
  const acts = [...new Set(net.layers.map((l) => l.activation.label))].join(', ');
  return `mlp([${sizes}]) with ${acts}, ${net.dtype}, ${net.parameters.length.toLocaleString('en-US')} parameters`;
}

/** The Python applying layer `l`'s activation to `arg`; `linear` is none. */
function activationCall(net: Network, l: number, arg: string, functions: PythonFunctions, site: CallSite, what: string): string | undefined {
  const act = net.layers[l].activation;
  if (act.label === 'linear' && !act.catalogue && !functionOfActivation(act)) return undefined;
  if (act.catalogue) return functions.activation(act.catalogue.definition, act.catalogue.parameters, arg);
  const fn = functionOfActivation(act);
  if (fn) return functions.call(fn, arg);
  throw runtimeError(site, `${what}: the activation ${act.label} of layer ${l + 1} cannot be written in Python`);
}

export function exportModule(net: Network, framework: FrameworkName, site: CallSite): string {
  const what = `export(net, "${framework}")`;
  if (net.parameters.length > MAX_EXPORTED_PARAMETERS) {
    throw runtimeError(site, `${what} writes at most ${MAX_EXPORTED_PARAMETERS.toLocaleString('en-US')} parameters as source, and this network has ${net.parameters.length.toLocaleString('en-US')}; export a smaller network`);
  }
  const dialect: Dialect = framework === 'pytorch' ? PYTORCH : KERAS;
  const functions = new PythonFunctions(dialect, site, what);
  return framework === 'pytorch' ? pytorchModule(net, functions, site, what) : kerasModule(net, functions, site, what);
}

function pytorchModule(net: Network, functions: PythonFunctions, site: CallSite, what: string): string {
  const init: string[] = [];
  const forward: string[] = [];
  net.layers.forEach((layer, l) => {
    const n = l + 1;
    init.push(
      `        self.fc${n} = nn.Linear(${layer.inputs}, ${layer.outputs}, dtype=DTYPE)`,
      `        self.fc${n}.weight = nn.Parameter(torch.tensor(${matrix(layer, '        ')}, dtype=DTYPE))`,
      `        self.fc${n}.bias = nn.Parameter(torch.tensor(${vector(layer.bias)}, dtype=DTYPE))`,
    );
    const z = `self.fc${n}(x)`;
    if (layer.slopeIndex >= 0) {
      // a learned slope: the layer's own parameter, as in training
      init.push(`        self.act${n} = nn.PReLU(num_parameters=1, dtype=DTYPE)`, `        self.act${n}.weight = nn.Parameter(torch.tensor([${pythonNumber(net.slope(layer))}], dtype=DTYPE))`);
      forward.push(`        x = self.act${n}(${z})`);
    } else {
      forward.push(`        x = ${activationCall(net, l, z, functions, site, what) ?? z}`);
    }
  });
  const helpers = functions.source;
  return `"""A network exported by Activation Lab:
${architecture(net)}.

The architecture and the trained weights of the notebook's network; Model()(x) gives
what net(x) gave there, for x a tensor with one row per point:

    model = Model()
    y = model(torch.tensor([[${Array.from({ length: net.inputs }, () => '0.5').join(', ')}]], dtype=DTYPE))
"""
import torch
from torch import nn
import torch.nn.functional as F

DTYPE = torch.${net.dtype}
${helpers ? `\n\n${helpers}\n` : ''}

class Model(nn.Module):
    def __init__(self):
        super().__init__()
${init.join('\n')}
        # evaluation mode: rrelu uses its mean slope, as the notebook does
        self.eval()

    def forward(self, x):
${forward.join('\n')}
        return x


if __name__ == "__main__":
    model = Model()
    print(model(torch.zeros(1, ${net.inputs}, dtype=DTYPE)))
`;
}

function kerasModule(net: Network, functions: PythonFunctions, site: CallSite, what: string): string {
  const lines: string[] = [];
  const weights: string[] = [];
  net.layers.forEach((layer, l) => {
    const n = l + 1;
    lines.push(`    dense${n} = layers.Dense(${layer.outputs}, dtype=DTYPE, name="dense_${n}")`, `    x = dense${n}(x)`);
    weights.push(`    dense${n}.set_weights([np.array(${matrix(layer, '    ')}, dtype=DTYPE).T, np.array(${vector(layer.bias)}, dtype=DTYPE)])`);
    if (layer.slopeIndex >= 0) {
      lines.push(`    prelu${n} = layers.PReLU(dtype=DTYPE, name="prelu_${n}")`, `    x = prelu${n}(x)`);
      weights.push(`    prelu${n}.set_weights([np.full((${layer.outputs},), ${pythonNumber(net.slope(layer))}, dtype=DTYPE)])`);
      return;
    }
    const call = activationCall(net, l, 'v', functions, site, what);
    if (call) lines.push(`    x = layers.Activation(lambda v: ${call}, dtype=DTYPE, name="act_${n}")(x)`);
  });
  const helpers = functions.source;
  return `"""A network exported by Activation Lab:
${architecture(net)}.

The architecture and the trained weights of the notebook's network, for Keras 3;
build_model().predict(x) gives what net(x) gave there, for x with one row per point:

    model = build_model()
    y = model.predict(np.array([[${Array.from({ length: net.inputs }, () => '0.5').join(', ')}]], dtype=DTYPE))
"""
import numpy as np
import keras
from keras import layers, ops

DTYPE = "${net.dtype}"
${helpers ? `\n\n${helpers}\n` : ''}

def build_model():
    inputs = keras.Input(shape=(${net.inputs},), dtype=DTYPE)
    x = inputs
${lines.join('\n')}
    model = keras.Model(inputs, x)
    # Keras keeps a kernel as inputs x outputs: the transpose of the rows below
${weights.join('\n')}
    return model


if __name__ == "__main__":
    print(build_model()(np.zeros((1, ${net.inputs}), dtype=DTYPE)))
`;
}
