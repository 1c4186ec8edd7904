import { strict as assert } from 'assert';
import type { FunctionDisplay, PlotDisplay } from '../../../src/shared/output';
import { niceTicks, plotToSvg } from '../../../src/shared/svg-plot';
import { assertWellFormedXml } from '../helpers/well-formed-xml';

const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;

const relu: FunctionDisplay = {
  kind: 'function',
  name: 'relu',
  formula: 'max(0, x)',
  derivative: 'x > 0 ? 1 : 0',
  kinks: [0],
  curve: { x: [-2, -1, 0, 1, 2], y: [0, 0, 0, 1, 2], dy: [0, 0, 0, 1, 1] },
};

describe('plotToSvg (static SVG fallback)', () => {
  it('draws a function as well-formed, self-contained SVG: f solid, f\' dashed, kinks dotted', () => {
    const svg = plotToSvg(relu);
    assertWellFormedXml(svg);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="640" height="400" viewBox="0 0 640 400"/);
    assert.equal(count(svg, /<polyline /g), 2, 'one polyline per series');
    const groups = [...svg.matchAll(/<g class="series( derivative)?"[^>]*>/g)];
    assert.equal(groups.length, 2);
    assert.ok(!groups[0][0].includes('stroke-dasharray'), 'f is solid');
    assert.ok(groups[1][0].includes('stroke-dasharray="6 4"'), "f' is dashed");
    assert.ok(groups[0][0].includes(/stroke="(#[0-9a-f]{6})"/.exec(groups[1][0])![1]), "f' shares f's colour");
    assert.equal(count(svg, /<line class="kink" /g), 1);
    assert.match(svg, /<g class="kinks"[^>]*stroke-dasharray="2 3"/);
    assert.ok(svg.includes('>relu<') && svg.includes('>relu&apos;<'), 'legend');
    assert.ok(svg.includes('relu(x) = max(0, x)'), 'formula as the title');
    assert.ok(!/<script|href=|url\(|<image|<foreignObject/i.test(svg), 'nothing active, nothing external');
    assert.ok(!/fill="#fff|<rect[^>]*fill="(?!none)/.test(svg), 'transparent background');
  });

  it('draws one polyline per series of a plot and honours width/height', () => {
    const plot: PlotDisplay = {
      kind: 'plot',
      title: 'three',
      series: [
        { name: 'a', x: [0, 1, 2], y: [0, 1, 4] },
        { name: "a'", x: [0, 1, 2], y: [0, 2, 4], derivative: true },
        { name: 'b', x: [0, 1, 2], y: [1, 1, 1] },
      ],
    };
    const svg = plotToSvg(plot, { width: 500, height: 300 });
    assertWellFormedXml(svg);
    assert.match(svg, /width="500" height="300" viewBox="0 0 500 300"/);
    assert.equal(count(svg, /<polyline /g), 3);
    assert.equal(count(svg, /<g class="series derivative"[^>]*stroke-dasharray/g), 1);
    assert.equal(count(svg, /<line class="kink"/g), 0);
  });

  it('escapes every piece of user text', () => {
    const plot: PlotDisplay = {
      kind: 'plot',
      title: '</title><script>alert(1)</script>',
      series: [{ name: '<script>alert("x")</script> & \'q\'', x: [0, 1], y: [0, 1] }],
    };
    const svg = plotToSvg(plot);
    assertWellFormedXml(svg);
    assert.ok(!svg.includes('<script'), 'no script element');
    assert.ok(svg.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;q&apos;'));
    assert.ok(svg.includes('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
  });

  it('breaks a line at NaN and infinite values', () => {
    const plot: PlotDisplay = {
      kind: 'plot',
      series: [
        { name: 'log', x: [-2, -1, 0, 1, 2, 3, 4], y: ['NaN', 'NaN', '-Infinity', 0, 0.69, 'NaN', 1.38] },
        { name: 'id', x: [0, 1, 2], y: [0, 1, 2] },
      ],
    };
    const svg = plotToSvg(plot);
    assertWellFormedXml(svg);
    const groups = svg.split('<g class="series').slice(1).map((g) => g.slice(0, g.indexOf('</g>')));
    assert.equal(groups.length, 2, 'one group per series');
    assert.equal(count(groups[0], /<polyline /g), 2, 'two runs of finite points');
    assert.equal(count(groups[1], /<polyline /g), 1);
    assert.ok(!/NaN|Infinity/.test(svg), 'no non-finite coordinates');
  });

  it('copes with empty and constant data', () => {
    for (const svg of [
      plotToSvg({ kind: 'plot', series: [] }),
      plotToSvg({ kind: 'plot', series: [{ name: 'c', x: [1, 1], y: [3, 3] }] }),
      plotToSvg({ kind: 'function', name: 'g', formula: 'x', derivative: '1' }),
    ]) {
      assertWellFormedXml(svg);
      assert.ok(!/NaN|Infinity/.test(svg));
    }
  });

  it('draws values as far apart as the doubles allow, and as close: no NaN coordinates (fuzz)', () => {
    const huge: PlotDisplay = { kind: 'plot', series: [{ name: 'h', x: [-1e308, 0, 1e308], y: [-1.7976931348623157e308, 0, 1.7976931348623157e308] }] };
    const tiny: PlotDisplay = { kind: 'plot', series: [{ name: 't', x: [0, 5e-324, 1e-323], y: [5e-324, 5e-324, 5e-324] }] };
    const top: PlotDisplay = { kind: 'plot', series: [{ name: 'm', x: [1, 2], y: [1.7976931348623157e308, 1.7976931348623157e308] }] };
    for (const d of [huge, tiny, top]) {
      const svg = plotToSvg(d);
      assertWellFormedXml(svg);
      assert.doesNotMatch(svg, /="[^"]*(NaN|Infinity)/, d.series[0]!.name);
      assert.equal(count(svg, /<polyline /g), 1, d.series[0]!.name);
    }
    assert.deepEqual(niceTicks(-1e308, 1e308, 4), [-1e308, -5e307, 0, 5e307, 1e308]);
    assert.deepEqual(niceTicks(0, 1e-323, 4), [0, 1e-323], 'no round step between subnormals: the ends');
  });

  it('picks round ticks', () => {
    assert.deepEqual(niceTicks(-3, 3, 6), [-3, -2, -1, 0, 1, 2, 3]);
    assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
