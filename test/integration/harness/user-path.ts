/**
 * The Playwright half of the user-path checks (suite/user-path.test.ts is the other half):
 * what a user does with the mouse and keyboard, in the real workbench.
 *
 *   hover   - move the mouse over `gelu` in a notebook cell; the hover widget must appear
 *             with our curve and formula images (data: SVG), the curve first and wholly visible
 *             without scrolling; screenshot hover.png.
 *   palette - F1, type "Activation Lab: Plot Activation Function", Enter; type "gelu", Enter;
 *             Enter to accept the prefilled parameters; a panel must show a plotly chart with
 *             two traces (f and f'); screenshot plot-panel.png.
 *   training - a notebook's training-run output must show its charts (loss, accuracy, dead
 *             units, and the decision boundary as a heatmap with the points); screenshot training.png.
 *   interrupted - an interrupted training run: the same charts still drawn, and under them the
 *             error line that says how far it got; screenshot interrupted-training.png.
 *   help    - help(relu)'s output drawn as text, formula and framework names on their own
 *             lines; screenshot help.png.
 *   slider  - a plot with sliders, its kernel busy with another cell: the alpha slider is set to
 *             0.5 (value and an input event, as a drag does), then moved by the keyboard; each time
 *             the chart's trace data must change to leaky_relu at the new alpha, drawn in the
 *             output webview with no kernel; screenshot slider.png.
 *   sliderkept  - alpha of `plot(leaky_relu(alpha=slider(0, 1)))` set to 0.37 (the suite then
 *             waits for the cell's metadata, saves, closes and reopens the notebook); screenshot slider-moved.png.
 *   sliderreopened - the reopened notebook's output shows alpha at 0.37 and draws leaky_relu at 0.37,
 *             though its saved output says 0.01; screenshot slider-reopened.png.
 *             Both slider stages also click the chart's "Save as SVG" and accept the save dialog.
 *   accessible - Alt+F2 on the re-run slider plot's cell (the notebook's cell list focused): VS Code's
 *             Accessible View opens on the output and names leaky_relu(alpha=0.37); the log says whether
 *             it reads the text description or the JSON item it renders; screenshot accessible-view.png.
 *   panelsliders - F1, Plot Activation Function, softplus: the panel shows a slider for beta and
 *             for threshold (nothing typed), moving beta changes the trace, and "Save as SVG"
 *             writes the picture; screenshot panel-sliders.png.
 *   inside  - graph(...) outputs drawn as pictures (loaded images; a network's greyed nodes), a
 *             neuron's formula with its numbers, and export(...)'s code block: Copy, then Save as…
 *             (Enter in the save dialog), each answered in the block's bar; screenshots inside.png,
 *             graph-function.png, graph-network.png, export-code.png, neuron.png (its z histogram).
 *   neurons - a trained 2-16-16-1 relu network (fixtures/neurons.actnb, dark theme): one data-neuron node
 *             per unit, data-dead="true" on as many as dead(fit.net, data) counts, the epoch scrubber
 *             changes the diagram and the decision boundary (Home, 10 ArrowRight steps timed, End), hovering a node shows its
 *             formula, clicking a dead one opens the inspector; screenshot neurons-dark.png.
 *   neuronslight - the same output in the light theme; screenshot neurons-light.png.
 *   neuronsprelu - a 2-8-8-1 prelu run (fixtures/neurons-prelu.actnb, light): the same checks, and the
 *             slopes on their layers, 0.25 at epoch 0; screenshot neurons-prelu-light.png.
 *   neuronsown - a 2-6-6-1 run of an activation the notebook defines (fixtures/neurons-own.actnb,
 *             light): every unit drawn with its heatmap, as a catalogue layer's (the page runs the
 *             layer's program), no "drawn plain" note, the hover's formula under the function's
 *             name; screenshot neurons-own.png.
 *
 *   exporthtml, exportlesson, walkthrough - Export Notebook as HTML and the walkthrough's export step (harness/export-page.ts).
 *
 * Each stage writes `<stage>.ack` (`ok` or `fail: <reason>`) for the suite to read.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { exportHtmlStage, exportLessonStage, walkthroughStage } from './export-page';

export const USER_PATH_STAGES = ['hover', 'palette', 'training', 'interrupted', 'help', 'slider', 'sliderkept', 'sliderreopened', 'panelsliders', 'accessible', 'inside', 'neurons', 'neuronslight', 'neuronsprelu', 'neuronsown', 'exporthtml', 'exportlesson', 'walkthrough'] as const;

/** The charts of a 2-D classification run (src/renderer/network-figures.ts), by data-figure. */
const TRAINING_FIGURES = ['loss', 'accuracy', 'units', 'boundary'];

/** Where the running stage saves its screenshots (userPathStage sets it). */
let screenshotFolder = 'test-results/screenshots';

function log(msg: string): void {
  console.log(`[harness:user-path] ${msg}`);
}

async function hoverStage(page: Page): Promise<string> {
  const token = page.locator('.notebookOverlay .monaco-editor .view-line span span').filter({ hasText: /^gelu$/ }).first();
  await token.waitFor({ state: 'visible', timeout: 20_000 });
  await token.hover();
  // Monaco waits ~300 ms before showing a hover; nudge the mouse once in case the first move was swallowed.
  const box = await token.boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
  const image = page.locator('.monaco-hover img[src^="data:image/svg+xml"]').first();
  // Bound: the hover's images show within about 2 s of the mouse move; 15 s is a margin of 7×.
  await image.waitFor({ state: 'visible', timeout: 15_000 });
  const images = await page.locator('.monaco-hover img[src^="data:image/svg+xml"]').count();
  const text = (await page.locator('.monaco-hover').first().innerText()).replace(/\s+/g, ' ');
  log(`hover: ${images} images; text starts "${text.slice(0, 80)}"`);
  if (!/gelu/i.test(text)) return `the hover does not name gelu: ${text.slice(0, 200)}`;
  const size = await image.evaluate((img) => [(img as { naturalWidth: number }).naturalWidth, (img as { naturalHeight: number }).naturalHeight]);
  if (!(size[0] > 0 && size[1] > 0)) return `the first hover image did not load (natural size ${size.join('x')})`;
  // The picture first: the hover's first image is the plot, whole inside the hover as it opens (no scrolling).
  const first = await image.getAttribute('alt');
  if (!first?.startsWith('plot of')) return `the hover's first image is "${first}", not the plot`;
  const seen = (await page.evaluate(`(() => {
    const img = document.querySelector('.monaco-hover img[src^="data:image/svg+xml"]');
    const box = img && img.closest('.monaco-scrollable-element');
    if (!img || !box) return null;
    const a = img.getBoundingClientRect(), b = box.getBoundingClientRect();
    return { imgTop: a.top, imgBottom: a.bottom, boxTop: b.top, boxBottom: b.bottom };
  })()`)) as { imgTop: number; imgBottom: number; boxTop: number; boxBottom: number } | null;
  log(`hover: plot image ${seen ? `${Math.round(seen.imgTop - seen.boxTop)}–${Math.round(seen.imgBottom - seen.boxTop)} px in a hover ${Math.round(seen.boxBottom - seen.boxTop)} px high` : 'not found'}`);
  if (!seen || seen.imgTop < seen.boxTop - 1 || seen.imgBottom > seen.boxBottom + 1) return 'the plot is not wholly visible in the hover without scrolling';
  return '';
}

/** Traces of the plotly chart in a plot panel (the one whose title starts with `title`, if given); -1 if none. */
async function chartInPanel(page: Page, title?: string): Promise<number> {
  for (const frame of page.frames()) {
    try {
      const traces = (await frame.evaluate(`((title) => {
        const root = document.getElementById('plot-root');
        const heading = root && root.querySelector('.title');
        if (title && !(heading && heading.textContent.startsWith(title))) return -1;
        const gd = root && root.querySelector('.js-plotly-plot');
        return gd && Array.isArray(gd.data) ? gd.data.length : -1;
      })(${JSON.stringify(title ?? '')})`)) as number;
      if (traces >= 0) return traces;
    } catch {
      // detached or cross-origin frame in transition
    }
  }
  return -1;
}

async function paletteStage(page: Page): Promise<string> {
  // Away from the hovered word, so its hover closes.
  await page.mouse.move(5, 400);
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('>Activation Lab: Plot Activation Function');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Plot Activation Function' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  // The catalogue picker (a new quick pick): filter to gelu.
  await page.locator('.quick-input-widget input[placeholder^="Pick an activation"]').waitFor({ timeout: 10_000 });
  await input.fill('gelu');
  // The filtered list puts the exact label first, focused: gelu (then quick_gelu).
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Gaussian error linear unit' }).first().waitFor({ timeout: 10_000 });
  const first = (await page.locator('.quick-input-list .monaco-list-row').first().innerText()).trim();
  if (!first.startsWith('gelu')) return `the first row after typing "gelu" is "${first.slice(0, 40)}"`;
  await page.keyboard.press('Enter');
  // The parameters box, prefilled with the defaults: accept them.
  await page.locator('.quick-input-widget', { hasText: 'parameters' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  // Bound: the chart is drawn about 2 s after Enter; 30 s is a margin of over 10×.
  const end = Date.now() + 30_000;
  let traces = -1;
  while (Date.now() < end && traces < 0) {
    traces = await chartInPanel(page);
    if (traces < 0) await new Promise((r) => setTimeout(r, 250));
  }
  log(`palette: chart in the plot panel with ${traces} traces`);
  if (traces !== 2) return traces < 0 ? 'no plotly chart appeared in a plot panel' : `the chart has ${traces} traces, expected 2 (gelu and gelu')`;
  return '';
}

/** Runs inside a frame: the training charts drawn there, by figure name. */
const TRAINING_CHARTS = `(() => Array.from(document.querySelectorAll('.al-plot[data-figure]')).map((el) => ({
  figure: el.getAttribute('data-figure'),
  traces: Array.isArray(el.data) ? el.data.map((t) => t.type || 'scatter') : [],
})))()`;

async function trainingStage(page: Page): Promise<string> {
  await page.setViewportSize({ width: 1440, height: 2000 });
  // Bound: the four charts are seen about 2.4 s after the suite says ready; 30 s is a margin of over 10×.
  const end = Date.now() + 30_000;
  let charts: { figure: string; traces: string[] }[] = [];
  for (;;) {
    charts = [];
    for (const frame of page.frames()) {
      try {
        charts.push(...((await frame.evaluate(TRAINING_CHARTS)) as typeof charts));
      } catch {
        // detached frame
      }
    }
    const drawn = TRAINING_FIGURES.every((f) => charts.some((c) => c.figure === f && c.traces.length > 0));
    if (drawn || Date.now() > end) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`training: ${charts.map((c) => `${c.figure} (${c.traces.join(', ')})`).join('; ')}`);
  const missing = TRAINING_FIGURES.filter((f) => !charts.some((c) => c.figure === f && c.traces.length > 0));
  if (missing.length) return `no ${missing.join(', ')} chart(s) in the training output`;
  const boundary = charts.find((c) => c.figure === 'boundary')!;
  if (!boundary.traces.includes('heatmap') || !boundary.traces.some((t) => t === 'scatter' || t === 'scattergl')) {
    return `the decision boundary should be a heatmap with the points, got ${boundary.traces.join(', ')}`;
  }
  const loss = charts.find((c) => c.figure === 'loss')!;
  if (loss.traces.length !== 2) return `the loss chart should have train and test curves, got ${loss.traces.length} traces`;
  return '';
}

/** Runs inside a frame: the text of its document (notebook outputs are drawn in webview frames). */
const FRAME_TEXT = `(document.body && document.body.innerText) || ''`;

/** The first line of text in any frame that matches `pattern` once trimmed, within `ms`; '' when none does. */
async function shownLine(page: Page, pattern: RegExp, ms: number): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    for (const frame of page.frames()) {
      const text = (await frame.evaluate(FRAME_TEXT).catch(() => '')) as string;
      const line = text.split('\n').map((l) => l.trim()).find((l) => pattern.test(l));
      if (line) return line;
    }
    if (Date.now() > end) return '';
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function interruptedStage(page: Page): Promise<string> {
  const charts = await trainingStage(page);
  if (charts) return `after the interrupt: ${charts}`;
  // Bound: the error line is drawn with the outputs, within a second of the charts; 15 s is a wide margin.
  const line = await shownLine(page, /^Interrupted: train stopped after/, 15_000);
  log(`interrupted: the error line reads "${line}"`);
  return line ? '' : 'no "Interrupted: train stopped after ..." line in the outputs';
}

async function helpStage(page: Page): Promise<string> {
  await page.setViewportSize({ width: 1440, height: 1400 });
  // Bound: text outputs are drawn within a second or two of the suite saying ready; 20 s is a wide margin.
  const formula = await shownLine(page, /^f\(x\) += max\(0, x\)$/, 20_000);
  const pytorch = await shownLine(page, /^PyTorch +torch\.nn\.ReLU/, 5_000);
  log(`help: "${formula}", "${pytorch}"`);
  if (!formula) return "no line 'f(x)  = max(0, x)' drawn in the outputs";
  if (!pytorch) return 'no PyTorch line drawn in the outputs';
  return '';
}

/** Runs inside a frame: the graph pictures and code blocks drawn there. */
const INSIDE_STATE = `(() => ({
  pictures: Array.from(document.querySelectorAll('.al-picture img')).map((img) => ({ alt: img.alt, width: img.naturalWidth, height: img.naturalHeight })),
  code: Array.from(document.querySelectorAll('.al-code')).map((b) => ({ bar: b.querySelector('.al-code-bar span').textContent,
    buttons: Array.from(b.querySelectorAll('button')).map((x) => x.textContent), lines: b.querySelector('pre').textContent.split('\\n').length,
    keywords: b.querySelectorAll('.tok-keyword').length })),
  histograms: Array.from(document.querySelectorAll('.al-plot[data-figure="neuron"]')).map((el) => (Array.isArray(el.data) && el.data[0] ? el.data[0].type : '')),
}))()`;

async function insideStage(page: Page, screenshotDir: string): Promise<string> {
  await page.setViewportSize({ width: 1440, height: 2400 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
  // Bound: the outputs are drawn within a few seconds of the suite saying ready; 30 s is a wide margin.
  const end = Date.now() + 30_000;
  let state: { pictures: { alt: string; width: number; height: number }[]; code: { bar: string; buttons: string[]; lines: number; keywords: number }[]; histograms: string[] } = { pictures: [], code: [], histograms: [] };
  let frame: import('playwright-core').Frame | undefined;
  while (Date.now() < end) {
    for (const f of page.frames()) {
      const s = (await f.evaluate(INSIDE_STATE).catch(() => undefined)) as typeof state | undefined;
      if (s && s.pictures.length >= 2 && s.code.length >= 1 && s.pictures.every((p) => p.width > 0) && s.histograms.includes('bar')) { state = s; frame = f; break; }
    }
    if (frame) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`inside: pictures ${state.pictures.map((p) => `${p.width}x${p.height} "${p.alt.slice(0, 60)}"`).join('; ')}; code ${JSON.stringify(state.code)}`);
  if (!frame) return "no two graph pictures (loaded), a neuron's histogram and a code block in one output frame";
  const formula = await shownLine(page, /^relu\(.*·x1 .*·x2 .*\)$/, 5_000);
  if (!formula) return "the neuron's formula with its numbers (relu(…·x1 … ·x2 …)) is not drawn";
  const code = state.code[0];
  if (code.buttons.join(',') !== 'Copy,Save as…') return `the code block's buttons are ${code.buttons.join(', ')}`;
  if (code.keywords < 5) return `the code block is not highlighted (${code.keywords} keywords marked)`;
  const pictures = frame.locator('.al-picture img');
  await pictures.nth(0).screenshot({ path: `${screenshotDir}/graph-function.png` }).catch(() => undefined);
  await pictures.nth(1).screenshot({ path: `${screenshotDir}/graph-network.png` }).catch(() => undefined);
  await frame.locator('.al-code').first().screenshot({ path: `${screenshotDir}/export-code.png` }).catch(() => undefined);
  await frame.locator('.al-plot[data-figure="neuron"]').first().screenshot({ path: `${screenshotDir}/neuron.png` }).catch(() => undefined);
  const bar = frame.locator('.al-code-bar span').first();
  await frame.locator('.al-code button[data-action="copy"]').first().click();
  // Bound: the host answers within a second; 10 s is a wide margin.
  const copied = await bar.filter({ hasText: /^Copied to the clipboard$|^Failed/ }).waitFor({ timeout: 10_000 }).then(() => bar.textContent(), () => bar.textContent());
  log(`inside: after Copy the bar says "${copied}"`);
  if (copied !== 'Copied to the clipboard') return `after Copy the code block says "${copied}"`;
  await frame.locator('.al-code button[data-action="save"]').first().click();
  const dialog = page.locator('.quick-input-widget').first();
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  const prefilled = await page.locator('.quick-input-widget input').first().inputValue().catch(() => '');
  log(`inside: the save dialog starts at "${prefilled}"`);
  await page.keyboard.press('Enter');
  const saved = await bar.filter({ hasText: /^Saved|^Not saved|^Failed/ }).waitFor({ timeout: 15_000 }).then(() => bar.textContent(), () => bar.textContent());
  log(`inside: after Save as… the bar says "${saved}"`);
  if (!saved?.startsWith('Saved to') || !saved.includes('torch_model.py')) return `after Save as… the code block says "${saved}"`;
  return '';
}

/** Runs inside a frame: the slider plot's state, or null where it is not. */
const SLIDER_STATE = `(() => {
  const input = document.querySelector('input[type="range"][data-parameter="alpha"]');
  const chart = document.querySelector('.al-plot');
  if (!input || !chart || !chart.data) return null;
  const panel = document.querySelector('.al-sliders');
  return { value: input.value, shown: input.parentElement.querySelector('output').textContent,
    label: input.parentElement.textContent, traces: chart.data.map((t) => ({ name: t.name, y0: t.y[0], x0: t.x[0] })),
    evaluateMs: panel && panel.dataset.evaluateMs, redrawMs: panel && panel.dataset.redrawMs, aria: chart.getAttribute('aria-label') };
})()`;

/** Sets the alpha slider to 0.5 as a drag does (its value, then an input event). */
const SLIDER_DRAG = `(() => {
  const input = document.querySelector('input[type="range"][data-parameter="alpha"]');
  input.value = '0.5';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
})()`;

interface SliderState { value: string; shown: string; label: string; traces: { name: string; y0: number; x0: number }[]; evaluateMs?: string; redrawMs?: string; aria: string | null }

async function sliderFrame(page: Page, ms: number): Promise<{ frame: import('playwright-core').Frame; state: SliderState } | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    for (const frame of page.frames()) {
      const state = (await frame.evaluate(SLIDER_STATE).catch(() => null)) as SliderState | null;
      if (state) return { frame, state };
    }
    if (Date.now() > end) return undefined;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function waitForTrace(frame: import('playwright-core').Frame, name: string, ms: number): Promise<SliderState | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    const state = (await frame.evaluate(SLIDER_STATE).catch(() => null)) as SliderState | null;
    if (state && state.traces[0]?.name === name) return state;
    if (Date.now() > end) return state ?? undefined;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function sliderStage(page: Page): Promise<string> {
  await page.setViewportSize({ width: 1440, height: 1400 });
  // Bound: the slider panel comes with the chart, a second or two after the cell ran; 30 s is a wide margin.
  const found = await sliderFrame(page, 30_000);
  if (!found) return 'no chart with an alpha slider (input[type="range"][data-parameter="alpha"]) in any frame';
  const { frame, state } = found;
  log(`slider: before ${JSON.stringify(state)}`);
  if (state.traces.length !== 4) return `the plot should have 4 traces, got ${state.traces.length}`;
  if (state.shown !== '0.01') return `the alpha slider should show 0.01 beside it, shows ${state.shown}`;
  await frame.evaluate(SLIDER_DRAG);
  const dragged = await waitForTrace(frame, 'leaky_relu(alpha=0.5)', 10_000);
  log(`slider: after the drag ${JSON.stringify(dragged)}`);
  if (dragged?.traces[0]?.name !== 'leaky_relu(alpha=0.5)') return `after setting alpha to 0.5 the first trace is ${dragged?.traces[0]?.name}`;
  const aria = "Chart of leaky_relu(alpha=0.5), leaky_relu(alpha=0.5)', elu(alpha=1), elu(alpha=1)' over x from -12 to 5";
  if (dragged.aria !== aria) return `the chart's aria-label should follow the slider: "${aria}", is "${dragged.aria}"`;
  if (dragged.traces[0].y0 !== 0.5 * dragged.traces[0].x0) return `leaky_relu(alpha=0.5) at ${dragged.traces[0].x0} drawn as ${dragged.traces[0].y0}`;
  // the notebook holds samples rounded to what a chart shows (shared/sample-precision.ts), the redraw full doubles
  const [elu0, elu1] = [state.traces[2]!.y0, dragged.traces[2]!.y0];
  if (Math.abs(elu1 - elu0) > 1e-5 * Math.abs(elu0)) return `the elu curve moved with the leaky_relu slider (${elu0} to ${elu1})`;
  // the keyboard: focus the slider and press the right arrow, one step (0.01)
  await frame.focus('input[type="range"][data-parameter="alpha"]');
  await page.keyboard.press('ArrowRight');
  const keyed = await waitForTrace(frame, 'leaky_relu(alpha=0.51)', 10_000);
  log(`slider: after ArrowRight ${JSON.stringify(keyed)}`);
  if (keyed?.traces[0]?.name !== 'leaky_relu(alpha=0.51)') return `after ArrowRight the first trace is ${keyed?.traces[0]?.name}`;
  // the time a move takes in the webview (evaluate f and f' of 2 functions at 401 points, then Plotly.react): 10 more steps
  const times: string[] = [];
  for (let k = 2; k <= 11; k++) {
    await page.keyboard.press('ArrowRight');
    const moved = await waitForTrace(frame, `leaky_relu(alpha=${(0.5 + k / 100).toFixed(2).replace(/0$/, '')})`, 10_000);
    times.push(`${moved?.evaluateMs}/${moved?.redrawMs}`);
  }
  log(`slider: evaluate/redraw ms of 10 keyboard steps: ${times.join(' ')}`);
  return '';
}

/** Sets the alpha slider as a drag does (its value, then an input event). */
const setAlpha = (value: string): string => `(() => {
  const input = document.querySelector('input[type="range"][data-parameter="alpha"]');
  input.value = '${value}';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
})()`;

async function sliderStateStage(page: Page): Promise<string> {
  await page.setViewportSize({ width: 1440, height: 1000 });
  // Bound: the slider panel comes with the chart, a second or two after the cell ran; 30 s is a wide margin.
  const found = await sliderFrame(page, 30_000);
  if (!found) return 'no chart with an alpha slider in any frame';
  log(`sliderkept: before ${JSON.stringify(found.state)}`);
  if (found.state.shown !== '0.01') return `alpha should start at 0.01, shows ${found.state.shown}`;
  await found.frame.evaluate(setAlpha('0.37'));
  const moved = await waitForTrace(found.frame, 'leaky_relu(alpha=0.37)', 10_000);
  log(`sliderkept: after the move ${JSON.stringify(moved)}`);
  if (moved?.traces[0]?.name !== 'leaky_relu(alpha=0.37)') return `after setting alpha to 0.37 the first trace is ${moved?.traces[0]?.name}`;
  const offered = await saveAsSvg(page, found.frame);
  if (!offered.endsWith('leaky_relu-alpha-0.37.svg')) return `the save dialog offered "${offered}", not leaky_relu-alpha-0.37.svg`;
  // wait for the first dialog to close before the second button
  await page.locator('.quick-input-widget input').waitFor({ state: 'hidden', timeout: 10_000 });
  const png = await saveAsSvg(page, found.frame, 'save-png');
  if (!png.endsWith('leaky_relu-alpha-0.37.png')) return `the PNG save dialog offered "${png}"`;
  return '';
}

/**
 * Clicks a chart's "Save as SVG" in `frame` and accepts the save dialog VS Code shows (in the
 * web workbench a quick input holding the path the extension offers): the path it offered.
 */
async function saveAsSvg(page: Page, frame: import('playwright-core').Frame, action = 'save-svg'): Promise<string> {
  await frame.click(`button[data-action="${action}"]`, { timeout: 10_000 });
  const input = page.locator('.quick-input-widget input');
  // Bound: the dialog opens within a second of the click; 15 s is a wide margin.
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await new Promise((r) => setTimeout(r, 300)); // the dialog fills in its path
  const offered = await input.inputValue();
  await page.screenshot({ path: path.join(screenshotFolder, 'save-dialog.png'), timeout: 15_000 }).catch(() => undefined);
  await page.keyboard.press('Enter');
  log(`${action}: the dialog offered "${offered}"`);
  return offered;
}

async function sliderReopenStage(page: Page): Promise<string> {
  // Bound: the reopened notebook's output is drawn within a few seconds; 30 s is a wide margin.
  const found = await sliderFrame(page, 30_000);
  if (!found) return 'no chart with an alpha slider in any frame after the reopen';
  const state = (await waitForTrace(found.frame, 'leaky_relu(alpha=0.37)', 10_000)) ?? found.state;
  log(`sliderreopened: ${JSON.stringify(state)}`);
  if (state.value !== '0.37' || state.shown !== '0.37') return `after the reopen alpha is at ${state.value} (shown ${state.shown}), expected 0.37`;
  if (state.traces[0]?.name !== 'leaky_relu(alpha=0.37)') return `after the reopen the first trace is ${state.traces[0]?.name}`;
  if (state.traces[0].y0 !== 0.37 * state.traces[0].x0) return `leaky_relu(alpha=0.37) at ${state.traces[0].x0} drawn as ${state.traces[0].y0}`;
  return '';
}

/** Runs inside a frame: the plot panel's sliders and chart, or null where there is none. */
const PANEL_SLIDERS = `(() => {
  const root = document.getElementById('plot-root');
  const gd = root && root.querySelector('.js-plotly-plot');
  if (!gd || !Array.isArray(gd.data)) return null;
  const inputs = Array.from(root.querySelectorAll('.al-sliders input[type="range"]'));
  const panel = root.querySelector('.al-sliders');
  return { parameters: inputs.map((i) => i.dataset.parameter + '=' + i.value), traces: gd.data.map((t) => ({ name: t.name, y: t.y[300] })),
    buttons: Array.from(root.querySelectorAll('.al-chart-actions button')).map((b) => b.textContent),
    formulas: root.querySelectorAll('img.al-math').length, redrawMs: panel && panel.dataset.redrawMs };
})()`;

interface PanelSliders { parameters: string[]; traces: { name: string; y: number }[]; buttons: string[]; formulas: number; redrawMs?: string }

async function panelSlidersStage(page: Page): Promise<string> {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await runFromPalette(page, 'Activation Lab: Plot Activation Function');
  const input = page.locator('.quick-input-widget input');
  await input.fill('softplus');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'softplus' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  // no parameters box: the panel opens with sliders. Bound: drawn about 2 s after Enter; 30 s is a wide margin.
  const end = Date.now() + 30_000;
  let found: { frame: import('playwright-core').Frame; state: PanelSliders } | undefined;
  while (!found && Date.now() < end) {
    for (const frame of page.frames()) {
      const state = (await frame.evaluate(PANEL_SLIDERS).catch(() => null)) as PanelSliders | null;
      if (state && state.parameters.length > 0) found = { frame, state };
    }
    if (!found) await new Promise((r) => setTimeout(r, 250));
  }
  if (!found) return 'no plot panel with sliders appeared';
  const { frame, state } = found;
  log(`panelsliders: ${JSON.stringify(state)}`);
  if (state.parameters.join(' ') !== 'beta=1 threshold=20') return `the panel's sliders are ${state.parameters.join(' ')}, expected beta=1 threshold=20`;
  if (state.formulas < 2) return `the panel shows ${state.formulas} typeset formulas, expected softplus and its derivative`;
  if (state.buttons.join('|') !== 'Save as SVG|Save as PNG|Copy image') return `the chart's buttons are ${state.buttons.join('|')}`;
  await frame.evaluate(`(() => {
    const input = document.querySelector('input[type="range"][data-parameter="beta"]');
    input.value = '3';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
  let moved: PanelSliders | null = null;
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    moved = (await frame.evaluate(PANEL_SLIDERS).catch(() => null)) as PanelSliders | null;
    if (moved && moved.traces[0]?.name !== state.traces[0]?.name) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`panelsliders: after beta=3 ${JSON.stringify(moved)}`);
  if (!moved || moved.traces[0]?.name === state.traces[0]?.name) return `moving beta did not change the trace (${state.traces[0]?.name})`;
  if (!(Math.abs(moved.traces[0]!.y - state.traces[0]!.y) > 1e-6)) return `moving beta left softplus at ${state.traces[0]!.y}`;
  await page.screenshot({ path: path.join(screenshotFolder, 'panel-sliders.png'), timeout: 15_000 }).catch(() => undefined);
  const offered = await saveAsSvg(page, frame);
  if (!offered.endsWith("softplus-beta-3-threshold-20.svg")) return `the save dialog offered "${offered}"`;
  // Copy image: a PNG on the clipboard where the webview may, else the SVG text through the extension; the line says which
  await frame.click('button[data-action="copy"]', { timeout: 10_000 });
  let status = '';
  const copied = Date.now() + 10_000;
  while (!status && Date.now() < copied) {
    status = String(await frame.evaluate(`document.querySelector('.al-chart-actions [role="status"]').textContent`).catch(() => ''));
    if (!status) await new Promise((r) => setTimeout(r, 100));
  }
  log(`panelsliders: Copy image says "${status}"`);
  if (!/^(Copied the chart as an image\.|This view may not put images on the clipboard: copied the chart as SVG text instead\.)$/.test(status)) return `Copy image said "${status}"`;
  return '';
}

async function accessibleStage(page: Page): Promise<string> {
  await page.evaluate('document.activeElement && document.activeElement.tagName === "IFRAME" && document.activeElement.blur()');
  await page.keyboard.press('Alt+F2');
  const view = page.locator('.accessible-view');
  // Bound: the view opens at once; 10 s is a wide margin.
  await view.first().waitFor({ state: 'visible', timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 300));
  const text = (await view.first().innerText()).replace(/\s+/g, ' ');
  log(`accessible: the Accessible View reads "${text.slice(0, 400)}"`);
  await page.screenshot({ path: path.join(screenshotFolder, 'accessible-view.png'), timeout: 15_000 }).catch(() => undefined);
  await page.keyboard.press('Escape');
  if (!text.includes('leaky_relu(alpha=0.37)')) return `the Accessible View does not name leaky_relu(alpha=0.37): "${text.slice(0, 200)}"`;
  // What it reads is the output item VS Code renders, our JSON (its getAllOutputsText takes the picked mime's
  // bytes), not the output's text/plain description: said in the log, for the README's note, not failed on.
  log(`accessible: ${text.includes('"kind"') ? "reads the output's JSON (the rendered item), not its text description" : 'reads the text description'}`);
  return '';
}

/**
 * `key` opens a quick input (F1: the command palette, Control+P: Quick Open), `typed` goes in,
 * Enter once a row shows `row`; retried while the workbench is still loading extensions.
 * The keyboard focus is taken out of any webview first (a plot panel's page keeps F1 to itself
 * when it has the focus): blurring the focused iframe gives it back to the workbench.
 */
export async function pickInQuickInput(page: Page, key: string, typed: string, row: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  const input = page.locator('.quick-input-widget input');
  for (;;) {
    try {
      await page.evaluate('document.activeElement && document.activeElement.tagName === "IFRAME" && document.activeElement.blur()');
      await page.keyboard.press(key);
      await input.waitFor({ state: 'visible', timeout: 3_000 });
      await input.fill(typed);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor({ timeout: 5_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (Date.now() > end) throw e;
    }
  }
}

/** F1, a command by its title, Enter. */
function runFromPalette(page: Page, title: string, ms = 30_000): Promise<void> {
  return pickInQuickInput(page, 'F1', `>${title}`, title, ms);
}

async function waitForPanelChart(page: Page, ms: number, title?: string): Promise<number> {
  const end = Date.now() + ms;
  let traces = -1;
  while (Date.now() < end && traces < 0) {
    traces = await chartInPanel(page, title);
    if (traces < 0) await new Promise((r) => setTimeout(r, 250));
  }
  return traces;
}

/**
 * Runs in the workbench page: whether VS Code for the web has stored an editor layout that
 * holds an editor titled `title` (the workspace's state database, key memento/workbench.parts.editor).
 */
const STORED_EDITOR = `async (title) => {
  for (const info of await indexedDB.databases()) {
    if (!info.name || !info.name.startsWith('vscode-web-state-db')) continue;
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open(info.name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      for (const store of Array.from(db.objectStoreNames)) {
        const layout = await new Promise((resolve, reject) => {
          const get = db.transaction(store, 'readonly').objectStore(store).get('memento/workbench.parts.editor');
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        });
        if (typeof layout === 'string' && layout.includes(title)) return true;
      }
    } finally {
      db.close();
    }
  }
  return false;
}`;

/** Milliseconds until the stored editor layout holds `title`, or -1 after `ms`. */
async function waitForStoredEditor(page: Page, title: string, ms: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    const found = await page.evaluate(`(${STORED_EDITOR})(${JSON.stringify(title)})`).catch(() => false);
    if (found === true) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 250));
  }
  return -1;
}

/** Activations the reload check plots in turn, one per run: each is first in the picker once typed. */
// None has parameters, so the picker opens the panel at once (no parameters box to accept).
const RELOAD_PLOTS = ['tanh', 'sigmoid', 'softsign', 'mish', 'selu', 'silu', 'hardswish', 'tanhshrink', 'hardsigmoid', 'logsigmoid'];

/** The editor tabs of the workbench, by title (the active ones marked *). */
async function editorTabs(page: Page): Promise<string> {
  return page.evaluate(`Array.from(document.querySelectorAll('.tabs-container .tab')).map((t) =>
    (t.classList.contains('active') ? '*' : '') + (t.getAttribute('aria-label') || t.textContent || '').split(',')[0].trim()).join(' | ')`) as Promise<string>;
}

/**
 * After the suite: a plot panel survives a window reload. The workbench is loaded again
 * (`url`; the suite's runner idles this time), an activation is plotted from the palette, then
 * the page is loaded once more (what "Reload Window" does in a browser): VS Code must reopen
 * the panel and our serializer must redraw it. `run` picks the activation (one per run, so
 * repeated runs each look for their own panel among the restored ones). Returns why it failed
 * ('' when it did not) and how long after the reload began the chart was back. On a failure
 * it prints what the extension logged of the restore and which editor tabs came back.
 */
export async function reloadRestoresPanel(
  page: Page,
  url: string,
  screenshotDir: string,
  extensionLog: (since: number) => string[],
  run = 1,
): Promise<{ failure: string; restoreMs: number }> {
  const name = RELOAD_PLOTS[(run - 1) % RELOAD_PLOTS.length]!;
  const workbench = page.locator('.monaco-workbench');
  await page.goto(url);
  await workbench.waitFor({ timeout: 60_000 });
  // The extension activates on its command; give the workbench a moment to settle first.
  await page.locator('.statusbar').waitFor({ timeout: 30_000 });
  await runFromPalette(page, 'Activation Lab: Plot Activation Function');
  const input = page.locator('.quick-input-widget input[placeholder^="Pick an activation"]');
  await input.waitFor({ timeout: 20_000 });
  await input.fill(name);
  // The filtered list puts the exact name first (its label; the one-line summary is the description).
  const firstLabel = page.locator('.quick-input-list .monaco-list-row').first().locator('.label-name').first();
  const end = Date.now() + 10_000;
  let first = '';
  while (first !== name && Date.now() < end) {
    first = ((await firstLabel.textContent({ timeout: 1_000 }).catch(() => '')) ?? '').trim();
    if (first !== name) await new Promise((r) => setTimeout(r, 100));
  }
  if (first !== name) return { failure: `the first row after typing "${name}" is "${first.slice(0, 40)}"`, restoreMs: -1 };
  await page.keyboard.press('Enter');
  // Bound: the panel draws within 2–3 s of Enter here; 30 s is a margin of 10× for a loaded machine.
  const before = await waitForPanelChart(page, 30_000, name);
  if (before !== 2) return { failure: `the panel did not draw ${name} before the reload (${before} traces)`, restoreMs: -1 };
  // VS Code for the web writes its editor layout to IndexedDB when idle, at most every 5 s, and
  // cannot finish a write while the page unloads: a reload sooner restores the layout from before the
  // panel opened, and VS Code never asks our serializer for it (seen: 1 run in 5 with a fixed 1.5 s wait).
  // So wait until the stored layout holds the panel, then load the page again.
  const stored = await waitForStoredEditor(page, `Plot: ${name}`, 20_000);
  if (stored < 0) return { failure: `the workbench did not store its editor layout with the ${name} panel within 20 s`, restoreMs: -1 };
  log(`reload: the workbench stored the layout with the ${name} panel after ${stored} ms`);
  const reloaded = Date.now();
  await page.goto(url);
  await workbench.waitFor({ timeout: 60_000 });
  // Bound: the workbench loads and the panel is back 4–13 s after the reload began (ten runs in a row,
  // ACTIVATION_LAB_RELOAD_RUNS=10); 45 s leaves a margin of over 3× the slowest.
  const after = await waitForPanelChart(page, 45_000, name);
  const restoreMs = Date.now() - reloaded;
  if (after < 0) {
    log(`reload: editor tabs after the reload: ${await editorTabs(page).catch((e: unknown) => String(e))}`);
    for (const line of extensionLog(reloaded)) log(`reload: extension: ${line}`);
    for (const f of page.frames()) {
      const shown = await f.evaluate(`document.getElementById('plot-root')?.textContent ?? null`).catch(() => null);
      if (shown !== null) log(`reload: a restored panel shows "${String(shown).slice(0, 200)}"`);
    }
  }
  await page.screenshot({ path: path.join(screenshotDir, 'plot-panel-restored.png'), timeout: 15_000 }).catch(() => undefined);
  log(`reload: the ${name} panel drew ${before} traces before and ${after} after the reload`);
  const failure = after === 2 ? '' : `after a reload the ${name} plot panel ${after < 0 ? `did not come back with a chart in ${(restoreMs / 1000).toFixed(1)} s` : `has ${after} traces, expected 2`}`;
  return { failure, restoreMs };
}

/** Runs inside a frame: the network views drawn there (src/renderer/network-view.ts). */
const NETWORK_VIEWS = `(() => Array.from(document.querySelectorAll('.al-net')).map((v) => ({
  nodes: v.querySelectorAll('[data-neuron]').length,
  dead: v.querySelectorAll('[data-dead="true"]').length,
  drawMs: v.dataset.drawMs || '',
  epoch: (v.querySelector('.al-scrubber output') || {}).textContent || '',
  diagram: (v.querySelector('.al-net-diagram svg') || {}).outerHTML || '',
  slopes: Array.from(v.querySelectorAll('.al-net-diagram text')).map((t) => t.textContent).filter((t) => t.startsWith('slope')),
  histograms: v.querySelectorAll('.al-net-layers svg').length,
  boundary: (() => {
    const chart = v.parentElement && v.parentElement.querySelector('.al-plot[data-figure="boundary"]');
    const z = chart && chart.data && chart.data[0] && chart.data[0].z;
    return Array.isArray(z) ? z.flat().reduce((a, b) => a + (typeof b === 'number' ? b : 0), 0) : null;
  })(),
})))()`;

interface NetworkViewState { nodes: number; dead: number; drawMs: string; epoch: string; diagram: string; slopes: string[]; histograms: number; boundary: number | null }
interface NetworkExpectation { units: number; dead: number; layers: number[] }

/** The frame with the network view of `units` nodes and that view's state, within `ms`. */
async function networkFrame(page: Page, units: number, ms: number): Promise<{ frame: import('playwright-core').Frame; view: NetworkViewState } | undefined> {
  const end = Date.now() + ms;
  for (;;) {
    for (const frame of page.frames()) {
      const views = (await frame.evaluate(NETWORK_VIEWS).catch(() => [])) as NetworkViewState[];
      // the finished run's view (a streamed one has no scrubber yet)
      const view = views.find((v) => v.nodes === units && v.epoch !== '');
      if (view) return { frame, view };
    }
    if (Date.now() > end) return undefined;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function viewNow(frame: import('playwright-core').Frame, units: number): Promise<NetworkViewState | undefined> {
  const views = (await frame.evaluate(NETWORK_VIEWS).catch(() => [])) as NetworkViewState[];
  return views.find((v) => v.nodes === units);
}

/** Presses `key` on the scrubber and waits until it shows `epoch` ("0 of 100"); the view then. */
async function scrubTo(page: Page, frame: import('playwright-core').Frame, units: number, key: string, epoch: RegExp): Promise<NetworkViewState | undefined> {
  await frame.focus('.al-net input[data-scrubber]');
  await page.keyboard.press(key);
  const end = Date.now() + 10_000;
  for (;;) {
    // the redraw follows the next animation frame after the move
    await new Promise((r) => setTimeout(r, 120));
    const v = await viewNow(frame, units);
    if ((v && epoch.test(v.epoch)) || Date.now() > end) return v;
  }
}

/**
 * Scrolls the notebook (the workbench's list, under the output webview) until `locator` is on
 * screen: a webview's element cannot scroll its notebook itself, so the mouse wheel does it.
 */
async function scrollIntoSight(page: Page, locator: import('playwright-core').Locator): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1440, height: 1500 };
  for (let i = 0; i < 20; i++) {
    const box = await locator.boundingBox();
    if (!box) return;
    if (box.y >= 130 && (box.y < 400 || box.y + box.height <= viewport.height - 40)) return;
    const notebook = await page.locator('.notebookOverlay').first().boundingBox();
    await page.mouse.move((notebook?.x ?? 400) + 40, (notebook?.y ?? 200) + 300);
    await page.mouse.wheel(0, box.y < 130 ? Math.max(-1200, box.y - 200) : Math.min(1200, box.y - 200));
    await new Promise((r) => setTimeout(r, 250));
  }
}

function readExpectation(ackDir: string, stage: string): NetworkExpectation {
  return JSON.parse(fs.readFileSync(path.join(ackDir, `${stage}.expect.json`), 'utf8')) as NetworkExpectation;
}

/**
 * A trained 2-16-16-1 relu network's output: one node per unit, the dead ones marked as many as
 * dead(fit.net, data) counts; the scrubber's first position (epoch 0) changes the diagram and
 * its last brings back the trained one; 10 keyboard steps are timed; hovering a node shows its
 * formula; clicking a dead one opens the inspector with its weights and the kink.
 */
async function neuronsStage(page: Page, ackDir: string, stage = 'neurons'): Promise<string> {
  await page.setViewportSize({ width: 1440, height: 1500 });
  const expected = readExpectation(ackDir, stage);
  // Bound: the diagram is drawn within a few seconds of the output; 45 s is a wide margin.
  const found = await networkFrame(page, expected.units, 45_000);
  if (!found) return `no network diagram with ${expected.units} data-neuron nodes in any frame`;
  const { frame } = found;
  let view = found.view;
  // the charts come after the diagram (plotly loads): the boundary drawn, for the scrubber to move
  for (let i = 0; i < 120 && view.boundary === null; i++) {
    await new Promise((r) => setTimeout(r, 250));
    view = (await viewNow(frame, expected.units)) ?? view;
  }
  log(`${stage}: ${view.nodes} nodes, ${view.dead} dead (expected ${expected.dead}), ${view.histograms} layer histograms, first draw ${view.drawMs} ms, scrubber at "${view.epoch}"`);
  if (view.dead !== expected.dead) return `${view.dead} nodes are marked data-dead="true", dead(fit.net, data) counts ${expected.dead}`;
  if (view.histograms !== expected.layers.length - 1) return `${view.histograms} layer histograms, expected ${expected.layers.length - 1}`;
  const start = await scrubTo(page, frame, expected.units, 'Home', /^0 of /);
  log(`${stage}: scrubber at "${start?.epoch}": ${start?.dead} dead, drawn in ${start?.drawMs} ms`);
  if (!start || !/^0 of /.test(start.epoch)) return `the scrubber did not go to epoch 0 (shows "${start?.epoch}")`;
  if (start.diagram === view.diagram) return 'moving the scrubber to epoch 0 did not change the diagram';
  // the decision boundary follows the scrubber (Plotly.react after the diagram: give it a moment)
  let boundary = start.boundary;
  for (let i = 0; i < 20 && boundary === view.boundary; i++) {
    await new Promise((r) => setTimeout(r, 100));
    boundary = (await viewNow(frame, expected.units))?.boundary ?? null;
  }
  log(`${stage}: the boundary's sum of z ${view.boundary} trained, ${boundary} at epoch 0`);
  if (view.boundary === null || boundary === view.boundary) return 'the decision boundary did not change with the scrubber';
  const times: string[] = [];
  for (let k = 1; k <= 10; k++) times.push((await scrubTo(page, frame, expected.units, 'ArrowRight', new RegExp(`^\\d+ of `)))?.drawMs ?? '?');
  log(`${stage}: redraw ms of 10 keyboard steps of the scrubber: ${times.join(' ')}`);
  const back = await scrubTo(page, frame, expected.units, 'End', new RegExp(`^${view.epoch.split(' ')[0]} of `));
  if (!back || back.diagram !== view.diagram) return 'the scrubber\'s last position does not draw the trained network again';
  for (let i = 0; i < 20 && (await viewNow(frame, expected.units))?.boundary !== view.boundary; i++) await new Promise((r) => setTimeout(r, 100));
  const backBoundary = (await viewNow(frame, expected.units))?.boundary;
  if (backBoundary !== view.boundary) return `at the last position the boundary should be the trained one (sum ${view.boundary}), is ${backBoundary}`;
  if (stage === 'neuronsprelu') {
    log(`${stage}: slopes ${view.slopes.join(', ')} trained, ${start.slopes.join(', ')} at epoch 0`);
    if (view.slopes.length !== 2) return `each prelu layer should show its slope, got ${JSON.stringify(view.slopes)}`;
    if (start.slopes.join() !== 'slope 0.25,slope 0.25') return `at epoch 0 the slopes should be 0.25, got ${JSON.stringify(start.slopes)}`;
  }
  // hover a hidden unit: its formula with the numbers plugged in
  await scrollIntoSight(page, frame.locator('.al-net').first());
  await frame.locator('.al-net [data-neuron="1:0"]').first().hover();
  const tip = frame.locator('.al-net-tip').first();
  await tip.waitFor({ state: 'visible', timeout: 5_000 });
  const text = await tip.innerText();
  log(`${stage}: hover of 1:0 reads "${text.replace(/\n/g, ' | ')}"`);
  const act = stage === 'neuronsprelu' ? 'prelu' : 'relu';
  if (!new RegExp(`^${act}\\(−?\\d+\\.\\d\\d·x1 [+−] \\d+\\.\\d\\d·x2`).test(text)) return `the hover of a hidden unit should start with its formula, reads "${text}"`;
  if (!/active \(passes a gradient\) on \d+% of the \d+ points/.test(text) || !/mean output/.test(text)) return `the hover should say where the unit is active and its mean output: "${text}"`;
  // click a unit (a dead one when there is one): the inspector
  const target = frame.locator(expected.dead > 0 ? '.al-net [data-dead="true"]' : '.al-net [data-neuron="2:0"]').first();
  await target.click();
  const inspector = frame.locator('.al-net .al-inspector').first();
  await inspector.waitFor({ state: 'visible', timeout: 5_000 });
  const shown = await inspector.innerText();
  log(`${stage}: the inspector of ${await target.getAttribute('data-neuron')} starts "${shown.slice(0, 120).replace(/\n/g, ' | ')}"`);
  if (!/bias/.test(shown) || !(await inspector.locator('svg.al-histogram').count()) || !(await inspector.locator('img.al-big-heat').count())) {
    return 'the inspector should show the weights and bias, the pre-activation histogram and the large heatmap';
  }
  if (!(await inspector.locator('text', { hasText: 'kink at 0' }).count())) return `the ${act} unit's pre-activation histogram should mark the kink at 0`;
  // the screenshot: the diagram from its headers down, the clicked unit hovered
  await scrollIntoSight(page, frame.locator('.al-net').first());
  await target.hover({ trial: false, noWaitAfter: true });
  await scrollIntoSight(page, frame.locator('.al-net').first());
  return '';
}

/**
 * A run of an activation the notebook defines (`swishk(x) = x * sigmoid(k * x)`): the page runs
 * the layer's program with the bundled language, so every unit has its heatmap, as a catalogue
 * layer's does, and no note says the layer is drawn plain; the hover gives the unit's formula.
 */
async function neuronsOwnStage(page: Page, ackDir: string): Promise<string> {
  await page.setViewportSize({ width: 1440, height: 1300 });
  const expected = readExpectation(ackDir, 'neuronsown');
  // Bound: the diagram is drawn within a few seconds of the output; 45 s is a wide margin.
  const found = await networkFrame(page, expected.units, 45_000);
  if (!found) return `no network diagram with ${expected.units} data-neuron nodes in any frame`;
  const { frame } = found;
  const drawn = (await frame.evaluate(`(() => {
    const v = document.querySelector('.al-net');
    return { heatmaps: v.querySelectorAll('.al-net-diagram image').length, note: v.textContent.includes('drawn plain') };
  })()`)) as { heatmaps: number; note: boolean };
  log(`neuronsown: ${found.view.nodes} nodes, ${drawn.heatmaps} heatmaps, ${found.view.histograms} layer histograms, plain note ${drawn.note}`);
  if (drawn.heatmaps !== expected.units) return `${drawn.heatmaps} heatmaps for ${expected.units} units: a user-defined layer should be drawn as a catalogue one`;
  if (drawn.note) return 'the diagram says a layer is drawn plain';
  if (found.view.histograms !== expected.layers.length - 1) return `${found.view.histograms} layer histograms, expected ${expected.layers.length - 1}`;
  await scrollIntoSight(page, frame.locator('.al-net').first());
  await frame.locator('.al-net [data-neuron="1:0"]').first().hover();
  const tip = frame.locator('.al-net-tip').first();
  await tip.waitFor({ state: 'visible', timeout: 5_000 });
  const text = await tip.innerText();
  log(`neuronsown: hover of 1:0 reads "${text.replace(/\n/g, ' | ')}"`);
  if (!/^swishk\(/.test(text) || !/active \(passes a gradient\) on \d+% of the \d+ points/.test(text)) return `the hover should give the unit's formula and where it is active, reads "${text}"`;
  await scrollIntoSight(page, frame.locator('.al-net').first());
  return '';
}

/** The same output after the theme changed to light: still drawn (its colours follow the theme), for the screenshot. */
async function neuronsLightStage(page: Page, ackDir: string): Promise<string> {
  const expected = readExpectation(ackDir, 'neurons');
  await new Promise((r) => setTimeout(r, 1_500));
  const found = await networkFrame(page, expected.units, 20_000);
  if (!found) {
    for (const frame of page.frames()) {
      const views = await frame.evaluate(NETWORK_VIEWS).then((v) => (v as NetworkViewState[]).map((x) => `${x.nodes} nodes at "${x.epoch}"`), (e: unknown) => [`error ${String(e).slice(0, 80)}`]);
      if (views.length) log(`neuronslight: frame ${frame.url().slice(0, 60)}: ${views.join('; ')}`);
    }
    return 'the network diagram is gone after the theme change';
  }
  await scrollIntoSight(page, found.frame.locator('.al-net').first());
  await found.frame.locator('.al-net [data-dead="true"]').first().hover().catch(() => undefined);
  return '';
}

const SCREENSHOTS: Readonly<Record<string, string>> = {
  hover: 'hover.png', palette: 'plot-panel.png', training: 'training.png', interrupted: 'interrupted-training.png', help: 'help.png',
  slider: 'slider.png', sliderkept: 'slider-moved.png', sliderreopened: 'slider-reopened.png', panelsliders: 'panel-saved.png', accessible: 'accessible-after.png', inside: 'inside.png',
  neurons: 'neurons-dark.png', neuronslight: 'neurons-light.png', neuronsprelu: 'neurons-prelu-light.png', neuronsown: 'neurons-own.png',
  exporthtml: 'export-done.png', walkthrough: 'walkthrough-export.png',
};

const STAGES: Readonly<Record<(typeof USER_PATH_STAGES)[number], (page: Page, screenshotDir: string, ackDir: string) => Promise<string>>> = {
  hover: hoverStage, palette: paletteStage, training: trainingStage, interrupted: interruptedStage, help: helpStage, slider: sliderStage,
  sliderkept: sliderStateStage, sliderreopened: sliderReopenStage, panelsliders: panelSlidersStage, accessible: accessibleStage, inside: insideStage,
  neurons: (page, _shots, ackDir) => neuronsStage(page, ackDir), neuronslight: (page, _shots, ackDir) => neuronsLightStage(page, ackDir),
  neuronsprelu: (page, _shots, ackDir) => neuronsStage(page, ackDir, 'neuronsprelu'),
  neuronsown: (page, _shots, ackDir) => neuronsOwnStage(page, ackDir),
  exporthtml: (page, shots) => exportHtmlStage(page, shots), exportlesson: (page, shots) => exportLessonStage(page, shots), walkthrough: (page) => walkthroughStage(page),
};

export async function userPathStage(page: Page, stage: string, ackDir: string, screenshotDir: string): Promise<{ stage: string; ok: boolean; reason?: string; ms: number }> {
  const t0 = Date.now();
  screenshotFolder = screenshotDir;
  let reason = '';
  try {
    reason = await STAGES[stage as (typeof USER_PATH_STAGES)[number]](page, screenshotDir, ackDir);
  } catch (e) {
    reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
  }
  const screenshot = path.join(screenshotDir, SCREENSHOTS[stage] ?? `${stage}.png`);
  await new Promise((r) => setTimeout(r, 300));
  await page.screenshot({ path: screenshot, timeout: 15_000 }).catch(() => undefined);
  log(`${stage}: ${reason ? `FAIL: ${reason}` : 'ok'} in ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshot ${screenshot}`);
  fs.writeFileSync(path.join(ackDir, `${stage}.ack`), reason ? `fail: ${reason}` : 'ok');
  return { stage, ok: !reason, ...(reason ? { reason } : {}), ms: Date.now() - t0 };
}
