/**
 * The Playwright half of Export Notebook as HTML (suite/export-html.test.ts), as user-path stages:
 *   exporthtml  - answers the save dialog the command shows (it must offer NAME.html next to the
 *                 notebook), finds its notification with "Open in Browser" (in the
 *                 Notifications center: the smoke-test driver shows no toasts), then opens the
 *                 written page from disk in a tab of its own, as a browser would: both charts drawn
 *                 by plotly, the slider there, and moving it redraws the curve; no CSP violation,
 *                 no request off the page. Screenshots export-dialog-export.html.png, export-notification.png
 *                 and exported-page.png.
 *   exportlesson - the same dialog for a lesson's untitled copy: it must offer relu-basics.html.
 *   walkthrough - the walkthrough opened on its export step: the step says "Export Notebook as
 *                 HTML"; screenshot walkthrough-export.png.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Page } from 'playwright-core';

const log = (line: string): void => console.log(`[harness] ${line}`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs in the exported page: its charts, sliders and first trace. */
const PAGE_STATE = `(() => {
  const charts = Array.from(document.querySelectorAll('.js-plotly-plot'));
  const sliders = Array.from(document.querySelectorAll('input[type="range"]'));
  const first = charts[0] && charts[0].data && charts[0].data[0];
  return { charts: charts.map((c) => (c.data || []).length), sliders: sliders.map((s) => s.value), firstTrace: first ? first.name + ' ' + first.y[0] : '' };
})()`;

interface PageState { charts: number[]; sliders: string[]; firstTrace: string }

/** Answers the save dialog of Export Notebook as HTML (Enter on what it offers): a failure, or '' and the path. */
async function acceptSaveDialog(page: Page, screenshotDir: string, file: string): Promise<{ failure: string; offered: string }> {
  const input = page.locator('.quick-input-widget input');
  // Bound: the dialog opens within a second of the command; 15 s is a wide margin.
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  // the dialog fills in the folder first, then the file name; 5 s is a wide margin
  let offered = await input.inputValue();
  for (let i = 0; i < 50 && !offered.endsWith('.html'); i++) {
    await sleep(100);
    offered = await input.inputValue();
  }
  log(`the save dialog offered "${offered}"`);
  await page.screenshot({ path: path.join(screenshotDir, `export-dialog-${file}.png`), timeout: 15_000 }).catch(() => undefined);
  if (!offered.endsWith(`/${file}`)) return { failure: `the save dialog offered "${offered}", not ${file}`, offered };
  await page.keyboard.press('Enter');
  return { failure: '', offered };
}

/** A lesson opened by Open Lesson (untitled) exports as LESSON-ID.html in the workspace folder. */
export async function exportLessonStage(page: Page, screenshotDir: string): Promise<string> {
  return (await acceptSaveDialog(page, screenshotDir, 'relu-basics.html')).failure;
}

export async function exportHtmlStage(page: Page, screenshotDir: string): Promise<string> {
  const { failure, offered } = await acceptSaveDialog(page, screenshotDir, 'export.html');
  if (failure) return failure;
  // under the smoke-test driver VS Code shows no toasts: the notification is read in the Notifications center
  for (let i = 0; i < 100 && !fs.existsSync(offered); i++) await sleep(100);
  await page.locator('[id="status.notifications"]').first().click({ timeout: 10_000 }).catch(() => undefined);
  const note = page.locator('.notifications-center .notification-list-item').filter({ hasText: 'exported export.html' }).first();
  await note.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined);
  if (!(await note.isVisible())) {
    const shown = await page.locator('.notifications-center').innerText({ timeout: 2_000 }).catch((e: unknown) => `(none: ${String(e).slice(0, 80)})`);
    return `no notification saying the page was exported (center: "${shown.slice(0, 200)}")`;
  }
  const buttons = await note.locator('.monaco-button').allTextContents();
  log(`exporthtml: the notification's buttons: ${buttons.join(', ')}`);
  if (!buttons.includes('Open in Browser')) return `the notification's buttons are ${buttons.join(', ')}`;
  await page.screenshot({ path: path.join(screenshotDir, 'export-notification.png'), timeout: 15_000 }).catch(() => undefined);

  // the page, from disk, as the user's browser would open it
  if (!fs.existsSync(offered)) return `${offered} was not written`;
  // a context of its own (the workbench's was made by launch(), which opens no second page)
  const browser = page.context().browser();
  if (!browser) return 'no browser to open the exported page in';
  const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
  const tab = await context.newPage();
  const problems: string[] = [];
  tab.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text().slice(0, 160)}`); });
  tab.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request: ${r.url().slice(0, 120)}`); });
  try {
    await tab.goto(pathToFileURL(offered).href);
    let state: PageState = { charts: [], sliders: [], firstTrace: '' };
    // Bound: plotly draws both charts within a second or two; 20 s is a wide margin.
    for (let i = 0; i < 200; i++) {
      state = (await tab.evaluate(PAGE_STATE)) as PageState;
      if (state.charts.length === 2 && state.sliders.length >= 1) break;
      await sleep(100);
    }
    log(`exporthtml: the page shows ${JSON.stringify(state)}`);
    if (state.charts.length !== 2) return `the exported page draws ${state.charts.length} charts, not 2`;
    if (state.sliders.length < 1) return 'the exported page has no slider';
    const before = state.firstTrace;
    const slider = tab.locator('input[type="range"]').first();
    await slider.focus();
    for (let i = 0; i < 10; i++) await tab.keyboard.press('ArrowRight');
    let after = before;
    for (let i = 0; i < 50 && after === before; i++) {
      await sleep(100);
      after = ((await tab.evaluate(PAGE_STATE)) as PageState).firstTrace;
    }
    log(`exporthtml: moving the slider: "${before}" -> "${after}"`);
    await tab.screenshot({ path: path.join(screenshotDir, 'exported-page.png'), fullPage: true, timeout: 15_000 }).catch(() => undefined);
    if (after === before) return `moving the slider did not redraw the curve (${before})`;
    if (problems.length) return `the exported page: ${problems.join('; ')}`;
  } finally {
    await context.close();
  }
  return '';
}

export async function walkthroughStage(page: Page): Promise<string> {
  const container = page.locator('.gettingStartedContainer');
  await container.waitFor({ state: 'visible', timeout: 20_000 }).catch(() => undefined);
  const step = container.locator('.getting-started-step').filter({ hasText: 'Export a page' }).first();
  await step.click({ timeout: 10_000 }).catch(() => undefined);
  await sleep(1_500); // the step's image fades in
  const text = await container.innerText().catch(() => '');
  if (!text.includes('Get started with Activation Lab')) return 'the walkthrough is not shown';
  if (!text.includes('Export Notebook as HTML')) return 'the export step does not name Export Notebook as HTML';
  return '';
}
