/**
 * A notebook as it is written to disk. Two things a live output holds are not saved:
 *
 * - static SVG pictures of charts, unless asked for (static-images.ts);
 * - the typeset images of a function's formulas (FunctionDisplay.images): 5–20 KB of SVG
 *   each, made from the LaTeX that is saved beside them (FunctionDisplay.latex), so the
 *   editor typesets them again when it opens the file (the serializer) and nothing is lost.
 *   With them, one Run All of examples/tour.actnb saved 62 KB; without, under 40 KB.
 */
import { VALUE_MIME, type DisplayValue } from '../../shared/output';
import type { CellOutput, JsonValue, Notebook } from './notebook-model';
import { withStaticImages } from './static-images';

export function savedForm(nb: Notebook, staticImages: boolean): Notebook {
  const withPictures = withStaticImages(nb, staticImages);
  return { ...withPictures, cells: withPictures.cells.map((cell) => (cell.outputs.length ? { ...cell, outputs: cell.outputs.map(withoutFormulaImages) } : cell)) };
}

function withoutFormulaImages(output: CellOutput): CellOutput {
  let changed = false;
  const items = output.items.map((i) => {
    if (i.mime !== VALUE_MIME || !isTypesetFunction(i.data)) return i;
    changed = true;
    const { images: _images, ...rest } = i.data as unknown as Extract<DisplayValue, { kind: 'function' }>;
    return { ...i, data: rest as unknown as JsonValue };
  });
  // an output with nothing to drop stays the same object (saving leaves it as it was)
  return changed ? { ...output, items } : output;
}

function isTypesetFunction(data: unknown): boolean {
  const d = data as { kind?: unknown; images?: unknown } | null;
  return typeof d === 'object' && d !== null && d.kind === 'function' && d.images !== undefined;
}
