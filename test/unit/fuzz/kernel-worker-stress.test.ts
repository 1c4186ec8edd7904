/**
 * The kernel's worker thread under load, in bounded time: a cell that allocates a tensor
 * at the 50,000,000-element cap (400 MB; the 2 GiB budget would take five of them, too
 * heavy for a test) and works on it, one past the cap, an interrupt in the middle of a long
 * computation on it, a run of fuzzed cells; after each, a normal cell still runs in the same
 * worker and the session keeps its variables.
 */
import { strict as assert } from 'assert';
import { join } from 'path';
import { MAX_ELEMENTS } from '../../../src/engine';
import { WorkerSession } from '../../../src/services/kernel/kernel-worker';
import type { DisplayValue } from '../../../src/shared/output';
import { cell, PRELUDE } from './cell-grammar';
import { assertClean, fc, fuzzOptions, longHunt } from './support';

const ENTRY = join(__dirname, '../helpers/kernel-worker-entry.cjs');

/** The cell's display, or a failure once `seconds` have passed: a hang fails the test instead of stalling it. */
async function within(seconds: number, pending: Promise<DisplayValue>, what: string): Promise<DisplayValue> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${seconds} s`)), seconds * 1000);
  });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzz: the kernel worker under load', function () {
  this.timeout(longHunt ? 0 : 90_000);
  let kernel: WorkerSession;
  const run = async (source: string, seconds = 20): Promise<DisplayValue> => {
    const d = await within(seconds, kernel.run(source), JSON.stringify(source.slice(0, 60)));
    assertClean(d, source);
    return d;
  };
  // (no builtin and a name no fuzzed cell defines: those may redefine relu, sum or pi)
  const stillWorks = async (): Promise<void> => {
    assert.deepEqual(await run('check_1 = [40, 1] + [2, -1]\ncheck_1[0]', 5), { kind: 'number', value: 42 });
    assert.ok(kernel.alive, 'the worker is alive');
  };
  before(() => {
    kernel = new WorkerSession(ENTRY);
  });
  after(() => kernel.dispose());

  it('a tensor at the element cap, one past it, and a normal cell after them', async () => {
    assert.deepEqual(await run('n = 1'), { kind: 'none' }, 'the worker starts');
    const started = Date.now();
    assert.deepEqual(await run(`big = zeros(${MAX_ELEMENTS})`), { kind: 'none' });
    assert.deepEqual(await run('sum(sigmoid(big)) / len(big)'), { kind: 'number', value: 0.5 });
    const past = await run(`more = ones(${MAX_ELEMENTS + 1})`);
    assert.equal(past.kind, 'error');
    assert.match(past.kind === 'error' ? past.message : '', /50,000,001 elements exceeds the limit of 50,000,000/);
    assert.deepEqual(past.kind === 'error' && [past.line, past.column], [1, 8]);
    // a broadcast past the cap ([2, 1] against 50 million: 100 million) is refused before anything is allocated
    const broadcast = await run('big + [[1], [2]]');
    assert.match(broadcast.kind === 'error' ? broadcast.message : '', /100,000,000 elements exceeds the limit/);
    assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms at the cap`);
    await stillWorks();
    assert.deepEqual(await run('len(big)'), { kind: 'number', value: MAX_ELEMENTS }, 'the big tensor is still there');
  });

  it('an interrupt in the middle of a long computation on it stops at once, and the next cell runs', async () => {
    // a second derivative of a builtin: a few seconds over 50 million elements
    const pending = kernel.run("slow = sigmoid''(big)");
    await new Promise((r) => setTimeout(r, 300));
    const asked = Date.now();
    kernel.interrupt();
    const d = await within(10, pending, 'the interrupted cell');
    assert.ok(Date.now() - asked < 2000, `stopped ${Date.now() - asked} ms after the interrupt`);
    assert.deepEqual(d, { kind: 'error', message: 'interrupted while computing slow on line 1, so slow was not assigned', line: 0, column: 0 });
    await stillWorks();
    assert.deepEqual(await run('big = 0\nn'), { kind: 'number', value: 1 }, 'and frees the tensor');
  });

  it('fuzzed cells through the worker: each a value or an error in place, and a normal cell after them', async () => {
    await run(PRELUDE);
    const cells = fc.sample(fc.array(cell, { minLength: 1, maxLength: 3 }), fuzzOptions<string[]>(30, 2));
    for (const sources of cells) for (const source of sources) await run(source, 10);
    await stillWorks();
  });
});
