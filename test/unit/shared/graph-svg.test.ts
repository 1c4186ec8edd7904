/** The computational graph's picture (shared/graph-svg.ts) and text (graph-text.ts). */
import { strict as assert } from 'assert';
import { Session } from '../../../src/language/runtime/session';
import { graphToSvg, paintSvg } from '../../../src/shared/graph-svg';
import { graphText } from '../../../src/shared/graph-text';
import type { GraphDisplay } from '../../../src/shared/output';
import { staticImage } from '../../../src/shared/static-image';
import { assertWellFormedXml } from '../helpers/well-formed-xml';

const graphOf = (...cells: string[]): GraphDisplay => {
  const s = new Session();
  let d;
  for (const c of cells) d = s.run(c).display;
  assert.equal(d!.kind, 'graph');
  return d as GraphDisplay;
};

describe('shared: computational graph pictures', () => {
  it('draws one box per node and one path per edge, well-formed, labels escaped', () => {
    const g = graphOf('f(x) = x * sigmoid(1.702 * x) + (x < 1)', 'graph(f, at=0.5)');
    const svg = graphToSvg(g);
    assertWellFormedXml(svg);
    assert.equal(svg.match(/<g data-node=/g)?.length, g.nodes.length);
    assert.equal(svg.match(/marker-end=/g)?.length, g.edges.length);
    assert.ok(svg.includes('&lt;'), 'the < node is escaped');
  });

  it('greys the nodes no gradient reaches and colours a network edge by its weight', () => {
    const g = graphOf('graph(mlp([2, 4, 1], seed=0), [0.5, -1])');
    const svg = graphToSvg(g);
    const zero = g.nodes.filter((n) => n.grad === 0).length;
    assert.ok(zero > 0);
    assert.equal(svg.match(/data-grad="0"/g)?.length, zero);
    assert.ok(svg.includes('#3b82d6') && svg.includes('#d64545'), 'both signs of weight');
    assert.match(svg, /Edges: blue a positive weight/);
  });

  it('places columns left to right by step, boxes no wider than needed, all inside the picture', () => {
    const g = graphOf('graph(tanh, at=0.25)');
    const svg = graphToSvg(g);
    const [, w, h] = svg.match(/width="(\d+)" height="(\d+)"/)!.map(Number);
    const xs = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="(\d+)" height="(\d+)"/g)].map((m) => m.slice(1).map(Number));
    for (const [x, y, bw, bh] of xs) assert.ok(x >= 0 && y >= 0 && x + bw <= w && y + bh <= h, 'box inside');
    assert.ok(xs[0][0] < xs[2][0], 'the input left of tanh');
  });

  it('paints currentColor and Canvas in a theme; a saved static image is painted for a white page', () => {
    const g = graphOf('graph(relu, at=-1)');
    const painted = paintSvg(graphToSvg(g), '#ccc', '#1e1e1e');
    assert.ok(!painted.includes('currentColor') && !painted.includes('Canvas'));
    assert.ok(painted.includes('fill="#1e1e1e"'));
    assert.ok(staticImage(g)?.includes('fill="#ffffff"'));
  });

  it('lists the nodes as text with values, gradients and operands', () => {
    const text = graphText(graphOf('f(x) = 2 * x', 'graph(f, at=3)'));
    assert.equal(text.split('\n')[0], 'computational graph of f at x = 3: 3 nodes, output 6, d(output)/d(input) = 2');
    assert.match(text, /×\s+value 6\s+grad 1\s+<- 2, x/);
  });
});
