/**
 * Fused elementwise loops must give exactly what the operator-by-operator path
 * gives. The reference evaluates one operator per statement in a session that
 * fuses nothing (no WebAssembly, no JavaScript loops compiled: the engine's
 * own pass for every operator).
 */
import { strict as assert } from 'assert';
import { useWasmElementwise } from '../../../../src/engine';
import { LoopInputs } from '../../../../src/language/runtime/fused-loop';
import { Session } from '../../../../src/language/runtime/session';

const N = 5000; // above the fusion threshold

function data(session: Session, source: string): number[] {
  const d = session.run(source).display;
  assert.equal(d.kind, 'tensor', `${source}: ${JSON.stringify(d).slice(0, 160)}`);
  return d.kind === 'tensor' ? (d.data as number[]) : [];
}

function setup(dtypeX: string, dtypeZ: string, options: { compileLoops?: boolean } = {}): Session {
  const s = new Session(options);
  s.run(`x = linspace(-6, 6, ${N}, dtype="${dtypeX}")\nz = linspace(2, -3, ${N}, dtype="${dtypeZ}")`);
  s.run(`m = reshape(linspace(-1, 1, ${2 * N}, dtype="${dtypeZ}"), 2, ${N})\nsmall = linspace(-6, 6, 100, dtype="${dtypeX}")`);
  s.run('f(t) = t - 1\ng(t) = t / 3');
  return s;
}

/** The display of the last of `steps`, each run one operator at a time (nothing fused). */
function stepwise(dtypeX: string, dtypeZ: string, steps: readonly string[]): ReturnType<Session['run']>['display'] {
  useWasmElementwise(false);
  try {
    const s = setup(dtypeX, dtypeZ, { compileLoops: false });
    let display: ReturnType<Session['run']>['display'] | undefined;
    assert.equal(loopsRun(() => steps.forEach((step) => (display = s.run(step).display))), 0, 'the reference fuses nothing');
    return display!;
  } finally {
    useWasmElementwise(true);
  }
}

/** How many fused loops `work` runs. */
function loopsRun(work: () => void): number {
  const run = LoopInputs.prototype.run;
  let loops = 0;
  LoopInputs.prototype.run = function (this: LoopInputs, ...args: Parameters<typeof run>) {
    loops++;
    return run.apply(this, args);
  };
  try {
    work();
  } finally {
    LoopInputs.prototype.run = run;
  }
  return loops;
}

const cases: [string, string[]][] = [
  ['x * sigmoid(1.702 * x)', ['a = 1.702 * x', 'b = sigmoid(a)', 'x * b']],
  ['-x^2 + 3 * z', ['a = x^2', 'b = -a', 'c = 3 * z', 'b + c']],
  ["leaky_relu(x - z, alpha=0.2) / 7", ['a = x - z', 'b = leaky_relu(a, alpha=0.2)', 'b / 7']],
  ["gelu'(x * 0.1) * exp(z / 3)", ['a = x * 0.1', "b = gelu'(a)", 'c = z / 3', 'd = exp(c)', 'b * d']],
  ['tanh(x) - tanh(z) + 1 / 3', ['a = tanh(x)', 'b = tanh(z)', 'c = a - b', 'c + 1 / 3']],
];

/**
 * Expressions of which only a piece fuses, or none: the part that cannot be
 * fused is computed the ordinary way, with the values already computed below it.
 * With the loops each runs, so that the situation named is the one tested.
 */
const fallbacks: [string, string[], number][] = [
  ['m * (x * sigmoid(1.702 * x)) + 1', ['a = 1.702 * x', 'b = sigmoid(a)', 'c = x * b', 'd = m * c', 'd + 1'], 2], // broadcasting above a fused piece; + 1 loops over its result
  ['f(x * sigmoid(z)) / 3', ['a = sigmoid(z)', 'b = x * a', 'c = f(b)', 'c / 3'], 3], // a user function above one: its t - 1 and the / 3 loop on their own
  ['x * g(2) - tanh(z)', ['a = g(2)', 'b = x * a', 'c = tanh(z)', 'b - c'], 1], // a user function's number inside one
  ['(x > z) * x * 1.5', ['a = x > z', 'b = a * x', 'b * 1.5'], 1], // a comparison's tensor inside one
  ['x * sigmoid(x) + [0.5]', ['a = sigmoid(x)', 'b = x * a', 'b + [0.5]'], 1], // broadcasting a one-element vector
  ['leaky_relu(alpha=0.2)(x - z) * 2', ['h = leaky_relu(alpha=0.2)', 'a = x - z', 'b = h(a)', 'b * 2'], 1], // a called function value
  ['small * sigmoid(1.702 * small) + 1', ['a = 1.702 * small', 'b = sigmoid(a)', 'c = small * b', 'c + 1'], 0], // too few elements
  ['-x + 0.25', ['a = -x', 'a + 0.25'], 1],
  ['x + 1', ['x + 1'], 1], // one operator loops too: faster than the engine's generic pass
  ['+x', ['+x'], 0], // unary plus returns its operand
  ['relu(x)', ['relu(x)'], 0], // one activation call: the engine's kernel
];

describe('language/runtime: fused elementwise loops', () => {
  for (const [dx, dz] of [['float64', 'float64'], ['float32', 'float32'], ['float32', 'float64']]) {
    for (const [fused, steps] of cases) {
      it(`${fused} with x ${dx}, z ${dz}: identical to one operator at a time`, () => {
        const s = setup(dx, dz);
        const got = data(s, fused);
        const reference = stepwise(dx, dz, steps);
        assert.equal(reference.kind, 'tensor');
        const want = reference.kind === 'tensor' ? (reference.data as number[]) : [];
        assert.equal(got.length, N);
        got.forEach((v, i) => assert.ok(Object.is(v, want[i]), `element ${i}: fused ${v}, stepwise ${want[i]}`));
        const dtype = s.run(`y = ${fused}`) && s.run('y').display;
        const expected = dx === 'float32' && (dz === 'float32' || !fused.includes('z')) ? 'float32' : 'float64';
        assert.equal(dtype.kind === 'tensor' && dtype.dtype, expected);
      });
    }
  }

  for (const [dx, dz] of [['float64', 'float64'], ['float32', 'float32'], ['float32', 'float64'], ['float64', 'float32']]) {
    for (const [expression, steps, loops] of fallbacks) {
      it(`${expression} with x ${dx}, z ${dz}: ${loops} loop${loops === 1 ? '' : 's'}, identical to one operator at a time`, () => {
        const s = setup(dx, dz);
        let got: ReturnType<typeof s.run>['display'] | undefined;
        assert.equal(loopsRun(() => (got = s.run(expression).display)), loops, 'fused loops run');
        const want = stepwise(dx, dz, steps);
        assert.ok(got?.kind === 'tensor' && want.kind === 'tensor', JSON.stringify(got).slice(0, 160));
        assert.equal(got.dtype, want.dtype);
        assert.deepEqual(got.shape, want.shape);
        const wanted = want.data as number[];
        (got.data as number[]).forEach((v, i) => assert.ok(Object.is(v, wanted[i]), `element ${i}: ${v}, stepwise ${wanted[i]}`));
      });
    }
  }

  it('falls back to the ordinary path for broadcasting and still broadcasts', () => {
    const s = new Session();
    s.run(`m = reshape(linspace(0, 1, ${2 * N}), 2, ${N})\nv = linspace(0, 1, ${N})`);
    const d = s.run('m * v + sigmoid(v)').display;
    assert.equal(d.kind === 'tensor' && d.shape.join(','), `2,${N}`);
  });

  it('reports errors inside a fusable expression at the right place', () => {
    const s = setup('float64', 'float64');
    const d = s.run('x * sigmod(2 * x)').display;
    assert.equal(d.kind, 'error');
    assert.ok(d.kind === 'error' && /unknown function 'sigmod' \(did you mean 'sigmoid'/.test(d.message), JSON.stringify(d));
    assert.equal(d.kind === 'error' && d.column, 5);
  });

  it('reports the error the ordinary path reaches first, not a later one', () => {
    const s = setup('float64', 'float64');
    s.run('w = [1, 2, 3]\nk = 2');
    const errors: [string, RegExp][] = [
      ['(m * w) * nosuch', /broadcast|shape/],
      ['leaky_relu(x, alpha="a") * nosuch', /alpha/],
      ['x * "a" + nosuch', /cannot use a string with \*/],
      ['x * sigmoid(x) + k(nosuch)', /'k' is a number, not a function/],
    ];
    for (const [cell, message] of errors) {
      const d = s.run(cell).display;
      assert.ok(d.kind === 'error' && message.test(d.message), `${cell}: ${JSON.stringify(d)}`);
    }
  });

  it('stops a fused loop when interrupted', () => {
    const s = new Session();
    s.run('x = zeros(3000000)');
    let reads = 0;
    const d = s.run('y = x * sigmoid(1.702 * x) + 1', { get isCancellationRequested() { return ++reads > 4; } }).display;
    assert.equal(d.kind === 'error' && d.message, 'interrupted while computing y on line 1, so y was not assigned');
  });
});
