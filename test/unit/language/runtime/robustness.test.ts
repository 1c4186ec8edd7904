/**
 * A cell can never crash or hang the session: runaway recursion, huge
 * allocations, deep nesting and bad input all become error displays with a
 * position; a failing cell leaves earlier state intact.
 */
import { strict as assert } from 'assert';
import { MAX_ELEMENTS } from '../../../../src/engine';
import { asError, asNumber, asTensor, display, evalCell, Session } from './support';

describe('runtime: robustness', () => {
  it('runaway recursion f(x) = f(x) then f(1) is an error display, quickly', () => {
    const s = new Session();
    display(s, 'f(x) = f(x)');
    const started = Date.now();
    const d = display(s, 'f(1)');
    assert.ok(Date.now() - started < 5000, 'returns promptly');
    asError(d, /f calls itself more than \d+ levels deep/, 1, 1);
    // the session still works afterwards
    assert.equal(asNumber(display(s, '1 + 1')), 2);
  });

  it('a runaway recursion is reported at the call the user wrote, saying where the function is defined', () => {
    asError(evalCell('f(x) = f(x)\nf(2)'), /^f calls itself more than \d+ levels deep \(it is defined on line 1\)/, 2, 1);
    asError(evalCell('f(x) = g(x)\ng(x) = f(x) + 1\ny = 1\n[1, f(2)]'), /calls itself .* \(it is defined on line [12]\)/, 4, 5);
    const s = new Session();
    display(s, 'h(x) = h(x) * 2');
    asError(display(s, '\n  h(3)'), /h calls itself .* \(it is defined in an earlier cell\)/, 2, 3);
  });

  it('recursion inside one cell and mutual recursion on tensors are errors too', () => {
    asError(evalCell('f(x) = f(x) + 1\nf(1)'), /calls itself/);
    asError(evalCell('p(x) = q(x)\nq(x) = p(x)\np([1, 2])'), /calls itself/);
  });

  it('an allocation over the cap is an error mentioning the limit', () => {
    const d = asError(evalCell('zeros(100000, 1000)'), /limit/, 1, 1);
    assert.match(d.message, /100,000,000/);
    assert.match(d.message, new RegExp(MAX_ELEMENTS.toLocaleString('en-US')));
    asError(evalCell('x = ones(10)\n  y = rand(60000000)'), /limit/, 2, 7);
    asError(evalCell('linspace(0, 1, 1e9)'), /limit/, 1, 1);
    asError(evalCell('arange(0, 1e12)'), /limit/, 1, 1);
  });

  it('a cell that fails leaves earlier variables intact', () => {
    const s = new Session();
    display(s, 'a = [1, 2, 3]', 'f(x) = x + 1');
    asError(display(s, 'a = rleu(a)'), /rleu/);
    assert.deepEqual(asTensor(display(s, 'a')), [1, 2, 3]);
    asError(display(s, 'a = zeros(100000, 1000)'), /limit/);
    assert.deepEqual(asTensor(display(s, 'f(a)')), [2, 3, 4]);
    asError(display(s, 'f(x) = (x +'), /./); // a syntax error defines nothing
    assert.deepEqual(asTensor(display(s, 'f(a)')), [2, 3, 4]);
  });

  it('error displays for source errors always have line >= 1 and column >= 1', () => {
    const bad = [
      'rleu(1)', '(1', '1 +', '"abc', '1 $ 2', '[1, 2] + [1, 2, 3]', 'x', 'relu(1, 2)', 'f(x) = f(x)\nf(2)',
      'zeros(100000, 1000)', '1 < 2 < 3', 'a.b', "3'", 'relu"', ')', '[[1, 2], [3]]', '\n\n   nosuch',
      '('.repeat(5000) + '1' + ')'.repeat(5000),
      '-'.repeat(50000) + '1',
      // (a left-leaning chain of 200,000 terms is no longer an error: long-chains.test.ts)
    ];
    for (const source of bad) {
      const d = new Session().run(source).display;
      assert.equal(d.kind, 'error', `${source.slice(0, 30)}: ${JSON.stringify(d).slice(0, 200)}`);
      if (d.kind !== 'error') continue;
      assert.ok(d.line >= 1 && d.column >= 1, `${source.slice(0, 30)}: line ${d.line}, column ${d.column} (${d.message})`);
      assert.ok(d.message.length > 0);
    }
  });

  it('a cancelled run is reported as interrupted, not thrown', () => {
    const s = new Session();
    const r = s.run('f(x) = x + 1\nf(1)', { isCancellationRequested: true });
    assert.equal(r.display.kind, 'error');
    assert.match(r.display.kind === 'error' ? r.display.message : '', /interrupted/);
    // and the next run is not cancelled
    assert.equal(asNumber(display(s, '2 + 2')), 4);
  });

  it('run never throws, whatever the input', () => {
    const s = new Session();
    const pieces = ['relu', '(', ')', '[', ']', ',', '1', 'x', '=', "'", '+', '@', '.T', '"s"', ';', '\n', 'f(x)', 'nan', '^'];
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 400; i++) {
      const n = 1 + Math.floor(next() * 8);
      const source = Array.from({ length: n }, () => pieces[Math.floor(next() * pieces.length)]).join(' ');
      const r = s.run(source);
      assert.ok(['none', 'error', 'number', 'tensor', 'function', 'string', 'boolean', 'plot', 'table'].includes(r.display.kind), source);
      if (r.display.kind === 'error' && r.display.message !== 'interrupted') assert.ok(r.display.line >= 1, `${source}: ${r.display.message}`);
      assert.doesNotMatch(r.display.kind === 'error' ? r.display.message : '', /internal error/, source);
    }
  });
});
