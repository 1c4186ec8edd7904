/**
 * An entry's formulas with its parameter values written in, for outputs that
 * show one function: `leaky_relu(alpha=0.2)` is `x if x > 0 else 0.2 * x`,
 * typeset `0.2 x` where the catalogue writes `\alpha x`.
 *
 * The text names a parameter as itself (`alpha`, `min_val`); the LaTeX by the
 * parameter's `symbol` (`\alpha`), or `\mathrm{min\_val}` when it has none. A
 * value of 1 drops out of products and quotients (`beta * x` is `x`,
 * `\frac{1}{\beta}` disappears). String parameters (gelu's `approximate`)
 * choose between forms that the formula already spells out, so they are left
 * alone.
 */
import type { ActivationDefinition, FormsAt, Formula, ParameterSpec, ParameterValues } from './definition';

/** Significant digits of a value written into a formula (1/3 reads 0.3333). */
const DIGITS = 4;

/** The LaTeX that stands for a parameter in its entry's formulas. */
export function parameterSymbol(spec: ParameterSpec): string {
  return spec.symbol ?? `\\mathrm{${spec.name.replace(/_/g, '\\_')}}`;
}

/** The entry's formula and derivative as a function with these parameters shows them: its form (formulasFor), the values written in. */
export function formulasAt(definition: ActivationDefinition, values: ParameterValues): FormsAt {
  const forms: FormsAt = definition.formulasFor?.(values) ?? definition;
  const second = forms.secondDerivativeFormula ?? (definition.kind === 'elementwise' ? definition.secondDerivativeFormula : undefined);
  return {
    formula: formulaWithParameters(definition, forms.formula, values),
    derivativeFormula: formulaWithParameters(definition, forms.derivativeFormula, values),
    ...(second ? { secondDerivativeFormula: formulaWithParameters(definition, second, values) } : {}),
  };
}

export function formulaWithParameters(definition: ActivationDefinition, formula: Formula, values: ParameterValues): Formula {
  let { text, latex } = formula;
  for (const spec of definition.parameters) {
    const value = values[spec.name];
    if (typeof value !== 'number') continue;
    text = substituteText(text, spec.name, value);
    latex = substituteLatex(latex, parameterSymbol(spec), value);
  }
  return { text, latex };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A value as a formula writes it: at most DIGITS significant digits, no trailing zeros. */
export function formulaNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '-∞' : 'nan';
  const rounded = Number(value.toPrecision(DIGITS));
  // 1.7976931348623157e308 to four digits is past the largest double: write it whole, not as Infinity
  return String(Number.isFinite(rounded) ? rounded : value);
}

/** Negative values are bracketed after an operator: `x / (-2)`, not `x / -2`. */
const bracketed = (written: string, value: number, before: string): string =>
  value < 0 && /[-+*/^]\s*$/.test(before) ? `(${written})` : written;

function substituteText(text: string, name: string, value: number): string {
  const n = escapeRegExp(name);
  // a name, not part of a longer one nor a call of a function spelled the same (threshold(...))
  const word = `(?<![\\w.])${n}(?![\\w(])`;
  if (value === 1) {
    text = text
      .replace(new RegExp(`${word} \\* `, 'g'), '')
      .replace(new RegExp(` [*/] ${word}`, 'g'), '');
  }
  const written = formulaNumber(value);
  return text.replace(new RegExp(word, 'g'), (_, offset: number, whole: string) => bracketed(written, value, whole.slice(0, offset)));
}

function substituteLatex(latex: string, symbol: string, value: number): string {
  const s = escapeRegExp(symbol);
  // \alpha but not \alphabet; a lone letter (b) not inside a macro or a word
  const token = /^\\[A-Za-z]+$/.test(symbol) ? `${s}(?![A-Za-z])` : /^[A-Za-z]$/.test(symbol) ? `(?<![\\\\A-Za-z])${s}(?![A-Za-z])` : s;
  if (value === 1) {
    latex = latex
      // \frac{1}{\beta} goes, \frac{A}{a} becomes A (A may hold one level of braces)
      .replace(new RegExp(`\\\\[td]?frac\\{1\\}\\{${token}\\}\\s*`, 'g'), '')
      .replace(new RegExp(`\\\\[td]?frac\\{((?:[^{}]|\\{[^{}]*\\})*)\\}\\{${token}\\}`, 'g'), '$1')
      // a factor: \alpha x, \alpha\, x, \alpha (e^x - 1), \beta \log(...) (not before \\, \le, \quad)
      .replace(new RegExp(`${token}(?:\\\\,|\\s)+(?=[A-Za-z(]|${FACTOR_MACRO})`, 'g'), '')
      .replace(new RegExp(`\\s*/\\s*${token}`, 'g'), '');
  }
  const written = latexNumber(value);
  return latex.replace(new RegExp(token, 'g'), (_, offset: number, whole: string) => {
    const before = whole.slice(0, offset);
    // 2 a x with a = 2 is 2 \cdot 2 x, not 22x
    return (/\d\s*$/.test(before) ? '\\cdot ' : '') + bracketed(written, value, before);
  });
}

/** Macros that begin a factor, so a symbol before one multiplies it. */
const FACTOR_MACRO = '\\\\(?:sigma|log|exp|sin|cos|tanh|Phi|varphi|sqrt|t?frac|left|bigl|mathrm|operatorname)(?![A-Za-z])';

/** 1e-7 as 1 \times 10^{-7}; infinities as \infty. */
function latexNumber(value: number): string {
  const text = formulaNumber(value);
  const exp = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
  if (exp) return `${exp[1]} \\times 10^{${Number(exp[2])}}`;
  return text.replace('∞', '\\infty');
}
