/**
 * help(name) and help(). The documentation comes back as a string, so a cell
 * shows it as plain text and `activation-lab eval 'help(relu)'` prints it, the
 * way Python's help() prints to the console (LANGUAGE.md: "the catalogue entry
 * of a builtin as text"). The argument is evaluated like any other, so
 * help(relu), help(leaky_relu(alpha=0.2)), help(relu'), help(swish) and
 * help(linspace) all work, as do a function of the notebook and help("relu");
 * a misspelt name fails with the usual suggestion, before help runs.
 */
import { catalogue, didYouMean, resolveParameters, type ParameterValues } from '../../../engine';
import { parameterTexts } from '../../assignment-target';
import { sliceSpan } from '../../source';
import { ActivationFunction } from '../activation-function';
import { runtimeError } from '../call-site';
import type { Evaluator } from '../evaluator';
import type { FunctionValue } from '../function-value';
import { UserFunction } from '../user-function';
import { describeValue, type Value } from '../values';
import { activationHelp, builtinHelp, overviewHelp, type HelpGroup } from './help-text';
import { MathFunction } from './math';
import { BuiltinProcedure, type CallArguments, type ProcedureSpec } from './procedure';

/** What help needs to know about the builtins; index.ts has it (and help is one of them). */
export interface HelpSources {
  /** Every builtin other than the activations, under the headings help() lists them by. */
  readonly groups: readonly HelpGroup[];
  /** The heading a procedure is listed under. */
  readonly groupOf: (name: string) => string;
  /** One line for each mathematical function of one argument. */
  readonly mathSummary: (name: string) => string;
  /** A constant's value and meaning, when `name` is one. */
  readonly constant: (name: string) => { readonly value: number; readonly meaning: string } | undefined;
  readonly lookup: (name: string, evaluator: Evaluator) => Value | undefined;
  readonly names: () => readonly string[];
}

export function helpBuiltin(sources: () => HelpSources): ProcedureSpec {
  return {
    name: 'help', signature: 'help(name) or help()',
    summary: "a builtin's documentation as text: for an activation its formula, derivative, parameters, range, properties, problems, uses and framework names; help() lists the builtins by family",
    minArgs: 0, maxArgs: 1,
    run: (call) => {
      const s = sources();
      return { kind: 'string', value: call.args.length === 0 ? overviewHelp(catalogue, s.groups) : helpOf(call, call.args[0], s) };
    },
  };
}

function helpOf(call: CallArguments, value: Value, s: HelpSources): string {
  const written = call.site.argSpans ? sliceSpan(call.site.evaluator.text, call.site.argSpans[0]).trim() : '';
  if (value.kind === 'function') return functionHelp(value.fn, s, call);
  if (value.kind === 'string') {
    const named = call.site.evaluator.session.globals.get(value.value) ?? s.lookup(value.value, call.site.evaluator);
    if (named === undefined) {
      throw runtimeError(call.site, `help: nothing is called "${value.value}"${didYouMean(value.value, s.names())}; help() lists the builtins`);
    }
    return named.kind === 'function' ? functionHelp(named.fn, s, call) : valueHelp(value.value, named, s, call);
  }
  return valueHelp(written, value, s, call);
}

function functionHelp(fn: FunctionValue, s: HelpSources, call: CallArguments): string {
  if (fn instanceof ActivationFunction) {
    return activationHelp(fn.definition, { name: fn.name, label: fn.label, order: fn.order, fixed: fixedParameters(fn) });
  }
  if (fn instanceof BuiltinProcedure) {
    const { spec } = fn;
    const named = spec.named?.length ? [`Named arguments: ${spec.named.join(', ')}`] : [];
    return builtinHelp(spec.signature, spec.summary, s.groupOf(spec.name), named);
  }
  if (fn instanceof MathFunction) {
    return builtinHelp(`${fn.name}(x)`, `${s.mathSummary(fn.name)}, of each element`, 'Mathematics', [`${fn.name}' is its derivative; plot(${fn.name}) draws both.`]);
  }
  const derivative = describeDerivative(fn, call);
  const parameters = fn instanceof UserFunction && fn.order === 0 ? parameterTexts(fn.params, fn.sourceText).join(', ') : 'x';
  return [
    `${fn.label}(${parameters}) = ${fn.formula()}`,
    `${fn.label}'(x) = ${derivative}`,
    `A function of this notebook; plot(${fn.label}) draws it with its derivative.`,
  ].join('\n');
}

/** The parameters a partial application or preset fixed, by canonical name (empty when they do not resolve yet). */
function fixedParameters(fn: ActivationFunction): ParameterValues {
  if (Object.keys(fn.given).length === 0) return {};
  try {
    return resolveParameters(fn.definition, fn.given);
  } catch {
    // required parameters still missing (threshold(value=0)): the defaults are shown
    return {};
  }
}

function describeDerivative(fn: FunctionValue, call: CallArguments): string {
  try {
    return fn.derivative(call.site).formula();
  } catch {
    return '(no derivative)';
  }
}

function valueHelp(written: string, value: Value, s: HelpSources, call: CallArguments): string {
  const constant = call.site.evaluator.session.globals.has(written) ? undefined : s.constant(written);
  if (constant) return `${written} = ${constant.value}\n${constant.meaning}`;
  const what = written !== '' ? `${written} is ${describeValue(value)}` : `This is ${describeValue(value)}`;
  return `${what}, not a builtin or a function. help(name) describes a builtin or a function (help(relu), help(linspace)); help() lists them all.`;
}
