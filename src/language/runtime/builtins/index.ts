/**
 * Name resolution for builtins, in order: catalogue activations (and their
 * aliases and presets), mathematical functions, procedures, constants.
 */
import { activationNames, findActivation } from '../../../engine';
import { ActivationFunction } from '../activation-function';
import type { Evaluator } from '../evaluator';
import { fnValue, num, type Value } from '../values';
import { displayBuiltins } from './display';
import { MathFunction, mathFunctionNames, mathProcedures } from './math';
import { BuiltinProcedure, type ProcedureSpec } from './procedure';
import { tensorBuiltins } from './tensors';
import { networkBuiltins } from './networks';
import { trainingBuiltins } from './training';

export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E, inf: Infinity, nan: NaN };

const procedures = new Map<string, ProcedureSpec>();
for (const spec of [...mathProcedures, ...tensorBuiltins, ...displayBuiltins, ...networkBuiltins, ...trainingBuiltins]) procedures.set(spec.name, spec);

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
