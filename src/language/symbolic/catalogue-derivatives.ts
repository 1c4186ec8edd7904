/**
 * The derivative formulas catalogue entries state in the language
 * (`derivativeExpression`: sigmoid's `sigmoid(x)*(1 - sigmoid(x))`), as trees
 * for the chain rule: parsed once per entry, then the entry's variable `x`
 * replaced by the call's argument.
 */
import type { ElementwiseDefinition } from '../../engine';
import type { CallExpr, Expr } from '../ast';
import { parseExpression } from '../parser';
import { requireBuiltin, type DerivationContext } from './context';
import { symbolEnvironment } from './environment';
import { freeNames, substitute } from './substitute';

/** The variable derivative formulas are written in. */
const VARIABLE = 'x';

interface ParsedFormula {
  readonly tree: Expr;
  /** The builtins it is written with, and which kind each is: a notebook must not have redefined them. */
  readonly builtins: readonly (readonly [string, 'math' | 'activation'])[];
}

const parsed = new Map<ElementwiseDefinition, ParsedFormula>();
const builtinMeanings = symbolEnvironment();

/** The entry's derivative formula parsed and checked, or undefined when it states none. */
export function derivativeFormulaOf(definition: ElementwiseDefinition): ParsedFormula | undefined {
  if (definition.derivativeExpression === undefined) return undefined;
  let formula = parsed.get(definition);
  if (!formula) {
    const tree = parseExpression(definition.derivativeExpression);
    const builtins = [...freeNames(tree)].filter((name) => name !== VARIABLE).map((name) => {
      const kind = builtinMeanings.lookup(name).kind;
      if (kind !== 'math' && kind !== 'activation') throw new Error(`${definition.name}'s derivativeExpression uses '${name}', which is no builtin`);
      return [name, kind] as const;
    });
    formula = { tree, builtins };
    parsed.set(definition, formula);
  }
  return formula;
}

/** f'(u) from the entry's formula, with the call's span (so errors point at the call); undefined when it states none. */
export function catalogueDerivative(definition: ElementwiseDefinition, u: Expr, call: CallExpr, context: DerivationContext): Expr | undefined {
  const formula = derivativeFormulaOf(definition);
  if (!formula) return undefined;
  for (const [name, kind] of formula.builtins) requireBuiltin(name, kind, call, context);
  return substitute(formula.tree, new Map([[VARIABLE, u]]), call.span);
}
