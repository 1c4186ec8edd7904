import { strict as assert } from 'assert';
import { firstTooDeep, MAX_JSON_NESTING } from '../../../../src/services/notebook-format/json-nesting';
import { NotebookFormatError, parseNotebook, serializeNotebook } from '../../../../src/services/notebook-format/format';

const withMetadata = (x: string): string => `{"activationNotebook": 1, "metadata": {"x": ${x}}, "cells": []}`;
const nested = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels);

describe('notebook files: nesting the writer can write back', () => {
  it('refuses a file that nests past the limit, naming where, and reads one at the limit', () => {
    // metadata's object and the top object are two levels already
    assert.throws(() => parseNotebook(withMetadata(nested(5000))), (e: unknown) => {
      assert.ok(e instanceof NotebookFormatError);
      assert.equal(e.line, 1);
      // the array that opens level 65: after the prefix and the 62 arrays before it
      assert.equal(e.column, withMetadata('').indexOf('}') + (MAX_JSON_NESTING - 2) + 1);
      assert.match(e.message, /more than 64 levels deep, which no notebook needs and Activation Lab could not save again/);
      return true;
    });
    const deepest = parseNotebook(withMetadata(nested(MAX_JSON_NESTING - 2)));
    // and what it read, it writes back and reads again unchanged
    assert.deepEqual(parseNotebook(serializeNotebook(deepest)), deepest);
  });

  it('skips brackets inside strings, escaped quotes included', () => {
    assert.equal(firstTooDeep(`{"a": "${'['.repeat(100)}\\" [[["}`, 2), undefined);
    assert.deepEqual(firstTooDeep('{\n  "a": [[1]]}', 2), { line: 2, column: 9, offset: 10 });
  });
});
