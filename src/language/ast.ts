/**
 * The syntax tree of a cell: a closed discriminated union on `type`, so the
 * evaluator, printer and hover code can `switch` exhaustively and the compiler
 * tells them when a construct is added. Every node has the span of its source
 * text (a parenthesized expression's span includes its parentheses), so any
 * later error can point at the exact piece of the cell.
 */
import type { Span } from './source';

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '@' | '^' | '==' | '!=' | '<' | '<=' | '>' | '>=';
export type UnaryOperator = '-' | '+';

// ---- expressions -----------------------------------------------------------

export interface NumberExpr {
  type: 'number';
  value: number;
  /** As written (`1e-3`, `.5`), for formulas and hovers that echo the user's spelling. */
  text: string;
  span: Span;
}

export interface StringExpr {
  type: 'string';
  /** Decoded: escapes resolved, quotes removed. */
  value: string;
  span: Span;
}

export interface BooleanExpr {
  type: 'boolean';
  value: boolean;
  span: Span;
}

/** A variable, builtin or function name; resolution is the evaluator's job. */
export interface NameExpr {
  type: 'name';
  name: string;
  span: Span;
}

export interface UnaryExpr {
  type: 'unary';
  op: UnaryOperator;
  operand: Expr;
  span: Span;
}

/** `**` is parsed to '^': one operator, two spellings. */
export interface BinaryExpr {
  type: 'binary';
  op: BinaryOperator;
  left: Expr;
  right: Expr;
  span: Span;
}

export interface NamedArgument {
  name: string;
  nameSpan: Span;
  value: Expr;
}

/**
 * The callee is any expression, because functions are values:
 * `leaky_relu(alpha=0.1)(x)` and `f'(x)` are calls of calls and derivatives.
 */
export interface CallExpr {
  type: 'call';
  callee: Expr;
  /** Positional arguments; the parser guarantees they all came before `named`. */
  args: Expr[];
  /** Named arguments in source order; names are unique. */
  named: NamedArgument[];
  span: Span;
}

/** `a[i]`, `a[i, j]`; at least one index. */
export interface IndexExpr {
  type: 'index';
  target: Expr;
  indices: Expr[];
  span: Span;
}

/** `a.T` gets its own node (not a field named "T") so it cannot be shadowed. */
export interface TransposeExpr {
  type: 'transpose';
  target: Expr;
  span: Span;
}

/** `v.name`: a field of a value (e.g. of a network snippet). */
export interface FieldExpr {
  type: 'field';
  target: Expr;
  name: string;
  span: Span;
}

/** `f'` has order 1; consecutive primes collapse: `f''` is one node of order 2. */
export interface DerivativeExpr {
  type: 'derivative';
  target: Expr;
  order: number;
  span: Span;
}

/**
 * `[1, 2, 3]`. A matrix is a vector of vectors; whether the rows agree in
 * length is checked by the evaluator, which knows the runtime shapes.
 */
export interface VectorExpr {
  type: 'vector';
  elements: Expr[];
  span: Span;
}

export type Expr =
  | NumberExpr
  | StringExpr
  | BooleanExpr
  | NameExpr
  | UnaryExpr
  | BinaryExpr
  | CallExpr
  | IndexExpr
  | TransposeExpr
  | FieldExpr
  | DerivativeExpr
  | VectorExpr;

// ---- statements ------------------------------------------------------------

/** `x = value` */
export interface AssignStatement {
  type: 'assign';
  name: string;
  nameSpan: Span;
  value: Expr;
  span: Span;
}

/** One parameter of a user-defined function; `span` is the span of its name. */
export interface Parameter {
  name: string;
  span: Span;
  /** Present for `a=0.1`-style parameters. */
  default?: Expr;
}

/** `f(x) = body`, `g(x, a=0.1) = body` */
export interface DefineStatement {
  type: 'define';
  name: string;
  nameSpan: Span;
  params: Parameter[];
  body: Expr;
  span: Span;
}

/** A bare expression; the last one of a cell is displayed. */
export interface ExpressionStatement {
  type: 'expression';
  expr: Expr;
  span: Span;
}

export type Statement = AssignStatement | DefineStatement | ExpressionStatement;

/** A whole cell; its span is the whole text. */
export interface Program {
  type: 'program';
  statements: Statement[];
  span: Span;
}

export type Node = Program | Statement | Expr;

/** For exhaustive switches: a compile error if a case is missing. */
export function assertNever(value: never): never {
  throw new Error(`unexpected AST node ${JSON.stringify(value)}`);
}
