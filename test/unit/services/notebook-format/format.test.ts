/** The .actnb file format: round trips, stable key order, preserved unknown fields, and errors a user can act on. */
import { strict as assert } from 'assert';
import { mulberry32 as prng } from '../../helpers/prng';
import {
  emptyNotebook,
  FORMAT_VERSION,
  JsonObject,
  JsonValue,
  lineColumn,
  locateJsonSyntaxError,
  Notebook,
  NotebookCell,
  NotebookFormatError,
  parseNotebook,
  positionFromJsonError,
  serializeNotebook,
} from '../../../../src/services/notebook-format/format';

/** Runs `fn`, which must throw a NotebookFormatError, and returns that error. */
function formatError(fn: () => unknown): NotebookFormatError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof NotebookFormatError, `expected a NotebookFormatError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a NotebookFormatError, but nothing was thrown');
}

function setOwn(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Rebuilds every object of a JSON value with its keys inserted in the order `order` gives. */
function reorder(v: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(v)) return v.map((x) => reorder(x, order));
  if (v === null || typeof v !== 'object') return v;
  const out = {};
  for (const k of order(Object.keys(v))) setOwn(out, k, reorder((v as Record<string, unknown>)[k], order));
  return out;
}

const CANONICAL = [
  '{',
  '  "activationNotebook": 1,',
  '  "metadata": {',
  '    "createdWith": "activation-lab 0.1.0",',
  '    "zoom": 1.5',
  '  },',
  '  "cells": [',
  '    {',
  '      "kind": "markdown",',
  '      "source": "# ReLU\\nThe *rectified* linear unit: \\"max(0, x)\\"."',
  '    },',
  '    {',
  '      "kind": "code",',
  '      "source": "x = linspace(-3, 3, 4)\\nrelu(x)",',
  '      "executionOrder": 2,',
  '      "metadata": {',
  '        "collapsed": false',
  '      },',
  '      "outputs": [',
  '        {',
  '          "items": [',
  '            {',
  '              "mime": "text/plain",',
  '              "data": "[0, 0, 1, 3]"',
  '            },',
  '            {',
  '              "mime": "application/vnd.activation-lab.tensor+json",',
  '              "data": {',
  '                "shape": [',
  '                  4',
  '                ],',
  '                "values": [',
  '                  "-Infinity",',
  '                  0,',
  '                  1e-7,',
  '                  3',
  '                ]',
  '              }',
  '            }',
  '          ],',
  '          "metadata": {',
  '            "durationMs": 3',
  '          }',
  '        }',
  '      ]',
  '    },',
  '    {',
  '      "kind": "code",',
  '      "source": ""',
  '    }',
  '  ]',
  '}',
  '',
].join('\n');

function canonicalModel(): Notebook {
  return {
    metadata: { createdWith: 'activation-lab 0.1.0', zoom: 1.5 },
    cells: [
      { kind: 'markdown', source: '# ReLU\nThe *rectified* linear unit: "max(0, x)".', outputs: [] },
      {
        kind: 'code',
        source: 'x = linspace(-3, 3, 4)\nrelu(x)',
        executionOrder: 2,
        metadata: { collapsed: false },
        outputs: [
          {
            items: [
              { mime: 'text/plain', data: '[0, 0, 1, 3]' },
              {
                mime: 'application/vnd.activation-lab.tensor+json',
                data: { shape: [4], values: ['-Infinity', 0, 1e-7, 3] },
              },
            ],
            metadata: { durationMs: 3 },
          },
        ],
      },
      { kind: 'code', source: '', outputs: [] },
    ],
  };
}

describe('notebook format (.actnb)', () => {
  describe('basics', () => {
    it('is format version 1', () => {
      assert.equal(FORMAT_VERSION, 1);
    });

    it('writes an empty notebook as a small canonical file', () => {
      assert.equal(
        serializeNotebook(emptyNotebook()),
        '{\n  "activationNotebook": 1,\n  "metadata": {},\n  "cells": []\n}\n',
      );
    });

    it('returns a fresh empty notebook each time', () => {
      const a = emptyNotebook();
      a.cells.push({ kind: 'code', source: 'x', outputs: [] });
      a.metadata['k'] = 1;
      assert.deepStrictEqual(emptyNotebook(), { metadata: {}, cells: [] });
    });

    for (const [name, text] of [
      ['an empty file', ''],
      ['a whitespace-only file', '  \n\t\r\n '],
      ['a file holding only a byte-order mark', '\uFEFF'],
      ['a byte-order mark and a newline', '\uFEFF\n'],
    ] as const) {
      it(`parses ${name} as an empty notebook (VS Code's File > New)`, () => {
        assert.deepStrictEqual(parseNotebook(text), emptyNotebook());
      });
    }
  });

  describe('round trips', () => {
    it('parses the canonical file into the expected model', () => {
      assert.deepStrictEqual(parseNotebook(CANONICAL), canonicalModel());
    });

    it('writes the canonical file back byte for byte', () => {
      assert.equal(serializeNotebook(parseNotebook(CANONICAL)), CANONICAL);
    });

    it('reads back what it writes (markdown and code cells, outputs kept)', () => {
      const nb = canonicalModel();
      const back = parseNotebook(serializeNotebook(nb));
      assert.deepStrictEqual(back, nb);
      assert.equal(back.cells[1]!.outputs[0]!.items.length, 2);
    });

    it('ends with exactly one newline and indents by two spaces', () => {
      const text = serializeNotebook(canonicalModel());
      assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
      assert.match(text, /^\{\n {2}"activationNotebook": 1,\n {2}"metadata": \{\n {4}"createdWith"/);
    });

    it('keeps multi-line source as one string with \\n escapes, verbatim', () => {
      const source = 'a = 1\r\nb = 2\n\n  c = a + b\t# tab\n';
      const text = serializeNotebook({ metadata: {}, cells: [{ kind: 'code', source, outputs: [] }] });
      assert.ok(text.includes('"source": "a = 1\\r\\nb = 2\\n\\n  c = a + b\\t# tab\\n"'), text);
      assert.equal(parseNotebook(text).cells[0]!.source, source);
    });

    it('does not write empty outputs, and reads a missing "outputs" as []', () => {
      const text = serializeNotebook({
        metadata: {},
        cells: [
          { kind: 'markdown', source: 'm', outputs: [] },
          { kind: 'code', source: 'c', outputs: [] },
        ],
      });
      assert.ok(!text.includes('"outputs"'), text);
      assert.deepStrictEqual(
        parseNotebook(text).cells.map((c) => c.outputs),
        [[], []],
      );
      const explicit = parseNotebook('{"activationNotebook":1,"cells":[{"kind":"code","source":"","outputs":[]}]}');
      assert.deepStrictEqual(explicit.cells[0]!.outputs, []);
    });

    it('keeps an output with no items and strings with awkward characters', () => {
      const weird = 'quote " backslash \\ nul \u0000 bell \u0007 é 😀 lone \ud800 sep \u2028 end';
      const nb: Notebook = {
        metadata: { [weird]: weird },
        cells: [{ kind: 'code', source: weird, outputs: [{ items: [] }, { items: [{ mime: 'text/html', data: weird }] }] }],
      };
      const text = serializeNotebook(nb);
      assert.ok(text.includes('é 😀'), 'non-ASCII text is written as-is');
      assert.ok(text.includes('\\u0000') && text.includes('\\ud800'), 'control characters and lone surrogates are escaped');
      assert.deepStrictEqual(parseNotebook(text), nb);
    });

    it('accepts CRLF line endings and a byte-order mark, and writes LF', () => {
      const crlf = '\uFEFF' + CANONICAL.replace(/\n/g, '\r\n');
      assert.deepStrictEqual(parseNotebook(crlf), canonicalModel());
      assert.equal(serializeNotebook(parseNotebook(crlf)), CANONICAL);
    });
  });

  describe('stable key order', () => {
    it('writes the same bytes whatever key order the input file had', () => {
      const reversed = JSON.stringify(reorder(JSON.parse(CANONICAL), (ks) => ks.reverse()), null, 4);
      assert.notEqual(reversed + '\n', CANONICAL, 'the reordered input must actually differ');
      assert.ok(reversed.indexOf('"cells"') < reversed.indexOf('"activationNotebook"'), 'input really is reordered');
      assert.equal(serializeNotebook(parseNotebook(reversed)), CANONICAL);
    });

    it('writes the same bytes whatever key order the model objects were built in', () => {
      const shuffled = reorder(canonicalModel(), (ks) => ks.reverse()) as Notebook;
      assert.deepEqual(Object.keys(shuffled), ['cells', 'metadata']);
      assert.equal(serializeNotebook(shuffled), CANONICAL);
    });

    it('puts known keys first, then unknown keys in code-unit order, even integer-like ones', () => {
      const extra: JsonObject = {};
      for (const k of ['b', '10', '__proto__', '2', 'A', '0']) setOwn(extra, k, k);
      const text = serializeNotebook({ metadata: {}, cells: [], extra });
      const keys = [...text.matchAll(/^ {2}"([^"]*)":/gm)].map((m) => m[1]);
      assert.deepEqual(keys, ['activationNotebook', 'metadata', 'cells', '0', '10', '2', 'A', '__proto__', 'b']);
    });

    it('sorts keys recursively inside metadata and output data, keeping array order', () => {
      const text = serializeNotebook({
        metadata: { z: 1, a: { y: 2, b: 3 } },
        cells: [
          {
            kind: 'code',
            source: '',
            outputs: [{ items: [{ mime: 'application/json', data: { zeta: [3, 1, 2], alpha: { d: 1, c: 2 } } }] }],
          },
        ],
      });
      const order = (...needles: string[]) => needles.map((n) => text.indexOf(n));
      const isIncreasing = (xs: number[]) => xs.every((x, i) => x >= 0 && (i === 0 || x > xs[i - 1]!));
      assert.ok(isIncreasing(order('"a": {', '"b": 3', '"y": 2', '"z": 1')), text);
      assert.ok(isIncreasing(order('"alpha"', '"c": 2', '"d": 1', '"zeta"')), text);
      assert.match(text, /"zeta": \[\s*3,\s*1,\s*2\s*\]/);
    });
  });

  describe('unknown fields', () => {
    const WITH_UNKNOWN = [
      '{',
      '  "activationNotebook": 1,',
      '  "metadata": {',
      '    "future": {',
      '      "nested": [',
      '        1',
      '      ]',
      '    }',
      '  },',
      '  "cells": [',
      '    {',
      '      "kind": "code",',
      '      "source": "relu(1)",',
      '      "outputs": [',
      '        {',
      '          "items": [',
      '            {',
      '              "mime": "text/plain",',
      '              "data": "1",',
      '              "encoding": "utf8"',
      '            }',
      '          ],',
      '          "id": "out-1"',
      '        }',
      '      ],',
      '      "tags": [',
      '        "demo"',
      '      ]',
      '    }',
      '  ],',
      '  "generator": "hand-written",',
      '  "kernel": null',
      '}',
      '',
    ].join('\n');

    it('keeps unknown fields of every level in the model', () => {
      const nb = parseNotebook(WITH_UNKNOWN);
      assert.deepStrictEqual(nb.extra, { generator: 'hand-written', kernel: null });
      assert.deepStrictEqual(nb.metadata, { future: { nested: [1] } });
      assert.deepStrictEqual(nb.cells[0]!.extra, { tags: ['demo'] });
      assert.deepStrictEqual(nb.cells[0]!.outputs[0]!.extra, { id: 'out-1' });
      assert.deepStrictEqual(nb.cells[0]!.outputs[0]!.items[0]!.extra, { encoding: 'utf8' });
    });

    it('writes unknown fields back unchanged', () => {
      assert.equal(serializeNotebook(parseNotebook(WITH_UNKNOWN)), WITH_UNKNOWN);
    });

    it('has no "extra" at all when there are no unknown fields', () => {
      const nb = parseNotebook(CANONICAL);
      assert.ok(!('extra' in nb) && nb.cells.every((c) => !('extra' in c)));
    });

    it('keeps a "__proto__" field as data without touching any prototype', () => {
      const text =
        '{"activationNotebook":1,"__proto__":{"polluted":true},"cells":[{"kind":"code","source":"","__proto__":{"polluted":true},' +
        '"outputs":[{"items":[{"mime":"application/json","data":{"__proto__":{"polluted":true}}}]}]}]}';
      const nb = parseNotebook(text);
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
      assert.equal(Object.getPrototypeOf(nb.extra), Object.prototype);
      assert.ok(Object.prototype.hasOwnProperty.call(nb.extra, '__proto__'));
      assert.ok(Object.prototype.hasOwnProperty.call(nb.cells[0]!.extra, '__proto__'));
      const again = serializeNotebook(nb);
      assert.equal((again.match(/"__proto__": \{\n\s*"polluted": true/g) ?? []).length, 3, again);
      assert.deepStrictEqual(parseNotebook(again), nb);
    });
  });

  describe('errors', () => {
    const nb = (cells: unknown, more: Record<string, unknown> = {}) =>
      JSON.stringify({ activationNotebook: 1, metadata: {}, cells, ...more });
    const code = (more: Record<string, unknown> = {}) => ({ kind: 'code', source: 'x', ...more });
    const out = (items: unknown, more: Record<string, unknown> = {}) => code({ outputs: [{ items, ...more }] });

    const cases: [string, string, RegExp][] = [
      ['a top-level array', '[]', /^not an Activation Lab notebook: expected a JSON object at the top level, found an array$/],
      ['top-level null', 'null', /^not an Activation Lab notebook: expected a JSON object at the top level, found null$/],
      ['a top-level string', '"hello"', /found a string \("hello"\)$/],
      ['an empty object', '{}', /^not an Activation Lab notebook: missing 'activationNotebook' version field$/],
      ['a missing version', '{"cells":[]}', /^not an Activation Lab notebook: missing 'activationNotebook' version field$/],
      ['a string version', '{"activationNotebook":"1","cells":[]}', /^invalid 'activationNotebook' version field: expected a whole number such as 1, found a string \("1"\)$/],
      ['a fractional version', '{"activationNotebook":1.5,"cells":[]}', /version field: .*found a number \(1\.5\)$/],
      ['version 0', '{"activationNotebook":0,"cells":[]}', /version field: .*found a number \(0\)$/],
      ['a newer version', '{"activationNotebook":2,"cells":[]}', /^this notebook was written by a newer Activation Lab \(format 2\); update the extension to open it$/],
      ['missing cells', '{"activationNotebook":1}', /^missing 'cells'/],
      ['cells that are an object', '{"activationNotebook":1,"cells":{}}', /^'cells' must be an array, found an object$/],
      ['top-level metadata that is an array', nb([], { metadata: [] }), /^'metadata' must be an object, found an array$/],
      ['a cell that is a string', nb([code(), 'x']), /^cell 2: must be an object with 'kind' and 'source', found a string/],
      ['a bad kind', nb([code(), code(), code({ kind: 'python' })]), /^cell 3: 'kind' must be "markdown" or "code", found a string \("python"\)$/],
      ['a missing kind', nb([{ source: '' }]), /^cell 1: 'kind' must be "markdown" or "code" but is missing$/],
      ['a missing source', nb([{ kind: 'code' }]), /^cell 1: missing 'source'/],
      ['a source array', nb([code({ source: ['a', 'b'] })]), /^cell 1: 'source' must be a single string with "\\n" line breaks, not an array of lines$/],
      ['a numeric source', nb([code({ source: 3 })]), /^cell 1: 'source' must be a string, found a number \(3\)$/],
      ['a negative executionOrder', nb([code({ executionOrder: -1 })]), /^cell 1: 'executionOrder' must be a whole number >= 0, found a number \(-1\)$/],
      ['a string executionOrder', nb([code({ executionOrder: '1' })]), /^cell 1: 'executionOrder' must be a whole number/],
      ['a markdown executionOrder', nb([{ kind: 'markdown', source: '', executionOrder: 1 }]), /^cell 1: a markdown cell cannot have an 'executionOrder'$/],
      ['markdown outputs', nb([{ kind: 'markdown', source: '', outputs: [{ items: [] }] }]), /^cell 1: a markdown cell cannot have outputs$/],
      ['cell metadata that is a string', nb([code({ metadata: 'x' })]), /^cell 1: 'metadata' must be an object, found a string/],
      ['outputs that are an object', nb([code({ outputs: {} })]), /^cell 1: 'outputs' must be an array, found an object$/],
      ['an output that is null', nb([code({ outputs: [null] })]), /^cell 1, output 1: must be an object with an 'items' array, found null$/],
      ['an output without items', nb([code({ outputs: [{ items: [] }, {}] })]), /^cell 1, output 2: missing 'items'/],
      ['output metadata that is a number', nb([out([], { metadata: 1 })]), /^cell 1, output 1: 'metadata' must be an object, found a number \(1\)$/],
      ['an item that is a number', nb([out([7])]), /^cell 1, output 1, item 1: must be an object with 'mime' and 'data', found a number \(7\)$/],
      ['an item without mime', nb([out([{ mime: 'text/plain', data: '' }, { data: 1 }])]), /^cell 1, output 1, item 2: missing 'mime'/],
      ['a numeric mime', nb([out([{ mime: 5, data: '' }])]), /^cell 1, output 1, item 1: 'mime' must be a string, found a number \(5\)$/],
      ['a mime without a subtype', nb([out([{ mime: 'text', data: '' }])]), /^cell 1, output 1, item 1: 'mime' must be a MIME type such as "text\/plain", found a string \("text"\)$/],
      ['an item without data', nb([out([{ mime: 'application/json' }])]), /^cell 1, output 1, item 1: missing 'data' for "application\/json"$/],
      ['text data that is not a string', nb([out([{ mime: 'text/plain', data: { a: 1 } }])]), /^cell 1, output 1, item 1: 'data' for "text\/plain" must be a string, found an object$/],
    ];
    for (const [name, text, message] of cases) {
      it(`refuses ${name}`, () => {
        const e = formatError(() => parseNotebook(text));
        assert.match(e.message, message);
        assert.equal(e.name, 'NotebookFormatError');
        assert.equal(e.line, undefined, 'a structural error has no JSON position');
      });
    }

    it('never turns a refused file into an empty notebook', () => {
      for (const [, text] of cases) assert.throws(() => parseNotebook(text), NotebookFormatError);
    });

    it('reports line and column of a JSON syntax error on line 3', () => {
      const e = formatError(() => parseNotebook('{\n  "activationNotebook": 1,\n  "cells": [}\n}'));
      assert.deepEqual([e.line, e.column, e.offset], [3, 13, 41]);
      assert.match(e.message, /^this notebook is not valid JSON \(line 3, column 13\): Unexpected token '\}'\. Fix the file/);
    });

    it('reports the position V8 gives in its message ("at position N")', () => {
      const text = '{\n  "activationNotebook": 1,\n  "cells": [01]\n}';
      assert.throws(() => JSON.parse(text), /at position 42/);
      const e = formatError(() => parseNotebook(text));
      assert.deepEqual([e.line, e.column, e.offset], [3, 14, 42]);
      assert.match(e.message, /\(line 3, column 14\): Unexpected number\. /);
      assert.ok(!/position|in JSON/.test(e.message), e.message);
    });

    it('points at a trailing comma', () => {
      const e = formatError(() => parseNotebook('{\n  "activationNotebook": 1,\n  "cells": [],\n}'));
      assert.deepEqual([e.line, e.column], [4, 1]);
      assert.match(e.message, /a trailing comma before it\?/);
    });

    it('points at the end of a truncated file', () => {
      const text = '{\n  "activationNotebook": 1,\n  "cells": [';
      const e = formatError(() => parseNotebook(text));
      assert.deepEqual([e.line, e.column, e.offset], [3, 13, text.length]);
      assert.match(e.message, /Unexpected end of JSON input/);
    });

    it('says "line break" rather than quoting a raw newline', () => {
      const e = formatError(() => parseNotebook('{\n  "activationNotebook": 1,\n  "cells": tru\n}'));
      assert.deepEqual([e.line, e.column], [3, 15]);
      assert.ok(!e.message.includes("'\n'"), e.message);
      assert.match(e.message, /line break/);
    });
  });

  describe('JSON error positions', () => {
    const text = '{\n  "a": 1,\n    }';
    it('reads Node 20\'s "at position N"', () => {
      assert.deepEqual(positionFromJsonError('Unexpected token } in JSON at position 16', text), { line: 3, column: 5, offset: 16 });
    });
    it('reads newer V8\'s "(line L column C)"', () => {
      assert.deepEqual(positionFromJsonError('Unexpected token (line 3 column 5)', text), { line: 3, column: 5 });
      assert.deepEqual(
        positionFromJsonError("Expected ',' or '}' after property value in JSON at position 16 (line 3 column 5)", text),
        { line: 3, column: 5, offset: 16 },
      );
    });
    it('gives no position when the message has none', () => {
      assert.equal(positionFromJsonError('Unexpected token \'}\', "{}}" is not valid JSON', text), undefined);
    });
    it('clamps a position past the end of the text', () => {
      assert.deepEqual(positionFromJsonError('at position 999', 'ab'), { line: 1, column: 3, offset: 2 });
    });
    it('counts lines ended by LF, CRLF and lone CR', () => {
      assert.deepEqual(lineColumn('a\r\nb\rc\nd', 7), { line: 4, column: 1 });
      assert.deepEqual(lineColumn('a\r\nbc', 5), { line: 2, column: 3 });
      assert.deepEqual(lineColumn('abc', 0), { line: 1, column: 1 });
    });
    it('finds no error in valid JSON', () => {
      for (const ok of ['0', '-1.5e+3', '"a\\u00e9\\n"', ' [ ] ', '{"a":[true,false,null,{}]}', CANONICAL]) {
        JSON.parse(ok);
        assert.equal(locateJsonSyntaxError(ok), undefined, ok);
      }
    });
    it('agrees with JSON.parse wherever V8 reports a position', () => {
      const broken = ['{"a" 1}', '[01]', '{"a":"x\u0001"}', '{', '[1,]', '{"a":1,}', '"abc', '{"a":1}x', '-', '1.', '1e',
        '"\\x"', '"\\u12g4"', 'nul', '{"a":tru}', '[1 2]', '{1:2}', '  ', '[-]', '{"a":1}}'];
      let compared = 0;
      for (const b of broken) {
        assert.throws(() => JSON.parse(b));
        const found = locateJsonSyntaxError(b);
        assert.notEqual(found, undefined, `no error found in ${JSON.stringify(b)}`);
        let message = '';
        try {
          JSON.parse(b);
        } catch (e) {
          message = (e as Error).message;
        }
        const v8 = /at position (\d+)/.exec(message);
        if (v8) {
          compared++;
          assert.equal(found, Number(v8[1]), `${JSON.stringify(b)}: ${message}`);
        } else if (/end of JSON input/.test(message)) {
          compared++;
          assert.equal(found, b.length, `${JSON.stringify(b)}: ${message}`);
        }
      }
      assert.ok(compared >= 8, `only ${compared} cases could be compared`);
    });
  });

  describe('serializing refuses what JSON cannot hold', () => {
    const withData = (data: unknown): Notebook => ({
      metadata: {},
      cells: [
        { kind: 'code', source: 'x', outputs: [{ items: [{ mime: 'application/json', data: data as JsonValue }] }] },
      ],
    });

    const cases: [string, unknown, RegExp][] = [
      ['NaN', { values: [1, NaN] }, /^cannot save: cell 1, output 1, item 1 \(application\/json\) 'data'\.values\[1\] is NaN; .*encode non-finite numbers as strings$/],
      ['Infinity', [Infinity], /'data'\[0\] is Infinity/],
      ['-Infinity', { 'a b': -Infinity }, /'data'\["a b"\] is -Infinity/],
      ['a typed array', { values: new Float64Array([1, 2]) }, /'data'\.values is a Float64Array, not plain JSON/],
      ['undefined inside an object', { a: undefined }, /'data'\.a is undefined/],
      ['a function', [() => 1], /'data'\[0\] is a function/],
      ['a bigint', 1n, /'data' is a bigint/],
      ['a Date', new Date(0), /'data' is a Date/],
    ];
    for (const [name, data, message] of cases) {
      it(`refuses ${name} with a path to it`, () => {
        assert.match(formatError(() => serializeNotebook(withData(data))).message, message);
      });
    }

    it('refuses a circular reference', () => {
      const loop: Record<string, unknown> = { a: 1 };
      loop['self'] = loop;
      assert.match(formatError(() => serializeNotebook(withData(loop))).message, /'data'\.self refers back to itself/);
    });

    it('refuses non-finite numbers in metadata and unknown fields too', () => {
      assert.match(formatError(() => serializeNotebook({ metadata: { x: NaN }, cells: [] })).message, /^cannot save: notebook metadata\.x is NaN/);
      assert.match(
        formatError(() => serializeNotebook({ metadata: {}, cells: [], extra: { y: Infinity } })).message,
        /^cannot save: the notebook field 'y' is Infinity/,
      );
    });

    it('refuses an unknown field that clashes with a known one', () => {
      const cell: NotebookCell = { kind: 'code', source: '', outputs: [], extra: { kind: 'markdown' } };
      assert.match(formatError(() => serializeNotebook({ metadata: {}, cells: [cell] })).message, /^cannot save: cell 1: unknown field 'kind' in 'extra' clashes/);
    });

    it('applies the parser\'s rules, with the same messages', () => {
      const bad = { metadata: {}, cells: [{ kind: 'python', source: '', outputs: [] }] } as unknown as Notebook;
      assert.match(formatError(() => serializeNotebook(bad)).message, /^cell 1: 'kind' must be "markdown" or "code", found a string \("python"\)$/);
      const md: Notebook = { metadata: {}, cells: [{ kind: 'markdown', source: '', outputs: [{ items: [] }] }] };
      assert.match(formatError(() => serializeNotebook(md)).message, /^cell 1: a markdown cell cannot have outputs$/);
      const text: Notebook = { metadata: {}, cells: [{ kind: 'code', source: '', outputs: [{ items: [{ mime: 'text/plain', data: 3 }] }] }] };
      assert.match(formatError(() => serializeNotebook(text)).message, /'data' for "text\/plain" must be a string/);
    });

    it('writes -0 as 0', () => {
      assert.match(serializeNotebook(withData([-0])), /"data": \[\n\s*0\n/);
    });
  });

  describe('random notebooks (seeded)', () => {

    const KEYS = ['a', 'b', 'zeta', '10', '2', '0', '', '__proto__', 'constructor', 'kind', 'mime', 'a b', 'é', 'Z'];
    const CHARS = ['a', 'Z', ' ', '\n', '\r', '\t', '"', '\\', '/', '\u0000', '\u001f', 'é', '😀', '\ud800', '\u2028', '{', '}'];
    const MIMES = ['text/plain', 'text/markdown', 'application/json', 'application/vnd.activation-lab.plot+json', 'image/svg+xml'];
    const NUMBERS = [0, 1, -1, 0.1, 1e-7, 1e21, -2.5e-300, 1.7976931348623157e308, 5e-324, 2 ** 53, 123456.789];

    function generator(seed: number) {
      const r = prng(seed);
      const int = (n: number) => Math.floor(r() * n);
      const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
      const str = (): string => Array.from({ length: int(12) }, () => pick(CHARS)).join('');
      const num = (): number => (r() < 0.5 ? pick(NUMBERS) : (r() - 0.5) * 10 ** (int(20) - 10));
      const obj = (depth: number, avoid: readonly string[] = []): JsonObject => {
        const o: JsonObject = {};
        for (let i = int(5); i > 0; i--) {
          const k = pick(KEYS);
          if (!avoid.includes(k)) setOwn(o, k, json(depth + 1));
        }
        return o;
      };
      const json = (depth: number): JsonValue => {
        switch (int(depth > 3 ? 4 : 6)) {
          case 0:
            return null;
          case 1:
            return r() < 0.5;
          case 2:
            return num();
          case 3:
            return str();
          case 4:
            return Array.from({ length: int(4) }, () => json(depth + 1));
          default:
            return obj(depth);
        }
      };
      const maybeExtra = <T extends object>(target: T, known: readonly string[]): T => {
        if (r() < 0.3) {
          const extra = obj(1, known);
          if (Object.keys(extra).length > 0) (target as { extra?: JsonObject }).extra = extra;
        }
        return target;
      };
      const cell = (): NotebookCell => {
        const kind = r() < 0.4 ? 'markdown' : 'code';
        const c: NotebookCell = { kind, source: str(), outputs: [] };
        if (kind === 'code' && r() < 0.5) c.executionOrder = int(100);
        if (r() < 0.3) c.metadata = obj(1);
        if (kind === 'code') {
          c.outputs = Array.from({ length: int(4) }, () => {
            const o = {
              items: Array.from({ length: int(4) }, () => {
                const mime = pick(MIMES);
                return maybeExtra({ mime, data: mime.startsWith('text/') ? str() : json(1) }, ['mime', 'data']);
              }),
            } as Notebook['cells'][number]['outputs'][number];
            if (r() < 0.3) o.metadata = obj(1);
            return maybeExtra(o, ['items', 'metadata']);
          });
        }
        return maybeExtra(c, ['kind', 'source', 'executionOrder', 'metadata', 'outputs']);
      };
      return (): Notebook =>
        maybeExtra({ metadata: obj(0), cells: Array.from({ length: int(6) }, cell) }, ['activationNotebook', 'metadata', 'cells']);
    }

    const notebooks = (() => {
      const next = generator(0x5eed);
      return Array.from({ length: 300 }, next);
    })();

    it('the generator covers the interesting cases', () => {
      const cells = notebooks.flatMap((n) => n.cells);
      const outputs = cells.flatMap((c) => c.outputs);
      const items = outputs.flatMap((o) => o.items);
      assert.ok(notebooks.filter((n) => n.extra).length > 30, 'top-level unknown fields');
      assert.ok(cells.filter((c) => c.kind === 'markdown').length > 50 && cells.filter((c) => c.extra).length > 50);
      assert.ok(outputs.filter((o) => o.extra).length > 30 && outputs.filter((o) => o.items.length === 0).length > 10);
      assert.ok(items.filter((i) => i.extra).length > 30 && items.filter((i) => typeof i.data === 'object').length > 50);
      assert.ok(notebooks.some((n) => Object.prototype.hasOwnProperty.call(n.metadata, '__proto__')));
    });

    it('parse(serialize(nb)) deep-equals nb', () => {
      notebooks.forEach((nb, i) => assert.deepStrictEqual(parseNotebook(serializeNotebook(nb)), nb, `notebook ${i}`));
    });

    it('serializing is idempotent and independent of key order', () => {
      let reordered = 0;
      notebooks.forEach((nb, i) => {
        const text = serializeNotebook(nb);
        assert.equal(serializeNotebook(parseNotebook(text)), text, `notebook ${i}`);
        const shuffledText = JSON.stringify(reorder(JSON.parse(text), (ks) => ks.reverse()));
        if (shuffledText !== JSON.stringify(JSON.parse(text))) reordered++;
        assert.equal(serializeNotebook(parseNotebook(shuffledText)), text, `notebook ${i}, keys reversed`);
      });
      assert.ok(reordered > 250, `only ${reordered} notebooks were really reordered`);
    });
  });
});
