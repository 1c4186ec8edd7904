/**
 * The expression a user means by "plot what is under the cursor" in an
 * `activation` cell: the name under the cursor (`relu`, `f'`), and, when it is
 * called, the whole call (`leaky_relu(alpha=0.2)`). Both are offered, longest
 * first; the caller plots the first one that evaluates to a function, so
 * `leaky_relu(alpha=0.2)` plots the partial application while `relu(x)` (a
 * tensor) falls back to `relu`.
 */

const NAME_CHAR = /[A-Za-z0-9_]/;

/** The end of the bracketed group opening at `open`, or -1 if it does not close on this line. */
function matchingClose(line: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    if (quoted) continue;
    if (c === '#') return -1;
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export function expressionCandidatesAt(line: string, character: number): string[] {
  // on the name, or just after it (the cursor after `relu|`)
  let at = Math.min(character, line.length);
  if (!NAME_CHAR.test(line[at] ?? '') && at > 0 && /[A-Za-z0-9_']/.test(line[at - 1])) at--;
  while (at > 0 && line[at] === "'") at--;
  if (!NAME_CHAR.test(line[at] ?? '')) return [];
  let start = at;
  while (start > 0 && NAME_CHAR.test(line[start - 1])) start--;
  let end = at + 1;
  while (end < line.length && NAME_CHAR.test(line[end])) end++;
  if (!/[A-Za-z_]/.test(line[start])) return []; // a number, not a name
  while (line[end] === "'") end++;
  const name = line.slice(start, end);
  const candidates = [name];
  let open = end;
  while (line[open] === ' ') open++;
  if (line[open] === '(') {
    const close = matchingClose(line, open);
    if (close > 0) candidates.unshift(line.slice(start, close + 1));
  }
  return candidates;
}
