/** A function output's formulas typeset in Node (display-formulas.ts), for the renderer to show as images. */
import { strict as assert } from 'assert';
import { Session } from '../../../../src/language/runtime/session';
import { MAX_TYPESET_LATEX, typesetFunction, withFormulaImages } from '../../../../src/services/hover-content/display-formulas';
import type { DisplayValue, FunctionDisplay } from '../../../../src/shared/output';
import { assertWellFormedXml } from '../../helpers/well-formed-xml';

const run = (source: string): DisplayValue => new Session().run(source).display;

describe('services: typeset formulas of function outputs', () => {
  it('adds f and f\' as standalone SVG whose glyphs take the colour the renderer gives them', () => {
    const d = withFormulaImages(run('leaky_relu(alpha=0.01)')) as FunctionDisplay;
    assert.ok(d.images?.formula && d.images.derivative);
    for (const svg of [d.images.formula, d.images.derivative]) {
      assertWellFormedXml(svg);
      assert.match(svg, /^<svg [^>]*width="[\d.]+px" height="[\d.]+px"/);
      assert.ok(svg.includes('currentColor'), 'coloured by the renderer');
      for (const [, href] of svg.matchAll(/href="([^"]*)"/g)) assert.match(href, /^#/, 'nothing outside the file');
    }
    // the fields the contract and the text form show are unchanged
    assert.equal(d.formula, 'x if x > 0 else 0.01 * x');
    assert.equal(d.derivative, '1 if x > 0 else 0.01');
  });

  it('leaves other outputs, functions without LaTeX, and LaTeX too long or wrong for an image as they are', () => {
    for (const source of ['[1, 2]', 'plot(relu)', 'sum']) {
      const d = run(source);
      assert.deepEqual(withFormulaImages(d), d, source);
    }
    const relu = run('relu') as FunctionDisplay;
    assert.equal(typesetFunction({ ...relu, latex: { formula: '\\frac{', derivative: 'x'.repeat(MAX_TYPESET_LATEX + 1) } }).images, undefined);
    const onlyF = typesetFunction({ ...relu, latex: { formula: 'x', derivative: '\\undefinedmacro{x}' } });
    assert.ok(onlyF.images?.formula && onlyF.images.derivative === undefined);
  });
});
