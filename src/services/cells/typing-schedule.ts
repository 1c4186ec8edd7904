/**
 * When a notebook's problems reach the editor while a student types. A new
 * problem waits for a pause in typing (`delayMs`, about 300 ms): half-typed
 * names (`rel` on the way to `relu`) are not worth a squiggle. A problem that
 * the text no longer has goes at once, and one still there moves with the
 * text at once: a squiggle must never stay on text that was fixed.
 *
 * Generic over what a cell and a problem are, with the timers passed in, so that
 * it is unit-tested without VS Code or real time.
 */

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ScheduleOptions<Cell, Problem> {
  readonly delayMs: number;
  /** Every cell's problems in the text as it is now; a cell that is gone is left out. */
  readonly check: () => ReadonlyMap<Cell, readonly Problem[]>;
  /** What a problem is, whatever its position: the same error after an edit elsewhere has the same identity. */
  readonly identity: (problem: Problem) => string;
  /** Show these problems on the cell (none: clear it). */
  readonly publish: (cell: Cell, problems: readonly Problem[]) => void;
  readonly timers?: Timers;
}

export class TypingSchedule<Cell, Problem> {
  private readonly shown = new Map<Cell, readonly Problem[]>();
  private readonly timers: Timers;
  private pending: unknown;

  constructor(private readonly options: ScheduleOptions<Cell, Problem>) {
    this.timers = options.timers ?? realTimers;
  }

  /** The text changed: keep only the problems that are still there, and show the new ones after the pause. */
  typed(): void {
    this.show((cell, fresh) => stillThere(this.shown.get(cell) ?? [], fresh, this.options.identity));
    this.cancel();
    this.pending = this.timers.set(() => {
      this.pending = undefined;
      this.showAll();
    }, this.options.delayMs);
  }

  /** Show every problem now (the notebook was just opened): nothing is being typed. */
  showAll(): void {
    this.cancel();
    this.show((_cell, fresh) => fresh);
  }

  /** Stop: nothing more is published. */
  dispose(): void {
    this.cancel();
  }

  private show(choose: (cell: Cell, fresh: readonly Problem[]) => readonly Problem[]): void {
    const now = this.options.check();
    for (const cell of [...this.shown.keys()]) {
      if (!now.has(cell)) {
        this.shown.delete(cell);
        this.options.publish(cell, []);
      }
    }
    for (const [cell, fresh] of now) {
      const chosen = choose(cell, fresh);
      // A cell that showed nothing and shows nothing still need not be published.
      if (chosen.length === 0 && !this.shown.has(cell)) continue;
      if (chosen.length === 0) this.shown.delete(cell);
      else this.shown.set(cell, chosen);
      this.options.publish(cell, chosen);
    }
  }

  private cancel(): void {
    if (this.pending !== undefined) this.timers.clear(this.pending);
    this.pending = undefined;
  }
}

/**
 * The fresh problems that were already shown, as many of each as were shown:
 * one more 'reluu' typed elsewhere waits for the pause like any new problem.
 */
function stillThere<Problem>(shown: readonly Problem[], fresh: readonly Problem[], identity: (p: Problem) => string): Problem[] {
  const left = new Map<string, number>();
  for (const p of shown) {
    const id = identity(p);
    left.set(id, (left.get(id) ?? 0) + 1);
  }
  return fresh.filter((p) => {
    const id = identity(p);
    const n = left.get(id) ?? 0;
    left.set(id, n - 1);
    return n > 0;
  });
}
