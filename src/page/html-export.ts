/**
 * `activation-lab run NOTEBOOK --html OUT.html` and the editor's Export Notebook as HTML
 * (src/notebook/export-html.ts, given this builder by src/extension.ts): one self-contained
 * page that works offline. Markdown cells are rendered with markdown-it (raw HTML in
 * markdown is escaped, not passed through); code is shown escaped; each
 * result is drawn: text as <pre>, small tensors and tables as HTML tables,
 * errors styled, and every chart with plotly from the notebook renderer's
 * figure builders (src/renderer/output-renderers.ts) in its light theme:
 * functions and plots (f solid, f' dashed, kinks as vertical dotted lines),
 * training runs, gradient flow and data sets.
 *
 * Safety: plotly.min.js is inlined (read at run time from the installed
 * plotly.js-dist-min package), nothing is loaded from the network, and a CSP
 * meta tag forbids it. Plot data travels as JSON in <script
 * type="application/json"> elements (every `<` written as \u003c, so no
 * `</script>` can end them early), which one fixed inline script reads and
 * hands to Plotly: no user text is ever executed.
 */
import { createHash } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import type MarkdownIt from 'markdown-it';
import { displayText } from '../shared/display-text';
import { checkLines } from '../shared/check-text';
import { errorLine } from '../shared/error-heading';
import { formatNumber, type DisplayValue, type JsonNumber, type LivePlot, type TensorDisplay } from '../shared/output';
import { chartLabel } from '../renderer/chart-label';
import type { PlotFigure } from '../renderer/figure-style';
import { functionBlocks, outputFigures, suggestedFileName, type OutputBlock } from '../renderer/output-renderers';
import { highlightPython } from '../renderer/python-highlight';
import { graphText } from '../shared/graph-text';
import { graphToSvg, paintSvg } from '../shared/graph-svg';
import { tensorView } from '../renderer/tables';
import { readTheme } from '../renderer/theme';
import type { HtmlCell } from '../shared/page-cell';
import { diagramSource, hasDiagram, type DiagramDisplay } from '../renderer/diagram-display';
import { diagramSvg } from '../renderer/network-diagram';
import { diagramModel } from '../renderer/network-model';
import { layerHistograms } from '../renderer/unit-histograms';

/** The exported page is white: the renderer's light colours (no CSS variables to read here). */
const PAGE_THEME = readTheme(() => '', ['vscode-light']);

let markdownIt: MarkdownIt | undefined;

/**
 * markdown-it, made at the first page: requiring it at load cost every CLI run (eval too)
 * about 3 MiB of memory that only --html and Export Notebook as HTML use.
 */
function markdown(): MarkdownIt {
  if (markdownIt) return markdownIt;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Markdown = require('markdown-it') as typeof MarkdownIt;
  const md = new Markdown({ html: false, linkify: false, typographer: false });
  /*
   * A markdown image from the network (`![plot](https://…)`) would make the page fetch it when
   * opened, in a viewer that ignores the meta CSP: it is shown as text naming its address.
   * Images written into the page as data: URLs are shown.
   */
  const markdownImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const src = tokens[idx]!.attrGet('src') ?? '';
    if (/^data:image\//i.test(src)) return markdownImage(tokens, idx, options, env, self);
    const alt = self.renderInlineAsText(tokens[idx]!.children ?? [], options, env);
    return `<span class="remote-image">[image${alt ? ` "${md.utils.escapeHtml(alt)}"` : ''}, not loaded: ${md.utils.escapeHtml(src)}]</span>`;
  };
  markdownIt = md;
  return md;
}

export const escapeHtml = (text: string): string => markdown().utils.escapeHtml(text);

/**
 * The page's Content-Security-Policy: only the page's own two scripts run (each allowed by
 * its hash, so a script that found its way into the page would not), inline styles (plotly
 * sets them), images only as data: URLs, nothing from the network.
 */
export function pageCsp(scripts: readonly string[]): string {
  const hashes = scripts.map((js) => `'sha256-${createHash('sha256').update(js, 'utf8').digest('base64')}'`);
  return `default-src 'none'; script-src ${hashes.join(' ')}; style-src 'unsafe-inline'; img-src data:`;
}

/** Largest tensors drawn as an HTML table; bigger ones are shown as text. */
const MAX_TABLE_COLUMNS = 20;
const MAX_TABLE_ROWS = 100;

export interface HtmlOptions {
  /** The plotly.js bundle to inline; read from plotly.js-dist-min when omitted. */
  readonly plotlySource?: string;
  /** The script of plots with sliders (dist/export-page.js); read beside the CLI when omitted. */
  readonly livePlotSource?: string;
}

/**
 * The script that makes plots with sliders move in the page (src/renderer/export-page.ts, built
 * to dist/export-page.js beside dist/cli.js; from the sources, the build's output).
 */
export function readLivePlotSource(): string | undefined {
  for (const file of [join(__dirname, 'export-page.js'), join(__dirname, '..', '..', 'dist', 'export-page.js')]) {
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  return undefined;
}

/**
 * plotly.min.js: the copy the build puts beside the bundles (dist/plotly.min.js, shipped in the
 * .vsix, which has no node_modules), else the installed plotly.js-dist-min package.
 */
export function readPlotlySource(): string {
  const beside = join(__dirname, 'plotly.min.js');
  return readFileSync(existsSync(beside) ? beside : require.resolve('plotly.js-dist-min/plotly.min.js'), 'utf8');
}

export function renderNotebookHtml(title: string, cells: readonly HtmlCell[], options: HtmlOptions = {}): string {
  const parts: PageParts = { plots: [], liveNetworks: 0 };
  const body = cells.map((cell) => (cell.kind === 'markdown' ? renderMarkdownCell(cell.source) : renderCodeCell(cell, parts))).join('\n');
  // Always inlined (even without plots) so that every exported page is the same kind of self-contained page.
  const plotly = inlineScript(options.plotlySource ?? readPlotlySource());
  const draw = inlineScript(PLOT_SCRIPT);
  // only pages with sliders or an epoch scrubber carry the language (about 350 KB); without the
  // built script their plots and diagrams stay still
  const liveSource = parts.liveNetworks > 0 || parts.plots.some((p) => p.live) ? options.livePlotSource ?? readLivePlotSource() : undefined;
  const live = liveSource === undefined ? undefined : inlineScript(liveSource);
  const scripts = live === undefined ? [plotly, draw] : [plotly, draw, live];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(pageCsp(scripts))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="activation-lab">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="file">${escapeHtml(title)}</header>
<main>
${body}
</main>
${scripts.map((js) => `<script>${js}</script>`).join('\n')}
</body>
</html>
`;
}

function renderMarkdownCell(source: string): string {
  return `<section class="cell markdown">\n${markdown().render(source)}</section>`;
}

const EXERCISE_NOTE = '✎ Exercise: open this lesson in Activation Lab (Open Lesson…), change the lines above <code># checks</code> and run the cell. Its checks say ✓ when it is solved.';

function renderCodeCell(cell: Extract<HtmlCell, { kind: 'code' }>, parts: PageParts): string {
  const prompt = `[${cell.order ?? ' '}]`;
  const code = `<div class="input"><span class="prompt">${escapeHtml(prompt)}</span><pre class="code"><code>${escapeHtml(cell.source)}</code></pre></div>`;
  let output: string;
  // a handout: the exercise as the student gets it; what its checks found would only say "not solved yet"
  if (cell.exercise) output = `<div class="output exercise">${EXERCISE_NOTE}</div>`;
  else if (cell.display === undefined) output = '<div class="output not-run">not run</div>';
  else output = renderDisplay(cell.display, parts);
  return `<section class="cell code">\n${code}\n${output}\n</section>`;
}

function renderDisplay(d: DisplayValue, parts: PageParts): string {
  if (d.kind === 'none') return '';
  // an interrupted run's kept display stands above the line that says what stopped, as in a notebook
  if (d.kind === 'error' && d.kept) return renderDisplay(d.kept, parts) + renderDisplay({ ...d, kept: undefined }, parts);
  if (d.kind === 'check' && d.shown) {
    const { shown, ...checks } = d;
    return renderDisplay(shown, parts) + renderDisplay(checks, parts);
  }
  const live = d.kind === 'plot' ? d.live : undefined;
  const figures = outputFigures(d, PAGE_THEME);
  const first = parts.plots.length + 1;
  const charts = figures.map((f) => plotElements(f, parts.plots, live)).join('');
  const boundary = figures.findIndex((f) => f.name === 'boundary');
  const diagram = hasDiagram(d) ? renderDiagram(d, parts, boundary < 0 ? undefined : `plot-${first + boundary}`) : '';
  return `<div class="output">${renderResult(d)}${diagram}${charts}</div>`;
}

/**
 * The network diagram as the notebook draws it, still (the trained weights): SVG whose texts
 * are escaped where they are written (renderer/network-diagram.ts), each node's formula and
 * numbers its tooltip, and each layer's histogram of outputs under it. A training run with
 * weight snapshots also carries its display, from which the page's script
 * (renderer/export-page.ts) puts the notebook's live diagram in the still one's place: the
 * epoch scrubber, hovers and the inspector, the decision boundary (`boundary`, its chart's id)
 * following the scrubber.
 */
function renderDiagram(d: DiagramDisplay, parts: PageParts, boundary: string | undefined): string {
  const model = diagramModel(diagramSource(d));
  const histograms = layerHistograms(model).map((h) => h.svg).join('');
  const still = `${diagramSvg(model).svg}<div class="layer-histograms">${histograms}</div>`;
  if (d.kind !== 'training' || !d.snapshots) return `<div class="network">${still}</div>`;
  const id = `network-${++parts.liveNetworks}`;
  const attributes = `data-network="${id}"${boundary ? ` data-boundary="${boundary}"` : ''}`;
  return `<div class="network" id="${id}">${still}</div>\n<script type="application/json" ${attributes}>${jsonForScript(d)}</script>`;
}

/** What stands above a result's charts (a plot is only its chart). */
function renderResult(d: Exclude<DisplayValue, { kind: 'none' }>): string {
  switch (d.kind) {
    // as a notebook shows it, not the CLI's stderr line
    case 'error': return `<pre class="error">${escapeHtml(errorLine(d))}</pre>`;
    case 'tensor': return renderTensor(d);
    case 'table': return renderTable(d.columns.map((c) => c.name), rowsOf(d.columns.map((c) => c.data)));
    case 'plot': return '';
    case 'check': return checkLines(d).map((l) => `<pre class="${l.passed ? 'pass' : 'fail'}">${escapeHtml(l.text)}</pre>`).join('');
    case 'function': return functionBlocks(d).map(renderEquation).join('');
    case 'graph': return renderPicture(graphText(d), graphToSvg(d));
    case 'string': return d.language ? renderCode(d.value) : `<pre class="text">${escapeHtml(d.value)}</pre>`;
    // numbers, strings, booleans, functions (their formulas), networks (their summary), data sets, gradient flow, training runs
    default: return `<pre class="text">${escapeHtml(displayText(d))}</pre>`;
  }
}

/** The page's text colour, for the typeset formulas (their glyphs are currentColor). */
const PAGE_TEXT = '#1f2328';

/** A formula typeset (an image, its text the alt text) or as text; a derivative's f'' folded away, as in the notebook. */
function renderEquation(block: OutputBlock): string {
  if (!('equation' in block)) return '';
  const { text, svg } = block.equation;
  const shown = svg
    ? `<div class="equation"><img alt="${escapeHtml(text)}" src="data:image/svg+xml;base64,${Buffer.from(svg.replace(/currentColor/g, PAGE_TEXT)).toString('base64')}"></div>`
    : `<pre class="text">${escapeHtml(text)}</pre>`;
  return block.collapsed === undefined ? shown : `<details class="more"><summary>${escapeHtml(block.collapsed)}</summary>${shown}</details>`;
}

/** A drawing in currentColor and Canvas (a computational graph), as an image in the page's colours, its text the alt text. */
function renderPicture(text: string, svg: string): string {
  return `<div class="picture"><img alt="${escapeHtml(text)}" src="data:image/svg+xml;base64,${Buffer.from(paintSvg(svg, PAGE_TEXT, '#ffffff')).toString('base64')}"></div>`;
}

/**
 * Source code (export(...)'s module), highlighted as in the notebook, with a link that saves it:
 * a data: URL with the download attribute, so no script is needed (the text can be selected to copy).
 */
function renderCode(source: string): string {
  const name = suggestedFileName(source);
  const spans = highlightPython(source).map((t) => (t.kind === 'plain' ? escapeHtml(t.text) : `<span class="tok-${t.kind}">${escapeHtml(t.text)}</span>`)).join('');
  const href = `data:text/x-python;charset=utf-8;base64,${Buffer.from(source, 'utf8').toString('base64')}`;
  return `<div class="code-block"><div class="code-bar"><span>${escapeHtml(name)} · Python, ${source.split('\n').length} lines</span><a download="${escapeHtml(name)}" href="${href}">Save as…</a></div><pre class="code"><code>${spans}</code></pre></div>`;
}

function renderTensor(d: TensorDisplay): string {
  const caption = `${d.dtype} tensor, shape [${d.shape.join(', ')}]`;
  const rows = d.shape.length === 2 ? d.shape[0] : 1;
  const cols = d.shape.length === 2 ? d.shape[1] : d.shape.length === 1 ? d.shape[0] : 0;
  if (d.shape.length === 0 || cols === 0 || cols > MAX_TABLE_COLUMNS || rows > MAX_TABLE_ROWS) {
    return `<pre class="text">${escapeHtml(displayText(d))}</pre>`;
  }
  // as the notebook shows it: the header and row labels said to be indices (src/renderer/tables.ts)
  const view = tensorView(d);
  return renderTable(view.header, view.rows, caption, view.rowLabels && { corner: view.corner ?? '', labels: view.rowLabels });
}

function rowsOf(columns: readonly (readonly JsonNumber[])[]): string[][] {
  const n = Math.max(0, ...columns.map((c) => c.length));
  return Array.from({ length: n }, (_, i) => columns.map((c) => (i < c.length ? formatNumber(c[i]) : '')));
}

function renderTable(
  header: readonly string[], rows: readonly (readonly string[])[], caption?: string,
  rowLabels?: { readonly corner: string; readonly labels: readonly string[] },
): string {
  const th = (rowLabels ? [`<th class="corner">${escapeHtml(rowLabels.corner)}</th>`] : []).concat(header.map((h) => `<th>${escapeHtml(h)}</th>`)).join('');
  const trs = rows.map((r, i) => `<tr>${rowLabels ? `<th class="label">${escapeHtml(rowLabels.labels[i] ?? '')}</th>` : ''}${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
  const cap = caption ? `<caption>${escapeHtml(caption)}</caption>` : '';
  return `<table class="values">${cap}<thead><tr>${th}</tr></thead><tbody>${trs.join('')}</tbody></table>`;
}

// --- plots (figures: src/renderer/output-renderers.ts) -----------------------

/** A chart of the page; `live` for a plot with sliders. */
interface PagePlot {
  readonly figure: PlotFigure<object>;
  readonly live?: LivePlot;
}

/** What a page's outputs add up to: its charts (each with its live source, if any) and its live diagrams. */
interface PageParts {
  readonly plots: PagePlot[];
  liveNetworks: number;
}

function plotElements(figure: PlotFigure<object>, plots: PagePlot[], live: LivePlot | undefined): string {
  plots.push({ figure, live });
  const id = `plot-${plots.length}`;
  // a chart with equal axis scales is as wide as its plot area needs (PlotFigure.width), no wider
  const style = figure.width !== undefined ? ` style="max-width: ${figure.width}px"` : '';
  // a plot with sliders also carries its source, which the page's live script evaluates as they move (export-page.ts)
  const liveJson = live ? `\n<script type="application/json" data-live="${id}">${jsonForScript(live)}</script>` : '';
  const label = ` role="figure" aria-label="${escapeHtml(chartLabel(figure))}"`;
  return `<div class="plot" id="${id}"${label}${style}></div>\n<script type="application/json" data-plot="${id}">${jsonForScript(figure)}</script>${liveJson}`;
}

/** JSON that cannot end its <script> element early: every `<` (so `</` and `<!--`) becomes \u003c. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Script text that cannot close its own element (plotly has no `</script`, but be sure). */
function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

const PLOT_SCRIPT = `(function () {
  var nodes = document.querySelectorAll('script[type="application/json"][data-plot]');
  for (var i = 0; i < nodes.length; i++) {
    var target = document.getElementById(nodes[i].getAttribute('data-plot'));
    try {
      var spec = JSON.parse(nodes[i].textContent);
      Plotly.newPlot(target, spec.data, spec.layout, spec.config);
    } catch (e) {
      target.textContent = 'could not draw this plot: ' + e;
    }
  }
})();`;

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1f2328; background: #fff; }
header.file { padding: 8px 24px; font-size: 13px; color: #57606a; border-bottom: 1px solid #d0d7de; }
main { max-width: 960px; margin: 0 auto; padding: 16px 24px 48px; }
.cell { margin: 16px 0; }
.input { display: flex; gap: 8px; align-items: flex-start; }
.prompt { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; color: #57606a; min-width: 3em; padding-top: 9px; }
pre { margin: 0; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.code { flex: 1; background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; }
.output { margin: 6px 0 0 calc(3em + 8px); }
pre.text { padding: 4px 0; }
.output.exercise { font-style: italic; color: #59636e; border-left: 3px solid #8250df; padding: 4px 10px; }
pre.pass, pre.fail { padding: 2px 10px; margin: 2px 0; border-left: 3px solid; }
pre.pass { color: #1a7f37; }
pre.fail { color: #82071e; background: #ffebe9; }
pre.error { color: #82071e; background: #ffebe9; border: 1px solid #ff818266; border-radius: 6px; padding: 8px 12px; }
.not-run { font-size: 13px; color: #57606a; font-style: italic; }
.equation { padding: 2px 0; overflow-x: auto; }
.equation img { display: block; }
details.more summary { cursor: pointer; color: #57606a; font-size: 13px; }
.network { margin: 8px 0; overflow-x: auto; }
.network svg { display: block; }
.layer-histograms { display: flex; flex-wrap: wrap; gap: 8px 18px; }
.layer-histograms svg { display: inline-block; }
table.values { border-collapse: collapse; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
table.values caption { text-align: left; color: #57606a; padding-bottom: 4px; font-family: system-ui, sans-serif; }
table.values th, table.values td { border: 1px solid #d0d7de; padding: 2px 8px; text-align: right; }
table.values th { background: #f6f8fa; }
table.values th.corner, table.values th.label { font-weight: normal; font-style: italic; color: #57606a; text-align: left; }
/* no height: plotly's drawing, the figure's height, is the chart's (a taller box would stretch it) */
.plot { width: 100%; }
.markdown code { background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }
.picture { overflow-x: auto; padding: 4px 0; }
.picture img { display: block; max-width: none; }
.code-block { border: 1px solid #d0d7de; border-radius: 6px; }
.code-bar { display: flex; gap: 8px; padding: 4px 12px; border-bottom: 1px solid #d0d7de; font-size: 13px; color: #57606a; }
.code-bar span { flex: 1; }
.code-block pre.code { border: 0; border-radius: 0 0 6px 6px; max-height: 480px; overflow: auto; white-space: pre; }
.tok-comment { color: #6e7781; font-style: italic; }
.tok-string { color: #0a3069; }
.tok-number { color: #0550ae; }
.tok-keyword { color: #cf222e; font-weight: 600; }
`;
