/**
 * Training speed (issue 6): a 2-16-16-1 MLP with relu hidden layers and a
 * sigmoid output, binary cross-entropy, Adam (lr 0.01), full batch, 300
 * epochs on 1000 points of the "circle" data set, float32, in one run:
 *
 *   ours        train() of the engine, bundled like the shipped code (engine.ts)
 *   tfjs-cpu    TensorFlow.js 4.22 layers: model.fit(x, y, {epochs: 300, batchSize: 1000})
 *   tfjs-wasm   the same on the wasm backend (XNNPACK)
 *
 * Same architecture, initialisation family (He normal for the hidden layers, Glorot
 * for the output in tfjs, He for ours), loss, optimizer and epochs. Each
 * candidate trains a fresh network per run; medians of a few runs. Ratios are
 * other / ours (above 1: ours is faster); the aim is >= 10x faster than tfjs-wasm.
 * Writes bench/results/network.json. A MISS is reported, not fatal.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { loadBundle } from './engine';
import { useBackend } from './candidates/tfjs';
import { median } from './timing';

type Engine = typeof import('../src/engine');
const engine = loadBundle<Engine>('src/engine/index.ts', 'engine.bundle.cjs');

const POINTS = 1000;
const EPOCHS = 300;
const LR = 0.01;
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);

const data = engine.makeDataset('circle', POINTS, 0, 0);

function act(name: string) {
  const definition = engine.getActivation(name);
  return engine.catalogueActivation(definition, engine.defaultParameters(definition));
}

function ours(seed: number): { ms: number; loss: number; accuracy: number } {
  const net = engine.mlp({ sizes: [2, 16, 16, 1], hidden: act('relu'), output: act('sigmoid'), init: 'he', seed, dtype: 'float32' });
  const start = process.hrtime.bigint();
  const run = engine.train(net, { x: data.x, targets: data.y, rows: POINTS, accuracy: 'threshold' }, {
    epochs: EPOCHS, lr: LR, optimizer: 'adam', batch: 0, loss: 'bce', l2: 0, test: 0, seed,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, loss: run.history.loss[EPOCHS - 1], accuracy: run.history.accuracy[EPOCHS - 1] };
}

async function tfjs(seed: number): Promise<{ ms: number; loss: number; accuracy: number }> {
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 16, activation: 'relu', inputShape: [2], kernelInitializer: tfl.initializers.heNormal({ seed }) }),
      tfl.layers.dense({ units: 16, activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: seed + 1 }) }),
      tfl.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(LR), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  const x = tf.tensor2d(Float32Array.from(data.x), [POINTS, 2]);
  const y = tf.tensor2d(Float32Array.from(data.y), [POINTS, 1]);
  const start = process.hrtime.bigint();
  const history = await model.fit(x, y, { epochs: EPOCHS, batchSize: POINTS, shuffle: false, verbose: 0 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const loss = history.history.loss[EPOCHS - 1] as number;
  const accuracy = (history.history.acc ?? history.history.accuracy)[EPOCHS - 1] as number;
  x.dispose();
  y.dispose();
  model.dispose();
  return { ms, loss, accuracy };
}

interface Figures { readonly medianMs: number; readonly samplesMs: number[]; readonly finalLoss: number; readonly finalAccuracy: number }

async function measure(run: (seed: number) => Promise<{ ms: number; loss: number; accuracy: number }> | { ms: number; loss: number; accuracy: number }, warmup: number): Promise<Figures> {
  for (let i = 0; i < warmup; i++) await run(100 + i);
  const samples: { ms: number; loss: number; accuracy: number }[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await run(i));
  return {
    medianMs: median(samples.map((s) => s.ms)),
    samplesMs: samples.map((s) => s.ms),
    finalLoss: samples[0].loss,
    finalAccuracy: samples[0].accuracy,
  };
}

async function main(): Promise<void> {
  const results: Record<string, Figures> = {};
  results.ours = await measure(ours, 2);
  await useBackend('wasm');
  results.tfjsWasm = await measure(tfjs, 1);
  await useBackend('cpu');
  results.tfjsCpu = await measure(tfjs, 1);
  const ratioWasm = results.tfjsWasm.medianMs / results.ours.medianMs;
  const ratioCpu = results.tfjsCpu.medianMs / results.ours.medianMs;
  const pass = ratioWasm >= 10;
  const report = {
    generated: new Date().toISOString(),
    task: `2-16-16-1 MLP, relu hidden, sigmoid output, bce, Adam lr=${LR}, full batch, ${EPOCHS} epochs, ${POINTS} points (circle), float32`,
    runs: RUNS,
    tfjsVersion: tf.version_core,
    results,
    ratios: { tfjsWasmOverOurs: ratioWasm, tfjsCpuOverOurs: ratioCpu },
    targets: { 'at least 10x faster than tfjs-wasm': pass },
  };
  const f = (ms: number) => `${ms.toFixed(1).padStart(8)} ms`;
  console.log(`Training: ${report.task} (median of ${RUNS})`);
  for (const [name, r] of Object.entries(results)) {
    console.log(`  ${name.padEnd(9)} ${f(r.medianMs)}   final loss ${r.finalLoss.toFixed(4)}, accuracy ${r.finalAccuracy.toFixed(3)}`);
  }
  console.log(`  tfjs-wasm / ours ${ratioWasm.toFixed(1)}x, tfjs-cpu / ours ${ratioCpu.toFixed(1)}x`);
  console.log(`  ${pass ? 'PASS' : 'MISS'} at least 10x faster than tfjs-wasm`);
  const out = path.join(__dirname, 'results', 'network.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  console.log(`  written to ${path.relative(process.cwd(), out)}`);
}

void main();
