/**
 * Exercise cells of a lesson (lessons/*.actnb): a code cell whose metadata names it
 * (`"exercise": "my-relu"`) and whose text has two parts, split at the line `# checks ...`:
 * the student's part above (a placeholder answer, to be edited) and the checks below, which
 * the student leaves alone. A lesson file holds no solutions: they live in
 * test/fixtures/lessons-solved/ID.json as the student's part of each exercise, and the solved
 * lesson is the lesson with each student part replaced (solveNotebook), checks untouched.
 */
import type { Notebook, NotebookCell } from '../notebook-format/format';

/** The line that starts an exercise's checks. */
const CHECKS_LINE = /^# checks\b/m;

/** The exercise a cell is, from its metadata; undefined for other cells. */
export function exerciseId(cell: Pick<NotebookCell, 'kind' | 'metadata'>): string | undefined {
  const id = cell.metadata?.['exercise'];
  return cell.kind === 'code' && typeof id === 'string' ? id : undefined;
}

/** An exercise cell's two parts; undefined when it has no `# checks` line. */
export function splitExercise(source: string): { readonly answer: string; readonly checks: string } | undefined {
  const match = CHECKS_LINE.exec(source);
  if (!match) return undefined;
  return { answer: source.slice(0, match.index).replace(/\n$/, ''), checks: source.slice(match.index) };
}

/** Solutions of a lesson: exercise id to the student's part of its cell, solved. */
export type Solutions = Readonly<Record<string, string>>;

/**
 * The lesson with every exercise's student part replaced by its solution. Throws, naming the
 * exercise, when one has no solution or no checks, or a solution names no exercise of the lesson.
 */
export function solveNotebook(notebook: Notebook, solutions: Solutions): Notebook {
  const used = new Set<string>();
  const cells = notebook.cells.map((cell) => {
    const id = exerciseId(cell);
    if (id === undefined) return cell;
    const parts = splitExercise(cell.source);
    if (!parts) throw new Error(`exercise ${id} has no "# checks" line`);
    const solution = solutions[id];
    if (solution === undefined) throw new Error(`exercise ${id} has no solution`);
    used.add(id);
    return { ...cell, source: `${solution.replace(/\n$/, '')}\n${parts.checks}`, outputs: [] };
  });
  const unused = Object.keys(solutions).filter((id) => !used.has(id));
  if (unused.length > 0) throw new Error(`solutions for exercises the lesson does not have: ${unused.join(', ')}`);
  return { ...notebook, cells };
}
