/**
 * What JSON allows and a notebook cannot keep (json-limits.ts): nesting past 1,000 levels and
 * numbers past the doubles are refused when the file is read, at their line and column, so a
 * notebook that opens can always be saved (found by the fuzz suite: both opened, and saving
 * failed, the first with "Maximum call stack size exceeded").
 */
import { strict as assert } from 'assert';
import { NotebookFormatError, parseNotebook, serializeNotebook, type JsonValue } from '../../../../src/services/notebook-format/format';
import { firstTooDeep, firstValuePastLimits, MAX_JSON_DEPTH } from '../../../../src/services/notebook-format/json-limits';

function refusal(text: string): NotebookFormatError {
  try {
    parseNotebook(text);
  } catch (e) {
    assert.ok(e instanceof NotebookFormatError, String(e));
    return e;
  }
  assert.fail(`read: ${text.slice(0, 80)}`);
}

const withMetadata = (json: string): string => `{"activationNotebook": 1,\n "metadata": {"a": ${json}},\n "cells": []}`;
const nested = (levels: number, inner = ''): string => '['.repeat(levels) + inner + ']'.repeat(levels);

describe('notebook files: limits of what a notebook keeps', () => {
  it(`reads metadata nested up to ${MAX_JSON_DEPTH.toLocaleString('en-US')} levels, and writes it back`, () => {
    // the file's object and the metadata object are two levels; the arrays take the rest
    const text = withMetadata(nested(MAX_JSON_DEPTH - 2));
    const nb = parseNotebook(text);
    assert.deepEqual(parseNotebook(serializeNotebook(nb)), nb);
  });

  it('refuses deeper nesting at the bracket that goes past the limit, valid JSON or not', () => {
    for (const levels of [MAX_JSON_DEPTH - 1, 5000, 200_000]) {
      for (const text of [withMetadata(nested(levels)), withMetadata(nested(levels).slice(0, -1)), nested(levels + 2)]) {
        const e = refusal(text);
        assert.match(e.message, /this notebook is nested deeper than 1,000 levels of \[ \] and \{ \} inside each other \(a notebook needs a few: .*\); the file was probably made by mistake/, e.message);
        // `[` number 999 opens level 1,001 of withMetadata's text (line 2 starts ` "metadata": {"a": `)
        const [line, column] = text.startsWith('[') ? [1, MAX_JSON_DEPTH + 1] : [2, 19 + MAX_JSON_DEPTH - 1];
        assert.deepEqual([e.line, e.column], [line, column], `${levels} levels: ${e.message}`);
        assert.ok(e.message.startsWith(`line ${line}, column ${column}: `));
      }
    }
  });

  it('counts brackets outside strings only', () => {
    assert.equal(firstTooDeep(`{"a": "${'['.repeat(5000)}\\"${'{'.repeat(5000)}"}`), undefined);
    assert.equal(firstValuePastLimits({ a: '['.repeat(5000) }), undefined);
  });

  it('refuses a number past the largest double, which JSON.parse reads as Infinity, at its place', () => {
    for (const [text, line, column] of [
      [withMetadata('1e400'), 2, 20],
      [withMetadata('[1, -1e999]'), 2, 24],
      ['{"activationNotebook": 1, "cells": [{"kind": "code", "source": "1", "executionOrder": 1e400}]}', 1, 87],
      ['{"activationNotebook": 1, "x-tool": 2e308, "cells": []}', 1, 37],
    ] as const) {
      const e = refusal(text);
      assert.deepEqual([e.line, e.column], [line, column], e.message);
      assert.match(e.message, /^line \d+, column \d+: the number here is (larger|more negative) than any a notebook can hold \(about -?1\.8e308\): .*Write it as a string, e\.g\. "1e400"$/);
    }
    // the largest double itself, and underflow to 0, are numbers like any other
    const nb = parseNotebook(withMetadata('[1.7976931348623157e308, 1e-400]'));
    assert.deepEqual(nb.metadata['a'], [1.7976931348623157e308, 0]);
  });

  it('the writer refuses what the reader would, with words instead of a stack overflow', () => {
    let deep: JsonValue = 1;
    for (let i = 0; i < 50_000; i++) deep = [deep];
    assert.throws(() => serializeNotebook({ metadata: { deep }, cells: [] }), (e: unknown) =>
      e instanceof NotebookFormatError && /^cannot save: the notebook is nested deeper than 1,000 levels/.test(e.message));
  });
});
