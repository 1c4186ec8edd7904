/**
 * The notebook the symbolic tests differentiate in: a few user functions
 * (one chained into another, one with a default, one of two variables) and
 * two global constants.
 */
import type { DefineStatement } from '../../../../src/language/ast';
import { parseProgram } from '../../../../src/language/parser';
import { symbolEnvironment, type UserFunction } from '../../../../src/language/symbolic/environment';
import type { World } from './scalar-evaluator';

export const notebook = `
g(t) = t*sigmoid(t)
h(t) = g(t)^2 + tanh(t)
k(t, a=0.1) = max(a*t, t)
m(t, s) = s*exp(-t^2/s)
`;

export function makeWorld(source: string = notebook): World {
  const users = new Map<string, UserFunction>();
  for (const statement of parseProgram(source).statements) {
    if (statement.type === 'define') users.set(statement.name, statement as DefineStatement);
  }
  return { env: symbolEnvironment((name) => users.get(name)), users, globals: { a: 0.3, b: 1.7 } };
}
