import { strict as assert } from 'assert';
import { functionBlocks, OUTPUT_RENDERERS, outputFigures, rendererFor, type OutputBlock } from '../../../src/renderer/output-renderers';
import type { Theme } from '../../../src/renderer/theme';
import { Session } from '../../../src/language/runtime/session';
import type { DisplayValue, FunctionDisplay } from '../../../src/shared/output';
import { typesetFunction } from '../../../src/services/hover-content/display-formulas';

const dark: Theme = { kind: 'dark', foreground: '#cccccc', background: '#1f1f1f', border: '#454545', palette: ['#111111', '#222222'] };
const light: Theme = { kind: 'light', foreground: '#333333', background: '#ffffff', border: '#c8c8c8', palette: ['#0000ff', '#ff0000'] };

const run = (source: string): DisplayValue => new Session().run(source).display;
const shown = (d: DisplayValue): { blocks: OutputBlock[]; figures: string[] } => ({
  blocks: rendererFor(d)!.blocks(d),
  figures: outputFigures(d, dark).map((f) => f.name),
});

describe('renderer: output renderers by kind', () => {
  it('has an entry for every kind of display', () => {
    assert.deepEqual(Object.keys(OUTPUT_RENDERERS).sort(), [
      'boolean', 'check', 'dataset', 'error', 'function', 'gradflow', 'graph', 'network', 'neuron', 'none', 'number', 'plot', 'string', 'table', 'tensor', 'training',
    ]);
  });

  it('a neuron is its text; a graph a picture with its text as alt text; an export a code block', () => {
    const neuron = shown(run('neuron(mlp([2, 3, 1]), 1, 0, dataset("xor", n=20))'));
    assert.deepEqual(neuron.figures, ['neuron'], 'the histogram of its pre-activations');
    assert.ok('text' in neuron.blocks[0] && /relu\(.*·x1/.test(neuron.blocks[0].text));
    const graph = shown(run('graph(sigmoid, at=0)')).blocks;
    assert.equal(graph.length, 1);
    assert.ok('picture' in graph[0] && graph[0].picture.svg?.startsWith('<svg') && graph[0].picture.text.includes('sigmoid'));
    const code = shown(run('export(mlp([2, 3, 1]), "pytorch")')).blocks;
    assert.ok('code' in code[0] && code[0].language === 'python' && code[0].suggestedName === 'torch_model.py' && code[0].code.includes('class Model(nn.Module)'));
    const keras = shown(run('export(mlp([2, 3, 1]), "keras")')).blocks;
    assert.ok('code' in keras[0] && keras[0].suggestedName === 'keras_model.py');
    assert.deepEqual(shown({ kind: 'string', value: 'import torch' }).blocks, [{ text: 'import torch', style: 'text' }], 'a string without a language stays text');
  });

  it('checks are a line each, styled pass or fail, with a count when there are several', () => {
    const d = run('check(relu(-2) == 0, "flat side")\ncheck(relu(2), 3, hint="slope 1")');
    assert.deepEqual(shown(d), {
      blocks: [
        { text: '✓ flat side', style: 'pass' },
        { text: '✗ slope 1\n  found 2, expected 3 (tolerance 1e-9): off by -1', style: 'fail' },
        { text: '1 of 2 checks passed', style: 'fail' },
      ],
      figures: [],
    });
  });

  it('text kinds are one block and no chart', () => {
    assert.deepEqual(shown({ kind: 'number', value: 'NaN' }), { blocks: [{ text: 'nan', style: 'text' }], figures: [] });
    assert.deepEqual(shown({ kind: 'boolean', value: false }).blocks, [{ text: 'false', style: 'text' }]);
    assert.deepEqual(shown({ kind: 'none' }), { blocks: [], figures: [] });
    assert.deepEqual(shown({ kind: 'error', message: 'boom', line: 2, column: 3 }).blocks, [{ text: 'Line 2, column 3: boom', style: 'error' }]);
    assert.deepEqual(shown({ kind: 'error', message: 'interrupted', line: 0, column: 0 }).blocks, [{ text: 'Interrupted', style: 'error' }]);
  });

  it('tensors, tables and networks are tables', () => {
    const blocks = shown(run('[1, 2, 3]')).blocks;
    assert.equal(blocks.length, 1);
    assert.ok('table' in blocks[0] && blocks[0].table.caption?.includes('shape [3]'));
    assert.ok('table' in shown(run('mlp([2, 3, 1])')).blocks[0]);
  });

  it('functions, plots and the network figures are figure sets', () => {
    const relu = shown(run('relu'));
    // no images without the kernel's typesetting (display-formulas.ts): the text
    assert.deepEqual(relu.blocks, [{ equation: { text: 'relu(x) = max(0, x)' } }, { equation: { text: "relu'(x) = 1 if x > 0 else 0" } }]);
    assert.deepEqual(relu.figures, ['function']);
    assert.deepEqual(shown(run('plot(relu, gelu)')), { blocks: [], figures: ['plot'] });
    assert.deepEqual(shown(run('plot(gradflow(relu))')).figures, ['gradflow']);
    assert.deepEqual(shown(run('dataset("xor", n=20)')).figures, ['dataset']);
    const fit = shown(run('train(mlp([2, 4, 1]), dataset("xor", n=40), epochs=2)'));
    assert.match((fit.blocks[0] as { text: string }).text, /^training run: 2 of 2 epochs/);
    assert.deepEqual(fit.figures, ['loss', 'accuracy', 'units', 'boundary']);
  });

  it("typesets f and f' where the kernel made images, the text their alt text; a derivative's own derivative is folded away", () => {
    const leaky = typesetFunction(run('leaky_relu(alpha=0.01)') as FunctionDisplay);
    const blocks = functionBlocks(leaky);
    assert.deepEqual(blocks.map((b) => 'equation' in b && [b.equation.text, b.equation.svg?.slice(0, 4), b.collapsed]), [
      ['leaky_relu(alpha=0.01)(x) = x if x > 0 else 0.01 * x', '<svg', undefined],
      ["leaky_relu(alpha=0.01)'(x) = 1 if x > 0 else 0.01", '<svg', undefined],
    ]);
    const sigmoidPrime = functionBlocks(typesetFunction(run("sigmoid'") as FunctionDisplay));
    assert.deepEqual(sigmoidPrime.map((b) => 'equation' in b && [b.equation.text, b.collapsed]), [
      ["sigmoid'(x) = sigmoid(x) * (1 - sigmoid(x))", undefined],
      ["sigmoid''(x) = sigmoid(x) * (1 - sigmoid(x)) * (1 - 2 * sigmoid(x))", "sigmoid''(x) = …"],
    ]);
  });

  it('a display has the same figures, of the same heights, in every theme', () => {
    for (const source of ['relu', 'plot(relu, gelu)', 'train(mlp([2, 4, 1]), dataset("xor", n=40), epochs=2)']) {
      const d = run(source);
      const sizes = (t: Theme) => outputFigures(d, t).map((f) => `${f.name} ${f.layout.height}`);
      assert.deepEqual(sizes(light), sizes(dark), source);
    }
  });

  it('a kind it does not know (an output from a newer version) has no renderer', () => {
    assert.equal(rendererFor({ kind: 'hologram' } as unknown as DisplayValue), undefined);
    assert.equal(rendererFor({ kind: 'toString' } as unknown as DisplayValue), undefined, 'not an inherited property');
    assert.equal(rendererFor(null as unknown as DisplayValue), undefined);
    assert.deepEqual(outputFigures({ kind: 'hologram' } as unknown as DisplayValue, dark), []);
  });
});
