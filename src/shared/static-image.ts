/**
 * The static SVG picture of a display, for places where our notebook renderer
 * does not run (GitHub's notebook view, a text editor's preview). Notebooks save
 * one only when asked to (services/notebook-format/static-images.ts): it is a
 * second copy of every chart, and the renderer never shows it.
 */
import { gradflowToSvg, trainingToSvg } from './network-svg';
import type { DisplayValue } from './output';
import { graphToSvg, paintSvg } from './graph-svg';
import { plotToSvg } from './svg-plot';

export { SVG_MIME } from './svg-plot';

/** The SVG of a function, plot, finished training run, gradient flow or computational graph; undefined for other displays. */
export function staticImage(display: DisplayValue): string | undefined {
  switch (display.kind) {
    case 'function':
    case 'plot':
      return plotToSvg(display);
    // a running training's interim displays have none: the result that replaces them has it
    case 'training': return display.status === 'running' ? undefined : trainingToSvg(display);
    case 'gradflow': return gradflowToSvg(display);
    // a viewer shows it on white: text and lines in black, boxes white
    case 'graph': return paintSvg(graphToSvg(display), '#1f2328', '#ffffff');
    default: return undefined;
  }
}
