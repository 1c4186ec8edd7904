/** What a webview sends to save or copy a chart (shared/chart-image.ts), and the picture it makes (renderer/chart-actions.ts chartImage). */
import { strict as assert } from 'assert';
import { imageFileName, isChartImageMessage } from '../../../src/shared/chart-image';
import { chartImage, PICTURE_THEME, type ImagePlotly } from '../../../src/renderer/chart-picture';
import { captionedLayout, legendBelowAxis } from '../../../src/renderer/figure-style';
import { plotFigures } from '../../../src/renderer/figures';
import { Session } from '../../../src/language';
import type { PlotDisplay } from '../../../src/shared/output';

describe('chart pictures: Save as SVG / PNG and Copy image', () => {
  it('names the file after the chart: safe characters only, never empty', () => {
    assert.equal(imageFileName('leaky_relu(alpha=0.37)'), 'leaky_relu-alpha-0.37');
    assert.equal(imageFileName("f'' / <g>"), 'f-g');
    assert.equal(imageFileName('../../etc/passwd'), 'etc-passwd');
    assert.equal(imageFileName('()'), 'chart');
    assert.equal(imageFileName('x'.repeat(200)).length, 80);
  });

  it('reads only well-formed messages', () => {
    assert.ok(isChartImageMessage({ type: 'save-image', format: 'svg', data: '<svg/>', name: 'c' }));
    assert.ok(isChartImageMessage({ type: 'copy-svg', svg: '<svg/>' }));
    for (const m of [null, {}, { type: 'save-image', format: 'gif', data: '', name: 'c' }, { type: 'save-image', format: 'png', data: 1, name: 'c' }, { type: 'copy-svg' }]) {
      assert.ok(!isChartImageMessage(m), JSON.stringify(m));
    }
  });

  it('puts the sliders\' values in the title, growing the figure so the plot area and legend stay', () => {
    const d = new Session().run('plot(leaky_relu(alpha=slider(0, 1)))').display as PlotDisplay;
    const [figure] = plotFigures(d, PICTURE_THEME);
    const layout = captionedLayout(figure!.layout, 'alpha = 0.37');
    const before = figure!.layout as unknown as { height: number; margin: { t: number; b: number } };
    const after = layout as unknown as { height: number; margin: { t: number; b: number }; title: { text: string }; legend: unknown };
    assert.equal(after.title.text, 'alpha = 0.37');
    assert.equal(after.height - after.margin.t, before.height - before.margin.t, 'the plot area keeps its height');
    assert.deepEqual(after.legend, legendBelowAxis(after.height, after.margin));
    const titled = captionedLayout(captionedLayout(figure!.layout, 'My <plot>'), 'alpha = 0.37') as unknown as { title: { text: string } };
    assert.match(titled.title.text, /^My &lt;plot&gt;<br><span style="font-size:14px">alpha = 0.37<\/span>$/);
  });

  it('makes the picture from the light figure with the caption, as SVG text or base64 PNG', async () => {
    const d = new Session().run('plot(leaky_relu(alpha=slider(0, 1, value=0.37)))').display as PlotDisplay;
    const [figure] = plotFigures(d, PICTURE_THEME);
    const asked: { layout: { title?: { text: string }; paper_bgcolor?: string }; options: { format: string; width: number; scale?: number } }[] = [];
    const plotly: ImagePlotly = {
      toImage: async (fig, options) => {
        asked.push({ layout: fig.layout as never, options });
        return options.format === 'svg' ? `data:image/svg+xml,${encodeURIComponent('<svg>é</svg>')}` : 'data:image/png;base64,iVBORw0KGgo=';
      },
    };
    const source = { figure: () => figure, caption: () => 'alpha = 0.37', width: () => 640 };
    const svg = await chartImage(plotly, source, 'svg');
    assert.deepEqual(svg, { data: '<svg>é</svg>', name: 'leaky_relu-alpha-0.37' });
    assert.equal(asked[0]!.layout.title?.text, 'alpha = 0.37');
    assert.equal(asked[0]!.layout.paper_bgcolor, '#ffffff', 'an opaque white picture');
    assert.equal(asked[0]!.options.width, 640);
    const png = await chartImage(plotly, source, 'png');
    assert.equal(png?.data, 'iVBORw0KGgo=');
    assert.equal(asked[1]!.options.scale, 2);
    assert.equal(await chartImage(plotly, { ...source, figure: () => undefined }, 'svg'), undefined, 'a chart gone: nothing');
  });
});
