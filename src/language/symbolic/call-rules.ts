/**
 * The chain rule for calls, by what the callee is:
 *  - a mathematical builtin: closed forms (math-rules.ts);
 *  - a builtin activation: `act'(u, named...) * u'`, or, at default
 *    parameters, the closed form its catalogue entry states, which reads
 *    better (sigmoid, tanh, softplus; catalogue-derivatives.ts);
 *  - a user function of one variable: `g'(u, named...) * u'`, so the formula
 *    names g' instead of pasting g's body; when the variable also reaches
 *    another argument, g's body is inlined and differentiated instead;
 *  - any other function value — a partial application `leaky_relu(alpha=0.2)`,
 *    a derivative `relu'`, a name bound to a function — `F'(u) * u'`, where the
 *    derivative of a derivative raises its order (`relu''`).
 */
import type { CallExpr, Expr } from '../ast';
import { binaryNode, callNode, derivativeNode } from './build';
import { catalogueDerivative } from './catalogue-derivatives';
import { cannot, d, type DerivationContext } from './context';
import { dependsOn } from './depends';
import type { UserFunction } from './environment';
import { deriveMathCall } from './math-rules';
import type { ResolvedName } from '../../engine';
import { freeNames, nodeCount, substitute } from './substitute';

/**
 * Inlining deeper than this, or into a body larger than this, means a
 * (mutually) recursive definition: `r(t, s) = r(t*s, s=t)` doubles in size at
 * every level, so a depth bound alone would take exponential time.
 */
const maxInlineDepth = 16;
const maxInlinedNodes = 2000;

export function deriveCall(call: CallExpr, context: DerivationContext): Expr {
  const { callee } = call;
  if (callee.type === 'name') {
    if (callee.name === context.variable) {
      cannot(call, context, `${context.variable} is the variable, not a function`, callee.span);
    }
    const meaning = context.env.lookup(callee.name);
    switch (meaning.kind) {
      case 'math':
        return deriveMathCall(call, meaning.name, context);
      case 'activation':
        return deriveActivationCall(call, meaning.resolved, context);
      case 'user':
        return deriveUserCall(call, meaning.fn, context);
      case 'constant':
        return deriveFunctionValueCall(call, context);
    }
  }
  if (dependsOn(callee, context.variable)) {
    cannot(call, context, `the function being called depends on ${context.variable}`, callee.span);
  }
  return deriveFunctionValueCall(call, context);
}

function deriveActivationCall(call: CallExpr, resolved: ResolvedName, context: DerivationContext): Expr {
  const { definition, fixed } = resolved;
  if (definition.kind === 'rowwise') {
    cannot(call, context, `${definition.name} mixes the elements of a row; its derivative is a Jacobian, not a formula in one number`);
  }
  requireOneInput(call, context);
  const [u] = call.args;
  const { span } = call;
  const plain = call.named.length === 0 && Object.keys(fixed).length === 0;
  const closedForm = plain ? catalogueDerivative(definition, u, call, context) : undefined;
  if (closedForm) return binaryNode('*', closedForm, d(u, context), span);
  // Everything else (relu, silu, gelu, leaky_relu(x, alpha=0.2), ...): the
  // engine's derivative, which also knows PyTorch's value at kinks.
  return deriveFunctionValueCall(call, context);
}

function deriveUserCall(call: CallExpr, fn: UserFunction, context: DerivationContext): Expr {
  const variable = context.variable;
  const onlyFirst =
    call.args.length === 1 && fn.params.length >= 1 && !call.named.some((n) => dependsOn(n.value, variable));
  if (onlyFirst) return deriveFunctionValueCall(call, context);
  return inline(call, fn, context);
}

/**
 * Substitute the arguments into g's body and differentiate that: the general
 * multivariable chain rule, without needing partial-derivative notation.
 */
function inline(call: CallExpr, fn: UserFunction, context: DerivationContext): Expr {
  if (context.inlineDepth >= maxInlineDepth) {
    cannot(call, context, 'the function is defined in terms of itself, so it cannot be expanded');
  }
  const bindings = new Map<string, Expr>();
  if (call.args.length > fn.params.length) {
    cannot(call, context, `the function takes ${fn.params.length} argument(s), ${call.args.length} given`);
  }
  call.args.forEach((arg, i) => bindings.set(fn.params[i].name, arg));
  for (const n of call.named) {
    if (!fn.params.some((p) => p.name === n.name)) cannot(call, context, `the function has no parameter '${n.name}'`, n.nameSpan);
    bindings.set(n.name, n.value);
  }
  for (const p of fn.params) {
    if (bindings.has(p.name)) continue;
    if (p.default === undefined) cannot(call, context, `the parameter '${p.name}' is not given`);
    bindings.set(p.name, p.default);
  }
  // A global in g's body spelt like our variable is a different quantity;
  // after substitution it would be mistaken for the variable.
  const params = new Set(fn.params.map((p) => p.name));
  if ([...freeNames(fn.body)].some((name) => name === context.variable && !params.has(name))) {
    cannot(call, context, `the function's body uses a global named ${context.variable}; rename the variable`);
  }
  const expanded = substitute(fn.body, bindings, call.span);
  if (nodeCount(expanded, maxInlinedNodes) >= maxInlinedNodes) {
    cannot(call, context, 'expanding the function grows without bound (is it defined in terms of itself?)');
  }
  return context.derive(expanded, { ...context, inlineDepth: context.inlineDepth + 1 });
}

/** F(u, named...) for a function value F: F'(u, named...) * u'. */
function deriveFunctionValueCall(call: CallExpr, context: DerivationContext): Expr {
  requireOneInput(call, context);
  const [u] = call.args;
  const { span } = call;
  const outer = callNode(derivativeNode(call.callee, 1, call.callee.span), [u], call.named, span);
  return binaryNode('*', outer, d(u, context), span);
}

/**
 * A function value's derivative is with respect to its one input; named
 * arguments are parameters, and differentiating through them would need
 * partial derivatives the engine does not provide.
 */
function requireOneInput(call: CallExpr, context: DerivationContext): void {
  const variable = context.variable;
  if (call.args.length !== 1) {
    cannot(call, context, `expected a function of one input, but it is given ${call.args.length} positional arguments`);
  }
  const named = call.named.find((n) => dependsOn(n.value, variable));
  if (named !== undefined) {
    cannot(call, context, `the parameter '${named.name}' depends on ${variable}; only the input can vary`, named.value.span);
  }
}
