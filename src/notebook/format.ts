/**
 * The `.actnb` notebook file format: versioned, pretty-printed JSON that diffs
 * well in git. This module has NO `vscode` import; the extension's
 * NotebookSerializer and the command-line tool both use it.
 *
 * File layout (format 1). Keys are always written in the order listed here,
 * then any unknown keys sorted by UTF-16 code unit (plain `Array#sort`, no
 * locale), at every level, so that the same notebook always produces the
 * same bytes whatever order its producer built objects in:
 *
 *   {
 *     "activationNotebook": 1,     required; the format version, a whole number >= 1
 *     "metadata": { ... },         optional on read (default {}), always written
 *     "cells": [                   required; may be empty
 *       {
 *         "kind": "code",          required; "markdown" or "code"
 *         "source": "x = 1\ny",    required; ONE string, "\n" line breaks, kept verbatim
 *         "executionOrder": 3,     optional; code cells only; whole number >= 0
 *         "metadata": { ... },     optional
 *         "outputs": [             optional on read (default []); code cells only;
 *           {                        NOT written when empty
 *             "items": [           required; may be empty
 *               { "mime": "text/plain", "data": "..." }
 *             ],                     mime: required, "type/subtype" (no parameters)
 *                                    data: required, any JSON; a string for text/* types
 *             "metadata": { ... }  optional
 *           }
 *         ]
 *       }
 *     ]
 *   }
 *
 * Decisions, so that nobody has to rediscover them:
 *
 * - Empty file. A file that is empty or only whitespace (optionally after a
 *   UTF-8 byte-order mark) parses as `emptyNotebook()`: that is what VS Code
 *   hands the serializer for File > New and for a freshly created file. Any
 *   other problem (malformed JSON, wrong top-level type, missing, invalid or
 *   newer version, invalid cells) throws `NotebookFormatError`; the parser
 *   never falls back to an empty notebook, because saving it would destroy
 *   the user's file.
 * - Unknown fields are preserved. Unknown keys at top level, in cells, in
 *   outputs and in output items are kept in the model's `extra` object
 *   (present only when non-empty) and written back; `metadata` objects are
 *   free-form JSON and kept whole. A newer minor addition therefore survives
 *   a round trip through an older extension, as long as the version number
 *   is not raised.
 * - Free-form JSON (metadata, `data`, unknown fields) is written with its
 *   object keys sorted recursively; array order is kept. Consumers must not
 *   rely on object key order: use arrays when order matters.
 * - `source` must be a single string. An array of lines (Jupyter's style) is
 *   rejected rather than joined, because the joining rule would be ambiguous
 *   (Jupyter's lines carry their own "\n") and the file has one canonical
 *   form. Line endings inside `source` are not normalised.
 * - Markdown cells cannot have outputs or an execution order (VS Code has no
 *   place for them); a file that gives them some is rejected, not trimmed.
 * - Output data must already be JSON-safe. JSON has no NaN, Infinity or
 *   -Infinity: the language encodes non-finite numbers as strings before they
 *   reach an output item. `serializeNotebook` refuses NaN/Infinity, typed
 *   arrays, `undefined`, class instances and cycles (with a path to the
 *   offending value) instead of letting `JSON.stringify` silently turn them
 *   into `null` or `{}`. `-0` is written as `0`.
 * - Duplicate keys in a file: the last one wins (as in `JSON.parse`).
 * - Non-ASCII text is written as-is (UTF-8), not as \u escapes; control
 *   characters and lone surrogates are escaped.
 * - Cell, output and item numbers in error messages are 1-based; `line` and
 *   `column` on errors are 1-based and count UTF-16 code units.
 * - `serializeNotebook` validates with the same rules as `parseNotebook`, so
 *   anything it writes can be read back.
 */

import { cleanJsonMessage, lineColumn, locateJsonSyntaxError, positionFromJsonError } from './json-error-position';
import type { SourcePosition } from './json-error-position';

export { lineColumn, locateJsonSyntaxError, positionFromJsonError } from './json-error-position';
export type { SourcePosition } from './json-error-position';

export const FORMAT_VERSION = 1;

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export type CellKind = 'markdown' | 'code';

export interface Notebook {
  metadata: JsonObject;
  cells: NotebookCell[];
  /** Unknown top-level fields, kept for the round trip. Absent when there are none. */
  extra?: JsonObject;
}

export interface NotebookCell {
  kind: CellKind;
  /** The whole cell text, lines separated by "\n". */
  source: string;
  executionOrder?: number;
  metadata?: JsonObject;
  /** Always present in the model; `[]` for markdown cells and cells never run. */
  outputs: CellOutput[];
  extra?: JsonObject;
}

export interface CellOutput {
  items: OutputItem[];
  metadata?: JsonObject;
  extra?: JsonObject;
}

export interface OutputItem {
  mime: string;
  /** JSON-able data: a string for text/* types, typically an object for JSON types. */
  data: JsonValue;
  extra?: JsonObject;
}

/** The fixed order of known keys at each level of the file. */
export const KEY_ORDER = {
  notebook: ['activationNotebook', 'metadata', 'cells'],
  cell: ['kind', 'source', 'executionOrder', 'metadata', 'outputs'],
  output: ['items', 'metadata'],
  item: ['mime', 'data'],
} as const;


export class NotebookFormatError extends Error {
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
  constructor(message: string, position?: SourcePosition) {
    super(message);
    this.name = 'NotebookFormatError';
    if (position) {
      this.line = position.line;
      this.column = position.column;
      if (position.offset !== undefined) this.offset = position.offset;
    }
  }
}

export function emptyNotebook(): Notebook {
  return { metadata: {}, cells: [] };
}

// ---------------------------------------------------------------------------
// Parsing

export function parseNotebook(text: string): Notebook {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return emptyNotebook();
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw syntaxError(e instanceof Error ? e.message : String(e), body);
  }
  return readNotebook(value);
}

function syntaxError(message: string, text: string): NotebookFormatError {
  let position = positionFromJsonError(message, text);
  if (!position) {
    const offset = locateJsonSyntaxError(text);
    if (offset !== undefined) position = { ...lineColumn(text, offset), offset };
  }
  let what = cleanJsonMessage(message);
  if (position?.offset !== undefined && /^[\]}]$/.test(text[position.offset] ?? '')) {
    const before = text.slice(0, position.offset).trimEnd();
    if (before.endsWith(',')) what += ' (a trailing comma before it?)';
  }
  const where = position ? ` (line ${position.line}, column ${position.column})` : '';
  return new NotebookFormatError(
    `this notebook is not valid JSON${where}: ${what}. Fix the file in a text editor and reopen it`,
    position,
  );
}

// --- validation of the parsed JSON ------------------------------------------

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Sets an own property even for keys like "__proto__". */
function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string': {
      const s = v.length > 30 ? v.slice(0, 30) + '…' : v;
      return `a string (${JSON.stringify(s)})`;
    }
    case 'number':
      return `a number (${v})`;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

function fail(message: string): never {
  throw new NotebookFormatError(message);
}

/** Unknown keys of `o`, or undefined when there are none. */
function extras(o: Record<string, unknown>, known: readonly string[]): JsonObject | undefined {
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(o)) {
    if (known.includes(k)) continue;
    out ??= {};
    setOwn(out, k, o[k]);
  }
  return out as JsonObject | undefined;
}

function readMetadata(o: Record<string, unknown>, where: string): JsonObject | undefined {
  if (!hasOwn(o, 'metadata')) return undefined;
  const m = o['metadata'];
  if (!isPlainObject(m)) fail(`${where}'metadata' must be an object, found ${describe(m)}`);
  return m as JsonObject;
}

function readNotebook(v: unknown): Notebook {
  if (!isPlainObject(v)) {
    fail(`not an Activation Lab notebook: expected a JSON object at the top level, found ${describe(v)}`);
  }
  if (!hasOwn(v, 'activationNotebook')) {
    fail("not an Activation Lab notebook: missing 'activationNotebook' version field");
  }
  const version = v['activationNotebook'];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    fail(`invalid 'activationNotebook' version field: expected a whole number such as ${FORMAT_VERSION}, found ${describe(version)}`);
  }
  if (version > FORMAT_VERSION) {
    fail(`this notebook was written by a newer Activation Lab (format ${version}); update the extension to open it`);
  }
  const metadata = readMetadata(v, '') ?? {};
  if (!hasOwn(v, 'cells')) fail("missing 'cells': a notebook needs a 'cells' array (it may be empty)");
  const cells = v['cells'];
  if (!Array.isArray(cells)) fail(`'cells' must be an array, found ${describe(cells)}`);
  const nb: Notebook = { metadata, cells: cells.map((c, i) => readCell(c, i + 1)) };
  const extra = extras(v, KEY_ORDER.notebook);
  if (extra) nb.extra = extra;
  return nb;
}

function readCell(v: unknown, n: number): NotebookCell {
  const where = `cell ${n}: `;
  if (!isPlainObject(v)) fail(`${where}must be an object with 'kind' and 'source', found ${describe(v)}`);
  if (!hasOwn(v, 'kind')) fail(`${where}'kind' must be "markdown" or "code" but is missing`);
  const kind = v['kind'];
  if (kind !== 'markdown' && kind !== 'code') {
    fail(`${where}'kind' must be "markdown" or "code", found ${describe(kind)}`);
  }
  if (!hasOwn(v, 'source')) fail(`${where}missing 'source' (the cell text as one string)`);
  const source = v['source'];
  if (Array.isArray(source)) {
    fail(`${where}'source' must be a single string with "\\n" line breaks, not an array of lines`);
  }
  if (typeof source !== 'string') fail(`${where}'source' must be a string, found ${describe(source)}`);
  const cell: NotebookCell = { kind, source, outputs: [] };
  if (hasOwn(v, 'executionOrder')) {
    const order = v['executionOrder'];
    if (kind === 'markdown') fail(`${where}a markdown cell cannot have an 'executionOrder'`);
    if (typeof order !== 'number' || !Number.isSafeInteger(order) || order < 0) {
      fail(`${where}'executionOrder' must be a whole number >= 0, found ${describe(order)}`);
    }
    cell.executionOrder = order;
  }
  const metadata = readMetadata(v, where);
  if (metadata) cell.metadata = metadata;
  if (hasOwn(v, 'outputs')) {
    const outputs = v['outputs'];
    if (!Array.isArray(outputs)) fail(`${where}'outputs' must be an array, found ${describe(outputs)}`);
    if (kind === 'markdown' && outputs.length > 0) fail(`${where}a markdown cell cannot have outputs`);
    cell.outputs = outputs.map((o, i) => readOutput(o, `cell ${n}, output ${i + 1}: `));
  }
  const extra = extras(v, KEY_ORDER.cell);
  if (extra) cell.extra = extra;
  return cell;
}

function readOutput(v: unknown, where: string): CellOutput {
  if (!isPlainObject(v)) fail(`${where}must be an object with an 'items' array, found ${describe(v)}`);
  if (!hasOwn(v, 'items')) fail(`${where}missing 'items' (an array of { "mime", "data" })`);
  const items = v['items'];
  if (!Array.isArray(items)) fail(`${where}'items' must be an array, found ${describe(items)}`);
  const out: CellOutput = {
    items: items.map((it, i) => readItem(it, `${where.slice(0, -2)}, item ${i + 1}: `)),
  };
  const metadata = readMetadata(v, where);
  if (metadata) out.metadata = metadata;
  const extra = extras(v, KEY_ORDER.output);
  if (extra) out.extra = extra;
  return out;
}

const MIME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function readItem(v: unknown, where: string): OutputItem {
  if (!isPlainObject(v)) fail(`${where}must be an object with 'mime' and 'data', found ${describe(v)}`);
  if (!hasOwn(v, 'mime')) fail(`${where}missing 'mime' (a MIME type such as "text/plain")`);
  const mime = v['mime'];
  if (typeof mime !== 'string') fail(`${where}'mime' must be a string, found ${describe(mime)}`);
  if (!MIME.test(mime)) fail(`${where}'mime' must be a MIME type such as "text/plain", found ${describe(mime)}`);
  if (!hasOwn(v, 'data')) fail(`${where}missing 'data' for ${JSON.stringify(mime)}`);
  const data = v['data'] as JsonValue;
  if (mime.toLowerCase().startsWith('text/') && typeof data !== 'string') {
    fail(`${where}'data' for ${JSON.stringify(mime)} must be a string, found ${describe(data)}`);
  }
  const item: OutputItem = { mime, data };
  const extra = extras(v, KEY_ORDER.item);
  if (extra) item.extra = extra;
  return item;
}

// ---------------------------------------------------------------------------
// Serialising

export function serializeNotebook(nb: Notebook): string {
  const file = notebookToFile(nb);
  readNotebook(file); // same rules as parsing: what we write, we can read
  return render(file, 'notebook', '') + '\n';
}

/** Builds the plain JSON object for the file, checking every value is JSON-safe. */
function notebookToFile(nb: Notebook): Record<string, unknown> {
  if (!isPlainObject(nb)) fail(`cannot save: the notebook must be an object, found ${describe(nb)}`);
  const file: Record<string, unknown> = {};
  addExtras(file, nb.extra, KEY_ORDER.notebook, 'the notebook');
  file['activationNotebook'] = FORMAT_VERSION;
  file['metadata'] = nb.metadata === undefined ? {} : checkJson(nb.metadata, 'notebook metadata');
  const cells = nb.cells;
  file['cells'] = Array.isArray(cells)
    ? cells.map((c, i) => cellToFile(c, i + 1))
    : checkJson(cells, "the notebook's 'cells'");
  return file;
}

function cellToFile(c: unknown, n: number): unknown {
  const where = `cell ${n}`;
  if (!isPlainObject(c)) return checkJson(c, where);
  const cell = c as Partial<NotebookCell> & Record<string, unknown>;
  const file: Record<string, unknown> = {};
  addExtras(file, cell.extra, KEY_ORDER.cell, where);
  copyKnown(file, cell, ['kind', 'source', 'executionOrder', 'metadata'], where);
  const outputs = cell.outputs;
  if (Array.isArray(outputs)) {
    if (outputs.length > 0) file['outputs'] = outputs.map((o, i) => outputToFile(o, `${where}, output ${i + 1}`));
  } else if (outputs !== undefined) file['outputs'] = checkJson(outputs, `${where} 'outputs'`);
  return file;
}

function outputToFile(o: unknown, where: string): unknown {
  if (!isPlainObject(o)) return checkJson(o, where);
  const out = o as Partial<CellOutput> & Record<string, unknown>;
  const file: Record<string, unknown> = {};
  addExtras(file, out.extra, KEY_ORDER.output, where);
  const items = out.items;
  if (Array.isArray(items)) {
    file['items'] = items.map((it, i) => {
      const w = `${where}, item ${i + 1}`;
      if (!isPlainObject(it)) return checkJson(it, w);
      const item = it as Partial<OutputItem> & Record<string, unknown>;
      const f: Record<string, unknown> = {};
      addExtras(f, item.extra, KEY_ORDER.item, w);
      const label = typeof item.mime === 'string' ? ` (${item.mime})` : '';
      copyKnown(f, item, ['mime', 'data'], w + label);
      return f;
    });
  } else if (items !== undefined) file['items'] = checkJson(items, `${where} 'items'`);
  copyKnown(file, out, ['metadata'], where);
  return file;
}

function copyKnown(file: Record<string, unknown>, from: Record<string, unknown>, keys: string[], where: string): void {
  for (const k of keys) {
    const v = from[k];
    if (v !== undefined) file[k] = checkJson(v, `${where} '${k}'`);
  }
}

function addExtras(file: Record<string, unknown>, extra: unknown, known: readonly string[], where: string): void {
  if (extra === undefined) return;
  if (!isPlainObject(extra)) fail(`cannot save: ${where}: 'extra' must be an object, found ${describe(extra)}`);
  for (const k of Object.keys(extra)) {
    if (known.includes(k)) fail(`cannot save: ${where}: unknown field '${k}' in 'extra' clashes with the known field of that name`);
    setOwn(file, k, checkJson(extra[k], `${where} field '${k}'`));
  }
}

/** Returns `v` unchanged if it is JSON-safe, else throws with the path to the bad value. */
function checkJson(v: unknown, where: string): unknown {
  const stack = new Set<object>();
  const walk = (x: unknown, path: string): void => {
    switch (typeof x) {
      case 'string':
      case 'boolean':
        return;
      case 'number':
        if (!Number.isFinite(x)) {
          fail(`cannot save: ${where}${path} is ${x}; JSON has no NaN or Infinity, so outputs must encode non-finite numbers as strings`);
        }
        return;
      case 'object': {
        if (x === null) return;
        if (stack.has(x)) fail(`cannot save: ${where}${path} refers back to itself (a circular reference)`);
        if (Array.isArray(x)) {
          stack.add(x);
          for (let i = 0; i < x.length; i++) walk(x[i], `${path}[${i}]`);
          stack.delete(x);
          return;
        }
        if (!isPlainObject(x)) {
          const name = (x as object).constructor?.name ?? 'object';
          fail(`cannot save: ${where}${path} is a ${name}, not plain JSON; convert it (e.g. Array.from for typed arrays)`);
        }
        stack.add(x);
        for (const k of Object.keys(x)) walk(x[k], `${path}${/^[A-Za-z_$][\w$]*$/.test(k) ? '.' + k : '[' + JSON.stringify(k) + ']'}`);
        stack.delete(x);
        return;
      }
      default:
        fail(`cannot save: ${where}${path} is ${x === undefined ? 'undefined' : `a ${typeof x}`}, which JSON cannot store`);
    }
  };
  walk(v, '');
  return v;
}

type Level = 'notebook' | 'cell' | 'output' | 'item' | 'free';

function orderedKeys(o: Record<string, unknown>, level: Level): string[] {
  const all = Object.keys(o);
  if (level === 'free') return all.sort();
  const known = KEY_ORDER[level] as readonly string[];
  return [...known.filter((k) => hasOwn(o, k)), ...all.filter((k) => !known.includes(k)).sort()];
}

function childLevel(level: Level, key: string): Level {
  if (level === 'notebook' && key === 'cells') return 'cell';
  if (level === 'cell' && key === 'outputs') return 'output';
  if (level === 'output' && key === 'items') return 'item';
  return 'free';
}

/**
 * Same layout as `JSON.stringify(v, null, 2)`, but with our key order. (A
 * plain object cannot hold it: JavaScript enumerates integer-like keys such
 * as "10" first, whatever order they were inserted in.)
 */
function render(v: unknown, level: Level, indent: string): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    // Arrays of cells/outputs/items hold objects of the level named by their key.
    return `[\n${v.map((x) => inner + render(x, level, inner)).join(',\n')}\n${indent}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = orderedKeys(o, level);
  if (keys.length === 0) return '{}';
  const parts = keys.map((k) => {
    const child = childLevel(level, k);
    return `${inner}${JSON.stringify(k)}: ${render(o[k], child, inner)}`;
  });
  return `{\n${parts.join(',\n')}\n${indent}}`;
}
