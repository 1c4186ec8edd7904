/**
 * The Playwright half of reading the lessons (suite/lessons.test.ts is the other): with a
 * lesson open and run, the window is made tall enough for the whole notebook to render (VS
 * Code draws outputs lazily), the ✓/✗ lines of its checks must be drawn by our renderer, and
 * lesson-ID.png is saved for a person to read as a student would.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';

/** Stages the suite announces: `lesson_relu_basics` for lessons/relu-basics.actnb. */
export const isLessonStage = (stage: string): boolean => stage.startsWith('lesson_');

const CHECK_LINES = `(() => Array.from(document.querySelectorAll('pre.al-pass, pre.al-fail')).map((e) => e.className + ' ' + e.textContent))()`;

async function checkLines(page: Page): Promise<string[]> {
  const all = await Promise.all(page.frames().map((f) => f.evaluate(CHECK_LINES).then((x) => x as string[], () => [] as string[])));
  return all.flat();
}

export async function lessonStage(page: Page, stage: string, ackDir: string, screenshotDir: string): Promise<void> {
  const t0 = Date.now();
  const viewport = page.viewportSize();
  let reason = '';
  try {
    await page.setViewportSize({ width: 1280, height: 7200 });
    // Bound: the outputs render within a few seconds of the resize; 40 s is a margin for a loaded machine.
    const end = Date.now() + 40_000;
    let lines: string[] = [];
    while (Date.now() < end) {
      lines = await checkLines(page);
      if (lines.some((l) => l.startsWith('al-fail'))) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    if (!lines.some((l) => l.startsWith('al-fail'))) reason = `no ✗ line of an unsolved exercise drawn (found ${lines.length} check lines)`;
    else if (lines.some((l) => !/^al-(pass|fail) [✓✗]|^al-(pass|fail) \d+ of \d+ checks passed/.test(l))) reason = `a check line reads oddly: ${lines.find((l) => !/^al-(pass|fail) [✓✗]/.test(l))}`;
    await new Promise((r) => setTimeout(r, 1500));
    const file = path.join(screenshotDir, `lesson-${stage.slice('lesson_'.length).replace(/_/g, '-')}.png`);
    await page.screenshot({ path: file, timeout: 20_000 }).catch(() => undefined);
    console.log(`[harness:lessons] ${stage}: ${reason || 'ok'}: ${lines.length} check lines in ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshot ${file}`);
  } catch (e) {
    reason = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  } finally {
    if (viewport) await page.setViewportSize(viewport).catch(() => undefined);
  }
  fs.writeFileSync(path.join(ackDir, `${stage}.ack`), reason ? `fail: ${reason}` : 'ok');
}
