/**
 * A network layer's activation that is no catalogue entry (a user function, `relu'`,
 * `f(a=0.5)`) as source of the language, both ways:
 *
 * - the kernel writes it into the network's display (`activationProgram`): the definitions
 *   its body reads, as live plots write them (live-plot.ts `functionSource`), and the
 *   activation as an expression;
 * - the renderer reads it back (`activationOfProgram`): runs the definitions in a session of
 *   its own, with the bundled language and no `new Function` (the pages' CSP forbids it), and
 *   adapts the function as the kernel's `mlp(...)` did (network-activation.ts). So the network
 *   diagram draws a user-defined layer's heatmaps, histograms and dead units from the same
 *   function the kernel trained with, at every epoch the scrubber replays.
 *
 * The source is made from values, not from the cell's text, so it never reads a variable the
 * page does not have: a function whose body reads a tensor cannot be written, and its layer
 * keeps plain nodes.
 */
import type { NetworkActivation } from '../../engine';
import type { ActivationProgram } from '../../shared/output';
import { Evaluator } from './evaluator';
import { functionSource } from './live-plot';
import { functionOfActivation, toNetworkActivation } from './network-activation';
import { Session } from './session';

/** The activation as source, or undefined for a catalogue kernel or one that cannot be written. */
export function activationProgram(activation: NetworkActivation): ActivationProgram | undefined {
  const fn = functionOfActivation(activation);
  const written = fn && functionSource(fn);
  return written && { definitions: written.definitions, activation: written.source };
}

/**
 * The layer activation a program describes, or undefined when it does not run here (a
 * definition that fails, an expression that is not an activation): the layer is then drawn
 * plain, as before programs existed.
 */
export function activationOfProgram(program: ActivationProgram): NetworkActivation | undefined {
  const session = new Session({ compileLoops: false });
  if (session.run(program.definitions).error) return undefined;
  const result = session.run(program.activation);
  if (result.error || result.value.kind !== 'function') return undefined;
  // errors would point into the program's text; none reaches a student (undefined instead)
  const evaluator = new Evaluator({ globals: new Map(), defaultDType: 'float64', depth: 0, compileLoops: false }, program.activation);
  try {
    return toNetworkActivation(result.value, { span: { start: 0, end: program.activation.length }, evaluator }, 'the layer activation');
  } catch {
    return undefined;
  }
}
