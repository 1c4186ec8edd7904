/**
 * Whether a saved notebook carries static SVG pictures of its plots: the
 * `activationLab.notebook.saveStaticImages` setting (the serializer) and
 * `run --inplace --static-images` (the CLI) decide, and this applies it to every
 * output that holds our JSON, just before writing.
 *
 * Off (the default): no SVG items. Our renderer draws from the JSON, so a picture
 * is only a second copy of each chart, most of a plot's bytes and diff. Files
 * written before the setting existed lose theirs at the next save.
 *
 * On: each of our outputs with a chart has one, right after the JSON (item order
 * is preference order). It is drawn here from the JSON, so turning the setting on
 * takes effect at the next save without re-running a cell. A picture already
 * there is kept as it is: it was drawn from the same JSON (a re-run replaces the
 * whole output), and redrawing it with a newer drawing code would change the
 * lines of cells nobody touched.
 */
import { VALUE_MIME, type DisplayValue } from '../../shared/output';
import { staticImage, SVG_MIME } from '../../shared/static-image';
import type { CellOutput, Notebook, OutputItem } from './notebook-model';

export function withStaticImages(nb: Notebook, save: boolean): Notebook {
  return { ...nb, cells: nb.cells.map((cell) => (cell.outputs.length ? { ...cell, outputs: cell.outputs.map((o) => outputWithImage(o, save)) } : cell)) };
}

function outputWithImage(output: CellOutput, save: boolean): CellOutput {
  const json = output.items.findIndex((i) => i.mime === VALUE_MIME);
  // someone else's output: not ours to change
  if (json < 0) return output;
  const has = output.items.some((i) => i.mime === SVG_MIME);
  if (!save) return has ? { ...output, items: output.items.filter((i) => i.mime !== SVG_MIME) } : output;
  if (has) return output;
  const svg = imageOf(output.items[json]);
  if (svg === undefined) return output;
  return { ...output, items: [...output.items.slice(0, json + 1), { mime: SVG_MIME, data: svg }, ...output.items.slice(json + 1)] };
}

/** The picture of an item's display; none for a display that has no chart or that we cannot draw. */
function imageOf(item: OutputItem): string | undefined {
  try {
    // the data came from a file: a hand-edited one may not be a display at all
    return staticImage(item.data as unknown as DisplayValue);
  } catch {
    return undefined; // saving must not fail over a picture
  }
}
