/**
 * `activation-lab run --html`: a plot with sliders moves in the exported page, and a training
 * run's epoch scrubber replays its diagram and boundary, opened from disk in headless Chromium,
 * with no kernel and no network (and nothing the page's CSP refuses).
 */
import { strict as assert } from 'assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { chromium, type Browser } from 'playwright-core';
import { cli, ensureCliBuilt } from './cli-harness';

const CHROMIUM = '/usr/bin/chromium';

/* eslint-disable @typescript-eslint/no-explicit-any */
// The page's globals, for the functions that run in it (the unit tests type-check without the DOM).
declare const document: any;
declare const requestAnimationFrame: (callback: () => void) => number;

const notebookText = (sources: string[]): string =>
  JSON.stringify({ activationNotebook: 1, metadata: {}, cells: sources.map((source) => ({ kind: 'code', source })) });

describe('activation-lab run --html: sliders and the epoch scrubber in the exported page', function () {
  this.timeout(120_000);
  let dir: string;
  let browser: Browser | undefined;
  before(async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    ensureCliBuilt();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  after(async () => browser?.close());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'activation-lab-sliders-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The notebook of `sources` run with --html, its page opened from disk, with what it requests off the page and any error it logs. */
  async function exported(name: string, sources: string[]) {
    const file = join(dir, `${name}.actnb`);
    writeFileSync(file, notebookText(sources));
    const out = join(dir, `${name}.html`);
    const r = cli(['run', file, '--html', out]);
    assert.equal(r.status, 0, r.stderr);
    const page = await browser!.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (req) => { if (!req.url().startsWith('file:')) requests.push(req.url()); });
    page.on('console', (m) => { if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(pathToFileURL(out).href);
    return { html: readFileSync(out, 'utf8'), page, requests, problems };
  }

  it('draws sliders that move the curve, offline, with nothing refused by the CSP', async () => {
    const { html, page, requests, problems } = await exported('sliders', [
      'g(x, a=0.1) = max(a * x, x)',
      'plot(leaky_relu(alpha=slider(0, 1)), g(a=slider(-1, 1)))',
      'plot(relu)',
    ]);
    assert.equal((html.match(/data-live="/g) ?? []).length, 1, 'the plot with sliders carries its source; relu\'s does not');
    await page.waitForSelector('input[type="range"][data-parameter="alpha"]');
    const violations = await page.evaluate(() => new Promise<string[]>((done) => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
      setTimeout(() => done(seen), 50);
    }));

    const trace = () => page.evaluate(() => {
      const plot = document.getElementById('plot-1') as { data: { name: string; y: number[] }[] };
      return plot.data.map((t) => ({ name: t.name, y: Array.from(t.y) }));
    });
    const before = await trace();
    const labels = await page.$$eval('.al-slider', (ls) => ls.map((l) => l.textContent));
    assert.deepEqual(labels, ['alpha0.01', 'a0.1']);
    await page.evaluate(() => {
      const input = document.querySelector('input[data-parameter="alpha"]');
      input.value = '0.5';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction((y0) => {
      const plot = document.getElementById('plot-1') as { data: { y: number[] }[] };
      return plot.data[0]!.y[0] !== y0;
    }, before[0]!.y[0]);
    const after = await trace();
    assert.notDeepEqual(after[0]!.y, before[0]!.y, 'leaky_relu moved');
    assert.deepEqual(after[2]!.y, before[2]!.y, 'g did not');
    assert.equal(after[0]!.name, 'leaky_relu(alpha=0.5)');
    // x from -12 (leaky_relu(alpha=0.01)'s range): y = 0.5 x
    assert.equal(after[0]!.y[0], -6);
    assert.equal(await page.textContent('label.al-slider output'), '0.5');
    // the keyboard moves it too
    await page.focus('input[data-parameter="a"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelectorAll('label.al-slider output')[1]!.textContent === '0.12');
    // one frame's budget (~16 ms) for evaluating f and f' and Plotly.react: measured over 20 moves, logged
    const times = await page.evaluate(async () => {
      const input = document.querySelector('input[data-parameter="alpha"]');
      const panel = document.querySelector('.al-sliders');
      const ms: number[] = [];
      const evaluate: number[] = [];
      for (let k = 0; k < 20; k++) {
        input.value = String(k / 20);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
        ms.push(Number(panel.dataset.redrawMs));
        evaluate.push(Number(panel.dataset.evaluateMs));
      }
      return { total: ms.sort((a, b) => a - b), evaluate: evaluate.sort((a, b) => a - b) };
    });
    console.log(`      exported page, 2 functions x 401 points (f and f'): evaluate median ${times.evaluate[10]} ms, evaluate + Plotly.react median ${times.total[10]} ms, worst ${times.total[19]} ms`);
    assert.ok(times.total.every(Number.isFinite));
    assert.deepEqual(requests, [], 'no request');
    assert.deepEqual(problems, [], 'no error in the console');
    assert.deepEqual(violations, [], 'nothing refused by the CSP');
    await page.close();
  });

  it('a training run gets the notebook\'s live diagram: the epoch scrubber redraws it and the boundary, a user-defined activation drawn too', async () => {
    const { html, page, requests, problems } = await exported('network', [
      'k = 1.5\nswishk(x) = x * sigmoid(k * x)\ndata = dataset("xor", noise=0.1, seed=1)',
      'train(mlp([2, 4, 1], act=swishk, seed=0), data, epochs=30)',
    ]);
    assert.equal((html.match(/data-network="/g) ?? []).length, 1, 'the training run carries its display');
    await page.waitForSelector('.al-net input[data-scrubber]');
    const view = () => page.evaluate(() => {
      const net = document.querySelector('.al-net');
      const chart = document.querySelector(`#${document.querySelector('script[data-network]').dataset.boundary}`);
      const z = chart && chart.data && chart.data[0] && chart.data[0].z;
      return {
        epoch: net.querySelector('.al-scrubber output').textContent as string,
        diagram: net.querySelector('.al-net-diagram svg').outerHTML as string,
        nodes: net.querySelectorAll('[data-neuron]').length as number,
        heatmaps: net.querySelectorAll('.al-net-diagram image').length as number,
        boundary: (Array.isArray(z) ? z.flat().reduce((a: number, b: number) => a + b, 0) : null) as number | null,
      };
    });
    const trained = await view();
    assert.equal(trained.epoch, '30 of 30');
    assert.equal(trained.nodes, 7);
    assert.equal(trained.heatmaps, 7, 'every unit drawn with its heatmap, swishk\'s too');
    assert.notEqual(trained.boundary, null, 'the boundary is drawn');
    await page.focus('.al-net input[data-scrubber]');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('.al-scrubber output').textContent === '0 of 30');
    await page.waitForFunction((z0) => {
      const chart = document.querySelector(`#${document.querySelector('script[data-network]').dataset.boundary}`);
      return chart.data[0].z.flat().reduce((a: number, b: number) => a + b, 0) !== z0;
    }, trained.boundary);
    const untrained = await view();
    assert.notEqual(untrained.diagram, trained.diagram, 'epoch 0 draws other weights');
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.querySelector('.al-scrubber output').textContent === '30 of 30');
    // the label changes at once, the diagram at the next animation frame
    await page.waitForFunction((svg) => document.querySelector('.al-net .al-net-diagram svg').outerHTML === svg, trained.diagram, { timeout: 10_000 })
      .catch(() => undefined);
    assert.equal((await view()).diagram, trained.diagram, 'the last position is the trained network again');
    assert.deepEqual(requests, [], 'no request');
    assert.deepEqual(problems, [], 'no error in the console');
    await page.close();
  });
});
