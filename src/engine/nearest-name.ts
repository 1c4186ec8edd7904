/** "Did you mean ...?" suggestions: the candidates closest to a misspelt name. */

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("rleu" -> "relu" is 1). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1];
}

/**
 * At most one edit per three letters typed, so a suggestion shares most of its
 * letters with what was typed. A floor of one edit made every one- and
 * two-letter name a typo of another (`x` suggested `e`, `y` and `a` too).
 */
const LETTERS_PER_EDIT = 3;

/**
 * Candidates close to `name`, closest first; ties keep the candidates' order
 * (callers list the catalogue first, so `tahn` suggests `tanh` before `tan`).
 * Case differences are free, so a one-letter name suggests only its other case.
 */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = name.toLowerCase();
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    // No edits within the budget can make up a larger difference in length: skip the distance.
    if (Math.abs(candidate.length - wanted.length) * LETTERS_PER_EDIT > wanted.length) continue;
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance * LETTERS_PER_EDIT <= wanted.length) scored.push({ candidate, distance });
  }
  scored.sort((p, q) => p.distance - q.distance);
  return scored.slice(0, limit).map((s) => s.candidate);
}

/** " (did you mean 'relu'?)" or "" — ready to append to a message. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  return suggestionHint(nearestNames(name, candidates));
}

/** didYouMean's text for suggestions already found, for a caller that also offers them as fixes. */
export function suggestionHint(near: readonly string[]): string {
  if (near.length === 0) return '';
  return ` (did you mean ${near.map((n) => `'${n}'`).join(' or ')}?)`;
}
