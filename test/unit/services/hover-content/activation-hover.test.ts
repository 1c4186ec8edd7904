import { strict as assert } from 'assert';
import { catalogue } from '../../../../src/engine/activations/catalogue';
import { activationHoverMarkdown, userFunctionHoverMarkdown, variableHoverMarkdown } from '../../../../src/services/hover-content/activation-hover';
import { Session } from '../../../../src/language/runtime/session';
import { assertWellFormedXml } from '../../helpers/well-formed-xml';

/** The images of a markdown text: alt text and decoded SVG. */
function images(markdown: string): { alt: string; svg: string; base64Length: number }[] {
  return [...markdown.matchAll(/!\[((?:\\.|[^\]\\])*)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => ({
    alt: m[1],
    svg: Buffer.from(m[2], 'base64').toString('utf8'),
    base64Length: m[2].length,
  }));
}

/** The text of markdown-escaped alt text. */
const unescaped = (alt: string): string => alt.replace(/\\(.)/g, '$1');

describe('activation hovers: what a default-size hover shows first', () => {
  it('the picture right under the heading, then the formulas, each once: an image with its text as alt text', () => {
    const md = activationHoverMarkdown({ name: 'sigmoid' }, { theme: 'dark' });
    const sections = md.split('\n\n');
    assert.match(sections[0], /^### sigmoid/);
    assert.match(sections[1], /^!\[plot of sigmoid and its derivative\]\(data:image\/svg\+xml;base64,/, 'the plot comes second, before any text');
    const [plot, f, df] = images(md);
    assert.equal(Number(/height="(\d+)"/.exec(plot.svg)?.[1]), 190, 'short enough to show whole in a 250 px hover');
    assert.equal(unescaped(f.alt), 'f(x) = 1 / (1 + exp(-x))');
    assert.equal(unescaped(df.alt), "f'(x) = sigmoid(x) * (1 - sigmoid(x))");
    // shown once: no code span repeats the formula under its image
    assert.ok(!md.includes('`f(x) = 1 / (1 + exp(-x))`'));
    assert.ok(!md.includes("`f'(x) = sigmoid(x) * (1 - sigmoid(x))`"));
  });
});

describe('activation hovers', () => {
  it('every catalogue entry: one plot, two formula images, its frameworks', function () {
    this.timeout(60000);
    for (const d of catalogue) {
      const defaults = Object.fromEntries(d.parameters.filter((p) => p.default === undefined).map((p) => [p.name, 1]));
      const md = activationHoverMarkdown({ name: d.name, parameters: defaults }, { theme: 'dark' });
      const found = images(md);
      assert.equal(found.length, 3, `${d.name}: plot, formula and derivative images`);
      for (const image of found) {
        assert.match(image.svg, /^<svg[\s\S]*<\/svg>\s*$/);
        assertWellFormedXml(image.svg);
      }
      assert.equal(unescaped(found[1].alt), `f(x) = ${d.formula.text}`, `${d.name}: the plain-text formula is the image's alt text`);
      assert.equal(unescaped(found[2].alt), `f'(x) = ${d.derivativeFormula.text}`);
      assert.ok(found[0].svg.includes('<polyline'), `${d.name}: the plot has curves`);
      assert.ok(found[0].base64Length < 30000, `${d.name}: plot is ${found[0].base64Length} bytes of base64`);
      for (const name of Object.values(d.frameworks).flat()) assert.ok(md.includes(`\`${name}\``), `${d.name}: ${name}`);
      assert.ok(md.includes('PyTorch') && md.includes('JAX'));
      assert.ok(md.includes('**Properties:**') && md.includes('**Range:**'));
    }
  });

  it('shows the given parameter values, marks those from the code, and labels the heading', () => {
    const md = activationHoverMarkdown({ name: 'leaky_relu', parameters: { negative_slope: 0.2 }, label: 'nn.LeakyReLU', written: ['alpha'], source: 'pytorch' }, { theme: 'light' });
    assert.match(md, /^### leaky\\_relu `nn.LeakyReLU` \(pytorch\)/);
    assert.match(md, /\| `alpha` \(`negative_slope`\) \| `0.2` ✎ \*from the code\* \| `0.01` \|/);
    assert.ok(images(md)[0].alt.includes('alpha=0.2'));
    const gelu = activationHoverMarkdown({ name: 'gelu_tanh' }, { theme: 'dark' });
    assert.ok(gelu.includes('| `"tanh"` |'), 'a preset fixes its parameters');
  });

  it('falls back to the defaults, with a note, for values the registry rejects', () => {
    const md = activationHoverMarkdown({ name: 'celu', parameters: { alpha: 0 } }, { theme: 'dark' });
    assert.match(md, /must be non-zero/);
    assert.equal(images(md).length, 3);
    assert.match(activationHoverMarkdown({ name: 'threshold' }, { theme: 'dark' }), /needs the parameter 'threshold'/);
  });

  it('draws in the colours of the theme', () => {
    const dark = images(activationHoverMarkdown({ name: 'relu' }, { theme: 'dark' }));
    const light = images(activationHoverMarkdown({ name: 'relu' }, { theme: 'light' }));
    const hc = images(activationHoverMarkdown({ name: 'relu' }, { theme: 'high-contrast' }));
    assert.ok(dark[1].svg.includes('fill="#d4d4d4"') && light[1].svg.includes('fill="#1f1f1f"') && hc[1].svg.includes('fill="#ffffff"'));
    assert.notEqual(dark[0].svg, light[0].svg);
  });

  it('escapes text that came from user code', () => {
    const md = activationHoverMarkdown({ name: 'relu', label: 'x`](javascript:alert(1))<img>', source: '*bold*' }, { theme: 'dark' });
    assert.ok(md.includes('``x`](javascript:alert(1))<img>``'));
    assert.ok(md.includes('(\\*bold\\*)'));
    assert.match(activationHoverMarkdown({ name: 'no_such' }, { theme: 'dark' }), /not an activation/);
  });

  it('user-defined functions: plot first, then formula and derivative typeset from their LaTeX (text alone without it)', () => {
    const session = new Session();
    const { display } = session.run("f(x) = x * sigmoid(1.702 * x)\nf");
    assert.equal(display.kind, 'function');
    if (display.kind !== 'function') return;
    const hover = { label: display.name, formula: display.formula, derivative: display.derivative, curve: display.curve!, kinks: display.kinks ?? [] };
    const md = userFunctionHoverMarkdown({ ...hover, latex: display.latex }, { theme: 'dark' });
    assert.ok(md.startsWith('### f *(user-defined function)*'));
    const [plot, f, df] = images(md);
    assert.equal(plot.alt, 'plot of f and its derivative');
    assertWellFormedXml(plot.svg);
    assert.ok(plot.base64Length < 30000);
    assert.equal(unescaped(f.alt), `f(x) = ${display.formula}`);
    assert.ok(unescaped(df.alt).startsWith("f'(x) = "));
    assert.ok(!md.includes(`\`f(x) = ${display.formula}\``), 'shown once');
    const plain = userFunctionHoverMarkdown(hover, { theme: 'dark' });
    assert.equal(images(plain).length, 1);
    assert.ok(plain.includes(`\`f(x) = ${display.formula}\``));
  });

  it('variables: kind, dtype, shape, range and value', () => {
    const md = variableHoverMarkdown({ name: 'w_1', kind: 'tensor', dtype: 'float32', shape: [3, 4], min: -0.5, max: 1 / 3, value: '[[1, 2]]' }, { theme: 'light' });
    assert.ok(md.startsWith('### w\\_1'));
    assert.ok(md.includes('`float32`') && md.includes('shape `[3, 4]`') && md.includes('min `-0.5`, max `0.333333`'));
    assert.ok(md.includes('[[1, 2]]'));
    assert.equal(variableHoverMarkdown({ name: 'n', kind: 'number' }, { theme: 'dark' }), '### n\n\n*number*');
  });
});
