/**
 * Runs a notebook's Session in a worker thread, so that a long cell can be
 * interrupted (the session reads a SharedArrayBuffer-backed token every 65,536
 * elements) and a runaway one can be stopped outright by Restart Kernel
 * (the worker is terminated). No `vscode` import: this file runs in both threads.
 *
 * The worker thread runs dist/kernel-worker.js (kernel-worker-main.ts), a
 * bundle of its own without the `vscode` module, which only the extension host has.
 */
import { Worker, parentPort, workerData } from 'worker_threads';
import { budgetFromMebibytes, Session, type NameInfo } from '../../language';
import type { DisplayValue } from '../../shared/output';
import { withFormulaImages } from '../hover-content/display-formulas';
import { summarised, tensorSummary } from '../../shared/summary';
import type { SliderRecord } from '../../shared/slider-state';
import { atRecordedSliders } from '../plots/recorded-sliders';

/**
 * A cell's display as the editor gets it: formulas typeset, and a large tensor or table cut
 * to what is shown of it, so a 50-million-element result crosses to the extension host and
 * into the notebook as kilobytes.
 */
// the sessions display a large tensor summarised already (tensorSummary); summarised() does the rest (tables, neurons)
const forTheEditor = (d: DisplayValue): DisplayValue => summarised(withFormulaImages(d));

interface RunRequest { readonly type: 'run'; readonly id: number; readonly source: string; readonly sliders?: SliderRecord }
interface InspectRequest { readonly type: 'inspect'; readonly id: number; readonly names?: readonly string[]; readonly detailed: boolean }
type Request = RunRequest | InspectRequest;
type Reply =
  | { readonly type: 'result'; readonly id: number; readonly display: DisplayValue }
  /** An interim display of the running cell (a training run's progress), before its result. */
  | { readonly type: 'progress'; readonly id: number; readonly display: DisplayValue }
  | { readonly type: 'inspected'; readonly id: number; readonly infos: NameInfo[] };

export type { NameInfo };

/** The token the session polls: backed by shared memory the main thread writes. */
function sharedToken(flag: Int32Array): { readonly isCancellationRequested: boolean } {
  return {
    get isCancellationRequested() {
      return Atomics.load(flag, 0) !== 0;
    },
  };
}

/** What a worker starts with: the interrupt flag it shares with the extension host, and its session's settings. */
interface WorkerData {
  readonly flag: SharedArrayBuffer;
  /** Bytes; undefined: the default. */
  readonly memoryBudget?: number;
}

/** Entry point inside the worker thread. */
export function runKernelWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runKernelWorker must run in a worker thread');
  const data = workerData as WorkerData;
  const flag = new Int32Array(data.flag);
  const session = new Session({ memoryBudget: data.memoryBudget, tensorSummary });
  const token = sharedToken(flag);
  port.on('message', (message: Request) => {
    if (message.type === 'inspect') {
      let infos: NameInfo[] = [];
      try {
        infos = session.inspect(message.names, message.detailed);
      } catch {
        // never let a hover take the kernel down: no information instead
      }
      port.postMessage({ type: 'inspected', id: message.id, infos } satisfies Reply);
      return;
    }
    if (message.type !== 'run') return;
    let display: DisplayValue;
    try {
      const progress = (interim: DisplayValue) => port.postMessage({ type: 'progress', id: message.id, display: interim } satisfies Reply);
      display = forTheEditor(atRecordedSliders(session.run(message.source, token, progress).display, message.sliders));
    } catch (e) {
      display = { kind: 'error', message: `internal error: ${e instanceof Error ? e.message : String(e)}`, line: 0, column: 0 };
    }
    port.postMessage({ type: 'result', id: message.id, display } satisfies Reply);
  });
}

/** One notebook's kernel: a Session, in a worker thread when possible. */
export interface KernelSession {
  /**
   * @param onProgress shows interim displays while the cell runs (training progress).
   * @param sliders where the cell's plot's sliders were left (its metadata): the plot starts there.
   */
  run(source: string, onProgress?: (display: DisplayValue) => void, sliders?: SliderRecord): Promise<DisplayValue>;
  /** Asks the running cell to stop (it ends with an 'interrupted' error). */
  interrupt(): void;
  /**
   * What the session holds under `names` (all when omitted). A worker busy with a
   * long cell answers after it; callers that cannot wait (hovers) race a timeout.
   */
  inspect(names?: readonly string[], detailed?: boolean): Promise<NameInfo[]>;
  /** Releases the session; a running cell ends with an error. */
  dispose(): void;
}

/** The session in this thread: interrupt only takes effect between cells. */
export class InProcessSession implements KernelSession {
  private readonly session: Session;
  /** @param memoryBudgetMiB the budget of the session's variables (activationLab.kernel.memoryBudgetMiB; 2 GiB when not a number from 1 on). */
  constructor(memoryBudgetMiB?: unknown) {
    this.session = new Session({ memoryBudget: budgetFromMebibytes(memoryBudgetMiB), tensorSummary });
  }
  private readonly token = { isCancellationRequested: false };
  run(source: string, onProgress?: (display: DisplayValue) => void, sliders?: SliderRecord): Promise<DisplayValue> {
    this.token.isCancellationRequested = false;
    return Promise.resolve(forTheEditor(atRecordedSliders(this.session.run(source, this.token, onProgress).display, sliders)));
  }
  inspect(names?: readonly string[], detailed = false): Promise<NameInfo[]> {
    return Promise.resolve(this.session.inspect(names, detailed));
  }
  interrupt(): void {
    this.token.isCancellationRequested = true;
  }
  dispose(): void {
    this.session.reset();
  }
}

export class WorkerSession implements KernelSession {
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (display: DisplayValue) => void>();
  private readonly progress = new Map<number, (display: DisplayValue) => void>();
  private readonly inspections = new Map<number, (infos: NameInfo[]) => void>();
  private dead: string | undefined;

  /**
   * @param script the path of the worker bundle (dist/kernel-worker.js).
   * @param memoryBudgetMiB the budget of the session's variables, as InProcessSession's.
   */
  constructor(script: string, memoryBudgetMiB?: unknown) {
    const data: WorkerData = { flag: this.flag.buffer, memoryBudget: budgetFromMebibytes(memoryBudgetMiB) };
    this.worker = new Worker(script, { workerData: data });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      if (reply.type === 'inspected') {
        this.inspections.get(reply.id)?.(reply.infos);
        this.inspections.delete(reply.id);
        return;
      }
      if (reply.type === 'progress') {
        this.progress.get(reply.id)?.(reply.display);
        return;
      }
      const resolve = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      this.progress.delete(reply.id);
      resolve?.(reply.display);
    });
    this.worker.on('error', (e) => this.fail(`the kernel stopped: ${e instanceof Error ? e.message : String(e)}`));
    this.worker.on('exit', () => this.fail('the kernel was restarted'));
  }

  private fail(message: string): void {
    this.dead ??= message;
    for (const resolve of this.pending.values()) resolve({ kind: 'error', message, line: 0, column: 0 });
    this.pending.clear();
    this.progress.clear();
    for (const resolve of this.inspections.values()) resolve([]);
    this.inspections.clear();
  }

  get alive(): boolean {
    return this.dead === undefined;
  }

  run(source: string, onProgress?: (display: DisplayValue) => void, sliders?: SliderRecord): Promise<DisplayValue> {
    if (this.dead) return Promise.resolve({ kind: 'error', message: this.dead, line: 0, column: 0 });
    Atomics.store(this.flag, 0, 0);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (onProgress) this.progress.set(id, onProgress);
      this.worker.postMessage({ type: 'run', id, source, ...(sliders ? { sliders } : {}) } satisfies Request);
    });
  }

  inspect(names?: readonly string[], detailed = false): Promise<NameInfo[]> {
    if (this.dead) return Promise.resolve([]);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.inspections.set(id, resolve);
      this.worker.postMessage({ type: 'inspect', id, names, detailed } satisfies Request);
    });
  }

  interrupt(): void {
    Atomics.store(this.flag, 0, 1);
  }

  dispose(): void {
    this.fail('the kernel was restarted');
    void this.worker.terminate();
  }
}
