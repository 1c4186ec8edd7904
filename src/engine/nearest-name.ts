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
 * Candidates within a distance that grows with the name's length, closest
 * first; ties keep the candidates' order. Case differences count as free.
 * A candidate that shares no letter with the name in place is no suggestion,
 * however short both are: 'x' for 'q' (one edit away) would only be noise.
 */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = name.toLowerCase();
  const budget = Math.max(1, Math.floor(wanted.length / 3));
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    // No edits can make up a difference in length greater than the budget: skip the distance.
    if (Math.abs(candidate.length - wanted.length) > budget) continue;
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance <= budget && distance < Math.max(wanted.length, candidate.length)) scored.push({ candidate, distance });
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
