/**
 * What JSON allows but a notebook cannot keep, found before the file is read into a
 * model: values nested deeper than MAX_JSON_DEPTH (JSON.parse reads 100,000 levels, but
 * every walk after it, ours, jsonc-parser's and the writer's, recurses and overflowed the
 * stack: the notebook opened and could not be saved, "Maximum call stack size exceeded"),
 * and numbers past the largest double, which JSON.parse reads as Infinity and the writer
 * then refuses (`1e400` in metadata opened, and saving failed). Both are refused when the
 * file is read, at the line and column of the value.
 */
import type { JsonPath, SourcePosition } from './notebook-model';

/** Levels of arrays and objects inside each other; a notebook's own structure takes 5, a display a few more. */
export const MAX_JSON_DEPTH = 1000;

export type JsonLimit =
  | { readonly problem: 'deep' }
  | { readonly problem: 'infinite'; readonly path: JsonPath; readonly value: number };

/** An array or object being walked: which of its children comes next. */
interface Frame {
  readonly container: readonly unknown[] | Readonly<Record<string, unknown>>;
  readonly keys: readonly (string | number)[];
  next: number;
}

/**
 * The first value past the limits, in the order of the file, in a walk that keeps its own
 * stack (the value may be absurdly deep) of one frame per level (an output may hold
 * millions of numbers). `numbers` false: the depth alone (the writer says itself where
 * a number is not JSON).
 */
export function firstValuePastLimits(root: unknown, numbers = true): JsonLimit | undefined {
  if (numbers && typeof root === 'number' && !Number.isFinite(root)) return { problem: 'infinite', path: [], value: root };
  const frames: Frame[] = [];
  // a value that contains itself (only in memory, never in a file) is the writer's to name
  const open = new Set<object>();
  const enter = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || open.has(v)) return;
    const keys = Array.isArray(v) ? [] : Object.keys(v);
    frames.push({ container: v as Frame['container'], keys, next: 0 });
    open.add(v);
  };
  enter(root);
  while (frames.length > 0) {
    if (frames.length > MAX_JSON_DEPTH) return { problem: 'deep' };
    const frame = frames[frames.length - 1]!;
    const array = Array.isArray(frame.container) ? (frame.container as readonly unknown[]) : undefined;
    const count = array ? array.length : frame.keys.length;
    if (frame.next >= count) {
      open.delete(frames.pop()!.container);
      continue;
    }
    const key = array ? frame.next : frame.keys[frame.next]!;
    frame.next++;
    const child = array ? array[key as number] : (frame.container as Readonly<Record<string, unknown>>)[key];
    if (numbers && typeof child === 'number' && !Number.isFinite(child)) {
      return { problem: 'infinite', path: frames.map((f) => (Array.isArray(f.container) ? f.next - 1 : f.keys[f.next - 1]!)), value: child };
    }
    enter(child);
  }
  return undefined;
}

/**
 * Where the text first opens an array or object deeper than MAX_JSON_DEPTH, by counting
 * brackets outside strings (no parser: the text may be too deep for one), or undefined.
 */
export function firstTooDeep(text: string): SourcePosition | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0x22) {
      // a string: to its closing quote, past escapes (a string holds no line break)
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return { line, column: i - lineStart + 1, offset: i };
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return undefined;
}

export const TOO_DEEP = `nested deeper than ${MAX_JSON_DEPTH.toLocaleString('en-US')} levels of [ ] and { } inside each other ` +
  '(a notebook needs a few: its metadata and outputs are shallow)';

export function pastTheDoubles(value: number): string {
  return `the number here is ${value > 0 ? 'larger' : 'more negative'} than any a notebook can hold (about ${value > 0 ? '' : '-'}1.8e308): ` +
    'it would be read as infinity and could not be saved back. Write it as a string, e.g. "1e400"';
}
