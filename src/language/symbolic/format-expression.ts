/**
 * An expression as source text, for showing derivative formulas: it reads
 * back (parseExpression) as the same tree, with only the parentheses the
 * precedence table requires. Binding strengths come from precedence.ts, the
 * same data the parser climbs, so the two cannot drift apart.
 *
 * Style: spaces around `+`, `-` and comparisons, none around `*`, `/`, `%`, `@`
 * and `^` — `sigmoid(x) + x*sigmoid(x)*(1 - sigmoid(x))` — so the tighter
 * operators visibly group. Numbers print as written, or (for generated ones)
 * in JavaScript's shortest round-trip form.
 */
import { assertNever, type BinaryOperator, type Expr, type NumberExpr } from '../ast';
import { levels, prefixLevelIndex } from '../precedence';
import { numberText } from './build';

/** Binding strength of each operator: its index in the precedence table (format-latex.ts reads it too). */
export const binaryLevel = new Map<BinaryOperator, { index: number; associativity: 'left' | 'right' | 'none'; prefixRight: boolean }>();
levels.forEach((level, index) => {
  if (level.kind !== 'binary') return;
  for (const op of Object.values(level.operators)) {
    if (op !== undefined) binaryLevel.set(op, { index, associativity: level.associativity, prefixRight: level.rightOperand === 'prefix' });
  }
});
export const postfixLevel = levels.findIndex((level) => level.kind === 'postfix');
/** Literals, names, brackets: never need parentheses. */
export const atomLevel = levels.length;

const spaced: ReadonlySet<BinaryOperator> = new Set<BinaryOperator>(['+', '-', '==', '!=', '<', '<=', '>', '>=']);

interface Formatted {
  readonly text: string;
  /** The loosest-binding level at the top of the text. */
  readonly level: number;
}

export function formatExpression(expr: Expr): string {
  return format(expr).text;
}

function format(e: Expr): Formatted {
  switch (e.type) {
    case 'number':
      return formatNumber(e);
    case 'string':
      return { text: quoteString(e.value), level: atomLevel };
    case 'boolean':
      return { text: String(e.value), level: atomLevel };
    case 'name':
      return { text: e.name, level: atomLevel };
    case 'unary':
      // The operand may itself be signed (`--x`) or a power (`-x^2` is `-(x^2)`).
      return { text: e.op + wrap(e.operand, prefixLevelIndex), level: prefixLevelIndex };
    case 'binary': {
      const info = binaryLevel.get(e.op);
      if (info === undefined) throw new Error(`internal: operator ${e.op} is missing from the precedence table`);
      const { index, associativity, prefixRight } = info;
      // Left-associative: `a - b - c` needs no parentheses, `a - (b - c)` does;
      // right-associative (^): the mirror image, and the right operand may start
      // with a sign (`2^-1`); non-associative (comparisons): both sides tighter.
      const leftMin = associativity === 'left' ? index : index + 1;
      const rightMin = associativity === 'right' ? (prefixRight ? Math.min(index, prefixLevelIndex) : index) : index + 1;
      const op = spaced.has(e.op) ? ` ${e.op} ` : e.op;
      return { text: wrap(e.left, leftMin) + op + wrap(e.right, rightMin), level: index };
    }
    case 'call': {
      const items = [...e.args.map(formatExpression), ...e.named.map((n) => `${n.name}=${formatExpression(n.value)}`)];
      return { text: `${wrap(e.callee, postfixLevel)}(${items.join(', ')})`, level: postfixLevel };
    }
    case 'index':
      return { text: `${wrap(e.target, postfixLevel)}[${e.indices.map(formatExpression).join(', ')}]`, level: postfixLevel };
    case 'transpose':
      return { text: `${wrap(e.target, postfixLevel)}.T`, level: postfixLevel };
    case 'field': {
      // `2.e5` would lex as a number: only there does a number target need parentheses.
      const target = e.target.type === 'number' && /^\d+$/.test(format(e.target).text) && /^[eE]\d/.test(e.name)
        ? `(${format(e.target).text})`
        : wrap(e.target, postfixLevel);
      return { text: `${target}.${e.name}`, level: postfixLevel };
    }
    case 'derivative': {
      // `(f')'` is a derivative of a derivative node; `f''` would read back as one node of order 2.
      const target = e.target.type === 'derivative' ? `(${format(e.target).text})` : wrap(e.target, postfixLevel);
      return { text: target + "'".repeat(e.order), level: postfixLevel };
    }
    case 'vector':
      return { text: `[${e.elements.map(formatExpression).join(', ')}]`, level: atomLevel };
    default:
      return assertNever(e);
  }
}

function wrap(e: Expr, minimum: number): string {
  const formatted = format(e);
  return formatted.level >= minimum ? formatted.text : `(${formatted.text})`;
}

const literalPattern = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The user's spelling when it still denotes the value (`1e-3`, `.5`); otherwise
 * the shortest round-trip text. A negative value (never produced by the parser)
 * prints as a negation.
 */
function formatNumber(e: NumberExpr): Formatted {
  if (literalPattern.test(e.text) && Number(e.text) === e.value) return { text: e.text, level: atomLevel };
  if (e.value < 0 || Object.is(e.value, -0)) return { text: `-${numberText(-e.value)}`, level: prefixLevelIndex };
  return { text: numberText(e.value), level: atomLevel };
}

/** Double quotes with the lexer's three escapes: \" \\ \n. */
export function quoteString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
