/**
 * MathJax set up for our formulas: TeX in, SVG out, through the DOM-free lite
 * adaptor. About 2 MB of code, so it is a bundle of its own
 * (dist/mathjax-renderer.js, see esbuild.js) that formula-image.ts loads with
 * `require()` on the first formula; the extension's own bundle stays small.
 */
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
// Registering side effects: the TeX packages the catalogue's formulas use (\text, cases: base and ams).
import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { SVG } from 'mathjax-full/js/output/svg.js';

/** Display-style LaTeX to MathJax's `<svg>` element as text (sizes in ex, glyphs in currentColor). */
export type LatexRenderer = (latex: string) => string;

export function createRenderer(): LatexRenderer {
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const document = mathjax.document('', {
    InputJax: new TeX({ packages: ['base', 'ams'] }),
    // 'local': each image carries the glyph paths it uses once, in its own <defs>
    OutputJax: new SVG({ fontCache: 'local' }),
  });
  return (latex) => {
    const container = document.convert(latex, { display: true });
    // the container is <mjx-container>; the picture is its one child
    return adaptor.outerHTML(adaptor.firstChild(container) as typeof container);
  };
}
