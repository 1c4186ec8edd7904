/**
 * Builtins that are not one-variable functions (linspace, sum, plot, ...):
 * a name, a one-line summary for completion and hovers, and a handler. The
 * helpers turn argument values into what a handler needs, with messages that
 * name the builtin and the argument.
 */
import type { DType, Tensor } from '../../../engine';
import { runtimeError, type CallSite } from '../call-site';
import type { FunctionValue } from '../function-value';
import { describeValue, type Value } from '../values';
import { spellNumber } from '../../../engine';

export interface CallArguments {
  readonly args: readonly Value[];
  readonly named: ReadonlyMap<string, Value>;
  readonly site: CallSite;
}

export interface ProcedureSpec {
  readonly name: string;
  readonly signature: string;
  readonly summary: string;
  /** Named arguments accepted, checked before the handler runs. */
  readonly named?: readonly string[];
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly run: (call: CallArguments) => Value;
}

export class BuiltinProcedure implements FunctionValue {
  readonly order = 0;
  constructor(readonly spec: ProcedureSpec) {}
  get label(): string {
    return this.spec.name;
  }
  get name(): string {
    return this.spec.name;
  }
  call(args: readonly Value[], named: ReadonlyMap<string, Value>, site: CallSite): Value {
    const { spec } = this;
    if (args.length < spec.minArgs || args.length > spec.maxArgs) {
      const count = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : spec.minArgs === 0 ? `at most ${spec.maxArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
      throw runtimeError(site, `${spec.name} takes ${count} argument${spec.maxArgs === 1 ? '' : 's'}, but got ${args.length}: ${spec.signature}`);
    }
    for (const key of named.keys()) {
      if (!(spec.named ?? []).includes(key)) {
        const accepted = spec.named?.length ? `; it accepts ${spec.named.join(', ')}` : '';
        throw runtimeError(site, `${spec.name} has no named argument '${key}'${accepted}`);
      }
    }
    return spec.run({ args, named, site });
  }
  derivative(site: CallSite): FunctionValue {
    throw runtimeError(site, `${this.spec.name} is not a function of one variable, so it has no derivative`);
  }
  formula(): string {
    return this.spec.signature;
  }
  latex(): undefined {
    return undefined;
  }
  kinks(): readonly number[] {
    return [];
  }
}

export function numberArg(call: CallArguments, value: Value | undefined, what: string): number {
  if (value?.kind === 'number') return value.value;
  if (value?.kind === 'boolean') return value.value ? 1 : 0;
  if (value?.kind === 'tensor' && value.tensor.size === 1) return value.tensor.data[0];
  throw runtimeError(call.site, `${what} must be a number, but got ${value ? describeValue(value) : 'nothing'}`);
}

export function integerArg(call: CallArguments, value: Value | undefined, what: string, min = 0): number {
  const n = numberArg(call, value, what);
  if (!Number.isInteger(n) || n < min) throw runtimeError(call.site, `${what} must be a whole number >= ${min}, got ${spellNumber(n)}`);
  return n;
}

/** @param example a value it takes, for the message: "xor" for a dataset's name */
export function stringArg(call: CallArguments, value: Value, what: string, example: string): string {
  if (value.kind === 'string') return value.value;
  throw runtimeError(call.site, `${what} must be a string such as "${example}", but got ${describeValue(value)}`);
}

export function tensorArg(call: CallArguments, value: Value | undefined, what: string): Tensor {
  if (value?.kind === 'tensor') return value.tensor;
  throw runtimeError(call.site, `${what} must be a tensor, but got ${value ? describeValue(value) : 'nothing'}`);
}

export function dtypeArg(call: CallArguments): DType {
  const v = call.named.get('dtype');
  if (v === undefined) return call.site.evaluator.session.defaultDType;
  if (v.kind === 'string' && (v.value === 'float32' || v.value === 'float64')) return v.value;
  throw runtimeError(call.site, `dtype must be "float32" or "float64"`);
}
