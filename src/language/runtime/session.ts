/**
 * One notebook's kernel state: variables and functions persist across cells.
 * `run` never throws: every failure becomes an error display with a line and
 * column, so neither the extension host nor the CLI can be brought down by a cell.
 */
import type { DType } from '../../engine';
import type { DisplayValue } from '../../shared/output';
import { LanguageError } from '../errors';
import { parseProgram } from '../parser';
import type { Statement } from '../ast';
import type { Span } from '../source';
import { checkDisplay, toDisplay, type TensorSummary } from './display';
import { Cancelled, Evaluator, type CancellationToken, type SessionState } from './evaluator';
import { inspectValue, type NameInfo } from './inspect';
import { interruptedDisplay } from './interruption';
import { shareStorage } from './sole-storage';
import { NONE, type Value } from './values';

export interface CellResult {
  readonly display: DisplayValue;
  /** Set when the cell failed. */
  readonly error?: LanguageError | Cancelled;
  /** The last statement's value, for hovers and tests. */
  readonly value: Value;
}

export interface SessionOptions {
  /** dtype of tensors a cell creates (LANGUAGE.md: float64 unless asked). */
  readonly defaultDType?: DType;
  /**
   * false: compile no JavaScript loop for fused pieces (they run as WebAssembly where it compiles,
   * else one operator at a time). The renderer's pages (webviews, exported files) forbid
   * `new Function` by their CSP; results are bit-identical either way.
   */
  readonly compileLoops?: boolean;
  /** Bytes of tensors a notebook's variables may hold together; SESSION_MEMORY_BUDGET (2 GiB) when omitted. */
  readonly memoryBudget?: number;
  /**
   * Which items of a large tensor a cell's display carries (shared/summary.ts tensorSummary, passed
   * in: the rule is the output's, not the language's); omitted, a display carries every element
   * (what `eval --json` prints).
   */
  readonly tensorSummary?: TensorSummary;
}

export class Session {
  private readonly state: SessionState;
  private readonly tensorSummary?: TensorSummary;

  constructor(options: SessionOptions = {}) {
    this.tensorSummary = options.tensorSummary;
    this.state = { globals: new Map(), defaultDType: options.defaultDType ?? 'float64', depth: 0, compileLoops: options.compileLoops ?? true, memoryBudget: options.memoryBudget };
  }

  /**
   * Names defined so far (variables and user functions), for hovers, completion and tests.
   * Whoever asks may keep a value, so no variable holds its tensor alone any more (sole-storage.ts).
   */
  get variables(): ReadonlyMap<string, Value> {
    for (const value of this.state.globals.values()) shareStorage(value);
    return this.state.globals;
  }

  /**
   * What the session holds under `names` (all names when omitted), for hovers and
   * completion. Functions are sampled only when `detailed`.
   */
  inspect(names?: readonly string[], detailed = false): NameInfo[] {
    const site = { span: { start: 0, end: 0 }, evaluator: new Evaluator(this.state, '') };
    const wanted = names ?? [...this.state.globals.keys()];
    const infos: NameInfo[] = [];
    for (const name of wanted) {
      const value = this.state.globals.get(name);
      if (!value) continue;
      try {
        infos.push(inspectValue(name, value, site, detailed));
      } catch {
        // a function that fails to sample (say, it divides a tensor by a shape-mismatched one):
        // still a name worth completing and hovering
        infos.push({ name, kind: value.kind });
      }
    }
    return infos;
  }

  reset(): void {
    this.state.globals.clear();
  }

  /** @param progress receives interim displays while a long computation (train) runs. */
  run(source: string, token?: CancellationToken, progress?: (display: DisplayValue) => void): CellResult {
    this.state.token = token;
    this.state.progress = progress;
    this.state.depth = 0;
    this.state.interruptedRun = undefined;
    this.state.checks = [];
    const evaluator = new Evaluator(this.state, source);
    /** The statement running, so that even an error without a place of its own points into the cell. */
    let running: Statement | undefined;
    try {
      const program = parseProgram(source);
      let value: Value = NONE;
      for (const statement of program.statements) {
        running = statement;
        value = evaluator.execute(statement);
      }
      // an interrupted train(...) returns what it trained, and the cell may end right there
      if (this.state.interruptedRun) return { value, error: new Cancelled(), display: interruptedDisplay(this.state, source, running) };
      // taken before the display is made: showing a function samples it, and sampling check is not a check
      const checks = this.state.checks ?? [];
      this.state.checks = undefined;
      const display = toDisplay(value, { span: running?.span ?? { start: 0, end: 0 }, evaluator }, this.tensorSummary);
      // a cell that made checks shows them all, below its own value when it ended in something else
      if (checks.length > 0) return { value, display: checkDisplay(checks, value.kind === 'check' ? undefined : display) };
      return { value, display };
    } catch (e) {
      if (e instanceof Cancelled) return { value: NONE, error: e, display: interruptedDisplay(this.state, source, running) };
      return failure(e, source, running?.span ?? { start: 0, end: 0 });
    } finally {
      this.state.token = undefined;
      this.state.progress = undefined;
      this.state.interruptedRun = undefined;
      this.state.checks = undefined;
    }
  }
}

function failure(e: unknown, source: string, at: Span): CellResult {
  if (e instanceof LanguageError) {
    return { value: NONE, error: e, display: { kind: 'error', message: e.message, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn } };
  }
  // A stack overflow from an extreme input, or a bug of ours: report it, never crash the host.
  const message = e instanceof RangeError ? rangeErrorMessage(e) : `internal error: ${e instanceof Error ? e.message : String(e)}`;
  const error = new LanguageError('runtime', message, at, source);
  return { value: NONE, error, display: { kind: 'error', message, line: error.line, column: error.column, endLine: error.endLine, endColumn: error.endColumn } };
}

/**
 * JavaScript's RangeErrors in words a student can act on, never the raw engine message:
 * a stack overflow (an expression or a derivative nested too deeply) or a result too big for
 * JavaScript to hold (a string or array past its length limit).
 */
function rangeErrorMessage(e: RangeError): string {
  if (/call stack/i.test(e.message)) {
    return 'this is nested too deeply to evaluate (deeper than the interpreter can follow); split it into smaller definitions, e.g. g(x) = … then f(x) = g(g(x))';
  }
  return 'the result is too large to compute or show; work on a smaller part of it';
}
