/**
 * The Activation Lab kernel: one Session per open notebook, cells run in order,
 * a failing cell stops the rest of its batch, errors become error outputs and
 * diagnostics on the cell (cell-diagnostics.ts).
 *
 * Interrupt: each notebook's Session runs in a worker thread (kernel-worker.ts),
 * so the extension host stays responsive; the interrupt handler sets the
 * batch's token (no further cells run) and the worker's shared token, which
 * the session reads between statements, at every call and every 65,536
 * elements, so a long cell stops within a fraction of a second. Restart Kernel
 * terminates the worker, which stops even a cell that never checks the token.
 * A long train(...) streams its progress: the worker posts interim displays
 * (about every 200 ms) that replace the cell's output until the result arrives;
 * an interrupt stops training within one step and shows what was trained so far.
 * Without a worker (none could be started), the session runs in this thread and
 * an interrupt only takes effect between cells.
 */
import * as vscode from 'vscode';
import { cellOutputItems } from '../shared/output-items';
import { ERROR_MIME, type DisplayValue } from '../shared/output';
import type { CellDiagnostics } from './cell-diagnostics';
import { noteResult } from './walkthrough-progress';
import type { ErrorHeading } from '../shared/error-heading';
import { LatestProgress } from '../services/kernel/latest-progress';
import { InProcessSession, WorkerSession, type KernelSession, type NameInfo } from '../services/kernel/kernel-worker';
import { CELL_LANGUAGE, NOTEBOOK_TYPE } from './serializer';
import { recordInMetadata } from '../shared/slider-state';

export const CONTROLLER_ID = 'activation-lab.kernel';

/**
 * When the last interrupted cell was asked to stop, when its kernel stopped (the worker's
 * result arrived) and when the cell ended (its output written, which waits for the workbench):
 * extension-host milliseconds. The tests read it to tell our latency from the workbench's.
 */
export interface InterruptTiming {
  readonly asked: number;
  readonly stopped: number;
  readonly ended: number;
}

interface Kernel {
  session: KernelSession;
  executionOrder: number;
  /** The running batch's token, if any; `askedAt` is set when an interrupt reaches it. */
  running?: { isCancellationRequested: boolean; askedAt?: number };
  /** Batches are queued one after another. */
  queue: Promise<void>;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class ActivationController implements vscode.Disposable {
  readonly controller: vscode.NotebookController;
  /** The last interrupted cell's timing (see InterruptTiming). */
  lastInterrupt?: InterruptTiming;
  private readonly kernels = new Map<string, Kernel>();
  private readonly disposables: vscode.Disposable[] = [];

  /**
   * @param diagnostics where a cell's run error is shown (beside the problems found while typing).
   * @param bundle the kernel worker bundle (dist/kernel-worker.js); none: run sessions in this thread.
   */
  constructor(private readonly diagnostics: CellDiagnostics, private readonly bundle?: string) {
    this.controller = vscode.notebooks.createNotebookController(CONTROLLER_ID, NOTEBOOK_TYPE, 'Activation Lab');
    this.controller.supportedLanguages = [CELL_LANGUAGE];
    this.controller.supportsExecutionOrder = true;
    this.controller.description = 'Runs cells in the activation language';
    this.controller.executeHandler = (cells, notebook) => this.execute(cells, notebook);
    this.controller.interruptHandler = (notebook) => this.interrupt(notebook);

    for (const nb of vscode.workspace.notebookDocuments) this.prefer(nb);
    this.disposables.push(
      this.controller,
      vscode.workspace.onDidOpenNotebookDocument((nb) => this.prefer(nb)),
      vscode.workspace.onDidCloseNotebookDocument((nb) => {
        this.kernels.get(nb.uri.toString())?.session.dispose();
        this.kernels.delete(nb.uri.toString());
      }),
    );
  }

  private prefer(nb: vscode.NotebookDocument): void {
    if (nb.notebookType !== NOTEBOOK_TYPE) return;
    try {
      this.controller.updateNotebookAffinity(nb, vscode.NotebookControllerAffinity.Preferred);
    } catch (e) {
      console.error('Activation Lab: could not set kernel affinity', e);
    }
  }

  private kernel(nb: vscode.NotebookDocument): Kernel {
    const key = nb.uri.toString();
    let k = this.kernels.get(key);
    if (!k) {
      k = { session: this.newSession(), executionOrder: 0, queue: Promise.resolve() };
      this.kernels.set(key, k);
    } else if (k.session instanceof WorkerSession && !k.session.alive) {
      // The worker crashed: start a fresh one (its variables are gone, as after a restart).
      k.session = this.newSession();
    }
    return k;
  }

  private newSession(): KernelSession {
    // read when a kernel starts: a new budget applies from the next restart
    const memoryBudgetMiB = vscode.workspace.getConfiguration('activationLab').get<unknown>('kernel.memoryBudgetMiB');
    if (this.bundle) {
      try {
        return new WorkerSession(this.bundle, memoryBudgetMiB);
      } catch (e) {
        console.error('Activation Lab: no kernel worker, running cells in the extension host', e);
      }
    }
    return new InProcessSession(memoryBudgetMiB);
  }

  /**
   * The names the notebook's session holds, for hovers and completion: none before
   * any cell ran (no session is started just to answer), none when the kernel is busy
   * for longer than `timeoutMs` (a long cell must not freeze a hover).
   */
  async inspect(nb: vscode.NotebookDocument, names: readonly string[] | undefined, detailed: boolean, timeoutMs = 500): Promise<NameInfo[]> {
    const k = this.kernels.get(nb.uri.toString());
    if (!k) return [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<NameInfo[]>((resolve) => {
      timer = setTimeout(() => resolve([]), timeoutMs);
    });
    try {
      return await Promise.race([k.session.inspect(names, detailed), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Drops the notebook's variables and resets its execution counter. */
  restart(nb: vscode.NotebookDocument): void {
    const k = this.kernels.get(nb.uri.toString());
    if (!k) return;
    if (k.running) k.running.isCancellationRequested = true;
    k.session.dispose();
    this.kernels.delete(nb.uri.toString());
  }

  interrupt(nb: vscode.NotebookDocument): void {
    const k = this.kernels.get(nb.uri.toString());
    if (!k) return;
    if (k.running) {
      k.running.isCancellationRequested = true;
      k.running.askedAt ??= Date.now();
    }
    k.session.interrupt();
  }

  private execute(cells: vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<void> {
    const k = this.kernel(notebook);
    const run = k.queue.then(() => this.runBatch(k, cells, notebook));
    k.queue = run.catch(() => undefined);
    return run.catch((e) => {
      console.error('Activation Lab: execution failed', e);
    });
  }

  private async runBatch(k: Kernel, cells: vscode.NotebookCell[], notebook: vscode.NotebookDocument): Promise<void> {
    const token = { isCancellationRequested: false };
    k.running = token;
    try {
      for (const cell of cells) {
        if (cell.kind !== vscode.NotebookCellKind.Code) continue;
        await yieldToEventLoop();
        // A restart while queued replaces the kernel: stop this batch.
        if (token.isCancellationRequested || this.kernels.get(notebook.uri.toString()) !== k) break;
        const ok = await this.runCell(k, cell, token);
        if (token.isCancellationRequested) break;
        if (!ok) break;
      }
    } finally {
      if (k.running === token) k.running = undefined;
    }
  }

  /** Runs one cell; false when it failed or was interrupted. */
  private async runCell(k: Kernel, cell: vscode.NotebookCell, token: { isCancellationRequested: boolean; askedAt?: number }): Promise<boolean> {
    const execution = this.controller.createNotebookCellExecution(cell);
    execution.executionOrder = ++k.executionOrder;
    execution.token.onCancellationRequested(() => {
      token.isCancellationRequested = true;
      token.askedAt ??= Date.now();
      k.session.interrupt();
    });
    let stopped = 0;
    execution.start(Date.now());
    let ok = false;
    let failedCheck = false;
    try {
      // Training streams interim displays: the latest one is shown, the result after any in flight.
      const progress = new LatestProgress<DisplayValue>((interim) => execution.replaceOutput(cellOutputs(interim)));
      const version = cell.document.version;
      // a plot starts where its sliders were left (the cell's metadata, shared/slider-state.ts)
      const display = await k.session.run(cell.document.getText(), (interim) => progress.push(interim), recordInMetadata(cell.metadata));
      stopped = Date.now();
      await progress.settle();
      await execution.replaceOutput(cellOutputs(display));
      this.diagnostics.runEnded(cell.document, version, display.kind === 'error' ? display : undefined);
      ok = display.kind !== 'error';
      // a failed check marks the cell failed, but Run All goes on to the next exercise
      failedCheck = display.kind === 'check' && !display.passed;
      noteResult(display);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      try {
        await execution.replaceOutput([new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.error(errorOf({ name: '', message: `Internal error: ${message}` }))])]);
      } catch {
        // the cell or notebook went away
      }
    } finally {
      const ended = Date.now();
      execution.end(ok && !failedCheck, ended);
      if (token.askedAt !== undefined && stopped >= token.askedAt) this.lastInterrupt = { asked: token.askedAt, stopped, ended };
    }
    return ok;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const k of this.kernels.values()) k.session.dispose();
    this.kernels.clear();
  }
}

/**
 * A display as the cell's outputs: our JSON, the static picture and text; errors as VS Code
 * error items (an interrupted training run: its display, then the error).
 */
function cellOutputs(display: DisplayValue): vscode.NotebookCellOutput[] {
  return cellOutputItems(display).map((items) => new vscode.NotebookCellOutput(items.map((item) =>
    item.mime === ERROR_MIME
      ? vscode.NotebookCellOutputItem.error(errorOf(item.data as ErrorHeading))
      : typeof item.data === 'string'
        ? vscode.NotebookCellOutputItem.text(item.data, item.mime)
        : vscode.NotebookCellOutputItem.json(item.data, item.mime),
  )));
}

/** VS Code shows an error item as "name: message", or the message alone when the name is empty (error-heading.ts). */
function errorOf(heading: ErrorHeading): Error {
  const err = new Error(heading.message);
  err.name = heading.name;
  // No stack: ours would point into the extension, not into the cell.
  err.stack = undefined;
  return err;
}
