import { strict as assert } from 'assert';
import { fromNested, zeros } from '../../../../src/engine';
import { Evaluator } from '../../../../src/language/runtime/evaluator';
import { budgetFromMebibytes, bytesHeld, checkMemoryBudget, SESSION_MEMORY_BUDGET } from '../../../../src/language/runtime/memory-budget';
import { Session } from '../../../../src/language/runtime/session';
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
      assert.match(e.message, /c = \.\.\. would take the notebook's variables to 11 MiB of tensors, past the budget of 10 MiB; free some first \(e\.g\. a = 0\): the largest are a \(4 MiB\), b \(3 MiB\), or use float32 \(the budget is the setting activationLab\.kernel\.memoryBudgetMiB\)/);
      return true;
    });
  });

  it('counts a tensor that several names hold once: b = a copies nothing (found by the kernel stress test)', () => {
    const a = mb(4);
    const globals = new Map<string, Value>([['a', a], ['b', a], ['c', a], ['d', mb(3)]]);
    // was 4 + 4 + 4 + 3 + 4 = 19 MiB: refused
    checkMemoryBudget(globals, 'e', a, site, 10 * 1024 ** 2);
    assert.throws(() => checkMemoryBudget(globals, 'e', mb(4), site, 10 * 1024 ** 2), /to 11 MiB of tensors/);
  });

  it('does not count the value an assignment replaces', () => {
    const globals = new Map<string, Value>([['a', mb(8)]]);
    checkMemoryBudget(globals, 'a', mb(8), site, 10 * 1024 ** 2);
  });

  it('a session can be given another budget (the editor\'s activationLab.kernel.memoryBudgetMiB), and keeps working past a refusal', () => {
    const session = new Session({ memoryBudget: budgetFromMebibytes(16) });
    assert.equal(session.run('a = zeros(1048576)').display.kind, 'none'); // 8 MiB
    const refused = session.run('b = zeros(1048576)\nc = zeros(131072)').display; // 8 + 8 + 1 MiB
    assert.equal(refused.kind, 'error');
    if (refused.kind === 'error') {
      assert.match(refused.message, /^c = \.\.\. would take the notebook's variables to 17 MiB of tensors, past the budget of 16 MiB; .*activationLab\.kernel\.memoryBudgetMiB/);
      assert.equal(refused.line, 2);
    }
    assert.equal(session.run('len(a) + len(b)').display.kind, 'number');
  });

  it('reads a setting in MiB: a number from 1 on, anything else the default', () => {
    assert.equal(budgetFromMebibytes(512), 512 * 1024 ** 2);
    assert.equal(budgetFromMebibytes(0), undefined);
    assert.equal(budgetFromMebibytes(Infinity), undefined);
    assert.equal(budgetFromMebibytes('2048'), undefined);
    assert.equal(budgetFromMebibytes(undefined), undefined);
  });
});
