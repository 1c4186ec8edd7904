/**
 * Operator precedence as data, lowest to highest — the table in LANGUAGE.md
 * transcribed once, so the parser (precedence climbing) and the lexer (which
 * lines continue) cannot disagree with it or with each other.
 */
import type { BinaryOperator, UnaryOperator } from './ast';
import type { TokenKind } from './token';

export type Associativity = 'left' | 'right' | 'none';

export interface BinaryLevel {
  readonly kind: 'binary';
  /** For messages and documentation. */
  readonly name: string;
  /** Token -> AST operator; two tokens may share an operator (`**` is `^`). */
  readonly operators: Readonly<Partial<Record<TokenKind, BinaryOperator>>>;
  /**
   * 'none' makes `a < b < c` an error instead of silently meaning
   * `(a < b) < c`, which compares a boolean with c — never what a student means.
   */
  readonly associativity: Associativity;
  /**
   * Where the right operand starts. 'prefix' lets it begin with a unary sign
   * even though unary binds looser than this level: `2^-1` is `2^(-1)` while
   * `-x^2` is still `-(x^2)` (as in Python and mathematics).
   */
  readonly rightOperand: 'next' | 'prefix';
}

export interface PrefixLevel {
  readonly kind: 'prefix';
  readonly name: string;
  readonly operators: Readonly<Partial<Record<TokenKind, UnaryOperator>>>;
}

/**
 * Call, index, `.T`, `.name` and `'`, applied left to right. They are parsed
 * by hand (each has its own shape) but the level records where they sit.
 */
export interface PostfixLevel {
  readonly kind: 'postfix';
  readonly name: string;
  readonly tokens: readonly TokenKind[];
}

export type Level = BinaryLevel | PrefixLevel | PostfixLevel;

export const levels: readonly Level[] = [
  {
    kind: 'binary',
    name: 'comparison',
    operators: { '==': '==', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' },
    associativity: 'none',
    rightOperand: 'next',
  },
  { kind: 'binary', name: 'additive', operators: { '+': '+', '-': '-' }, associativity: 'left', rightOperand: 'next' },
  {
    kind: 'binary',
    name: 'multiplicative',
    operators: { '*': '*', '/': '/', '%': '%' },
    associativity: 'left',
    rightOperand: 'next',
  },
  { kind: 'binary', name: 'matrix product', operators: { '@': '@' }, associativity: 'left', rightOperand: 'next' },
  { kind: 'prefix', name: 'sign', operators: { '-': '-', '+': '+' } },
  { kind: 'binary', name: 'power', operators: { '^': '^', '**': '^' }, associativity: 'right', rightOperand: 'prefix' },
  { kind: 'postfix', name: 'call, index, transpose, field, derivative', tokens: ['(', '[', '.', "'"] },
];

/** Every token that is a binary operator somewhere in the table; a line ending in one continues. */
export const binaryOperatorTokens: ReadonlySet<TokenKind> = new Set(
  levels.flatMap((level) => (level.kind === 'binary' ? (Object.keys(level.operators) as TokenKind[]) : [])),
);

/** The index of the (only) prefix level; right operands of 'prefix' levels start there. */
export const prefixLevelIndex: number = levels.findIndex((level) => level.kind === 'prefix');
