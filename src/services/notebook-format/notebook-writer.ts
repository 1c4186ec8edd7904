/**
 * Writing `.actnb` files: JSON-safe checks with paths to bad values, stable key
 * order at every level, and a final read-back with the reader's rules.
 */
import { FORMAT_VERSION, KEY_ORDER, type CellOutput, type Notebook, type NotebookCell, type OutputItem } from './notebook-model';
import { describe, fail, hasOwn, isPlainObject, setOwn } from './json-checks';
import { readNotebook } from './notebook-reader';
import { firstValuePastLimits, TOO_DEEP } from './json-limits';

// ---------------------------------------------------------------------------
// Serialising

export function serializeNotebook(nb: Notebook): string {
  // what the reader refuses; the checks below recurse, and would overflow the stack on it
  if (firstValuePastLimits(nb, false)) fail(`cannot save: the notebook is ${TOO_DEEP}`);
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
 * Same layout as `JSON.stringify(v, null, 2)`, but with our key order, and each
 * output item on one line as `JSON.stringify(v)` would write it. (A plain object
 * cannot hold our order: JavaScript enumerates integer-like keys such as "10"
 * first, whatever order they were inserted in.)
 *
 * @param indent the current line's indentation; undefined inside one-line JSON.
 */
function render(v: unknown, level: Level, indent: string | undefined): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  // An item's data is a whole plot or picture: pretty-printed, it took one line per
  // number, so a re-run touched thousands of lines. One line each keeps a file small
  // and its diff to the outputs that changed; sources and metadata stay pretty.
  if (level === 'item' && indent !== undefined && !Array.isArray(v)) return render(v, level, undefined);
  const inner = indent === undefined ? undefined : indent + '  ';
  const [open, separator, close, colon] = inner === undefined ? ['', ',', '', ':'] : [`\n${inner}`, `,\n${inner}`, `\n${indent}`, ': '];
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    // Arrays of cells/outputs/items hold objects of the level named by their key.
    return `[${open}${v.map((x) => render(x, level, inner)).join(separator)}${close}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = orderedKeys(o, level);
  if (keys.length === 0) return '{}';
  const parts = keys.map((k) => `${JSON.stringify(k)}${colon}${render(o[k], childLevel(level, k), inner)}`);
  return `{${open}${parts.join(separator)}${close}}`;
}
