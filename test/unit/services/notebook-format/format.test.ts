/** The .actnb file format: round trips, stable key order, preserved unknown fields, and errors a user can act on. */
import { strict as assert } from 'assert';
import { mulberry32 as prng } from '../../helpers/prng';
import {
  emptyNotebook,
  FORMAT_VERSION,
  JsonObject,
  JsonValue,
  Notebook,
  NotebookCell,
  NotebookFormatError,
  parseNotebook,
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
  '            {"mime":"text/plain","data":"[0, 0, 1, 3]"},',
  '            {"mime":"application/vnd.activation-lab.tensor+json","data":{"shape":[4],"values":["-Infinity",0,1e-7,3]}}',
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

/**
 * CANONICAL as files were written before output items went on one line each:
 * all pretty-printed (its keys are in canonical order already, so JSON.stringify keeps it).
 */
const PRETTY_ITEMS = JSON.stringify(JSON.parse(CANONICAL), null, 2) + '\n';

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

    it('reads a file written with pretty-printed output items, and writes it with one line per item', () => {
      assert.ok(PRETTY_ITEMS.includes('"values": [\n                  "-Infinity",\n'), PRETTY_ITEMS);
      assert.deepStrictEqual(parseNotebook(PRETTY_ITEMS), canonicalModel());
      assert.equal(serializeNotebook(parseNotebook(PRETTY_ITEMS)), CANONICAL);
    });

    it('writes each output item on one line, as JSON.stringify would, and everything else pretty-printed', () => {
      const lines = CANONICAL.split('\n');
      const items = lines.filter((l) => l.includes('"mime"'));
      assert.equal(items.length, 2);
      for (const line of items) {
        const item = JSON.parse(line.trim().replace(/,$/, '')) as Record<string, unknown>;
        assert.equal(line.trim().replace(/,$/, ''), JSON.stringify(item));
      }
      // outside the items no line holds two values or opens two objects/arrays
      for (const line of lines.filter((l) => !l.includes('"mime"'))) assert.ok(!/[,{[].*[,{[]/.test(line.replace(/"(?:[^"\\]|\\.)*"/g, '""')), line);
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
      assert.ok(isIncreasing(order('"alpha"', '"c":2', '"d":1', '"zeta"')), text);
      assert.match(text, /"zeta":\[3,1,2\]/);
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
      '            {"mime":"text/plain","data":"1","encoding":"utf8"}',
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
      assert.equal((again.match(/"__proto__": \{\n\s*"polluted": true/g) ?? []).length, 2, again);
      assert.equal((again.match(/"__proto__":\{"polluted":true\}/g) ?? []).length, 1, 'inside the one-line item');
      assert.deepStrictEqual(parseNotebook(again), nb);
    });
  });

  describe('errors', () => {
    const nb = (cells: unknown, more: Record<string, unknown> = {}) =>
      JSON.stringify({ activationNotebook: 1, metadata: {}, cells, ...more });
    const code = (more: Record<string, unknown> = {}) => ({ kind: 'code', source: 'x', ...more });
    const out = (items: unknown, more: Record<string, unknown> = {}) => code({ outputs: [{ items, ...more }] });

    // [name, file text, message without its position, where the position points: "text before|text after"]
    const cases: [string, string, RegExp, string][] = [
      ['a top-level array', '[]', /^not an Activation Lab notebook: expected a JSON object at the top level, found an array$/, '|[]'],
      ['top-level null', 'null', /^not an Activation Lab notebook: expected a JSON object at the top level, found null$/, '|null'],
      ['a top-level string', '"hello"', /found a string \("hello"\)$/, '|"hello"'],
      ['an empty object', '{}', /^not an Activation Lab notebook: missing 'activationNotebook' version field$/, '|{}'],
      ['a missing version', '{"cells":[]}', /^not an Activation Lab notebook: missing 'activationNotebook' version field$/, '|{"cells"'],
      ['a string version', '{"activationNotebook":"1","cells":[]}', /^invalid 'activationNotebook' version field: expected a whole number such as 1, found a string \("1"\)$/, '"activationNotebook":|"1"'],
      ['a fractional version', '{"activationNotebook":1.5,"cells":[]}', /version field: .*found a number \(1\.5\)$/, ':|1.5,'],
      ['version 0', '{"activationNotebook":0,"cells":[]}', /version field: .*found a number \(0\)$/, ':|0,'],
      ['a newer version', '{"activationNotebook":2,"cells":[]}', /^this notebook was written by a newer Activation Lab \(format 2\); update the extension to open it$/, ':|2,'],
      ['missing cells', '{"activationNotebook":1}', /^missing 'cells'/, '|{"activationNotebook"'],
      ['cells that are an object', '{"activationNotebook":1,"cells":{}}', /^'cells' must be an array, found an object$/, '"cells":|{}'],
      ['top-level metadata that is an array', nb([], { metadata: [] }), /^'metadata' must be an object, found an array$/, '"metadata":|[]'],
      ['a cell that is a string', nb([code(), 'x']), /^cell 2: must be an object with 'kind' and 'source', found a string/, '},|"x"]'],
      ['a bad kind', nb([code(), code(), code({ kind: 'python' })]), /^cell 3: 'kind' must be "markdown" or "code", found a string \("python"\)$/, '"kind":|"python"'],
      ['a missing kind', nb([{ source: '' }]), /^cell 1: 'kind' must be "markdown" or "code" but is missing$/, '"cells":[|{"source"'],
      ['a missing source', nb([{ kind: 'code' }]), /^cell 1: missing 'source'/, '"cells":[|{"kind"'],
      ['a source array', nb([code({ source: ['a', 'b'] })]), /^cell 1: 'source' must be a single string with "\\n" line breaks, not an array of lines$/, '"source":|["a","b"]'],
      ['a numeric source', nb([code({ source: 3 })]), /^cell 1: 'source' must be a string, found a number \(3\)$/, '"source":|3}'],
      ['a negative executionOrder', nb([code({ executionOrder: -1 })]), /^cell 1: 'executionOrder' must be a whole number >= 0, found a number \(-1\)$/, '"executionOrder":|-1'],
      ['a string executionOrder', nb([code({ executionOrder: '1' })]), /^cell 1: 'executionOrder' must be a whole number/, '"executionOrder":|"1"'],
      ['a markdown executionOrder', nb([{ kind: 'markdown', source: '', executionOrder: 1 }]), /^cell 1: a markdown cell cannot have an 'executionOrder'$/, '"executionOrder":|1'],
      ['markdown outputs', nb([{ kind: 'markdown', source: '', outputs: [{ items: [] }] }]), /^cell 1: a markdown cell cannot have outputs$/, '"outputs":|[{"items"'],
      ['cell metadata that is a string', nb([code({ metadata: 'x' })]), /^cell 1: 'metadata' must be an object, found a string/, '"metadata":|"x"'],
      ['outputs that are an object', nb([code({ outputs: {} })]), /^cell 1: 'outputs' must be an array, found an object$/, '"outputs":|{}'],
      ['an output that is null', nb([code({ outputs: [null] })]), /^cell 1, output 1: must be an object with an 'items' array, found null$/, '"outputs":[|null]'],
      ['an output without items', nb([code({ outputs: [{ items: [] }, {}] })]), /^cell 1, output 2: missing 'items'/, '},|{}]'],
      ['output metadata that is a number', nb([out([], { metadata: 1 })]), /^cell 1, output 1: 'metadata' must be an object, found a number \(1\)$/, '"metadata":|1}'],
      ['an item that is a number', nb([out([7])]), /^cell 1, output 1, item 1: must be an object with 'mime' and 'data', found a number \(7\)$/, '"items":[|7]'],
      ['an item without mime', nb([out([{ mime: 'text/plain', data: '' }, { data: 1 }])]), /^cell 1, output 1, item 2: missing 'mime'/, '},|{"data":1}'],
      ['a numeric mime', nb([out([{ mime: 5, data: '' }])]), /^cell 1, output 1, item 1: 'mime' must be a string, found a number \(5\)$/, '"mime":|5,'],
      ['a mime without a subtype', nb([out([{ mime: 'text', data: '' }])]), /^cell 1, output 1, item 1: 'mime' must be a MIME type such as "text\/plain", found a string \("text"\)$/, '"mime":|"text"'],
      ['an item without data', nb([out([{ mime: 'application/json' }])]), /^cell 1, output 1, item 1: missing 'data' for "application\/json"$/, '"items":[|{"mime"'],
      ['text data that is not a string', nb([out([{ mime: 'text/plain', data: { a: 1 } }])]), /^cell 1, output 1, item 1: 'data' for "text\/plain" must be a string, found an object$/, '"data":|{"a":1}'],
    ];
    for (const [name, text, message, around] of cases) {
      it(`refuses ${name}, naming the line and column of the value`, () => {
        const e = formatError(() => parseNotebook(text));
        assert.equal(e.name, 'NotebookFormatError');
        const [before, after] = around.split('|') as [string, string];
        assert.ok(e.offset !== undefined && e.line === 1 && e.column === e.offset + 1, `position ${e.line}:${e.column} (${e.offset})`);
        assert.equal(text.slice(e.offset - before.length, e.offset) + '|' + text.slice(e.offset, e.offset + after.length), around);
        const prefix = `line 1, column ${e.column}: `;
        assert.ok(e.message.startsWith(prefix), e.message);
        assert.match(e.message.slice(prefix.length), message);
      });
    }

    it('never turns a refused file into an empty notebook', () => {
      for (const [, text] of cases) assert.throws(() => parseNotebook(text), NotebookFormatError);
    });

    it('names line and column of a structure error in a pretty-printed file', () => {
      const text = JSON.stringify({ activationNotebook: 1, cells: [{ kind: 'code', source: 'x' }, { kind: 'code', source: 3 }] }, null, 2);
      const e = formatError(() => parseNotebook(text));
      // line 10 is '      "source": 3': the value starts in column 17
      assert.equal(text.split('\n')[9], '      "source": 3');
      assert.deepEqual([e.line, e.column], [10, 17]);
      assert.equal(e.message, "line 10, column 17: cell 2: 'source' must be a string, found a number (3)");
      assert.deepEqual(e.path, ['cells', 1, 'source']);
    });

    it('points at the object a field is missing from', () => {
      const text = '{\r\n  "activationNotebook": 1,\r\n  "cells": [\r\n    { "kind": "code" }\r\n  ]\r\n}';
      const e = formatError(() => parseNotebook(text));
      assert.deepEqual([e.line, e.column], [4, 5]);
      assert.match(e.message, /^line 4, column 5: cell 1: missing 'source'/);
    });

    it('points at the last of duplicate keys, the one JSON.parse keeps', () => {
      const text = '{"activationNotebook":1,\n"cells":[{"kind":"code","source":"x"}],\n"cells":{}}';
      const e = formatError(() => parseNotebook(text));
      assert.deepEqual([e.line, e.column], [3, 9]);
    });

    it('counts columns after a byte-order mark as an editor does, without it', () => {
      const e = formatError(() => parseNotebook('\uFEFF{"activationNotebook":"1","cells":[]}'));
      assert.deepEqual([e.line, e.column], [1, 23]);
    });

    it('reports line and column of a JSON syntax error on line 3', () => {
      const e = formatError(() => parseNotebook('{\n  "activationNotebook": 1,\n  "cells": [}\n}'));
      assert.deepEqual([e.line, e.column, e.offset], [3, 13, 41]);
      assert.equal(e.path, undefined);
      assert.match(e.message, /^this notebook is not valid JSON \(line 3, column 13\): expected a value, found '\}'\. Fix the file in a text editor and reopen it$/);
    });

    it('explains a leading zero where V8 says only "Unexpected number"', () => {
      const e = formatError(() => parseNotebook('{\n  "activationNotebook": 1,\n  "cells": [01]\n}'));
      assert.deepEqual([e.line, e.column, e.offset], [3, 14, 42]);
      assert.match(e.message, /\(line 3, column 14\): a number cannot start with 0 followed by more digits/);
    });

    it('points at a trailing comma', () => {
      const e = formatError(() => parseNotebook('{\n  "activationNotebook": 1,\n  "cells": [],\n}'));
      assert.deepEqual([e.line, e.column], [4, 1]);
      assert.match(e.message, /a trailing comma before it\?/);
    });

    it('refuses a trailing comma in an array of cells', () => {
      const e = formatError(() => parseNotebook('{"activationNotebook": 1, "cells": [{"kind": "code", "source": ""},]}'));
      assert.deepEqual([e.line, e.column], [1, 68]);
      assert.match(e.message, /expected a value, found '\]' \(a trailing comma before it\? JSON allows none\)/);
    });

    it('refuses comments: an .actnb file is plain JSON', () => {
      const text = '{\n  // my notes\n  "activationNotebook": 1,\n  "cells": []\n}';
      const e = formatError(() => parseNotebook(text));
      assert.deepEqual([e.line, e.column], [2, 3]);
      assert.match(e.message, /\(line 2, column 3\): comments are not allowed in an \.actnb file/);
      const block = formatError(() => parseNotebook('{"activationNotebook": /* v */ 1, "cells": []}'));
      assert.deepEqual([block.line, block.column], [1, 24]);
    });

    it('points at the end of a truncated file', () => {
      const text = '{\n  "activationNotebook": 1,\n  "cells": [';
      const e = formatError(() => parseNotebook(text));
      assert.deepEqual([e.line, e.column, e.offset], [3, 13, text.length]);
      assert.match(e.message, /found the end of the file/);
    });

    it('names the word that is not JSON, not the line break after it', () => {
      const e = formatError(() => parseNotebook('{\n  "activationNotebook": 1,\n  "cells": tru\n}'));
      assert.deepEqual([e.line, e.column], [3, 12]);
      assert.match(e.message, /'tru' is not JSON/);
    });

    it('says "line break" rather than quoting a raw newline inside a string', () => {
      const e = formatError(() => parseNotebook('{"activationNotebook": 1, "cells": [{"kind": "code", "source": "a\nb"}]}'));
      assert.deepEqual([e.line, e.column], [1, 64]);
      assert.ok(!e.message.includes("'\n'"), e.message);
      assert.match(e.message, /unterminated string: .*write a line break inside a string as \\n/);
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

    it('applies the parser\'s rules, with the same messages (and no position: there is no file text yet)', () => {
      const bad = { metadata: {}, cells: [{ kind: 'python', source: '', outputs: [] }] } as unknown as Notebook;
      const e = formatError(() => serializeNotebook(bad));
      assert.match(e.message, /^cell 1: 'kind' must be "markdown" or "code", found a string \("python"\)$/);
      assert.equal(e.line, undefined);
      const md: Notebook = { metadata: {}, cells: [{ kind: 'markdown', source: '', outputs: [{ items: [] }] }] };
      assert.match(formatError(() => serializeNotebook(md)).message, /^cell 1: a markdown cell cannot have outputs$/);
      const text: Notebook = { metadata: {}, cells: [{ kind: 'code', source: '', outputs: [{ items: [{ mime: 'text/plain', data: 3 }] }] }] };
      assert.match(formatError(() => serializeNotebook(text)).message, /'data' for "text\/plain" must be a string/);
    });

    it('writes -0 as 0', () => {
      assert.match(serializeNotebook(withData([-0])), /"data":\[0\]/);
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
