/**
 * `activation-lab run NOTEBOOK.actnb [--inplace [--static-images]] [--html OUT.html]`.
 *
 * Runs the notebook's code cells in order in one session (names persist from
 * cell to cell, as in the editor) and prints each result as `[n] text`, n being
 * the execution count. Markdown cells are not printed. The run stops at the
 * first failing cell, whose error goes to stderr; later cells are not run. A failed
 * check(...) is not an error: the run goes on, says on stderr how many checks failed, and
 * exits 1 once every output is written.
 *
 * --inplace writes the new outputs and execution orders back into the file
 * (cells after a failure keep their old outputs; unknown fields are kept) via
 * a temporary file and a rename, so the notebook is never half written. A
 * notebook that fails to parse is never written. The file gets what a save in
 * the editor writes: chart samples rounded (shared/sample-precision.ts), one line
 * per output item, and no static SVG pictures unless --static-images asks for
 * them (the editor's activationLab.notebook.saveStaticImages), outputs of cells
 * this run did not reach included.
 *
 * --html writes a self-contained page of the notebook and this run's results. A lesson's
 * exercise cells (services/lessons) are shown as handed out, without their checks' results:
 * the page is a handout with the exercises and no solutions.
 */
import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'fs';
import { basename, dirname, join } from 'path';
import {
  NotebookFormatError, parseNotebook, savedForm, serializeNotebook, type CellOutput, type JsonValue, type Notebook,
} from '../services/notebook-format/format';
import { decodeNotebookText } from '../services/notebook-format/utf8-text';
import { Session } from '../language';
import { recordInMetadata } from '../shared/slider-state';
import { atRecordedSliders } from '../services/plots/recorded-sliders';
import { displayText } from '../shared/display-text';
import { tensorSummary } from '../shared/summary';
import { cellOutputItems } from '../shared/output-items';
import { withFormulaImages } from '../services/hover-content/display-formulas';
import type { DisplayValue } from '../shared/output';
import { renderNotebookHtml } from '../page/html-export';
import type { HtmlCell } from '../shared/page-cell';
import { exerciseId } from '../services/lessons/exercises';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './io';

export interface RunOptions {
  readonly inplace?: boolean;
  /** With `inplace`: save static SVG pictures of the plots too. */
  readonly staticImages?: boolean;
  readonly html?: string;
}

/** The result of one code cell in this run. */
export interface CellRun {
  /** 0-based index of the cell in the notebook (markdown cells included). */
  readonly index: number;
  /** Execution count, 1-based. */
  readonly order: number;
  readonly display: DisplayValue;
}

export function runCommand(file: string, options: RunOptions, io: CliIo): number {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    io.err(`error: cannot read ${file}: ${errorMessage(e)}\n`);
    return EXIT_FAILURE;
  }
  // the page must not replace the notebook it shows (a typo, or a shell completion, away)
  if (options.html !== undefined && sameFile(options.html, file)) {
    io.err(`error: --html ${options.html} is the notebook itself; write the page to another file, e.g. ${file.replace(/\.actnb$/, '')}.html\n`);
    return EXIT_FAILURE;
  }
  let notebook: Notebook;
  try {
    notebook = parseNotebook(decodeNotebookText(bytes));
  } catch (e) {
    if (e instanceof NotebookFormatError) {
      io.err(`error: ${file}: ${e.message}\n`);
      return EXIT_FAILURE;
    }
    throw e;
  }

  const runs = runNotebook(notebook, io);
  const failed = runs.some((r) => r.display.kind === 'error');
  // a failed check (an exercise not yet solved) does not stop the run, but fails it
  const checks = runs.flatMap((r) => (r.display.kind === 'check' ? r.display.checks : []));
  const failedChecks = checks.filter((c) => !c.passed).length;
  if (failedChecks > 0) io.err(`${failedChecks} of ${checks.length} check${checks.length === 1 ? '' : 's'} failed\n`);
  let status = failed || failedChecks > 0 ? EXIT_FAILURE : EXIT_OK;

  if (options.inplace) {
    try {
      applyRuns(notebook, runs);
      // through a symbolic link to the file it points at, as an editor saves it (a rename would replace the link)
      writeFileAtomic(realpathSync(file), serializeNotebook(savedForm(notebook, options.staticImages === true)));
    } catch (e) {
      io.err(`error: cannot write ${file}: ${errorMessage(e)}\n`);
      status = EXIT_FAILURE;
    }
  }
  if (options.html !== undefined) {
    try {
      writeFileAtomic(options.html, renderNotebookHtml(basename(file), htmlCells(notebook, runs)));
    } catch (e) {
      io.err(`error: cannot write ${options.html}: ${errorMessage(e)}\n`);
      status = EXIT_FAILURE;
    }
  }
  return status;
}

/** Runs code cells in order until the first failure, printing as it goes. */
export function runNotebook(notebook: Notebook, io: CliIo): CellRun[] {
  // outputs, the printed text and the page keep a large tensor's ends only (shared/summary.ts): its display carries just those
  const session = new Session({ tensorSummary });
  const runs: CellRun[] = [];
  let order = 0;
  for (let index = 0; index < notebook.cells.length; index++) {
    const cell = notebook.cells[index];
    if (cell.kind !== 'code') continue;
    order++;
    // a plot starts where its sliders were left in the editor (the cell's metadata, kept by --inplace)
    const display = atRecordedSliders(session.run(cell.source).display, recordInMetadata(cell.metadata));
    runs.push({ index, order, display });
    if (display.kind === 'error') {
      const where = display.line > 0 ? ` at line ${display.line}, column ${display.column}` : '';
      io.err(`[${order}] error in cell ${index + 1}${where}: ${display.message}\n`);
      break;
    }
    io.out(formatResult(order, displayText(display)) + '\n');
  }
  return runs;
}

/** `[n] text`, later lines of a multi-line text indented under the first. */
export function formatResult(order: number, text: string): string {
  const prefix = `[${order}]`;
  if (text === '') return prefix;
  const indent = ' '.repeat(prefix.length + 1);
  return `${prefix} ${text.split('\n').join('\n' + indent)}`;
}

/** Puts this run's outputs and execution orders into the notebook model. */
export function applyRuns(notebook: Notebook, runs: readonly CellRun[]): void {
  for (const run of runs) {
    const cell = notebook.cells[run.index];
    // What an editor run stores: the old outputs replaced by ours (none for a value-less cell),
    // typeset as the editor's kernel does, so the saved notebook shows the same formulas.
    // The cell's other fields are kept.
    cell.outputs = cellOutputItems(withFormulaImages(run.display)).map((items): CellOutput => ({
      items: items.map((it) => ({ mime: it.mime, data: it.data as unknown as JsonValue })),
    }));
    cell.executionOrder = run.order;
  }
}

function htmlCells(notebook: Notebook, runs: readonly CellRun[]): HtmlCell[] {
  const byIndex = new Map(runs.map((r) => [r.index, r]));
  return notebook.cells.map((cell, index) => {
    if (cell.kind === 'markdown') return { kind: 'markdown', source: cell.source };
    const run = byIndex.get(index);
    const exercise = exerciseId(cell) !== undefined ? { exercise: true } : {};
    return { kind: 'code', source: cell.source, order: run?.order, display: run && withFormulaImages(run.display), ...exercise };
  });
}

/** Writes `path` via a temporary file in the same directory and a rename. */
export function writeFileAtomic(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    mode = undefined; // a new file
  }
  const fd = openSync(temp, 'wx', 0o644);
  try {
    try {
      writeFileSync(fd, content, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (mode !== undefined) chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw e;
  }
}

/** Whether two paths name the same file (through links too); false when the first does not exist yet. */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
