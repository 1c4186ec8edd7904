/**
 * The checks of an exercise cell as lines a student reads: `✓ hint` for a pass, `✗ hint` and
 * what was found for a fail, and a count when the cell made several. The CLI prints them, the
 * notebook renderer and the HTML export colour each by whether it passed.
 */
import type { CheckDisplay, CheckResult } from './output';

export interface CheckLine {
  readonly passed: boolean;
  readonly text: string;
}

export function checkLines(d: CheckDisplay): CheckLine[] {
  const lines = d.checks.map((c): CheckLine => ({ passed: c.passed, text: c.passed ? `✓ ${c.hint}` : `✗ ${c.hint}\n  ${foundText(c)}` }));
  if (d.checks.length > 1) {
    const passed = d.checks.filter((c) => c.passed).length;
    lines.push({ passed: d.passed, text: `${passed} of ${d.checks.length} checks passed` });
  }
  return lines;
}

/** `found 1, expected 0 (tolerance 1e-9): off by 1`; for a condition, its value (`found: relu(-2) == 0 is false`). */
function foundText(c: CheckResult): string {
  const found = c.expected === undefined && c.hint !== c.expression ? `found: ${c.expression} is ${c.found}` : `found ${c.found}`;
  const expected = c.expected === undefined ? '' : `, expected ${c.expected}${c.tol !== undefined ? ` (tolerance ${c.tol})` : ''}`;
  return `${found}${expected}${c.reason ? `: ${c.reason}` : ''}`;
}

export function checkText(d: CheckDisplay): string {
  return checkLines(d).map((l) => l.text).join('\n');
}
