/**
 * What may stand left of '='. The parser reads the left side as an ordinary
 * expression (it cannot know that `f(x, a=0.1)` is a header until it sees the
 * '='), then this module turns it into an assignment target or explains why
 * it cannot be one.
 */
import type { Expr, Parameter } from './ast';
import type { Span } from './source';

export type AssignmentTarget =
  | { type: 'assign'; name: string; nameSpan: Span }
  | { type: 'define'; name: string; nameSpan: Span; params: Parameter[] };

/** A problem with the left side, located at the part that is wrong. */
export interface TargetProblem {
  message: string;
  span: Span;
}

const usage = 'the left side of \'=\' must be a name (x = ...) or a function header (f(x) = ...)';
const defineHint = 'to define a function write f(x) = ... with parameter names in the parentheses';

export function assignmentTarget(left: Expr): AssignmentTarget | TargetProblem {
  if (left.type === 'name') return { type: 'assign', name: left.name, nameSpan: left.span };
  if (left.type !== 'call') return { message: `cannot assign to ${describeExpr(left)}; ${usage}`, span: left.span };

  const callee = left.callee;
  if (callee.type !== 'name') {
    const hint = callee.type === 'derivative' ? "define the function itself; its derivative is then f'" : defineHint;
    return { message: `cannot assign to a call of ${describeExpr(callee)}; ${hint}`, span: callee.span };
  }
  const params: Parameter[] = [];
  const seen = new Set<string>();
  const add = (name: string, nameSpan: Span, defaultValue?: Expr): TargetProblem | undefined => {
    if (seen.has(name)) return { message: `parameter '${name}' is listed twice in the definition of '${callee.name}'`, span: nameSpan };
    seen.add(name);
    params.push(defaultValue === undefined ? { name, span: nameSpan } : { name, span: nameSpan, default: defaultValue });
    return undefined;
  };
  for (const arg of left.args) {
    if (arg.type !== 'name') {
      return { message: `cannot assign to a call of '${callee.name}'; ${defineHint}`, span: arg.span };
    }
    const problem = add(arg.name, arg.span);
    if (problem) return problem;
  }
  for (const arg of left.named) {
    const problem = add(arg.name, arg.nameSpan, arg.value);
    if (problem) return problem;
  }
  return { type: 'define', name: callee.name, nameSpan: callee.span, params };
}

/** "a number", "an element of a tensor (a[i])" — the left side as a student would name it. */
function describeExpr(expr: Expr): string {
  switch (expr.type) {
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return `'${String(expr.value)}'`;
    case 'name':
      return `'${expr.name}'`;
    case 'unary':
      return `a negated value ('${expr.op}...')`;
    case 'binary':
      return `the result of '${expr.op}'`;
    case 'call':
      return 'the result of a call';
    case 'index':
      return 'an element of a tensor (tensors cannot be changed in place; build a new one, e.g. with where(...))';
    case 'transpose':
      return 'a transpose (.T)';
    case 'field':
      return `a field ('.${expr.name}')`;
    case 'derivative':
      return "a derivative (define the function itself; its derivative is then f')";
    case 'vector':
      return 'a tensor literal';
  }
}

/** A header's parameters as written: `x`, `a=0.1` (defaults sliced from `source`), for signatures. */
export function parameterTexts(params: readonly Parameter[], source: string): string[] {
  return params.map((p) => (p.default ? `${p.name}=${source.slice(p.default.span.start, p.default.span.end)}` : p.name));
}
