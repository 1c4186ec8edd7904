/**
 * Name resolution for builtins, in order: catalogue activations (and their
 * aliases and presets), mathematical functions, procedures, constants.
 */
import { activationNames, findActivation } from '../../../engine';
import { ActivationFunction } from '../activation-function';
import type { Evaluator } from '../evaluator';
import { fnValue, num, type Value } from '../values';
import { displayBuiltins } from './display';
import { helpBuiltin, type HelpSources } from './help';
import type { HelpGroup } from './help-text';
import { MathFunction, mathFunctionNames, mathProcedures, mathSummaries } from './math';
import { BuiltinProcedure, type ProcedureSpec } from './procedure';
import { tensorBuiltins } from './tensors';
import { networkBuiltins } from './networks';
import { trainingBuiltins } from './training';
import { graphBuiltin } from './graph';
import { exportBuiltin } from './export';
import { checkBuiltins } from './check';

export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E, inf: Infinity, nan: NaN };

/** What each constant is, for help(pi). */
const CONSTANT_MEANINGS: Readonly<Record<string, string>> = {
  pi: "the ratio of a circle's circumference to its diameter",
  e: "Euler's number, the base of natural logarithms: exp(1)",
  inf: 'infinity, e.g. the upper end of relu\'s range; activations return their limits there (sigmoid(inf) is 1)',
  nan: 'not a number, what 0/0 gives; NaN in gives NaN out',
};

/** The procedures by what they are for, in the order help() lists them (help lists itself last). */
const help = helpBuiltin(() => helpSources);
const procedureGroups: readonly { readonly title: string; readonly specs: readonly ProcedureSpec[] }[] = [
  { title: 'Mathematics', specs: mathProcedures },
  { title: 'Tensors', specs: tensorBuiltins },
  { title: 'Plots and tables', specs: displayBuiltins },
  { title: 'Networks', specs: networkBuiltins },
  { title: 'Training', specs: trainingBuiltins },
  { title: 'Inside a network', specs: [graphBuiltin, exportBuiltin] },
  { title: 'Exercises', specs: checkBuiltins },
  { title: 'Help', specs: [help] },
];

const procedures = new Map<string, ProcedureSpec>();
for (const group of procedureGroups) for (const spec of group.specs) procedures.set(spec.name, spec);

const mathSummary = (name: string): string => mathSummaries[name] ?? `${name} of x`;

const helpSources: HelpSources = {
  groups: procedureGroups.map((g): HelpGroup => ({
    title: g.title,
    lines: [
      // the one-argument functions are function values, not procedures, but belong with them
      ...(g.title === 'Mathematics' ? mathFunctionNames.map((name) => ({ name, summary: mathSummary(name) })) : []),
      ...g.specs.map((spec) => ({ name: spec.name, summary: spec.summary })),
    ],
  })).concat({
    title: 'Constants',
    lines: Object.keys(CONSTANTS).map((name) => ({ name, summary: CONSTANT_MEANINGS[name] ?? String(CONSTANTS[name]) })),
  }),
  groupOf: (name) => procedureGroups.find((g) => g.specs.some((s) => s.name === name))?.title ?? 'Builtins',
  mathSummary,
  constant: (name) => (Object.prototype.hasOwnProperty.call(CONSTANTS, name) ? { value: CONSTANTS[name], meaning: CONSTANT_MEANINGS[name] ?? '' } : undefined),
  lookup: (name, evaluator) => lookupBuiltin(name, evaluator),
  names: () => builtinNames(),
};

export function lookupBuiltin(name: string, evaluator: Evaluator): Value | undefined {
  const activation = findActivation(name);
  if (activation) {
    const { definition, fixed } = activation;
    return fnValue(new ActivationFunction(definition, fixed, 0, name));
  }
  if (mathFunctionNames.includes(name)) return fnValue(new MathFunction(name, evaluator));
  const spec = procedures.get(name);
  if (spec) return fnValue(new BuiltinProcedure(spec));
  if (Object.prototype.hasOwnProperty.call(CONSTANTS, name)) return num(CONSTANTS[name]);
  return undefined;
}

/** Every builtin name, for suggestions and completion. */
export function builtinNames(): string[] {
  return [...activationNames(), ...mathFunctionNames, ...procedures.keys(), ...Object.keys(CONSTANTS)];
}

/** Procedure specs, for completion and signature help. */
export function procedureSpecs(): readonly ProcedureSpec[] {
  return [...procedures.values()];
}
