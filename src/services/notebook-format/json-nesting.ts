/**
 * How deeply an .actnb file may nest arrays and objects. JSON.parse reads far deeper
 * than the writer (which recurses) can write back, so a file 5,000 levels deep opened
 * fine and then could not be saved. The reader accepts only what the writer can write:
 * nothing in a notebook needs more than a handful of levels (a training run's history is
 * four), and this limit leaves room for any metadata a tool adds.
 */
import type { SourcePosition } from './notebook-model';

export const MAX_JSON_NESTING = 64;

/** Where the text first opens an array or object past `max` levels, if it does (strings skipped). */
export function firstTooDeep(text: string, max = MAX_JSON_NESTING): SourcePosition | undefined {
  let depth = 0;
  let line = 1;
  let column = 1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c /* \ */) escaped = true;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return { line, column, offset: i };
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
    if (c === 0x0a) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return undefined;
}
