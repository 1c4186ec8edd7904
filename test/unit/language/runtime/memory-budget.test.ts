import { strict as assert } from 'assert';
import { fromNested, zeros } from '../../../../src/engine';
import { Evaluator } from '../../../../src/language/runtime/evaluator';
import { bytesHeld, checkMemoryBudget, SESSION_MEMORY_BUDGET } from '../../../../src/language/runtime/memory-budget';
import { tensorValue, type Value } from '../../../../src/language/runtime/values';
import { LanguageError } from '../../../../src/language/errors';

describe('runtime: the notebook memory budget', () => {
  const site = { span: { start: 0, end: 5 }, evaluator: new Evaluator({ globals: new Map(), defaultDType: 'float64', depth: 0 }, 'x = 1') };
  const mb = (n: number): Value => tensorValue(zeros('float64', [n * 131072])); // n MiB of float64

  it('counts the bytes of tensor data a value holds', () => {
    assert.equal(bytesHeld(mb(1)), 1024 * 1024);
    assert.equal(bytesHeld(tensorValue(fromNested([1, 2, 3], 'float32'))), 12);
    assert.equal(bytesHeld({ kind: 'number', value: 3 }), 0);
    assert.equal(SESSION_MEMORY_BUDGET, 2 * 1024 ** 3);
  });

  it('refuses an assignment that takes the variables past the budget, naming the largest', () => {
    const globals = new Map<string, Value>([['a', mb(4)], ['b', mb(3)], ['n', { kind: 'number', value: 1 }]]);
    checkMemoryBudget(globals, 'c', mb(3), site, 10 * 1024 ** 2); // 10 MiB exactly: fine
    assert.throws(() => checkMemoryBudget(globals, 'c', mb(4), site, 10 * 1024 ** 2), (e: unknown) => {
      assert.ok(e instanceof LanguageError);
      assert.match(e.message, /c = \.\.\. would take the notebook's variables to 11 MB of tensors, past the budget of 10 MB; free some first \(e\.g\. a = 0\): the largest are a \(4 MB\), b \(3 MB\)/);
      return true;
    });
  });

  it('counts a tensor that several names hold once: b = a copies nothing (found by the kernel stress test)', () => {
    const a = mb(4);
    const globals = new Map<string, Value>([['a', a], ['b', a], ['c', a], ['d', mb(3)]]);
    // was 4 + 4 + 4 + 3 + 4 = 19 MiB: refused
    checkMemoryBudget(globals, 'e', a, site, 10 * 1024 ** 2);
    assert.throws(() => checkMemoryBudget(globals, 'e', mb(4), site, 10 * 1024 ** 2), /to 11 MB of tensors/);
  });

  it('does not count the value an assignment replaces', () => {
    const globals = new Map<string, Value>([['a', mb(8)]]);
    checkMemoryBudget(globals, 'a', mb(8), site, 10 * 1024 ** 2);
  });
});
