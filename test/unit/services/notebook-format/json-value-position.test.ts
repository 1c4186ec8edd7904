/** Where a value is in a JSON text, by its path: what structure errors point at. */
import { strict as assert } from 'assert';
import { positionOfValue } from '../../../../src/services/notebook-format/json-value-position';

describe('positionOfValue', () => {
  const text = [
    '{',
    '  "activationNotebook": 1,',
    '  "cells": [',
    '    { "kind": "code", "source": "x" },',
    '    { "kind": "markdown", "source": ["a", "b"], "outputs": [{ "items": [] }] }',
    '  ]',
    '}',
  ].join('\n');

  const cases: [string, (string | number)[], number, number, string][] = [
    ['the whole file', [], 1, 1, '{'],
    ['a number', ['activationNotebook'], 2, 25, '1'],
    ['an array', ['cells'], 3, 12, '['],
    ['an array element', ['cells', 1], 5, 5, '{ "kind": "markdown"'],
    ['a string', ['cells', 0, 'source'], 4, 33, '"x"'],
    ['an element of a nested array', ['cells', 1, 'source', 1], 5, 43, '"b"'],
    ['an object deep down', ['cells', 1, 'outputs', 0, 'items'], 5, 72, '[]'],
  ];
  for (const [what, path, line, column, starts] of cases) {
    it(`finds ${what} at ${line}:${column}`, () => {
      const p = positionOfValue(text, path);
      assert.ok(p, 'not found');
      assert.deepEqual([p.line, p.column], [line, column]);
      assert.ok(text.startsWith(starts, p.offset), text.slice(p.offset, p.offset + 20));
    });
  }

  it('finds nothing where there is no value', () => {
    assert.equal(positionOfValue(text, ['cells', 2]), undefined);
    assert.equal(positionOfValue(text, ['cells', 0, 'outputs']), undefined);
    assert.equal(positionOfValue(text, ['activationNotebook', 0]), undefined);
  });

  it('does not mistake a same-named key elsewhere for the one on the path', () => {
    assert.equal(positionOfValue('{"a": {"source": 1}, "cells": []}', ['cells', 0, 'source']), undefined);
    assert.deepEqual(positionOfValue('[{"x": [7]}, {"x": [8]}]', [1, 'x', 0]), { line: 1, column: 21, offset: 20 });
  });

  it('takes the last of duplicate keys, as JSON.parse does', () => {
    assert.deepEqual(positionOfValue('{"a": 1,\r\n"a": 2}', ['a']), { line: 2, column: 6, offset: 15 });
  });

  it('counts a lone CR as a line break, as editors do', () => {
    assert.deepEqual(positionOfValue('{\r"a":\r\n 2}', ['a']), { line: 3, column: 2, offset: 9 });
  });
});
