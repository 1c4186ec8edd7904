/**
 * fast-check arbitraries for cells of the `activation` language, from its grammar
 * (LANGUAGE.md, parser.ts): number literals from zero to past the largest double and
 * below the smallest (nan, inf, -0 through the sign), names of every kind (builtins,
 * catalogue activations with their aliases and presets, the prelude's user names, unknown
 * ones and JavaScript's own property names), every operator, calls with positional and
 * named arguments (duplicates, aliases, misplaced positionals), derivative marks, indexing,
 * fields, strings with escapes, vectors and matrices, and the extremes: deep nesting and
 * long chains.
 *
 * Sizes stay small on purpose (numbers up to 1,000, a few of 10^8 and past the cap): a cell
 * may allocate what it likes up to the 50-million-element cap, but a random cell that builds
 * a legitimate 40-million-element tensor and then takes sigmoid'' of it is slow, not wrong.
 */
import fc from 'fast-check';
import { activationNames, catalogue } from '../../../src/engine';
import { builtinNames, procedureSpecs } from '../../../src/language/runtime/builtins';

/** Defined by PRELUDE in every session the cells run in. */
export const USER_NAMES = ['x', 'y', 'M', 'v32', 'f', 'g', 'h', 'k', 's', 'net', 'data', 'fit', 'layer', 'flow'] as const;

export const PRELUDE = [
  'x = linspace(-3, 3, 7)',
  'y = [1, 2, 3]',
  'M = [[1, 2], [3, 4]]',
  'v32 = float32([-1, 0, 0.5])',
  'f(x) = x * sigmoid(x)',
  'g(x, a=0.1) = max(a * x, x)',
  'h(t) = f(t) + g(t) ^ 2',
  'k(a, b) = a * b',
  's = "relu"',
  'net = mlp([2, 3, 1], seed=0)',
  'data = dataset("xor", n=12)',
  'fit = train(net, data, epochs=2, batch=4)',
  'layer = dense(2, 2, seed=1)',
  'flow = gradflow(relu, depth=3, width=4)',
].join('\n');

const UNKNOWN_NAMES = [
  'rleu', 'sigmiod', 'Relu', 'RELU', 'foo', 'x1', '_', '__', 'T', 'e5', 'E',
  // JavaScript's own property names: a lookup through a plain object would find them
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'length', 'name',
];

const activations = activationNames();
const builtins = builtinNames();

/** Every parameter name and alias of the catalogue, and every named argument a builtin takes. */
export const PARAMETER_NAMES = [...new Set([
  ...catalogue.flatMap((d) => d.parameters.flatMap((p) => [p.name, ...p.aliases])),
  ...procedureSpecs().flatMap((s) => s.named ?? []),
  'x', 'a', 't', 'foo', '__proto__', 'constructor', 'toString',
])];

const FIELDS = [
  'T', 'x', 'y', 'n', 'name', 'loss', 'test_loss', 'accuracy', 'test_accuracy', 'history', 'net', 'epochs', 'dead', 'slopes',
  'data', 'weights', 'bias', 'layers', 'parameters', 'sizes', 'shape', 'foo', '__proto__', 'constructor', 'length', 'toString',
];

const NUMBER_TEXTS = [
  '0', '1', '2', '3', '10', '100', '1000', '0.5', '.5', '1.', '0.1', '1e-3', '2.5E+4', '007', '0e0', '65536',
  '1e15', '1e21', '1e100', '1e300', '1e308', '1.7976931348623157e308', '1e309', '1e400', '1e99999',
  '1e-300', '2.2250738585072014e-308', '5e-324', '1e-400', '9007199254740993', '123456789012345678901234567890',
  '100000000', '50000001', '1e9', '1e12',
];

/** A finite double written so the lexer reads it back (String(1e21) is "1e+21", which it takes). */
const doubleText = fc.double({ min: 0, noNaN: true }).map((v) => (v === Infinity ? 'inf' : String(v)));

export const numberText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NUMBER_TEXTS), weight: 5 },
  { arbitrary: fc.constantFrom('nan', 'inf', 'pi', 'e', '-0', '-inf', '-1e308', '-5e-324'), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 1000 }).map(String), weight: 3 },
  { arbitrary: doubleText, weight: 2 },
);

const STRING_TEXTS = [
  '"relu"', '"tanh"', '"none"', '"float32"', '"float64"', '"xor"', '"circle"', '"spiral"', '"moons"', '"plane"', '"he"', '"xavier"',
  '"adam"', '"sgd"', '"momentum"', '"mse"', '"bce"', '"ce"', '"linear"', '""', '"a\\"b"', '"two\\nlines"', '"back\\\\slash"',
  '"\u00e9t\u00e9 \ud83d\ude00"', '"\\x"', '"unterminated', '"\u0007bell\u001b[2J"', '"constructor"', '"__proto__"', '"toString"', '"\ud800"',
];

/** A string literal: a known word, or any text escaped as the lexer wants it. */
export const stringText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...STRING_TEXTS), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`), weight: 1 },
);

export const nameText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...activations), weight: 4 },
  { arbitrary: fc.constantFrom(...builtins), weight: 3 },
  { arbitrary: fc.constantFrom(...USER_NAMES), weight: 4 },
  { arbitrary: fc.constantFrom(...UNKNOWN_NAMES), weight: 1 },
);

const BINARY = ['+', '-', '*', '/', '%', '@', '^', '**', '==', '!=', '<', '<=', '>', '>='] as const;

const atom: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: numberText, weight: 5 },
  { arbitrary: nameText, weight: 6 },
  { arbitrary: stringText, weight: 1 },
  { arbitrary: fc.constantFrom('true', 'false'), weight: 1 },
);

/** `name=value`, with names that builtins take, aliases of each other, and ones nobody takes. */
const namedArgument = (value: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...PARAMETER_NAMES), value).map(([name, v]) => `${name}=${v}`);

/** Arguments in any order: positionals after named ones, a name twice, a trailing comma. */
const argumentList = (value: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(
    fc.array(value, { maxLength: 3 }),
    fc.array(namedArgument(value), { maxLength: 3 }),
    fc.constantFrom('in order', 'in order', 'in order', 'mixed', 'repeated'),
    fc.boolean(),
  ).map(([positional, named, order, trailing]) => {
    let args = [...positional, ...named];
    if (order === 'mixed') args = [...named, ...positional];
    if (order === 'repeated' && named.length > 0) args = [...positional, ...named, named[0]!];
    return args.join(', ') + (trailing && args.length > 0 ? ',' : '');
  });

const grammar = fc.letrec<{ expr: string; call: string; vector: string; postfix: string; operation: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: atom, weight: 6 },
    { arbitrary: tie('operation'), weight: 4 },
    { arbitrary: tie('call'), weight: 5 },
    { arbitrary: tie('postfix'), weight: 3 },
    { arbitrary: tie('vector'), weight: 2 },
    { arbitrary: tie('expr').map((e) => `(${e})`), weight: 1 },
  ),
  operation: fc.oneof(
    fc.tuple(fc.constantFrom('-', '+', '--', '-+'), tie('expr')).map(([op, e]) => `${op}${e}`),
    fc.tuple(tie('expr'), fc.constantFrom(...BINARY), tie('expr'), fc.boolean()).map(([a, op, b, paren]) => (paren ? `(${a} ${op} ${b})` : `${a} ${op} ${b}`)),
  ),
  call: fc.tuple(
    fc.oneof({ arbitrary: nameText, weight: 8 }, { arbitrary: tie('postfix').map((p) => `(${p})`), weight: 1 }, { arbitrary: nameText.map((n) => `${n}'`), weight: 2 }),
    argumentList(tie('expr')),
  ).map(([callee, args]) => `${callee}(${args})`),
  postfix: fc.oneof(
    // derivative marks: f', relu'', (f')', gelu(approximate="tanh")'
    fc.tuple(fc.oneof(nameText, tie('call'), tie('expr').map((e) => `(${e})`)), fc.integer({ min: 1, max: 4 })).map(([t, n]) => `${t}${"'".repeat(n)}`),
    // indexing, from both ends and past them
    fc.tuple(fc.oneof(fc.constantFrom(...USER_NAMES), tie('vector'), tie('call')), fc.array(fc.oneof(numberText, fc.constantFrom('-1', '-3', '0.5', '"a"', 'nan')), { minLength: 1, maxLength: 3 }))
      .map(([t, i]) => `${t}[${i.join(', ')}]`),
    fc.tuple(fc.oneof(fc.constantFrom(...USER_NAMES), tie('call'), tie('vector'), numberText), fc.constantFrom(...FIELDS)).map(([t, f]) => `${t}.${f}`),
  ),
  vector: fc.oneof(
    fc.array(tie('expr'), { maxLength: 4 }).map((e) => `[${e.join(', ')}]`),
    fc.array(fc.array(numberText, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) => `[${rows.map((r) => `[${r.join(', ')}]`).join(', ')}]`),
  ),
}));

export const expression: fc.Arbitrary<string> = grammar.expr;

const PARAMETER_LISTS = ['x', 't', 'x, y', 'x, a=0.1', 'x, a=nan', 'x, x', 'x, a=1, a=2', 'relu', 'x, a=b', ''];

/** An assignment, a definition (with bad parameter lists too) or an expression. */
export const statement: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: expression, weight: 4 },
  { arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...USER_NAMES), nameText), expression).map(([n, e]) => `${n} = ${e}`), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom('f', 'g', 'p', 'q', 'relu', 'pi'), fc.constantFrom(...PARAMETER_LISTS), expression).map(([n, p, e]) => `${n}(${p}) = ${e}`), weight: 2 },
);

/** Statements on lines, or after ';', with comments and blank lines between. */
export const cell: fc.Arbitrary<string> = fc.tuple(
  fc.array(statement, { minLength: 1, maxLength: 4 }),
  fc.constantFrom('\n', '; ', '\n\n', '  # note\n', '\r\n'),
).map(([statements, separator]) => statements.join(separator));

/**
 * The extremes: nesting near and past the parser's limit of 200 levels (brackets, signs,
 * calls, powers, derivative marks, matrices), and chains of tens of thousands of operators.
 */
export const extremeCell: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 150, max: 260 }), fc.constantFrom('(', '[', 'relu(', 'f(', 'sum(', '-', '+', '2^', '2**', 'k(1, ', '[[')).map(([n, open]) => {
    const close = open.endsWith('(') || open === 'k(1, ' ? ')' : open === '[' ? ']' : open === '[[' ? ']]' : '';
    return open.repeat(n) + '1' + close.repeat(n);
  }),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('f', 'relu', 'sigmoid', 'h', 'g(a=0.2)', 'tanh')).map(([n, f]) => `${f}${"'".repeat(n)}`),
  fc.tuple(fc.integer({ min: 1000, max: 30000 }), fc.constantFrom(...BINARY), fc.constantFrom('1', 'x', 'y', 'nan', '0', 'M', 'relu(x)')).map(([n, op, t]) => Array(n).fill(t).join(` ${op} `)),
  fc.tuple(fc.integer({ min: 500, max: 5000 }), fc.constantFrom('\n', ';', '\n#\n')).map(([n, sep]) => Array(n).fill('a = 1').join(sep)),
  fc.integer({ min: 1000, max: 100000 }).map((n) => `[${Array(n).fill('1').join(', ')}]`),
  fc.integer({ min: 1000, max: 100000 }).map((n) => `"${'a'.repeat(n)}"`),
  fc.integer({ min: 1000, max: 100000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1000, max: 100000 }).map((n) => '9'.repeat(n)),
);

/** Any text at all: code points of every plane, lone surrogates, control characters, and pieces of the language. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('(', ')', '[', ']', ',', "'", '"', '\\', '=', '.', ';', '\n', '#', '1', 'x', 'e', ' ', '@', '^', '*', '-', '\u00a0', '\ufeff', '\u200b', '\ud800', '\u0000'), maxLength: 40 }),
  fc.array(fc.oneof(atom, fc.constantFrom(...BINARY, '(', ')', '[', ']', ',', '=', "'", '.T', '.', ';', '\n')), { maxLength: 12 }).map((t) => t.join(' ')),
);

// ---------------------------------------------------------------------------
// Well-typed cells: the random grammar above mostly ends in a type or syntax error within a
// few tokens; these reach the evaluator's depths (fused loops, broadcasting, derivatives of
// user functions, plots, tables, networks) with the extreme numbers, and go wrong only
// where a piece is deliberately of the wrong kind (one in twenty).

/** Numbers at the edges of the doubles, as they are written in cells. */
export const EXTREME_NUMBERS = [
  '0', '-0', '1', '-1', '0.5', '-0.5', '2', '-2', '3', '20', '-20', '100', '1e-8', '-1e-8', '1e-300', '5e-324', '-5e-324',
  '2.2250738585072014e-308', '1e300', '-1e300', '1e308', '-1e308', '1.7976931348623157e308', '-1.7976931348623157e308',
  'inf', '-inf', 'nan', '-nan', '9007199254740993', '1e15', '0.1', '1/3', 'pi', 'e', '709.8', '-745.2', '88.8', '-103.9',
];

export const extremeNumber: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...EXTREME_NUMBERS), weight: 4 },
  { arbitrary: fc.double().map((v) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0' : `(${v})`)), weight: 1 },
  { arbitrary: fc.integer({ min: -50, max: 50 }).map((v) => (v < 0 ? `(${v})` : String(v))), weight: 2 },
);

const smallCount = fc.oneof(fc.integer({ min: 0, max: 12 }).map(String), fc.constantFrom('1', '2', '100', '1000', '0.5', '-1', 'nan', 'inf', '1e300', '50000001'));

/** A parameter of an activation: its name or one of its aliases, with an extreme value. */
const activationWithParameters: fc.Arbitrary<string> = fc.constantFrom(...catalogue).chain((d) => {
  const spellings = d.parameters.flatMap((p) => [p.name, ...p.aliases]);
  const value = fc.oneof({ arbitrary: extremeNumber, weight: 5 }, { arbitrary: fc.constantFrom('"none"', '"tanh"', '"bogus"', 'true', '[1, 2]', 'relu', 'y[0]'), weight: 1 });
  if (spellings.length === 0) return fc.constant(d.name);
  return fc.uniqueArray(fc.tuple(fc.constantFrom(...spellings), value), { minLength: 1, maxLength: 3, selector: ([name]) => name })
    .map((named) => `${d.name}(${named.map(([n, v]) => `${n}=${v}`).join(', ')})`);
});

const mathFunctionNamesForCells = ['exp', 'log', 'sqrt', 'abs', 'sin', 'tanh', 'erf', 'erfc', 'floor', 'round', 'expm1', 'log1p', 'sign'];

const typed = fc.letrec<{ num: string; tensor: string; fn: string; value: string; shown: string }>((tie) => {
  const numOrTensor = fc.oneof(tie('num'), tie('tensor'));
  const wrong = fc.constantFrom('"relu"', 'relu', 'net', 'data', 'fit', 'true', 'M', '[[1, 2], [3, 4]]', 'shape', 'y[5]', 'x.foo');
  const sometimesWrong = (a: fc.Arbitrary<string>) => fc.oneof({ arbitrary: a, weight: 19 }, { arbitrary: wrong, weight: 1 });
  const arithmetic = fc.constantFrom('+', '-', '*', '/', '%', '^', '**', '<', '>=', '==', '!=');
  return {
    num: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: extremeNumber, weight: 6 },
      { arbitrary: fc.tuple(tie('num'), arithmetic, sometimesWrong(tie('num'))).map(([a, op, b]) => `(${a} ${op} ${b})`), weight: 3 },
      { arbitrary: tie('num').map((a) => `-${a}`), weight: 1 },
      { arbitrary: fc.tuple(tie('fn'), sometimesWrong(tie('num'))).map(([f, a]) => `${f}(${a})`), weight: 4 },
      { arbitrary: fc.tuple(fc.constantFrom('sum', 'mean', 'min', 'max', 'norm', 'argmax', 'count', 'len'), sometimesWrong(tie('tensor'))).map(([r, t]) => `${r}(${t})`), weight: 2 },
      { arbitrary: fc.tuple(fc.constantFrom('y', 'x', 'v32'), fc.integer({ min: -8, max: 8 })).map(([t, i]) => `${t}[${i}]`), weight: 1 },
      { arbitrary: fc.tuple(fc.constantFrom('min', 'max', 'pow', 'k'), tie('num'), tie('num')).map(([f, a, b]) => `${f}(${a}, ${b})`), weight: 1 },
      { arbitrary: fc.tuple(tie('num'), tie('num'), tie('num')).map(([a, b, c]) => `clamp(${a}, ${b}, ${c})`), weight: 1 },
      { arbitrary: fc.constantFrom('fit.loss', 'fit.test_accuracy', 'data.n', 'fit.epochs', 'M[1, 0]', 'M[-1, -1]'), weight: 1 },
    ),
    tensor: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: fc.constantFrom('x', 'y', 'M', 'v32', 'M.T', 'x.T', 'data.x', 'data.y', 'fit.history', 'layer.weights', 'flow', '[]', '[[]]'), weight: 4 },
      { arbitrary: fc.array(extremeNumber, { minLength: 1, maxLength: 6 }).map((v) => `[${v.join(', ')}]`), weight: 3 },
      { arbitrary: fc.array(fc.array(extremeNumber, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }).map((rows) => `[${rows.map((r) => `[${r.join(', ')}]`).join(', ')}]`), weight: 1 },
      { arbitrary: fc.tuple(extremeNumber, extremeNumber, smallCount, fc.constantFrom('', ', dtype="float32"')).map(([a, b, n, d]) => `linspace(${a}, ${b}, ${n}${d})`), weight: 2 },
      { arbitrary: fc.tuple(extremeNumber, extremeNumber, fc.oneof(extremeNumber, fc.constant('1'))).map(([a, b, s]) => `arange(${a}, ${b}, ${s})`), weight: 1 },
      { arbitrary: fc.tuple(fc.constantFrom('zeros', 'ones', 'rand', 'randn'), smallCount, fc.option(smallCount), fc.constantFrom('', ', seed=1', ', dtype="float32"', ', seed=-1', ', seed=1e300')).map(([f, a, b, o]) => `${f}(${a}${b === null ? '' : `, ${b}`}${o})`), weight: 2 },
      { arbitrary: fc.tuple(tie('tensor'), arithmetic, sometimesWrong(numOrTensor)).map(([a, op, b]) => `(${a} ${op} ${b})`), weight: 4 },
      { arbitrary: fc.tuple(tie('tensor'), sometimesWrong(tie('tensor'))).map(([a, b]) => `(${a} @ ${b})`), weight: 1 },
      { arbitrary: fc.tuple(tie('fn'), sometimesWrong(tie('tensor'))).map(([f, t]) => `${f}(${t})`), weight: 4 },
      { arbitrary: fc.tuple(fc.constantFrom('float32', 'float64', 'transpose', 'shape', '-'), tie('tensor')).map(([f, t]) => (f === '-' ? `-${t}` : `${f}(${t})`)), weight: 1 },
      { arbitrary: fc.tuple(tie('tensor'), smallCount, fc.option(smallCount)).map(([t, a, b]) => `reshape(${t}, ${a}${b === null ? '' : `, ${b}`})`), weight: 1 },
      { arbitrary: fc.tuple(fc.constantFrom('sum', 'mean', 'min', 'max', 'argmax', 'norm', 'count'), tie('tensor'), fc.constantFrom('0', '1', '2', '-1', 'nan')).map(([r, t, a]) => `${r}(${t}, axis=${a})`), weight: 1 },
      { arbitrary: fc.tuple(tie('tensor'), numOrTensor, numOrTensor).map(([c, a, b]) => `where(${c}, ${a}, ${b})`), weight: 1 },
      { arbitrary: fc.tuple(fc.constantFrom('net', 'fit.net', 'layer', 'net[0]', 'net[-1]'), fc.constantFrom('M', 'data.x', 'data', '[1, 2]', '[[nan, inf]]', '[[1e308, -1e308]]', 'zeros(0, 2)', 'y')).map(([n, a]) => `${n}(${a})`), weight: 1 },
      { arbitrary: fc.tuple(fc.constantFrom('dead', 'sparsity'), fc.constantFrom('net', 'fit.net', 'layer'), fc.constantFrom('data', 'fit.data', 'M')).map(([f, n, d]) => `${f}(${n}, ${d})`), weight: 1 },
      { arbitrary: fc.tuple(tie('fn'), fc.constantFrom('', ', depth=2', ', depth=1, width=1', ', depth=0', ', width=1e300', ', seed=nan')).map(([f, o]) => `gradflow(${f}, depth=3, width=4${o})`.replace(/depth=3, width=4, depth=\w+/, (m) => m.slice(m.lastIndexOf('depth')))), weight: 1 },
    ),
    fn: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: fc.constantFrom(...activations), weight: 5 },
      { arbitrary: activationWithParameters, weight: 4 },
      { arbitrary: fc.constantFrom('f', 'g', 'h', 'g(a=0.5)', 'g(a=nan)', 'g(a=-inf)', ...mathFunctionNamesForCells), weight: 3 },
      { arbitrary: fc.tuple(tie('fn'), fc.integer({ min: 1, max: 3 })).map(([f, n]) => `${/^[\w]+$/.test(f) ? f : `(${f})`}${"'".repeat(n)}`), weight: 2 },
    ),
    value: fc.oneof(tie('num'), tie('tensor'), tie('fn'), tie('shown')),
    shown: fc.oneof(
      fc.tuple(fc.array(tie('fn'), { minLength: 1, maxLength: 3 }), fc.option(fc.tuple(extremeNumber, extremeNumber)), fc.constantFrom('', ', derivative=false', ', points=2', ', points=3', ', points=1', ', title="t"', ', points=1e300'))
        .map(([fns, range, o]) => `plot(${fns.join(', ')}${range ? `, from=${range[0]}, to=${range[1]}` : ''}${o})`),
      fc.tuple(tie('tensor'), tie('tensor')).map(([a, b]) => `plot(${a}, ${b})`),
      fc.array(numOrTensor, { minLength: 1, maxLength: 3 }).map((c) => `table(${c.join(', ')})`),
      tie('fn').map((f) => `help(${f})`),
      fc.constantFrom('help()', 'help("relu")', 'help(pi)', 'help(train)', 'fit', 'net', 'data', 'flow', 'layer', 'fit.history', 'net[0]', 'plot(flow, gradflow(tanh, depth=3, width=4))'),
    ),
  };
});

export const typedValue: fc.Arbitrary<string> = typed.value;

/** A user function defined from a typed body, then used as the tests of derivatives do: f', f'', plotted, on extremes. */
export const userFunctionCell: fc.Arbitrary<string> = fc.tuple(
  typed.num.map((body) => body.replace(/\b(y|x|v32)\[(-?\d+)\]/g, 'u')), // bodies in u alone
  fc.constantFrom('u', 'u * u', 'u ^ 3', 'exp(u)', 'sigmoid(u)', 'relu(u)', 'max(u, 0)', 'abs(u)', 'u / (1 + abs(u))', 'where(u > 0, u, 0)', 'u ^ u', 'log(u)', 'sqrt(u)'),
  fc.constantFrom('+', '*', '-', '/', '^'),
  fc.constantFrom("p'", "p''", "p'''", "p'(0)", "p''(0)", "p'(nan)", "p'(inf)", "p'(1e308)", 'plot(p)', "plot(p, p')", "plot(p', from=-1e308, to=1e308)", 'p(x)', "p'(x)", "p''(y)", 'help(p)', "help(p')", 'gradflow(p, depth=2, width=2)'),
).map(([body, core, op, use]) => `p(u) = (${body}) ${op} ${core}\n${use}`);

// ---------------------------------------------------------------------------
// Networks and training with settings at their extremes: sizes from 0 to past the cap,
// learning rates up to 1e308, noise of inf, every optimizer, loss and initialisation, and
// the wrong kinds. Epochs and points stay few, so that a case is quick when it is valid.

/** Mostly what is valid, so that training runs; one in five past the edges. */
const mostly = (valid: fc.Arbitrary<string>, extreme: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: extreme, weight: 1 });
const size = mostly(fc.integer({ min: 1, max: 5 }).map(String), fc.constantFrom('0', '16', '-1', '0.5', 'nan', 'inf', '1e5', '1e300', '"2"'));
const setting = fc.oneof({ arbitrary: extremeNumber, weight: 3 }, { arbitrary: fc.constantFrom('"adam"', '"sgd"', '"momentum"', '"bce"', '"ce"', '"mse"', '"bogus"', 'true', '[1]', 'relu'), weight: 1 });
const seed = mostly(fc.integer({ min: 0, max: 9 }).map(String), fc.constantFrom('-1', 'nan', '1e300', '0.5'));
const activationForNetworks = fc.oneof(fc.constantFrom(...activations), activationWithParameters, fc.constantFrom('f', 'g', 'h', 'k', "f'", 'exp', '"linear"', '"relu"', 'sigmoid', 'softmax', '1', 'x'));

const network = fc.tuple(
  fc.array(size, { minLength: 0, maxLength: 4 }).map((sizes) => `[2, ${sizes.join(', ')}${sizes.length ? ', ' : ''}1]`),
  activationForNetworks, activationForNetworks,
  fc.constantFrom('', ', init="he"', ', init="xavier"', ', init="uniform"', ', init="bogus"', ', dtype="float32"', ', dtype="float32", init="xavier"'),
  seed,
).map(([sizes, act, out, more, s]) => `mlp(${sizes}, act=${act}, out=${out}${more}, seed=${s})`);

const data = fc.tuple(
  mostly(fc.constantFrom('"xor"', '"circle"', '"gaussians"', '"spiral"', '"plane"', '"multigauss"', '"moons"'), fc.constantFrom('"bogus"', '""', '1')),
  mostly(fc.integer({ min: 2, max: 24 }).map(String), fc.constantFrom('0', '1', '-1', '0.5', '1e300', 'nan')),
  mostly(fc.constantFrom('0', '0.1', '0.5', '1'), extremeNumber), seed,
).map(([name, n, noise, s]) => `dataset(${name}, n=${n}, noise=${noise}, seed=${s})`);

export const trainingCell: fc.Arbitrary<string> = fc.tuple(
  network, fc.oneof(data, fc.constant('data'), fc.constant('M')),
  fc.array(fc.tuple(fc.constantFrom('lr', 'optimizer', 'batch', 'loss', 'l2', 'test', 'seed'), setting), { maxLength: 3 }),
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom('fit', 'fit.history', 'fit.net', 'fit.loss', 'dead(fit.net, fit.data)', 'sparsity(fit.net, fit.data)', 'fit.net(fit.data)', 'plot(fit.net)', 'fit.net[0].weights', 'gradflow(fit.net)', 'help(fit)'),
).map(([net, d, settings, epochs, use]) => {
  const named = [...new Map(settings).entries()].map(([k, v]) => `, ${k}=${v}`).join('');
  return `fit = train(${net}, ${d}, epochs=${epochs}${named})\n${use}`;
});

export const networkCell: fc.Arbitrary<string> = fc.oneof(
  network.map((n) => `net2 = ${n}\nnet2(M)`),
  fc.tuple(size, size, activationForNetworks).map(([i, o, act]) => `dense(${i}, ${o}, act=${act})`),
  fc.tuple(activationForNetworks, size, size, seed).map(([act, depth, width, s]) => `gradflow(${act}, depth=${depth}, width=${width}, seed=${s})`),
  data,
  trainingCell,
);
