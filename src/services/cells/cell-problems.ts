/**
 * What is wrong in a notebook's cells that can be told without running them,
 * for the squiggles that appear while a student types: a cell's syntax error
 * (the parser's first, exactly as a run reports it) or, when it parses, the
 * names nothing defines, each with the close names to change it to. Shapes,
 * arity and every other run-time error are left to the run.
 */
import { nearestNames, suggestionHint } from '../../engine';
import { LanguageError, parseProgram, positionAt, type Span } from '../../language';
import { builtinEntries } from './builtin-docs';
import { definitionsIn } from './user-definitions';
import { unresolvedNames, type UnresolvedName } from './unknown-names';

/** Where a problem is, in the two ways its consumers count: offsets, and 1-based lines and columns like an error output. */
interface ProblemPlace {
  readonly message: string;
  /** UTF-16 offsets into the cell's text, end exclusive. */
  readonly span: Span;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface SyntaxProblem extends ProblemPlace {
  readonly kind: 'syntax';
}

export interface UnknownNameProblem extends ProblemPlace {
  readonly kind: 'unknown-name';
  readonly name: string;
  /** The names the message suggests, closest first: what a quick fix offers to change it to. */
  readonly suggestions: readonly string[];
}

export type CellProblem = SyntaxProblem | UnknownNameProblem;

let builtinsOnce: readonly string[] | undefined;

/** The builtin names completion lists, in the order the evaluator suggests them. */
function builtinNames(): readonly string[] {
  builtinsOnce ??= builtinEntries().map((e) => e.name);
  return builtinsOnce;
}

/** The problems of every cell, in the cells' order; a name any cell defines is defined for all of them. */
export function notebookProblems(cells: readonly string[]): CellProblem[][] {
  const names = notebookNames(cells);
  return cells.map((text) => problemsIn(text, names));
}

/**
 * The problems of one cell of a notebook. `cells` are the notebook's code cells
 * (this one among them or not: what the cell defines counts either way).
 */
export function cellProblems(text: string, cells: readonly string[]): CellProblem[] {
  return problemsIn(text, notebookNames(cells.includes(text) ? cells : [...cells, text]));
}

interface NotebookNames {
  /** What the cells define, in the order a student wrote them (which orders equally close suggestions). */
  readonly defined: readonly string[];
  /** Those and the builtins. */
  readonly known: ReadonlySet<string>;
}

function notebookNames(cells: readonly string[]): NotebookNames {
  const defined = [...new Set(definitionsIn(cells).map((d) => d.name))];
  return { defined, known: new Set([...defined, ...builtinNames()]) };
}

function problemsIn(text: string, names: NotebookNames): CellProblem[] {
  let program;
  try {
    program = parseProgram(text);
  } catch (e) {
    if (!(e instanceof LanguageError)) throw e;
    return [{ kind: 'syntax', message: e.message, ...place(text, e.span) }];
  }
  return unresolvedNames(program, (name) => names.known.has(name)).map((u) => unknownName(text, u, names.defined));
}

function unknownName(text: string, u: UnresolvedName, defined: readonly string[]): UnknownNameProblem {
  // The candidates the evaluator would offer: parameters, the notebook's names, builtins.
  const suggestions = nearestNames(u.name, new Set([...u.parameters, ...defined, ...builtinNames()]));
  const hint = suggestionHint(suggestions) || `: no cell of this notebook defines it and it is not a builtin; define it first, as in ${
    u.role === 'function' ? `${u.name}(x) = ...` : `${u.name} = ...`}`;
  return {
    kind: 'unknown-name',
    message: `unknown ${u.role} '${u.name}'${hint}`,
    ...place(text, u.span),
    name: u.name,
    suggestions,
  };
}

function place(text: string, span: Span): Omit<ProblemPlace, 'message'> {
  const start = positionAt(text, span.start);
  const end = positionAt(text, span.end);
  return { span, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
