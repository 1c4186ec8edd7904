/**
 * The parser: golden S-expressions for every construct and precedence row of
 * LANGUAGE.md, error messages with their positions, spans, and a seeded fuzz
 * that checks no input can produce anything but a Program or a LanguageError.
 */
import { strict as assert } from 'assert';
import type { Expr, Node, Program } from '../../../src/language/ast';
import { LanguageError } from '../../../src/language/errors';
import { maxNesting, parseExpression, parseProgram } from '../../../src/language/parser';
import { printAst } from '../../../src/language/print-ast';
import { sliceSpan } from '../../../src/language/source';
import { mulberry32 as prng } from '../helpers/prng';
import { LANGUAGE_EXAMPLE_CELL } from '../helpers/language-example';

const exampleCell = LANGUAGE_EXAMPLE_CELL;

const golden: [source: string, printed: string][] = [
  // the example cell
  [
    exampleCell,
    [
      '(= x (call linspace (neg 3) 3 7))',
      '(call relu x)',
      '(def f (x) (* x (call sigmoid (* 1.702 x))))',
      '(def g (x :a 0.1) (call max (* a x) x))',
      '(call (d1 f) x)',
      '(call plot relu f (call leaky_relu :alpha 0.2) :from (neg 4) :to 4)',
    ].join('\n'),
  ],
  // literals
  ['2', '2'],
  ['0.5', '0.5'],
  ['.5', '.5'],
  ['1e-3', '1e-3'],
  ['2.5E+4', '2.5E+4'],
  ['"tanh"', '"tanh"'],
  ['"a\\"b"', '"a\\"b"'],
  ['true', 'true'],
  ['false', 'false'],
  ['pi', 'pi'],
  ['[1, -2, 3]', '(vec 1 (neg 2) 3)'],
  ['[[1, 2], [3, 4]]', '(vec (vec 1 2) (vec 3 4))'],
  ['[]', '(vec)'],
  ['[1, 2,]', '(vec 1 2)'],
  // comparisons (lowest), non-associative but usable with parentheses
  ['x > 0', '(> x 0)'],
  ['a == b', '(== a b)'],
  ['a != b', '(!= a b)'],
  ['a < b', '(< a b)'],
  ['a <= b', '(<= a b)'],
  ['a >= b', '(>= a b)'],
  ['(a < b) < c', '(< (< a b) c)'],
  ['a < (b < c)', '(< a (< b c))'],
  ['x + 1 > y * 2', '(> (+ x 1) (* y 2))'],
  // + - (left-associative)
  ['a + b - c', '(- (+ a b) c)'],
  ['a - b - c', '(- (- a b) c)'],
  ['a - (b - c)', '(- a (- b c))'],
  // * / % (left-associative, above + -)
  ['a + b * c', '(+ a (* b c))'],
  ['a * b + c', '(+ (* a b) c)'],
  ['a / b / c', '(/ (/ a b) c)'],
  ['a % b * c', '(* (% a b) c)'],
  ['(a + b) * c', '(* (+ a b) c)'],
  // @ (above * / %)
  ['A @ x + b', '(+ (@ A x) b)'],
  ['2 * A @ B', '(* 2 (@ A B))'],
  ['A @ B @ C', '(@ (@ A B) C)'],
  // unary - + (above @, below ^)
  ['-x', '(neg x)'],
  ['+x', '(pos x)'],
  ['--x', '(neg (neg x))'],
  ['-A @ B', '(@ (neg A) B)'],
  ['a - -b', '(- a (neg b))'],
  ['a * -b', '(* a (neg b))'],
  ['-2', '(neg 2)'],
  // ^ and ** (right-associative, above unary; the exponent may be signed)
  ['-x^2', '(neg (^ x 2))'],
  ['-x**2', '(neg (^ x 2))'],
  ['2^3^2', '(^ 2 (^ 3 2))'],
  ['2**3**2', '(^ 2 (^ 3 2))'],
  ['2^-1', '(^ 2 (neg 1))'],
  ['2^-x^2', '(^ 2 (neg (^ x 2)))'],
  ['(-x)^2', '(^ (neg x) 2)'],
  ['a * b^2', '(* a (^ b 2))'],
  ['x^2 @ y', '(@ (^ x 2) y)'],
  // postfix ' (derivative)
  ["f'", '(d1 f)'],
  ["f''", '(d2 f)'],
  ["f'''", '(d3 f)'],
  ["relu'", '(d1 relu)'],
  ["f'(x)", '(call (d1 f) x)'],
  ["f''(0)", '(call (d2 f) 0)'],
  ["leaky_relu(alpha=0.2)'", '(d1 (call leaky_relu :alpha 0.2))'],
  ["(f')'", "(d1 (d1 f))"],
  ["f'^2", '(^ (d1 f) 2)'],
  ["-f'(x)", '(neg (call (d1 f) x))'],
  // calls
  ['relu(x)', '(call relu x)'],
  ['f()', '(call f)'],
  ['leaky_relu(x, alpha=0.1)', '(call leaky_relu x :alpha 0.1)'],
  ['leaky_relu(alpha=0.1)', '(call leaky_relu :alpha 0.1)'],
  ['leaky_relu(alpha=0.1)(x)', '(call (call leaky_relu :alpha 0.1) x)'],
  ['clamp(x, -1, 1)', '(call clamp x (neg 1) 1)'],
  ['where(x > 0, x, 0)', '(call where (> x 0) x 0)'],
  ['linspace(-1, 1, 5, dtype="float32")', '(call linspace (neg 1) 1 5 :dtype "float32")'],
  ['plot(relu, from=-4, to=4,)', '(call plot relu :from (neg 4) :to 4)'],
  ['f(x == 1)', '(call f (== x 1))'],
  ['relu(sin(x)^2)', '(call relu (^ (call sin x) 2))'],
  // index, transpose, field (left to right)
  ['a[0]', '(index a 0)'],
  ['a[-1]', '(index a (neg 1))'],
  ['a[i, j]', '(index a i j)'],
  ['a[0][1]', '(index (index a 0) 1)'],
  ['a.T', '(T a)'],
  ['[[1,2],[3,4]].T', '(T (vec (vec 1 2) (vec 3 4)))'],
  ['v.name', '(field v name)'],
  ['net.layer.T[0]', '(index (T (field net layer)) 0)'],
  ['f(x)[0]', '(index (call f x) 0)'],
  ['a.T @ b', '(@ (T a) b)'],
  ['-a.T^2', '(neg (^ (T a) 2))'],
  ['2.T', '(T 2)'],
  ["x.T'", '(d1 (T x))'],
  // statements
  ['x = 1', '(= x 1)'],
  ['y = -x^2 + 1', '(= y (+ (neg (^ x 2)) 1))'],
  ['f(x) = x^2', '(def f (x) (^ x 2))'],
  ['h(x, y) = x * y', '(def h (x y) (* x y))'],
  ['g(x, a=0.1, b=-1) = a*x + b', '(def g (x :a 0.1 :b (neg 1)) (+ (* a x) b))'],
  ['k() = 3', '(def k () 3)'],
  ['f = relu', '(= f relu)'],
  ["df = f'", '(= df (d1 f))'],
  ['b = x == 1', '(= b (== x 1))'],
  // separators, blank lines, comments, continuation lines
  ['a; b', 'a\nb'],
  ['a;b;', 'a\nb'],
  [';;a;;', 'a'],
  ['a\n\n\nb', 'a\nb'],
  ['\n\n  # only comments\n\n', ''],
  ['', ''],
  ['x = 1 # set x\nx', '(= x 1)\nx'],
  ['x = 1 +\n  2', '(= x (+ 1 2))'],
  ['x =\n  2', '(= x 2)'],
  ['y = a *   # continues\n\n  b', '(= y (* a b))'],
  ['f(1,\n  2)', '(call f 1 2)'],
  ['m = [\n  [1, 2],\n  [3, 4],\n]', '(= m (vec (vec 1 2) (vec 3 4)))'],
  ['plot(relu,\n     gelu)', '(call plot relu gelu)'],
  ['x\n-1', 'x\n(neg 1)'],
  ['f\n(x)', 'f\nx'],
  ['x = 1\r\ny = 2\r\n', '(= x 1)\n(= y 2)'],
];

interface ErrorCase {
  source: string;
  message: RegExp;
  line: number;
  column: number;
  /** The text the error span covers, when worth checking. */
  at?: string;
}

const errors: ErrorCase[] = [
  { source: 'f(x', message: /^expected '\)' to close the '\(' at line 1, column 2, but found end of input/, line: 1, column: 4 },
  { source: 'relu(sin(x)', message: /expected '\)' to close the '\(' at line 1, column 5/, line: 1, column: 12 },
  { source: 'y = (1 + 2\n\n', message: /expected '\)' to close the '\(' at line 1, column 5/, line: 1, column: 11 },
  { source: '(1 + 2 3)', message: /expected '\)' to close the '\(' at line 1, column 1, but found number 3/, line: 1, column: 8, at: '3' },
  { source: 'f(x y)', message: /expected '\)'.*name 'y'; separate arguments with ','/, line: 1, column: 5 },
  { source: '[1, 2', message: /expected '\]' to close the '\[' at line 1, column 1/, line: 1, column: 6 },
  { source: '[1 2]', message: /expected '\]'.*separate elements with ','/, line: 1, column: 4 },
  { source: 'a[0', message: /expected '\]' to close the '\[' at line 1, column 2/, line: 1, column: 4 },
  { source: 'f(x]', message: /expected '\)' to close the '\(' at line 1, column 2, but found '\]'/, line: 1, column: 4 },
  { source: 'f(2=3)', message: /named arguments are written name=value/, line: 1, column: 4 },
  { source: '(x = 1)', message: /to compare, use '=='/, line: 1, column: 4 },
  { source: 'f(,x)', message: /^unexpected ',' \(an expression was expected\)/, line: 1, column: 3, at: ',' },
  { source: '[1,,2]', message: /^unexpected ','/, line: 1, column: 4 },
  { source: 'x = ,', message: /missing value after '='/, line: 1, column: 3, at: '=' },
  { source: 'x =', message: /^missing value after '='$/, line: 1, column: 3, at: '=' },
  { source: 'x = \n\n', message: /^missing value after '='$/, line: 1, column: 3 },
  { source: 'x = ; y', message: /^missing value after '='$/, line: 1, column: 3 },
  { source: 'f(alpha=)', message: /^missing value after '='$/, line: 1, column: 8 },
  { source: '2 *', message: /^missing operand after '\*'$/, line: 1, column: 3 },
  { source: '(2 *)', message: /^missing operand after '\*'$/, line: 1, column: 4 },
  { source: 'x = -', message: /^missing operand after '-'$/, line: 1, column: 5 },
  { source: 'a < b < c', message: /'<' and '<' cannot be chained.*parentheses.*\(a < b\) \* \(b < c\)/, line: 1, column: 7, at: '<' },
  { source: 'a == b != c', message: /'==' and '!=' cannot be chained/, line: 1, column: 8 },
  { source: 'sin(2) = 3', message: /^cannot assign to a call of 'sin'; to define a function write f\(x\) = \.\.\./, line: 1, column: 5, at: '2' },
  { source: 'f(x + 1) = x', message: /cannot assign to a call of 'f'/, line: 1, column: 3, at: 'x + 1' },
  { source: "f'(x) = x", message: /cannot assign to a call of a derivative/, line: 1, column: 1, at: "f'" },
  { source: 'f(x)(y) = x', message: /cannot assign to a call of the result of a call/, line: 1, column: 1 },
  { source: 'f(x, x) = x', message: /parameter 'x' is listed twice/, line: 1, column: 6 },
  { source: 'g(a=1, a=2) = a', message: /argument 'a' is given twice/, line: 1, column: 8 },
  { source: '2 = x', message: /cannot assign to a number; the left side of '=' must be a name/, line: 1, column: 1 },
  { source: 'a[0] = 1', message: /cannot assign to an element of a tensor/, line: 1, column: 1, at: 'a[0]' },
  { source: 'x + 1 = 2', message: /cannot assign to the result of '\+'/, line: 1, column: 1 },
  { source: "f' = relu", message: /cannot assign to a derivative/, line: 1, column: 1 },
  { source: 'true = 1', message: /cannot assign to 'true'/, line: 1, column: 1 },
  { source: 'x = y = 2', message: /at most one '='.*'=='/, line: 1, column: 7 },
  { source: 'leaky_relu(alpha=0.1, x)', message: /positional argument after the named argument 'alpha'.*come first/, line: 1, column: 23, at: 'x' },
  { source: 'x y', message: /^unexpected name 'y' \(expected an operator, ';' or a new line; to multiply, write '\*'\)/, line: 1, column: 3 },
  { source: 'relu(x) 2', message: /unexpected number 2/, line: 1, column: 9 },
  { source: 'x = 1\ny = 2)', message: /unmatched '\)'/, line: 2, column: 6 },
  { source: 'a]', message: /unmatched '\]'/, line: 1, column: 2 },
  { source: ')', message: /unexpected '\)'/, line: 1, column: 1 },
  { source: "x = 'tanh'", message: /strings use double quotes/, line: 1, column: 5 },
  { source: 'a.', message: /expected a field name after '\.'/, line: 1, column: 3 },
  { source: 'a.1', message: /unexpected number \.1/, line: 1, column: 2 },
  { source: 'a[]', message: /expected an index inside '\[ \]'/, line: 1, column: 3 },
  { source: '()', message: /expected an expression inside '\( \)'/, line: 1, column: 2 },
  { source: 'x = 1\n\ny = 2x', message: /'2x'.*2\*x/, line: 3, column: 5, at: '2x' },
  { source: 'x = "abc', message: /unterminated string/, line: 1, column: 5 },
  { source: 'x = 1\n  y @@ 2', message: /unexpected '@'/, line: 2, column: 6 },
  { source: 'a # fine\nb = $', message: /unexpected character '\$'/, line: 2, column: 5 },
  { source: 'f(x) = 1 +', message: /missing operand after '\+'/, line: 1, column: 10 },
  { source: 'if x', message: /unexpected name 'x'/, line: 1, column: 4 },
];

function fails(source: string): LanguageError {
  try {
    parseProgram(source);
  } catch (e) {
    if (e instanceof LanguageError) return e;
    throw e;
  }
  assert.fail(`expected ${JSON.stringify(source)} to be rejected`);
}

/** The first node (depth-first, pre-order) satisfying `test`. */
function find(node: Node, test: (n: Node) => boolean): Node | undefined {
  if (test(node)) return node;
  for (const child of children(node)) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

function children(node: Node): Node[] {
  switch (node.type) {
    case 'program': return node.statements;
    case 'assign': return [node.value];
    case 'define': return [...node.params.flatMap((p) => (p.default ? [p.default] : [])), node.body];
    case 'expression': return [node.expr];
    case 'unary': return [node.operand];
    case 'binary': return [node.left, node.right];
    case 'call': return [node.callee, ...node.args, ...node.named.map((n) => n.value)];
    case 'index': return [node.target, ...node.indices];
    case 'transpose': case 'field': case 'derivative': return [node.target];
    case 'vector': return node.elements;
    default: return [];
  }
}

describe('language: parser golden cases', () => {
  for (const [source, printed] of golden) {
    it(`${JSON.stringify(source).slice(0, 60)} -> ${printed.split('\n')[0]}`, () => {
      assert.equal(printAst(parseProgram(source)), printed);
    });
  }

  it('reads number values and string values, not only their text', () => {
    const values = ['2', '0.5', '.5', '1e-3', '2.5E+4', '1.'].map((s) => {
      const e = parseExpression(s);
      assert.equal(e.type, 'number');
      return e.type === 'number' ? e.value : NaN;
    });
    assert.deepEqual(values, [2, 0.5, 0.5, 0.001, 25000, 1]);
    const s = parseExpression('"a\\nb"');
    assert.deepEqual(s.type === 'string' && s.value, 'a\nb');
  });

  it('parses a standalone expression and rejects anything after it', () => {
    assert.equal(printAst(parseExpression('\n relu(x) \n')), '(call relu x)');
    assert.throws(() => parseExpression('a; b'), LanguageError);
    assert.throws(() => parseExpression('a\nb'), LanguageError);
  });
});

describe('language: parser errors', () => {
  for (const c of errors) {
    it(`${JSON.stringify(c.source)} -> ${c.message.source.slice(0, 50)}`, () => {
      const e = fails(c.source);
      assert.equal(e.kind, 'syntax');
      assert.match(e.message, c.message);
      assert.deepEqual([e.line, e.column], [c.line, c.column], e.describe());
      if (c.at !== undefined) assert.equal(sliceSpan(c.source, e.span), c.at);
    });
  }

  it('rejects nesting deeper than the limit with a message, not a stack overflow', () => {
    for (const source of ['('.repeat(100000), '['.repeat(100000), '-'.repeat(100000) + 'x', '2^'.repeat(100000) + '2', 'f('.repeat(50000)]) {
      assert.match(fails(source).message, /nested too deeply/);
    }
    const ok = '('.repeat(maxNesting - 1) + 'x' + ')'.repeat(maxNesting - 1);
    assert.equal(printAst(parseProgram(ok)), 'x');
  });

  it('handles long flat inputs without recursion trouble', () => {
    const sum = Array.from({ length: 20000 }, (_, i) => `x${i}`).join(' + ');
    assert.equal(parseProgram(sum).statements.length, 1);
    const primes = parseExpression('f' + "'".repeat(5000));
    assert.equal(primes.type === 'derivative' && primes.order, 5000);
    assert.equal(parseProgram('x = 1\n'.repeat(20000)).statements.length, 20000);
  });
});

describe('language: spans', () => {
  const source = 'y = 2 * relu(sin(x - 1), alpha=0.1)\ng(x, a=0.1) = max(a * x, x)';
  const program = parseProgram(source);
  const text = (n: Node | Expr): string => sliceSpan(source, n.span);

  it('maps a nested call back to its own text', () => {
    const sin = find(program, (n) => n.type === 'call' && n.callee.type === 'name' && n.callee.name === 'sin');
    assert.ok(sin);
    assert.equal(text(sin), 'sin(x - 1)');
    const relu = find(program, (n) => n.type === 'call' && n.callee.type === 'name' && n.callee.name === 'relu');
    assert.ok(relu && relu.type === 'call');
    assert.equal(text(relu), 'relu(sin(x - 1), alpha=0.1)');
    assert.equal(sliceSpan(source, relu.named[0].nameSpan), 'alpha');
    assert.equal(text(relu.named[0].value), '0.1');
  });

  it('gives statements, names and parameters their spans', () => {
    const [assign, define] = program.statements;
    assert.equal(text(assign), 'y = 2 * relu(sin(x - 1), alpha=0.1)');
    assert.ok(assign.type === 'assign' && define.type === 'define');
    assert.equal(sliceSpan(source, assign.nameSpan), 'y');
    assert.equal(text(assign.value), '2 * relu(sin(x - 1), alpha=0.1)');
    assert.equal(text(define), 'g(x, a=0.1) = max(a * x, x)');
    assert.deepEqual(define.params.map((p) => sliceSpan(source, p.span)), ['x', 'a']);
    assert.equal(define.params[1].default && text(define.params[1].default), '0.1');
    assert.equal(text(define.body), 'max(a * x, x)');
    assert.deepEqual(program.span, { start: 0, end: source.length });
  });

  it('covers parentheses, signs, postfix chains and primes', () => {
    const cases: [string, (n: Node) => boolean, string][] = [
      ['(a + b) * c', (n) => n.type === 'binary' && n.op === '*', '(a + b) * c'],
      ['(a + b) * c', (n) => n.type === 'binary' && n.op === '+', '(a + b)'],
      ['z = -x^2', (n) => n.type === 'unary', '-x^2'],
      ['z = -x^2', (n) => n.type === 'binary', 'x^2'],
      ["leaky_relu(alpha=0.2)''(x)", (n) => n.type === 'derivative', "leaky_relu(alpha=0.2)''"],
      ['m.T[0, 1]', (n) => n.type === 'transpose', 'm.T'],
      ['m.T[0, 1]', (n) => n.type === 'index', 'm.T[0, 1]'],
      ['net.w', (n) => n.type === 'field', 'net.w'],
      ['[1, [2, 3]]', (n) => n.type === 'vector' && n.elements.every((e) => e.type === 'number'), '[2, 3]'],
      ['"s" ', (n) => n.type === 'string', '"s"'],
    ];
    for (const [src, test, expected] of cases) {
      const node = find(parseProgram(src), test);
      assert.ok(node, src);
      assert.equal(sliceSpan(src, node.span), expected, src);
    }
  });

  it('gives every node of the example cell a span inside the text whose text parses back to the same tree', () => {
    const parsed = parseProgram(exampleCell);
    const visit = (node: Node): void => {
      if (node.type !== 'program' && node.type !== 'assign' && node.type !== 'define') {
        const slice = sliceSpan(exampleCell, node.span);
        assert.equal(printAst(parseProgram(slice)), printAst(node), slice);
      }
      children(node).forEach(visit);
    };
    visit(parsed);
  });
});


const vocabulary = [
  'x', 'f', 'relu', 'leaky_relu', 'alpha', 'T', 'true', 'false', '0', '2', '0.5', '.5', '1e-3', '2.5E+4', '1.',
  '"tanh"', '"a\\"b"', '"', '\\', '+', '-', '*', '/', '%', '@', '^', '**', "'", "''", '(', ')', '[', ']', ',', ';',
  '=', '==', '!=', '<', '<=', '>', '>=', '.', '\n', '\n\n', ' ', '# c\n', '$', '×', '2x', '😀', '\r\n', '\t', '{',
];

/** Operands and operator-like pieces alternated: soups that parse often, reaching deep into the parser. */
const operands = ['x', '2', '.5', 'relu(x)', "f'", '[1, 2]', '(a)', '"s"', 'true', 'g(a=1)', '-y'];
const joiners = ['+', '*', '^', '**', '@', '==', '<', ';', '\n', '.T', "'", '(x)', '[0]', ' = ', ',', '(', ')', '.w'];

function soup(random: () => number, index: number): string {
  const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)];
  let source = '';
  if (index % 2 === 0) {
    const length = 1 + Math.floor(random() * 24);
    for (let k = 0; k < length; k++) source += pick(vocabulary) + (random() < 0.5 ? ' ' : '');
  } else {
    const length = 1 + Math.floor(random() * 8);
    for (let k = 0; k < length; k++) source += pick(operands) + (k < length - 1 ? pick(joiners) : '');
  }
  return source;
}

describe('language: fuzz', () => {
  it('2000 seeded token soups all give a Program or a LanguageError, never anything else', () => {
    const random = prng(20240607);
    let parsed = 0;
    let rejected = 0;
    for (let i = 0; i < 2000; i++) {
      const source = soup(random, i);
      let program: Program;
      try {
        program = parseProgram(source);
      } catch (e) {
        if (!(e instanceof LanguageError)) {
          assert.fail(`soup ${i} ${JSON.stringify(source)} threw ${String(e)}`);
        }
        assert.ok(e.span.start >= 0 && e.span.end <= source.length && e.span.start <= e.span.end, `soup ${i}`);
        assert.ok(e.line >= 1 && e.column >= 1, `soup ${i}`);
        rejected++;
        continue;
      }
      assert.equal(program.type, 'program');
      // A tree that parsed must print, and parsing is deterministic.
      assert.equal(printAst(parseProgram(source)), printAst(program));
      parsed++;
    }
    // Both outcomes occur, so the fuzz exercises the parser rather than only the lexer's errors.
    assert.ok(parsed > 200 && rejected > 200, `parsed ${parsed}, rejected ${rejected}`);
  });

  it('mutations of the example cell (one character deleted) give a Program or a LanguageError', () => {
    for (let i = 0; i < exampleCell.length; i++) {
      const source = exampleCell.slice(0, i) + exampleCell.slice(i + 1);
      try {
        parseProgram(source);
      } catch (e) {
        assert.ok(e instanceof LanguageError, `deleting offset ${i} threw ${String(e)}`);
      }
    }
  });
});
