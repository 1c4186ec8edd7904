/**
 * The Playwright half of the visual check ("what a user sees"); suite/visual.test.ts is the
 * extension-host half. When the suite logs `[visual] ready <stage>`, run.ts calls
 * `visualStage()`, which looks through every frame of the page (VS Code nests notebook
 * output webviews two iframes deep) for plotly charts, checks their trace counts, reads
 * their colours, saves a screenshot and writes `<stage>.ack` (`ok` or `fail: <reason>`)
 * into the folder the suite polls.
 *
 * Stages: `light` (charts drawn), then each theme switch (`dark`, `contrast`) must change the
 * charts' colours and keep every chart's height (plotly's drawing and the chart's box, within
 * HEIGHT_TOLERANCE), and `resize` narrows the window: every chart must redraw narrower and as
 * high as before. In every stage plotly's drawing must fill the chart's box (no blank band).
 *
 * Outputs: test-results/screenshots/notebook-<stage>.png.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';

/**
 * Trace counts in visual.actnb's outputs, in cell order: `relu` -> f, f'; `plot(relu, gelu)` -> 4;
 * `plot(gradflow(sigmoid), gradflow(relu))` -> 2 (a chart of the network figures, drawn lower);
 * `plot(sigmoid', tanh', relu')` -> 3 (the derivatives it names, not theirs too);
 * `leaky_relu(alpha=0.01)` and `sigmoid'` -> 2 each (f' and f'' for the derivative);
 * `dataset("moons")` -> 2 (labels 0 and 1), a chart as wide as the data's shape needs.
 */
export const EXPECTED_TRACES = [2, 4, 2, 3, 2, 2, 2];
/** The y-axis title of each chart, in the same order: what it shows (the data set: its second coordinate). */
export const EXPECTED_Y_TITLES = ['f(x)', 'relu, gelu', 'gradient norm', "sigmoid', tanh', relu'", 'f(x)', "f'(x)", 'x2'];
/** Typeset formulas: f and f' of the three function outputs, as loaded images; sigmoid'' folded away. */
export const EXPECTED_MATH_IMAGES = 6;
export const EXPECTED_FOLDED = 1;

/** How far (px) a chart's height may move across a theme switch, and its drawing from its box. */
export const HEIGHT_TOLERANCE = 2;

export interface PlotInfo {
  frameUrl: string;
  /** gd.data.length (plotly's own list) and the number of drawn scatter traces. */
  traces: number;
  drawnTraces: number;
  tickFill: string;
  /** Computed stroke of each drawn line, `@opacity` appended when below 1. */
  strokes: string[];
  /** line.color of each trace as given to plotly (the theme's CSS variable values). */
  colors: string[];
  top: number;
  /** The chart's box and plotly's own drawing width, to see it follow a resize. */
  width: number;
  svgWidth: number;
  /** The chart's box height and plotly's own drawing height: equal before and after a theme switch. */
  height: number;
  svgHeight: number;
  yTitle: string;
  /** The chart's CSS max-width (px; 0 for none): charts with equal axis scales are no wider than their data needs. */
  maxWidth: number;
  /** Plotly's plot area (the axes' rectangle), to see that it fills the chart. */
  plotAreaWidth: number;
}

/** The typeset formulas of the function outputs (img.al-math), all frames together. */
export interface MathInfo {
  images: number;
  /** Images that loaded (a natural size), i.e. the webview's CSP let their data: URIs in. */
  loaded: number;
  folded: number;
  /** The first image's src, to see it recoloured after a theme switch. */
  firstSrc: string;
}

export interface StageResult {
  stage: string;
  ok: boolean;
  reason?: string;
  plots: PlotInfo[];
  math?: MathInfo;
  ms: number;
  screenshot?: string;
}

function log(msg: string): void {
  console.log(`[harness:visual] ${msg}`);
}

/** Runs inside a frame: every plotly chart's traces and colours. */
const COLLECT = `(() => {
  const out = [];
  for (const gd of Array.from(document.querySelectorAll('.js-plotly-plot'))) {
    const tick = gd.querySelector('.xtick text');
    out.push({
      traces: Array.isArray(gd.data) ? gd.data.length : -1,
      drawnTraces: gd.querySelectorAll('.scatterlayer .trace').length,
      tickFill: tick ? getComputedStyle(tick).fill : '',
      strokes: Array.from(gd.querySelectorAll('.scatterlayer .trace path.js-line')).map((p) => {
        const cs = getComputedStyle(p);
        const o = Number(cs.strokeOpacity) * Number(getComputedStyle(p.closest('.trace')).opacity);
        return o < 1 ? cs.stroke + '@' + o.toFixed(2) : cs.stroke;
      }),
      colors: Array.isArray(gd.data) ? gd.data.map((t) => String(t.line && t.line.color)) : [],
      top: gd.getBoundingClientRect().top,
      width: gd.getBoundingClientRect().width,
      svgWidth: Number((gd.querySelector('svg.main-svg') || {}).getAttribute?.('width') || 0),
      height: gd.getBoundingClientRect().height,
      svgHeight: Number((gd.querySelector('svg.main-svg') || {}).getAttribute?.('height') || 0),
      yTitle: (gd.querySelector('.g-ytitle text') || {}).textContent || '',
      maxWidth: parseFloat(getComputedStyle(gd).maxWidth) || 0,
      plotAreaWidth: (gd.querySelector('.cartesianlayer .bg, .bglayer .bg') || { getBoundingClientRect: () => ({ width: 0 }) }).getBoundingClientRect().width,
    });
  }
  return out;
})()`;

/** Runs inside a frame: the typeset formulas. */
const MATH = `(() => {
  const images = Array.from(document.querySelectorAll('.al-output img.al-math'));
  return {
    images: images.length,
    loaded: images.filter((i) => i.complete && i.naturalWidth > 0).length,
    folded: document.querySelectorAll('.al-output details.al-more img.al-math').length,
    firstSrc: images[0] ? images[0].src : '',
  };
})()`;

async function mathIn(page: Page): Promise<MathInfo> {
  const all = await Promise.all(page.frames().map((f) => f.evaluate(MATH).then((x) => x as MathInfo, () => undefined)));
  const found = all.filter((m): m is MathInfo => m !== undefined && m.images > 0);
  return {
    images: found.reduce((n, m) => n + m.images, 0),
    loaded: found.reduce((n, m) => n + m.loaded, 0),
    folded: found.reduce((n, m) => n + m.folded, 0),
    firstSrc: found[0]?.firstSrc ?? '',
  };
}

/** Why the formulas look wrong, or undefined: all typeset and loaded, f'' folded, recoloured after a theme switch. */
export function mathProblem(math: MathInfo, stage: string, before: StageResult | undefined): string | undefined {
  if (math.images !== EXPECTED_MATH_IMAGES || math.loaded !== math.images) {
    return `expected ${EXPECTED_MATH_IMAGES} typeset formulas, found ${math.images} (${math.loaded} loaded)`;
  }
  if (math.folded !== EXPECTED_FOLDED) return `expected ${EXPECTED_FOLDED} folded formula (sigmoid''), found ${math.folded}`;
  const themeSwitched = before !== undefined && stage !== 'resize';
  if (themeSwitched && before.math?.firstSrc === math.firstSrc) return 'the formula images kept their colour after the theme switch';
  return undefined;
}

/**
 * Why a chart with equal axis scales wastes its width, or undefined: drawn at its own width
 * (no wider than its data needs), its plot area must fill most of it (margins, legend and
 * colour bar aside), not sit in an empty band.
 */
function planeProblem(plots: readonly PlotInfo[]): string | undefined {
  const wasted = plots.findIndex((p) => p.maxWidth > 0 && (p.svgWidth > p.maxWidth + 1 || p.plotAreaWidth < 0.6 * p.svgWidth));
  if (wasted < 0) return undefined;
  const p = plots[wasted]!;
  return `chart ${wasted + 1} (equal scales) is ${p.svgWidth} px wide (at most ${p.maxWidth}) with a plot area of ${p.plotAreaWidth.toFixed(0)} px`;
}

/** Why a chart's y axis is mistitled, or undefined. */
function yTitleProblem(plots: readonly PlotInfo[]): string | undefined {
  const wrong = plots.findIndex((p, i) => p.yTitle !== EXPECTED_Y_TITLES[i]);
  return wrong < 0 ? undefined : `chart ${wrong + 1}'s y axis reads "${plots[wrong]!.yTitle}", expected "${EXPECTED_Y_TITLES[wrong]}"`;
}

/** Runs inside a frame: the renderer's own error outputs (e.g. plotly failed to load). */
const RENDERER_ERRORS = `Array.from(document.querySelectorAll('.al-output .al-error')).map((e) => e.textContent)`;

async function rendererErrors(page: Page): Promise<string[]> {
  const lists = await Promise.all(
    page.frames().map((f) => f.evaluate(RENDERER_ERRORS).then((x) => x as string[], () => [] as string[])),
  );
  return lists.flat();
}

async function plotsIn(frame: Frame): Promise<PlotInfo[]> {
  try {
    // A string, so this file needs no DOM typings (tsconfig has no "dom" lib).
    const found = (await frame.evaluate(COLLECT)) as Array<Omit<PlotInfo, 'frameUrl'>>;
    return found.map((p) => ({ ...p, frameUrl: frame.url() }));
  } catch {
    return []; // detached or navigating frame
  }
}

export async function allPlots(page: Page): Promise<PlotInfo[]> {
  const lists = await Promise.all(page.frames().map(plotsIn));
  // One output webview per notebook holds all outputs; order them by position.
  return lists.flat().sort((a, b) => a.top - b.top);
}

const near = (a: number, b: number) => Math.abs(a - b) <= HEIGHT_TOLERANCE;

/**
 * Why the charts' heights are wrong, or undefined: each chart's drawing (plotly's main-svg)
 * must fill its box, and after a theme switch (or a narrower window) both must be what they
 * were before it.
 */
export function heightProblem(plots: readonly PlotInfo[], before: StageResult | undefined): string | undefined {
  const unfilled = plots.findIndex((p) => !near(p.svgHeight, p.height));
  if (unfilled >= 0) {
    const p = plots[unfilled]!;
    return `chart ${unfilled + 1} draws ${p.svgHeight} px high in a ${p.height.toFixed(1)} px box (a blank band)`;
  }
  if (!before) return undefined;
  const moved = plots.findIndex((p, i) => !near(p.svgHeight, before.plots[i]!.svgHeight) || !near(p.height, before.plots[i]!.height));
  if (moved < 0) return undefined;
  const [a, b] = [before.plots[moved]!, plots[moved]!];
  return `chart ${moved + 1} changed height since the ${before.stage} stage: ` +
    `drawing ${a.svgHeight} -> ${b.svgHeight} px, box ${a.height.toFixed(1)} -> ${b.height.toFixed(1)} px`;
}

/** Window size of the first stage; `resize` narrows it to NARROW_WIDTH. */
const WIDE = { width: 1440, height: 3900 };
const NARROW_WIDTH = 1000;

const sameCounts = (plots: PlotInfo[]) =>
  plots.length === EXPECTED_TRACES.length && plots.every((p, i) => p.traces === EXPECTED_TRACES[i] && p.drawnTraces === EXPECTED_TRACES[i]);

export async function visualStage(
  page: Page,
  stage: string,
  ackDir: string,
  screenshotDir: string,
  previous: StageResult | undefined,
): Promise<StageResult> {
  const t0 = Date.now();
  let plots: PlotInfo[] = [];
  let reason: string | undefined;
  // Bound: the charts are seen 0.1–0.5 s after the suite says ready (after the first, which waits for
  // plotly's first load); 45 s is a generous margin for a cold, loaded machine.
  const limit = 45_000;
  // Tall enough that both outputs are on screen (and so rendered) and in the screenshot.
  const resizing = stage === 'resize';
  if (!previous) await page.setViewportSize(WIDE);
  if (resizing) await page.setViewportSize({ ...WIDE, width: NARROW_WIDTH });
  // Wait for the charts (first stage), for the re-theme to reach them (a theme stage), or
  // for plotly to redraw them narrower (resize).
  const changed = (p: PlotInfo, i: number) => {
    const before = previous?.plots[i];
    if (!before) return true;
    // a chart no wider than its data needs keeps its width while the window still holds it
    const keepsWidth = p.maxWidth > 0 && near(p.width, before.width) && near(p.svgWidth, before.svgWidth) && p.width <= p.maxWidth + 1;
    if (resizing) return keepsWidth || (p.width < before.width - 100 && p.svgWidth < before.svgWidth - 100 && p.svgWidth <= p.width + 1);
    return p.tickFill !== '' && p.tickFill !== before.tickFill;
  };
  for (;;) {
    plots = await allPlots(page);
    const countsOk = sameCounts(plots);
    if (countsOk && plots.every(changed)) break;
    const errors = await rendererErrors(page);
    if (errors.length) {
      reason = `the renderer shows ${errors.length} error output(s): ${errors.join(' | ')}`;
      break;
    }
    if (Date.now() - t0 > limit) {
      if (!countsOk) {
        reason = `expected ${EXPECTED_TRACES.length} plotly charts with ${EXPECTED_TRACES.join(', ')} traces, found ${plots.length}` +
          (plots.length ? ` with ${plots.map((p) => `${p.traces}/${p.drawnTraces}`).join(', ')} (data/drawn)` : '');
      } else if (resizing) {
        reason = `charts did not redraw narrower after the window shrank to ${NARROW_WIDTH} px: ` +
          plots.map((p, i) => `${previous?.plots[i]?.svgWidth} -> ${p.svgWidth} px (box ${p.width} px)`).join(', ');
      } else {
        reason = `tick text colour did not change after the theme switch: ${plots.map((p) => p.tickFill).join(', ')}`;
      }
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const ms = Date.now() - t0;
  if (!reason && previous && !resizing) {
    const sameStroke = plots.every((p, i) => p.strokes.join() === previous.plots[i]?.strokes.join());
    if (sameStroke) reason = `trace strokes did not change after the theme switch: ${plots[0]?.strokes.join(', ')}`;
  }
  // Let plotly finish its transitions (and any delayed autosize) before the picture, and
  // measure the heights then: a chart that first draws right and shrinks later must fail.
  await new Promise((r) => setTimeout(r, 500));
  if (!reason) {
    const settled = await allPlots(page);
    if (sameCounts(settled)) plots = settled;
    reason = heightProblem(plots, previous) ?? yTitleProblem(plots) ?? planeProblem(plots);
  }
  const math = await mathIn(page);
  reason ??= mathProblem(math, stage, previous);
  const screenshot = path.join(screenshotDir, `notebook-${stage}.png`);
  try {
    await page.screenshot({ path: screenshot, timeout: 15_000 });
  } catch (e) {
    reason ??= `screenshot failed: ${e instanceof Error ? e.message : e}`;
  }
  for (const [i, p] of plots.entries()) {
    log(`${stage}: chart ${i + 1}: ${p.traces} traces (${p.drawnTraces} drawn), ${Math.round(p.svgWidth)} px wide${p.maxWidth ? ` (at most ${p.maxWidth}, plot area ${Math.round(p.plotAreaWidth)})` : ''}, ${p.svgHeight} px high in a ${p.height.toFixed(1)} px box, tick fill ${p.tickFill}, strokes ${p.strokes.join(' ')}, line.color ${p.colors.join(' ')}`);
  }
  // Not a failure (yet): a see-through trace colour is hard to see, so say so.
  const faint = [...new Set(plots.flatMap((p) => p.strokes.filter((x) => x.includes('@'))))];
  if (faint.length) log(`${stage}: WARNING: semi-transparent trace colours ${faint.join(', ')} (line.color from the theme's --vscode-charts-* variables)`);
  log(`${stage}: ${math.images} typeset formulas (${math.loaded} loaded, ${math.folded} folded)`);
  log(`${stage}: ${reason ? `FAIL: ${reason}` : 'ok'} after ${(ms / 1000).toFixed(1)} s; screenshot ${screenshot}`);
  fs.writeFileSync(path.join(ackDir, `${stage}.ack`), reason ? `fail: ${reason}` : 'ok');
  return { stage, ok: !reason, reason, plots, math, ms, screenshot };
}
