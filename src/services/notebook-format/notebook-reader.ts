/**
 * Reading `.actnb` files: JSON syntax with positions, then a deep validation
 * into the model (see format.ts for the rules).
 */
import { cleanJsonMessage, lineColumn, locateJsonSyntaxError, positionFromJsonError } from './json-error-position';
import {
  emptyNotebook, FORMAT_VERSION, KEY_ORDER, NotebookFormatError,
  type CellOutput, type JsonValue, type Notebook, type NotebookCell, type OutputItem,
} from './notebook-model';
import { describe, extras, fail, hasOwn, isPlainObject, readMetadata } from './json-checks';

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

export function readNotebook(v: unknown): Notebook {
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
