/**
 * Interrupting a running cell. The token is read between statements, at every
 * call, and between chunks of long engine loops; a token backed by a
 * SharedArrayBuffer can therefore stop a session running in a worker thread
 * in the middle of a single large operation.
 */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export class Cancelled extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Cancelled';
  }
}
