/**
 * A function output's formulas typeset: the LaTeX the language wrote
 * (FunctionDisplay.latex) becomes SVG with MathJax, here in Node (the kernel's
 * worker, the plot commands, the CLI's notebook run), so the notebook renderer
 * only shows images and never loads a typesetter. The glyphs stay
 * `currentColor`: the renderer colours them for the editor's theme.
 */
import { VALUE_MIME, type DisplayValue, type FunctionDisplay } from '../../shared/output';
import type { JsonValue, Notebook } from '../notebook-format/format';
import { hasMathError, latexToSvg } from './formula-image';

/** Output formulas are a little smaller than the hover's, to sit with the editor's text. */
const OUTPUT_SCALE = 0.9;
/**
 * Longer LaTeX is not typeset: an unsimplified second derivative can run to thousands of
 * characters, a picture wider than any output; its text is shown instead.
 */
export const MAX_TYPESET_LATEX = 1500;

/** The display with `images` added to a function output that has LaTeX; anything else unchanged. */
export function withFormulaImages(display: DisplayValue): DisplayValue {
  if (display.kind !== 'function' || !display.latex) return display;
  return typesetFunction(display);
}

export function typesetFunction(display: FunctionDisplay): FunctionDisplay {
  if (!display.latex) return display;
  const formula = typeset(display.latex.formula);
  const derivative = typeset(display.latex.derivative);
  if (formula === undefined && derivative === undefined) return display;
  return { ...display, images: { ...(formula !== undefined ? { formula } : {}), ...(derivative !== undefined ? { derivative } : {}) } };
}

/** An SVG document, or undefined when MathJax could not make sense of the LaTeX. */
function typeset(latex: string | undefined): string | undefined {
  if (latex === undefined || latex.length > MAX_TYPESET_LATEX) return undefined;
  try {
    const svg = latexToSvg(latex, { color: 'currentColor', scale: OUTPUT_SCALE });
    return hasMathError(svg) ? undefined : svg;
  } catch {
    return undefined;
  }
}

/**
 * A notebook read from disk with its function outputs typeset again: the file keeps each
 * formula's LaTeX but not its images (notebook-format/saved-form.ts), so the editor shows
 * the same typeset formulas after a reopen as after the run.
 */
export function withTypesetOutputs(nb: Notebook): Notebook {
  return {
    ...nb,
    cells: nb.cells.map((cell) => ({
      ...cell,
      outputs: cell.outputs.map((output) => ({
        ...output,
        items: output.items.map((item) => {
          const d = item.data as unknown as DisplayValue | null;
          if (item.mime !== VALUE_MIME || d === null || typeof d !== 'object' || d.kind !== 'function' || !d.latex || d.images) return item;
          return { ...item, data: typesetFunction(d) as unknown as JsonValue };
        }),
      })),
    })),
  };
}
