/**
 * Reading `.actnb` files: JSON syntax, then a deep validation into the model
 * (see format.ts for the rules). Every error that a file's text causes names
 * the line and column of what is wrong.
 */
import { firstJsonSyntaxError } from './json-syntax-error';
import { positionOfValue } from './json-value-position';
import {
  emptyNotebook, FORMAT_VERSION, KEY_ORDER, NotebookFormatError,
  type CellOutput, type JsonPath, type JsonValue, type Notebook, type NotebookCell, type OutputItem, type SourcePosition,
} from './notebook-model';
import { describe, extras, fail, hasOwn, isPlainObject, readMetadata } from './json-checks';
import { firstTooDeep, firstValuePastLimits, pastTheDoubles, TOO_DEEP, type JsonLimit } from './json-limits';

// ---------------------------------------------------------------------------
// Parsing

export function parseNotebook(text: string): Notebook {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return emptyNotebook();
  let value: unknown;
  try {
    // JSON.parse for the value (native speed; "__proto__" keys stay plain data);
    // jsonc-parser only to explain a failure.
    value = JSON.parse(body);
  } catch (e) {
    throw syntaxError(body, e);
  }
  const limit = firstValuePastLimits(value);
  if (limit) throw limitError(limit, body);
  try {
    return readNotebook(value);
  } catch (e) {
    throw e instanceof NotebookFormatError ? withPosition(e, body) : e;
  }
}

function syntaxError(text: string, parseError: unknown): NotebookFormatError {
  // refused anyway, and jsonc-parser would overflow the stack on it (V8's message has no line)
  const deep = firstTooDeep(text);
  if (deep) return tooDeep(deep);
  const found = firstJsonSyntaxError(text);
  // Without a position jsonc-parser disagrees with V8, which never happened in our tests; say what V8 said.
  const what = found?.message ?? (parseError instanceof Error ? parseError.message : String(parseError));
  const where = found ? ` (line ${found.position.line}, column ${found.position.column})` : '';
  return new NotebookFormatError(
    `this notebook is not valid JSON${where}: ${what}. Fix the file in a text editor and reopen it`,
    found?.position,
  );
}

/** A value JSON allows and a notebook cannot keep (json-limits.ts), at its line and column. */
function limitError(limit: JsonLimit, text: string): NotebookFormatError {
  if (limit.problem === 'deep') return tooDeep(firstTooDeep(text));
  return withPosition(new NotebookFormatError(pastTheDoubles(limit.value), undefined, limit.path), text);
}

function tooDeep(at: SourcePosition | undefined): NotebookFormatError {
  const where = at ? `line ${at.line}, column ${at.column}: ` : '';
  return new NotebookFormatError(`${where}this notebook is ${TOO_DEEP}; the file was probably made by mistake: fix it in a text editor and reopen it`, at);
}

/** A structure error of the file's text, with the line and column of the value it is about. */
function withPosition(e: NotebookFormatError, text: string): NotebookFormatError {
  const position = e.path && positionOfValue(text, e.path);
  if (!position) return e;
  return new NotebookFormatError(`line ${position.line}, column ${position.column}: ${e.message}`, position, e.path);
}

/**
 * Checks a parsed file and builds the model. Each failure carries the JSON
 * path of the value it is about (for a missing field, the object that lacks
 * it), which parseNotebook turns into a line and column.
 */
export function readNotebook(v: unknown): Notebook {
  const top: JsonPath = [];
  if (!isPlainObject(v)) {
    fail(`not an Activation Lab notebook: expected a JSON object at the top level, found ${describe(v)}`, top);
  }
  if (!hasOwn(v, 'activationNotebook')) {
    fail("not an Activation Lab notebook: missing 'activationNotebook' version field", top);
  }
  const version = v['activationNotebook'];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    fail(`invalid 'activationNotebook' version field: expected a whole number such as ${FORMAT_VERSION}, found ${describe(version)}`, ['activationNotebook']);
  }
  if (version > FORMAT_VERSION) {
    fail(`this notebook was written by a newer Activation Lab (format ${version}); update the extension to open it`, ['activationNotebook']);
  }
  const metadata = readMetadata(v, '', top) ?? {};
  if (!hasOwn(v, 'cells')) fail("missing 'cells': a notebook needs a 'cells' array (it may be empty)", top);
  const cells = v['cells'];
  if (!Array.isArray(cells)) fail(`'cells' must be an array, found ${describe(cells)}`, ['cells']);
  const nb: Notebook = { metadata, cells: cells.map((c, i) => readCell(c, i)) };
  const extra = extras(v, KEY_ORDER.notebook);
  if (extra) nb.extra = extra;
  return nb;
}

function readCell(v: unknown, index: number): NotebookCell {
  const where = `cell ${index + 1}: `;
  const path: JsonPath = ['cells', index];
  if (!isPlainObject(v)) fail(`${where}must be an object with 'kind' and 'source', found ${describe(v)}`, path);
  if (!hasOwn(v, 'kind')) fail(`${where}'kind' must be "markdown" or "code" but is missing`, path);
  const kind = v['kind'];
  if (kind !== 'markdown' && kind !== 'code') {
    fail(`${where}'kind' must be "markdown" or "code", found ${describe(kind)}`, [...path, 'kind']);
  }
  if (!hasOwn(v, 'source')) fail(`${where}missing 'source' (the cell text as one string)`, path);
  const source = v['source'];
  if (Array.isArray(source)) {
    fail(`${where}'source' must be a single string with "\\n" line breaks, not an array of lines`, [...path, 'source']);
  }
  if (typeof source !== 'string') fail(`${where}'source' must be a string, found ${describe(source)}`, [...path, 'source']);
  const cell: NotebookCell = { kind, source, outputs: [] };
  if (hasOwn(v, 'executionOrder')) {
    const order = v['executionOrder'];
    const orderPath = [...path, 'executionOrder'];
    if (kind === 'markdown') fail(`${where}a markdown cell cannot have an 'executionOrder'`, orderPath);
    if (typeof order !== 'number' || !Number.isSafeInteger(order) || order < 0) {
      fail(`${where}'executionOrder' must be a whole number >= 0, found ${describe(order)}`, orderPath);
    }
    cell.executionOrder = order;
  }
  const metadata = readMetadata(v, where, path);
  if (metadata) cell.metadata = metadata;
  if (hasOwn(v, 'outputs')) {
    const outputs = v['outputs'];
    const outputsPath = [...path, 'outputs'];
    if (!Array.isArray(outputs)) fail(`${where}'outputs' must be an array, found ${describe(outputs)}`, outputsPath);
    if (kind === 'markdown' && outputs.length > 0) fail(`${where}a markdown cell cannot have outputs`, outputsPath);
    cell.outputs = outputs.map((o, i) => readOutput(o, `cell ${index + 1}, output ${i + 1}: `, [...outputsPath, i]));
  }
  const extra = extras(v, KEY_ORDER.cell);
  if (extra) cell.extra = extra;
  return cell;
}

function readOutput(v: unknown, where: string, path: JsonPath): CellOutput {
  if (!isPlainObject(v)) fail(`${where}must be an object with an 'items' array, found ${describe(v)}`, path);
  if (!hasOwn(v, 'items')) fail(`${where}missing 'items' (an array of { "mime", "data" })`, path);
  const items = v['items'];
  if (!Array.isArray(items)) fail(`${where}'items' must be an array, found ${describe(items)}`, [...path, 'items']);
  const out: CellOutput = {
    items: items.map((it, i) => readItem(it, `${where.slice(0, -2)}, item ${i + 1}: `, [...path, 'items', i])),
  };
  const metadata = readMetadata(v, where, path);
  if (metadata) out.metadata = metadata;
  const extra = extras(v, KEY_ORDER.output);
  if (extra) out.extra = extra;
  return out;
}

const MIME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function readItem(v: unknown, where: string, path: JsonPath): OutputItem {
  if (!isPlainObject(v)) fail(`${where}must be an object with 'mime' and 'data', found ${describe(v)}`, path);
  if (!hasOwn(v, 'mime')) fail(`${where}missing 'mime' (a MIME type such as "text/plain")`, path);
  const mime = v['mime'];
  if (typeof mime !== 'string') fail(`${where}'mime' must be a string, found ${describe(mime)}`, [...path, 'mime']);
  if (!MIME.test(mime)) fail(`${where}'mime' must be a MIME type such as "text/plain", found ${describe(mime)}`, [...path, 'mime']);
  if (!hasOwn(v, 'data')) fail(`${where}missing 'data' for ${JSON.stringify(mime)}`, path);
  const data = v['data'] as JsonValue;
  if (mime.toLowerCase().startsWith('text/') && typeof data !== 'string') {
    fail(`${where}'data' for ${JSON.stringify(mime)} must be a string, found ${describe(data)}`, [...path, 'data']);
  }
  const item: OutputItem = { mime, data };
  const extra = extras(v, KEY_ORDER.item);
  if (extra) item.extra = extra;
  return item;
}
