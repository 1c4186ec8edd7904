/**
 * What a cell shows when Interrupt stopped it. The error says what stopped: the
 * line that was running (and what became of the variable it was computing), or
 * the training run, how far it got and where what it trained is kept. It has no
 * place in the cell (line 0): an interrupt is not a mistake in the code, so
 * nothing is underlined. A training run that the interrupt stopped stays on show
 * above the error (its `kept`), as it was streamed, marked interrupted, with the
 * epochs it finished — rather than every chart giving way to one error line.
 */
import type { ErrorDisplay } from '../../shared/output';
import type { Statement } from '../ast';
import { positionAt } from '../source';
import type { SessionState } from './evaluator';
import { trainingDisplay } from './network-display';
import type { TrainingData } from './network-values';
import type { Value } from './values';

/** @param running the statement that was running when the cell stopped, if any had started. */
export function interruptedDisplay(state: SessionState, source: string, running: Statement | undefined): ErrorDisplay {
  const run = state.interruptedRun;
  if (run) return { kind: 'error', message: trainingStopped(run, state.globals), line: 0, column: 0, kept: trainingDisplay(run, 'interrupted') };
  return { kind: 'error', message: statementStopped(running, source, state.globals), line: 0, column: 0 };
}

/** "interrupted: train stopped after 1,234 of 1,000,000 epochs; fit holds what was trained" */
function trainingStopped(run: TrainingData, globals: ReadonlyMap<string, Value>): string {
  const progress = `train stopped after ${count(run.epochs)} of ${count(run.plannedEpochs)} epoch${run.plannedEpochs === 1 ? '' : 's'}`;
  const holder = [...globals].find(([, v]) => v.kind === 'training' && v.training === run)?.[0];
  return `interrupted: ${progress}; ${holder !== undefined ? `${holder} holds what was trained` : 'assign it, as in fit = train(...), to keep what was trained'}`;
}

/** "interrupted while running line 3", or what became of the variable an assignment was computing. */
function statementStopped(running: Statement | undefined, source: string, globals: ReadonlyMap<string, Value>): string {
  if (running === undefined) return 'interrupted before the cell started';
  const line = positionAt(source, running.span.start).line;
  if (running.type !== 'assign') return `interrupted while running line ${line}`;
  const name = running.name;
  // the assignment never completed, so the name holds what it held before the cell
  return globals.has(name)
    ? `interrupted while computing ${name} on line ${line}; ${name} keeps its earlier value`
    : `interrupted while computing ${name} on line ${line}, so ${name} was not assigned`;
}

const count = (n: number): string => n.toLocaleString('en-US');
