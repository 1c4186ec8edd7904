/**
 * Long chains of left-associative operators (`1 + 1 + … + 1`, `x * x * … * x`) are
 * evaluated along their spine in a loop, so their length is not bounded by the stack;
 * and an expression nested past what the interpreter can follow is an error in words,
 * never JavaScript's own "Maximum call stack size exceeded".
 */
import { strict as assert } from 'assert';
import { Evaluator } from '../../../../src/language/runtime/evaluator';
import { asError, asNumber, display, Session } from './support';

const chain = (term: string, op: string, n: number): string => Array.from({ length: n }, () => term).join(` ${op} `);

describe('runtime: long chains of operators', () => {
  it('adds 200,000 ones (a left-deep tree 200,000 levels deep)', () => {
    assert.equal(asNumber(display(new Session(), chain('1', '+', 200_000))), 200_000);
  });

  it('mixes operators of one precedence level in one chain: 1 - 1 + 1 - … in order', () => {
    const terms = Array.from({ length: 20_001 }, (_, i) => (i === 0 ? '1' : i % 2 ? '- 1' : '+ 1')).join(' ');
    assert.equal(asNumber(display(new Session(), terms)), 1);
  });

  for (const dtype of ['float64', 'float32'] as const) {
    it(`multiplies a ${dtype} tensor 3,000 times, bit-identical to one product at a time`, () => {
      const s = new Session();
      display(s, `x = linspace(1, 1.0001, 5000, dtype="${dtype}")`);
      const d = display(s, chain('x', '*', 3000));
      assert.equal(d.kind, 'tensor');
      // the reference: linspace's own values, multiplied left to right and stored after each product
      const xs = (display(s, 'x') as { data: number[] }).data;
      const expected = xs.map((v) => {
        let p = v;
        for (let k = 1; k < 3000; k++) p = dtype === 'float32' ? Math.fround(p * v) : p * v;
        return p;
      });
      assert.equal(xs.length, 5000);
      if (d.kind === 'tensor') assert.deepEqual(d.data, expected);
    });
  }

  it('is interrupted while it walks a long chain', () => {
    // the token says "stop" from its third reading on: the statement's own check passes, the chain's do not
    let readings = 0;
    const token = { get isCancellationRequested() { return ++readings > 2; } };
    const r = new Session().run(chain('1', '+', 10_000), token);
    assert.equal(r.display.kind, 'error');
    if (r.display.kind === 'error') assert.match(r.display.message, /interrupted/);
    assert.ok(readings >= 3, `the chain read the token (${readings} readings)`);
  });

  it('evaluates a function of a 20,000-term body, and refuses its derivative in words, with no JavaScript message', () => {
    const s = new Session();
    display(s, `f(x) = ${chain('x', '+', 20_000)}`);
    assert.equal(asNumber(display(s, 'f(2)')), 40_000);
    const d = asError(display(s, "f'(1)"), /cannot differentiate f: its formula has more than 2,000 terms/);
    assert.doesNotMatch(d.message, /Maximum call stack|RangeError/);
  });

  it('says in words when something is nested deeper than the interpreter can follow', () => {
    // a stack overflow anywhere in a run (here forced in the evaluator) becomes a message to act on
    const s = new Session();
    const evaluate = Evaluator.prototype.evaluate;
    Evaluator.prototype.evaluate = () => { throw new RangeError('Maximum call stack size exceeded'); };
    try {
      const d = asError(s.run('1 + 1').display, /nested too deeply to evaluate.*split it into smaller definitions/);
      assert.doesNotMatch(d.message, /Maximum call stack|RangeError/);
    } finally {
      Evaluator.prototype.evaluate = evaluate;
    }
  });
});

describe('runtime: derivatives stay bounded', () => {
  it("refuses the 8th derivative of sigmoid at once, saying why, and keeps the ones before it", () => {
    const s = new Session();
    display(s, 'f(x) = sigmoid(x)');
    const started = Date.now();
    const d = asError(display(s, "f''''''''(1)"), /cannot differentiate f'{5,}: its formula has more than 2,000 terms/);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    assert.doesNotMatch(d.message, /Maximum call stack|RangeError/);
    // the 4th derivative still works: sigmoid - 1/2 is odd, so its 4th derivative at 0 is 0
    assert.ok(Math.abs(asNumber(display(s, "f''''(0)"))) < 1e-12);
  });
});

describe('runtime: exponential work stops on an interrupt', () => {
  it('f30(1), where each f doubles the calls of the one before (2^30 calls), stops when interrupted', () => {
    const s = new Session();
    const defs = ['f0(x) = x + 1', ...Array.from({ length: 30 }, (_, i) => `f${i + 1}(x) = f${i}(f${i}(x))`)];
    display(s, defs.join('\n'));
    let readings = 0;
    const token = { get isCancellationRequested() { return ++readings > 10_000; } };
    const started = Date.now();
    const r = s.run('f30(1)', token);
    assert.ok(Date.now() - started < 5000, `stopped after ${Date.now() - started} ms`);
    assert.equal(r.display.kind, 'error');
    if (r.display.kind === 'error') assert.match(r.display.message, /interrupted/i);
    // and the session goes on
    assert.equal(asNumber(display(s, 'f3(1)')), 9);
  });
});
