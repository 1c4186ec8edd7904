/** Errors as a notebook shows them: VS Code draws an error item as "name: message". */
import { strict as assert } from 'assert';
import { Session } from '../../../src/language/runtime/session';
import { displayText } from '../../../src/shared/display-text';
import { errorHeading, errorLine } from '../../../src/shared/error-heading';
import { ERROR_MIME, type ErrorDisplay } from '../../../src/shared/output';
import { outputItems } from '../../../src/shared/output-items';

function errorOf(source: string): ErrorDisplay {
  const d = new Session().run(source).display;
  assert.equal(d.kind, 'error', JSON.stringify(d));
  return d as ErrorDisplay;
}

/** What VS Code's error renderer writes for an item (its rule: both parts joined by ": ", else the one present). */
const shown = (h: { name: string; message: string }): string => (h.name && h.message ? `${h.name}: ${h.message}` : h.name || h.message);

describe('shared/error-heading', () => {
  it('puts the place in the name, so the line reads as one sentence without "Error: error"', () => {
    const d = errorOf('y = 1\nsigmiod(y)');
    assert.deepEqual(errorHeading(d), { name: 'Line 2, column 1', message: "unknown function 'sigmiod' (did you mean 'sigmoid'?)" });
    assert.equal(errorLine(d), "Line 2, column 1: unknown function 'sigmiod' (did you mean 'sigmoid'?)");
  });

  it('is what the error item of a cell output carries', () => {
    const [item] = outputItems(errorOf('1 +'));
    assert.equal(item.mime, ERROR_MIME);
    const line = shown(item.data as { name: string; message: string });
    assert.match(line, /^Line 1, column \d+: /);
    assert.doesNotMatch(line, /error at line|error: /i);
  });

  it('shows an error without a place as its message alone, begun as a sentence', () => {
    const d: ErrorDisplay = { kind: 'error', message: 'interrupted while running line 3', line: 0, column: 0 };
    assert.deepEqual(errorHeading(d), { name: '', message: 'Interrupted while running line 3' });
    assert.equal(shown(errorHeading(d)), 'Interrupted while running line 3');
    assert.equal(errorLine({ kind: 'error', message: 'the kernel was restarted', line: 0, column: 0 }), 'The kernel was restarted');
  });

  it("leaves the CLI's stderr line as it was: compiler style, with the place", () => {
    assert.equal(displayText(errorOf('rleu(1)')), "error at line 1, column 1: unknown function 'rleu' (did you mean 'relu'?)");
    assert.equal(displayText({ kind: 'error', message: 'interrupted while running line 1', line: 0, column: 0 }), 'Interrupted while running line 1');
  });
});
