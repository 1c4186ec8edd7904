/**
 * Static SVG pictures of training runs (train and test loss against epoch)
 * and gradient flow (norm against layer, log axis), drawn by svg-plot.ts, for
 * places where the notebook renderer does not run.
 */
import type { GradflowDisplay, PlotSeries, TrainingDisplay } from './output';
import { plotToSvg } from './svg-plot';

export function trainingToSvg(d: TrainingDisplay): string {
  const x = d.history.map((row) => row[0]);
  const series: PlotSeries[] = [];
  const add = (column: string, name: string) => {
    const j = d.columns.indexOf(column);
    if (j >= 0 && d.history.some((row) => typeof row[j] === 'number')) series.push({ name, x, y: d.history.map((row) => row[j]) });
  };
  add('loss', 'train loss');
  add('test_loss', 'test loss');
  return plotToSvg({ kind: 'plot', title: `loss (${d.settings})`, series }, { xLabel: 'epoch', yLabel: 'loss' });
}

export function gradflowToSvg(d: GradflowDisplay): string {
  const series = d.series.map((s) => ({ name: s.name, x: s.norms.map((_, l) => l), y: s.norms }));
  return plotToSvg({ kind: 'plot', title: 'gradient norm reaching each layer at initialisation', series }, { xLabel: 'layer (0 = next to the input)', yLabel: 'gradient norm', logY: true });
}
