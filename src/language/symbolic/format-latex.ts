/**
 * An expression as LaTeX, for typesetting a function's formula (outputs turn
 * it into an SVG image, src/services/hover-content/display-formulas.ts):
 * `x*sigmoid(1.702*x)` is `x\,\sigma(1.702\,x)`, `a/b` a fraction, `exp(u)`
 * `e^{u}`, `abs(u)` `|u|`, `where(c, a, b)` cases. Parentheses follow the
 * same precedence table as the text form (format-expression.ts); fractions,
 * roots and absolute values need none around their contents.
 */
import { assertNever, type BinaryOperator, type Expr } from '../ast';
import { prefixLevelIndex } from '../precedence';
import { numberText } from './build';
import { atomLevel, binaryLevel, postfixLevel } from './format-expression';

interface Formatted {
  readonly latex: string;
  /** The loosest-binding level at the top, as in format-expression.ts. */
  readonly level: number;
  /** Ends in a superscript (x^{2}, A^{\top}, f') or a subscript (a_{i}): another of the same needs brackets first. */
  readonly raised?: boolean;
  readonly lowered?: boolean;
}

/** Greek letters a name may spell (`alpha` is typeset α). */
const GREEK = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi',
  'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta', 'Lambda', 'Phi', 'Psi', 'Omega',
]);

/** Functions LaTeX has an operator for; `sigmoid` is the σ of the textbooks. */
const OPERATORS: Readonly<Record<string, string>> = {
  exp: '\\exp', log: '\\log', sin: '\\sin', cos: '\\cos', tan: '\\tan', tanh: '\\tanh', max: '\\max', min: '\\min', sigmoid: '\\sigma',
};

const COMPARISONS: Partial<Record<BinaryOperator, string>> = { '==': '=', '!=': '\\ne', '<': '<', '<=': '\\le', '>': '>', '>=': '\\ge' };

const powerLevel = binaryLevel.get('^')!.index;

export function formatLatex(expr: Expr): string {
  return format(expr).latex;
}

/** A variable or parameter: one letter as it is, Greek names as letters, longer names upright. */
export function nameLatex(name: string): string {
  if (name === 'inf') return '\\infty';
  if (GREEK.has(name)) return `\\${name}`;
  return name.length === 1 ? name : `\\mathrm{${escapeName(name)}}`;
}

/** How a function's name is typeset: `f`, `\sigma`, `\tanh`, `\operatorname{leaky\_relu}`. */
export function functionNameLatex(name: string): string {
  if (OPERATORS[name]) return OPERATORS[name];
  if (name.length === 1) return name;
  return `\\operatorname{${escapeName(name)}}`;
}

const escapeName = (name: string): string => name.replace(/_/g, '\\_');

/** `\left( ... \right)`. */
const parens = (latex: string): string => `\\left(${latex}\\right)`;

function format(e: Expr): Formatted {
  switch (e.type) {
    case 'number':
      return { latex: numberLatex(e.value), level: atomLevel };
    case 'string':
      return { latex: `\\text{${e.value.replace(/[\\{}$&#^_%~]/g, '')}}`, level: atomLevel };
    case 'boolean':
      return { latex: `\\mathrm{${e.value}}`, level: atomLevel };
    case 'name':
      return { latex: nameLatex(e.name), level: atomLevel };
    case 'unary':
      return { latex: e.op + wrap(e.operand, prefixLevelIndex), level: prefixLevelIndex };
    case 'binary':
      return binary(e.op, e.left, e.right);
    case 'call':
      return call(e.callee, e.args, e.named.map((n) => `\\mathrm{${escapeName(n.name)}}=${formatLatex(n.value)}`));
    case 'index':
      return { latex: `${wrap(e.target, postfixLevel, 'lowered')}_{${e.indices.map(formatLatex).join(', ')}}`, level: postfixLevel, lowered: true };
    case 'transpose':
      return { latex: `${wrap(e.target, postfixLevel, 'raised')}^{\\top}`, level: postfixLevel, raised: true };
    case 'field':
      return { latex: `${wrap(e.target, postfixLevel)}.\\mathrm{${escapeName(e.name)}}`, level: postfixLevel };
    case 'derivative':
      return { latex: calleeLatex(e.target) + "'".repeat(e.order), level: postfixLevel, raised: true };
    case 'vector':
      return { latex: `\\left[${e.elements.map(formatLatex).join(', ')}\\right]`, level: atomLevel };
    default:
      return assertNever(e);
  }
}

function binary(op: BinaryOperator, left: Expr, right: Expr): Formatted {
  const info = binaryLevel.get(op);
  if (info === undefined) throw new Error(`internal: operator ${op} is missing from the precedence table`);
  const { index, associativity, prefixRight } = info;
  // a fraction's bar groups both sides: no parentheses inside
  if (op === '/') return { latex: `\\frac{${formatLatex(left)}}{${formatLatex(right)}}`, level: index };
  // an exponent is raised: only the base may need parentheses
  if (op === '^') return { latex: `${wrap(left, powerLevel + 1, 'raised')}^{${formatLatex(right)}}`, level: index, raised: true };
  const leftMin = associativity === 'left' ? index : index + 1;
  const rightMin = associativity === 'right' ? (prefixRight ? Math.min(index, prefixLevelIndex) : index) : index + 1;
  const a = wrap(left, leftMin);
  const b = wrap(right, rightMin);
  if (op === '*') {
    // 2x, x\,\sigma(x); a dot where juxtaposition would merge digits or signs: 2 \cdot 3, x \cdot (-1)
    const dot = /^[\d.\-+]/.test(b) || (/[\d.]$/.test(a) && b.startsWith('\\frac'));
    // a number before a letter or a function is written against it, as in textbooks: 2x, 1.702\sigma(x)
    const tight = /^[\d.]+$/.test(a) && /^[A-Za-z\\]/.test(b) && !b.startsWith('\\left');
    return { latex: dot ? `${a} \\cdot ${b}` : tight ? `${a}${/^[A-Za-z]/.test(b) ? '' : ' '}${b}` : `${a}\\,${b}`, level: index };
  }
  const symbol = COMPARISONS[op] ?? (op === '%' ? '\\bmod' : op === '@' ? '\\mathbin{@}' : op);
  return { latex: `${a} ${symbol} ${b}`, level: index };
}

function call(callee: Expr, args: readonly Expr[], named: readonly string[]): Formatted {
  const items = [...args.map(formatLatex), ...named];
  const only = args.length === 1 && named.length === 0 ? args[0] : undefined;
  const name = callee.type === 'name' ? callee.name : undefined;
  if (only && name === 'exp') return { latex: `e^{${formatLatex(only)}}`, level: powerLevel, raised: true };
  if (only && name === 'sqrt') return { latex: `\\sqrt{${formatLatex(only)}}`, level: atomLevel };
  if (only && name === 'abs') return { latex: `\\left|${formatLatex(only)}\\right|`, level: atomLevel };
  if (name === 'where' && args.length === 3 && named.length === 0) {
    const [c, a, b] = args.map(formatLatex);
    return { latex: `\\begin{cases} ${a} & ${c} \\\\ ${b} & \\text{otherwise} \\end{cases}`, level: atomLevel };
  }
  return { latex: `${calleeLatex(callee)}${parens(items.join(', '))}`, level: postfixLevel };
}

/** A callee: a name as a function name (`\sigma`, not σ the variable), anything else bracketed as needed. */
function calleeLatex(callee: Expr): string {
  if (callee.type === 'name') return functionNameLatex(callee.name);
  if (callee.type === 'derivative') return calleeLatex(callee.target) + "'".repeat(callee.order);
  return wrap(callee, postfixLevel, 'raised');
}

/** `e` in brackets when it binds looser than `minimum`, or when it ends in the kind of script that goes after it. */
function wrap(e: Expr, minimum: number, script?: 'raised' | 'lowered'): string {
  const formatted = format(e);
  return formatted.level >= minimum && !(script && formatted[script]) ? formatted.latex : parens(formatted.latex);
}

/** 1e-7 as 10^{-7}; nan and inf as words and \infty. */
export function numberLatex(value: number): string {
  if (value === Infinity) return '\\infty';
  const text = numberText(value);
  if (text === 'nan') return '\\mathrm{nan}';
  const exp = /^([\d.]+)e([+-]\d+)$/.exec(text);
  if (exp) return `${exp[1] === '1' ? '' : `${exp[1]} \\times `}10^{${Number(exp[2])}}`;
  return text;
}
