/** `activation-lab eval [--json] [--dtype float32|float64] "SOURCE"`. */
import type { DType } from '../engine';
import { Session } from '../language';
import { displayText } from '../shared/display-text';
import { tensorSummary } from '../shared/summary';
import { cliJsonPieces } from './cli-json';
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './io';

export interface EvalOptions {
  readonly json?: boolean;
  readonly dtype?: DType;
}

/** Runs SOURCE as one cell in a fresh session; returns the exit status. */
export function evalCommand(source: string, options: EvalOptions, io: CliIo): number {
  // --json prints every element; the text shows a large tensor's ends only, so its display carries just those
  const session = new Session({ defaultDType: options.dtype ?? 'float64', ...(options.json ? {} : { tensorSummary }) });
  const { display } = session.run(source);
  // a failed check prints like any result (the ✗ line), then fails the command
  const failed = display.kind === 'error';
  const failedCheck = display.kind === 'check' && !display.passed;
  if (options.json) {
    // With --json the error object is the result, on stdout like any other.
    for (const piece of cliJsonPieces(display)) io.out(piece);
    io.out('\n');
  } else if (failed) {
    io.err(displayText(display) + '\n');
  } else {
    const text = displayText(display);
    if (text !== '') io.out(text + '\n');
  }
  return failed || failedCheck ? EXIT_FAILURE : EXIT_OK;
}
