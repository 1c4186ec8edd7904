/**
 * Where a value is in a notebook file's text, by its JSON path, so that a
 * structure error ("cell 3: 'source' must be a string") can name the line
 * and column of the offending value. Only asked once a check has failed:
 * reading a good file never walks its text twice.
 */
import { visit } from 'jsonc-parser';
import { STRICT_JSON } from './json-syntax-error';
import type { JsonPath, SourcePosition } from './notebook-model';

/**
 * Position of the first character of the value at `path` (an object's `{`,
 * an array's `[`, a string's opening quote), or undefined when there is none.
 * With duplicate keys the last one counts, as in JSON.parse.
 */
export function positionOfValue(text: string, path: JsonPath): SourcePosition | undefined {
  let found: SourcePosition | undefined;
  const at = (offset: number, line: number, character: number, here: JsonPath): boolean => {
    if (samePath(here, path)) found = { line: line + 1, column: character + 1, offset };
    return isPrefix(here, path); // false: jsonc-parser skips the children, which cannot hold the value
  };
  try {
    visit(text, {
      onObjectBegin: (offset, _length, line, character, here) => at(offset, line, character, here()),
      onArrayBegin: (offset, _length, line, character, here) => at(offset, line, character, here()),
      onLiteralValue: (_value, offset, _length, line, character, here) => void at(offset, line, character, here()),
      // Needed even empty: jsonc-parser ends a skipped subtree only in these callbacks.
      onObjectEnd: () => undefined,
      onArrayEnd: () => undefined,
    }, STRICT_JSON);
  } catch {
    return undefined; // e.g. a stack overflow on absurd nesting
  }
  return found;
}

function isPrefix(prefix: JsonPath, path: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);
}

function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && isPrefix(a, b);
}
