/**
 * The names in a parsed cell that nothing defines, found without running it,
 * so that a typo is underlined while the student types instead of when the
 * cell fails.
 *
 * It looks names up where the evaluator does (runtime/evaluator.ts `lookup`):
 * a function's parameters inside its body and defaults, then the notebook's
 * names, then the builtins. Only names the evaluator looks up are read:
 * a named argument's name (`alpha=`), a field (`.loss`) and the left side of
 * a definition are not lookups. Order is not checked: a name defined anywhere
 * in the notebook counts, as Pylance counts a notebook's names, because the
 * student may run a later cell first, and a function body may use a name that
 * is only defined after the function.
 */
import { assertNever, subexpressions, type Expr, type Program, type Span } from '../../language';

export interface UnresolvedName {
  readonly name: string;
  /** The name as written: the part to underline and to replace. */
  readonly span: Span;
  /** 'function' when it is called by name (`reluu(x)`), as the evaluator's message says. */
  readonly role: 'name' | 'function';
  /** Parameters in scope where it stands (inside a function body), closest candidates first. */
  readonly parameters: readonly string[];
}

/** Every use of a name that neither the parameters in scope nor `isKnown` resolve, in source order. */
export function unresolvedNames(program: Program, isKnown: (name: string) => boolean): UnresolvedName[] {
  const found: UnresolvedName[] = [];
  const visit = (expr: Expr, parameters: readonly string[]): void => {
    const check = (name: string, span: Span, role: UnresolvedName['role']): void => {
      if (!parameters.includes(name) && !isKnown(name)) found.push({ name, span, role, parameters });
    };
    if (expr.type === 'name') return check(expr.name, expr.span, 'name');
    // A name called directly is looked up as a function (`f'(x)` calls a derivative, whose `f` is a plain name).
    const callee = expr.type === 'call' && expr.callee.type === 'name' ? expr.callee : undefined;
    if (callee) check(callee.name, callee.span, 'function');
    for (const e of subexpressions(expr)) if (e !== callee) visit(e, parameters);
  };
  for (const statement of program.statements) {
    switch (statement.type) {
      case 'assign':
        visit(statement.value, []);
        break;
      case 'define': {
        // Every parameter is in scope in every default: a default that uses a later
        // parameter fails when it is called, which is the run's to report, not a name that is missing.
        const parameters = statement.params.map((p) => p.name);
        for (const p of statement.params) if (p.default) visit(p.default, parameters);
        visit(statement.body, parameters);
        break;
      }
      case 'expression':
        visit(statement.expr, []);
        break;
      default:
        assertNever(statement);
    }
  }
  return found;
}
