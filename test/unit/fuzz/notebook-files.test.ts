/**
 * .actnb files, valid and damaged: generated notebooks (any text in sources and metadata,
 * JavaScript's property names as keys, unknown fields, outputs of every kind) and the same
 * files mutated: a value swapped for one of another type, metadata nested thousands deep,
 * numbers past the doubles, characters inserted, deleted or cut off, bytes that are not
 * UTF-8. Reading one is a notebook or a NotebookFormatError that names a line and column in
 * words of ours; a notebook read is written back, byte for byte the same when written twice,
 * and `activation-lab run --inplace` / `--html` on it neither throws nor writes a file it
 * cannot read again.
 */
import { strict as assert } from 'assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  NotebookFormatError, parseNotebook, savedForm, serializeNotebook, type CellOutput, type JsonObject, type JsonValue, type Notebook, type NotebookCell,
} from '../../../src/services/notebook-format/format';
import { decodeNotebookText } from '../../../src/services/notebook-format/utf8-text';
import { withTypesetOutputs } from '../../../src/services/hover-content/display-formulas';
import { runCommand } from '../../../src/cli/run-command';
import { VALUE_MIME } from '../../../src/shared/output';
import { assertNoInternals, fc, fuzzOptions, longHunt, show } from './support';

// ---------------------------------------------------------------------------
// Valid notebooks

const KEYS = ['a', 'b', 'name', '', '__proto__', 'constructor', 'toString', 'kind', 'items', 'é', '😀', '\u0000', 'a b'];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 }));
/** Any text: every plane, lone surrogates, control characters, line breaks of every kind. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(fc.constantFrom('a', '\n', '\r\n', '\r', '\t', '\u2028', '\ud800', '\udfff', '\u0000', '"', '\\', 'é', '😀', '\ufeff'), { maxLength: 12 }).map((c) => c.join('')),
);
const json: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), text,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }) as fc.Arbitrary<JsonValue>,
  ),
})).value;
const jsonObject = fc.dictionary(key, json, { maxKeys: 3 }) as fc.Arbitrary<JsonObject>;

/** Cell sources that run quickly: values of each kind, an error, nothing. */
const SOURCES = [
  'relu(-2)', 'x = linspace(-3, 3, 7)\nsigmoid(x)', 'f(x) = x * tanh(x)\nf', "plot(relu, gelu')", 'table([1, 2], [3, 4])', '"text"', 'true',
  'help(elu)', 'rleu(1)', '1 +', '', '# only a comment', 'mlp([2, 2, 1])', 'dataset("xor", n=6)', 'gradflow(relu, depth=2, width=2)',
  'train(mlp([2, 2, 1]), dataset("xor", n=8), epochs=1, batch=0)', 'zeros(2000)', '[nan, inf, -inf, -0]', 'y = 1',
];
const MIMES = ['text/plain', 'text/markdown', 'application/json', VALUE_MIME, 'image/svg+xml', 'application/vnd.code.notebook.error', 'x-y/z+w'];

const item = fc.constantFrom(...MIMES).chain((mime) =>
  (mime.startsWith('text/') || mime === 'image/svg+xml' ? text : json).map((data) => ({ mime, data: data as JsonValue })));
const output: fc.Arbitrary<CellOutput> = fc.record({ items: fc.array(item, { maxLength: 3 }), metadata: jsonObject }, { requiredKeys: ['items'] });

const cell: fc.Arbitrary<NotebookCell> = fc.oneof(
  fc.record({ kind: fc.constant('markdown' as const), source: text, metadata: jsonObject, outputs: fc.constant<CellOutput[]>([]) }, { requiredKeys: ['kind', 'source', 'outputs'] }),
  fc.record({
    kind: fc.constant('code' as const), source: fc.oneof(fc.constantFrom(...SOURCES), text), executionOrder: fc.nat(),
    metadata: jsonObject, outputs: fc.array(output, { maxLength: 2 }), extra: fc.dictionary(fc.constantFrom('x-tool', 'id', 'z'), json, { minKeys: 1, maxKeys: 2 }) as fc.Arbitrary<JsonObject>,
  }, { requiredKeys: ['kind', 'source', 'outputs'] }),
);
const notebook: fc.Arbitrary<Notebook> = fc.record({ metadata: jsonObject, cells: fc.array(cell, { maxLength: 5 }) });

/** What a notebook is once written and read: -0 is 0, lone line-break characters kept. */
function normalised(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (Object.is(x, -0) ? 0 : x)));
}

// ---------------------------------------------------------------------------
// Damaged files

/** Every path to a value in a parsed file. */
function pathsOf(v: unknown, at: (string | number)[] = [], into: (string | number)[][] = []): (string | number)[][] {
  into.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], into));
  else if (typeof v === 'object' && v !== null) for (const k of Object.keys(v)) pathsOf((v as Record<string, unknown>)[k], [...at, k], into);
  return into;
}

/** Raw JSON spliced into a file: numbers JSON allows but a double cannot hold, and deep nesting. */
const RAW = [
  '1e400', '-1e400', '1e-400', '-0', '1.5', '123456789012345678901234567890', '0.1e1', '1E+2',
  `${'['.repeat(3000)}${']'.repeat(3000)}`, `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`, `${'['.repeat(20)}1e400${']'.repeat(20)}`,
  `${'['.repeat(100000)}${']'.repeat(100000)}`, `${'['.repeat(50000)}${']'.repeat(49999)}`,
];

const replacement = fc.oneof(
  { arbitrary: json.map((v) => JSON.stringify(v)), weight: 4 },
  { arbitrary: fc.constantFrom(...RAW), weight: 2 },
);

/** A file's text, shown shortened when a case fails (fast-check would print all 200,000 brackets). */
interface FileText {
  readonly text: string;
}
const fileText = (text: string): FileText => Object.assign({ text }, { [fc.toStringMethod]: () => show(text) });

/** A file's text with one value replaced (by another of any type, or raw JSON), or characters edited. */
const damaged: fc.Arbitrary<FileText> = fc.tuple(notebook, fc.nat(), replacement, fc.constantFrom('replace', 'replace', 'insert', 'delete', 'cut', 'duplicate key'), fc.nat(), fc.constantFrom(...'{}[],:"\\ 0e-x\n\u0000é'.split(''), '\ud800', '/*', 'NaN', 'true'))
  .map(([nb, which, raw, how, offset, char]) => {
    const good = serializeNotebook(nb);
    const at = offset % (good.length + 1);
    switch (how) {
      case 'insert': return good.slice(0, at) + char + good.slice(at);
      case 'delete': return good.slice(0, at) + good.slice(at + 1);
      case 'cut': return good.slice(0, at);
      case 'duplicate key': return good.replace('"cells"', `"cells": ${raw}, "cells"`);
      default: {
        const value = JSON.parse(good) as unknown;
        const paths = pathsOf(value);
        const path = paths[which % paths.length]!;
        if (path.length === 0) return raw;
        const marker = '\u0001RAW\u0001';
        let parent = value as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
        Object.defineProperty(parent, path[path.length - 1]!, { value: marker, enumerable: true, writable: true, configurable: true });
        return JSON.stringify(value, null, 1).replace(JSON.stringify(marker), raw);
      }
    }
  }).map(fileText);

/** Byte sequences that are never UTF-8, wherever they stand between characters. */
const NOT_UTF8 = [[0xff], [0xfe], [0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf0, 0x82, 0x82, 0xac], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xf0, 0x9f, 0x98]];

// ---------------------------------------------------------------------------

/** Reads a file's bytes as the CLI and the editor do; fails on anything but a notebook or a clean NotebookFormatError. */
function read(bytes: Uint8Array, what: string): Notebook | NotebookFormatError {
  const started = Date.now();
  try {
    return parseNotebook(decodeNotebookText(bytes));
  } catch (e) {
    if (!(e instanceof NotebookFormatError)) assert.fail(`reading ${what} threw ${e instanceof Error ? e.stack : String(e)}`);
    assert.ok(e.line !== undefined && e.line >= 1 && e.column !== undefined && e.column >= 1, `reading ${what}: an error without a line and column: ${e.message}`);
    assert.match(e.message, new RegExp(`line ${e.line}, column ${e.column}`), `reading ${what}: the message names the place`);
    // (the message quotes what it found: a string from the file; and JSON has a null of its own)
    assertNoInternals(e.message.replace(/found (an? )?(string|number)? ?\(.*?\)/g, ''), '', `reading ${what}`, ['undefined']);
    return e;
  } finally {
    assert.ok(Date.now() - started < 2000, `reading ${what} took ${Date.now() - started} ms`);
  }
}

/** A notebook read from a file can be written back, twice the same, and read again. */
function assertWritable(nb: Notebook, what: string): void {
  let first: string;
  try {
    first = serializeNotebook(savedForm(withTypesetOutputs(nb), false));
  } catch (e) {
    assert.fail(`${what} was read but cannot be written back: ${e instanceof Error ? e.stack : String(e)}`);
  }
  const again = parseNotebook(first);
  assert.equal(serializeNotebook(savedForm(again, false)), first, `${what}: writing it twice gives the same bytes`);
}

describe('fuzz: .actnb files', function () {
  this.timeout(longHunt ? 0 : 120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'activation-lab-fuzz-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a valid notebook is read back as it was written, and written again byte for byte', () => {
    fc.assert(fc.property(notebook, (nb) => {
      const written = serializeNotebook(nb);
      const back = read(Buffer.from(written, 'utf8'), 'a written notebook');
      assert.ok(!(back instanceof NotebookFormatError), `a notebook we wrote is refused: ${back instanceof Error ? back.message : ''}`);
      assert.deepEqual(normalised(back), normalised(nb));
      assert.equal(serializeNotebook(back), written);
    }), fuzzOptions(300));
  });

  it('a damaged file is a notebook or an error at a line and column, and a notebook read can be written back', () => {
    fc.assert(fc.property(damaged, ({ text: file }) => {
      const nb = read(Buffer.from(file, 'utf8'), show(file));
      if (!(nb instanceof NotebookFormatError)) assertWritable(nb, show(file));
    }), fuzzOptions(400));
  });

  it('bytes that are not UTF-8 are an error at the line and column where they stand', () => {
    fc.assert(fc.property(notebook, fc.nat(), fc.constantFrom(...NOT_UTF8), (nb, offset, bad) => {
      const good = serializeNotebook(nb);
      // between two characters (not inside a surrogate pair): where an editor would show the bad bytes
      let at = offset % (good.length + 1);
      if (at > 0 && at < good.length && /[\ud800-\udbff]/.test(good[at - 1]!) && /[\udc00-\udfff]/.test(good[at]!)) at--;
      const before = Buffer.from(good.slice(0, at), 'utf8');
      const bytes = Buffer.concat([before, Buffer.from(bad), Buffer.from(good.slice(at), 'utf8')]);
      const e = read(bytes, `${show(good)} with bytes ${bad.map((b) => b.toString(16))} at ${at}`);
      assert.ok(e instanceof NotebookFormatError, 'refused');
      const lines = good.slice(0, at).split('\n');
      assert.deepEqual([e.line, e.column], [lines.length, lines[lines.length - 1]!.length + 1], e.message);
      assert.match(e.message, new RegExp(`byte 0x${bad[0]!.toString(16)} at offset ${before.length}\\b`));
    }), fuzzOptions(200));
  });

  it('activation-lab run --inplace or --html on a damaged file neither throws nor writes what it cannot read again', () => {
    fc.assert(fc.property(damaged, fc.constantFrom('inplace', 'html'), ({ text: file }, how) => {
      const path = join(dir, 'nb.actnb');
      writeFileSync(path, file);
      const errors: string[] = [];
      let status: number;
      try {
        status = runCommand(path, how === 'inplace' ? { inplace: true } : { html: join(dir, 'nb.html') }, { out: () => undefined, err: (t) => errors.push(t) });
      } catch (e) {
        assert.fail(`run ${how} on ${show(file)} threw ${e instanceof Error ? e.stack : String(e)}`);
      }
      for (const line of errors) assertNoInternals(line.replace(/found (an? )?(string|number)? ?\(.*?\)/g, ''), file, `run --${how}'s error`, ['undefined']);
      const original = read(Buffer.from(file, 'utf8'), show(file));
      if (original instanceof NotebookFormatError) assert.equal(status, 1, `run on ${show(file)}, which is no notebook`);
      else if (how === 'inplace') {
        // written whether or not a cell failed (the cells after it keep their outputs)
        assert.ok(!errors.some((e) => e.startsWith('error: cannot write')), `run --inplace could not write ${show(file)}: ${errors.join('')}`);
        const again = read(readFileSync(path), `the file run --inplace wrote from ${show(file)}`);
        assert.ok(!(again instanceof NotebookFormatError), `run --inplace wrote a file it cannot read: ${again instanceof Error ? again.message : ''}`);
      }
    }), fuzzOptions(40, 10));
  });
});
