/**
 * Shows a running cell's interim displays (training progress) without falling
 * behind: while one output update is in flight, newer displays replace the one
 * waiting, so at most one update waits and what is shown is always the latest.
 * When the cell ends, `settle()` drops the waiting display (the result replaces
 * it anyway) and resolves once the update in flight is done. Without this, a
 * slow output pipe (big training displays in VS Code for the web) queued every
 * interim display and an interrupted run took seconds to show its end.
 */
export class LatestProgress<T> {
  private waiting: T | undefined;
  private inFlight: Promise<void> | undefined;

  /** @param show replaces the cell's output; its failures are ignored (the cell may be gone). */
  constructor(private readonly show: (display: T) => PromiseLike<void>) {}

  push(display: T): void {
    this.waiting = display;
    if (!this.inFlight) this.pump();
  }

  private pump(): void {
    const next = this.waiting;
    this.waiting = undefined;
    if (next === undefined) {
      this.inFlight = undefined;
      return;
    }
    this.inFlight = Promise.resolve()
      .then(() => this.show(next))
      .then(undefined, () => undefined)
      .then(() => this.pump());
  }

  /** Forgets the waiting display and waits for the update in flight. */
  async settle(): Promise<void> {
    this.waiting = undefined;
    while (this.inFlight) await this.inFlight;
  }
}
