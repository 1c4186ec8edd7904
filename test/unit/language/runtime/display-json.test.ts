/** Displays are stored in notebooks and sent to webviews as JSON: they must survive it unchanged. */
import { strict as assert } from 'assert';
import { Session } from '../../../../src/language/runtime/session';
import { outputItems } from '../../../../src/shared/output-items';

const sources = [
  '0.5', 'nan', '[1, inf, -inf]', '[[1, 2], [3, 4]]', '"text"', '1 < 2', 'x = 1', 'relu', "leaky_relu(alpha=0.2)'",
  'f(x) = x * sigmoid(x)\nf', "plot(relu, gelu)", 'plot(relu, title="ReLU")', 'plot(linspace(0, 1, 3), [1, 2, 3])',
  'table([1, 2], [3, 4])', 'rleu(2)',
];

describe('language/runtime: displays are plain JSON', () => {
  for (const source of sources) {
    it(`${JSON.stringify(source)} survives JSON.stringify/parse exactly`, () => {
      const d = new Session().run(source).display;
      const check = (v: unknown, path: string): void => {
        assert.notEqual(v, undefined, `${path} is undefined`);
        if (typeof v === 'number') assert.ok(Number.isFinite(v), `${path} is ${v}, which JSON cannot hold`);
        if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) check(child, `${path}.${k}`);
      };
      check(d, 'display');
      assert.deepEqual(JSON.parse(JSON.stringify(d)), d);
    });
  }
});

describe('language/runtime: output items', () => {
  it('functions and plots carry our JSON and text, in that order; their static SVG is added on save when asked for', () => {
    for (const source of ['relu', 'plot(relu, gelu)']) {
      const items = outputItems(new Session().run(source).display);
      assert.deepEqual(items.map((i) => i.mime), ['application/vnd.activation-lab.value+json', 'text/plain']);
    }
  });
  it('numbers and tensors carry no picture', () => {
    const items = outputItems(new Session().run('[1, 2]').display);
    assert.deepEqual(items.map((i) => i.mime), ['application/vnd.activation-lab.value+json', 'text/plain']);
  });
});
