import { strict as assert } from 'assert';
import { catalogue } from '../../../../src/engine/activations/catalogue';
import { hasMathError, latexToSvg, svgDataUri } from '../../../../src/services/hover-content/formula-image';
import { assertWellFormedXml } from '../../helpers/well-formed-xml';

describe('formula images (MathJax)', () => {
  it('draws a formula as a standalone SVG in the given colour, sized in px', () => {
    const svg = latexToSvg('\\max(0, x)', { color: '#123456' });
    assertWellFormedXml(svg);
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /^<svg [^>]*xmlns:xlink=/);
    assert.match(svg, /^<svg [^>]*width="[\d.]+px" height="[\d.]+px"/);
    assert.ok(!svg.includes('currentColor'));
    assert.ok(svg.includes('fill="#123456"'));
    // nothing outside the file: links only to its own <defs>
    for (const [, href] of svg.matchAll(/href="([^"]*)"/g)) assert.match(href, /^#/);
    assert.ok(!/<text|font-family|@import|url\(/.test(svg));
  });

  it('scales the image, not the drawing', () => {
    const width = (svg: string): number => Number(/width="([\d.]+)px"/.exec(svg)![1]);
    const one = latexToSvg('x^2', { color: 'black' });
    const two = latexToSvg('x^2', { color: 'black', scale: 2 });
    assert.ok(Math.abs(width(two) - 2 * width(one)) < 0.2);
    assert.ok(width(one) > 15 && width(one) < 40, `x^2 is ${width(one)} px wide`);
  });

  it('escapes the colour', () => {
    assert.ok(latexToSvg('x', { color: '"><script>' }).includes('&quot;&gt;&lt;script&gt;'));
  });

  it('marks LaTeX errors, so the catalogue check below can see them', () => {
    assert.ok(hasMathError(latexToSvg('\\notamacro{x}', { color: 'black' })));
    assert.ok(!hasMathError(latexToSvg('\\frac{1}{2}', { color: 'black' })));
  });

  it('converts every formula, derivative, second derivative and range of the catalogue without errors', () => {
    for (const d of catalogue) {
      const second = d.kind === 'elementwise' ? [['second derivative', d.secondDerivativeFormula] as const] : [];
      const forms = d.formulasFor?.({ approximate: 'tanh' })?.secondDerivativeFormula;
      const atParameters = forms ? [['second derivative at parameters', forms] as const] : [];
      for (const [what, formula] of [['formula', d.formula], ['derivative', d.derivativeFormula], ['range', d.range], ...second, ...atParameters] as const) {
        const svg = latexToSvg(formula.latex, { color: '#000' });
        assert.ok(!hasMathError(svg), `${d.name} ${what}: MathJax rejects ${formula.latex}`);
        assertWellFormedXml(svg);
      }
    }
  });

  it('makes base64 data URIs that decode to the SVG', () => {
    const svg = latexToSvg('\\alpha x', { color: 'red' });
    const uri = svgDataUri(svg);
    assert.match(uri, /^data:image\/svg\+xml;base64,[A-Za-z0-9+/]+=*$/);
    assert.equal(Buffer.from(uri.split(',')[1], 'base64').toString('utf8'), svg);
  });
});
