/**
 * Cells from the language's grammar, run in sessions that hold every kind of value: each
 * ends in a value or an error display in place, in our words, within its time and memory
 * (support.ts says what "clean" means and how to run more cases).
 */
import { strict as assert } from 'assert';
import { Session } from '../../../src/language';
import { anyText, cell, expression, extremeCell, networkCell, PRELUDE, typedValue, userFunctionCell } from './cell-grammar';
import { evalCommand } from '../../../src/cli/eval-command';
import { terminalSafe } from '../../../src/cli/io';
import { fc, fuzzOptions, liveBytes, longHunt, runClean, show } from './support';

/** A session with the prelude's names defined (vectors, a matrix, functions, a network, a data set, a training run). */
function preparedSession(): Session {
  const session = new Session();
  const d = session.run(PRELUDE).display;
  assert.equal(d.kind, 'none', `the prelude runs: ${JSON.stringify(d)}`);
  return session;
}

describe('fuzz: cells', function () {
  this.timeout(longHunt ? 0 : 120_000);
  // one session for the single-expression properties: each cell runs after all earlier ones
  // (a cell that fails changes nothing; one that assigns changes what later ones see)
  let shared: Session;
  before(() => {
    shared = preparedSession();
  });

  it('an expression of the grammar is a value or an error in place', () => {
    fc.assert(fc.property(expression, (source) => {
      runClean(shared, source);
    }), fuzzOptions(600));
  });

  it('a well-typed expression over extreme numbers is a value or an error in place', () => {
    fc.assert(fc.property(typedValue, (source) => {
      runClean(shared, source);
    }), fuzzOptions(600));
  });

  it('a user function of extreme numbers, its derivatives, plots and help', () => {
    fc.assert(fc.property(userFunctionCell, (source) => {
      runClean(shared, source);
    }), fuzzOptions(300));
  });

  it('networks, data sets and training with settings at their extremes', () => {
    fc.assert(fc.property(networkCell, (source) => {
      runClean(shared, source);
    }), fuzzOptions(150, 2));
  });

  it('a cell of statements, and cells one after another in one session', () => {
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 4 }), (cells) => {
      const session = preparedSession();
      for (const source of cells) runClean(session, source);
    }), fuzzOptions(150));
  });

  it('deep nesting and long chains are values or errors, quickly', () => {
    fc.assert(fc.property(extremeCell, (source) => {
      runClean(shared, source);
    }), fuzzOptions(60, 5));
  });

  it('any text at all is a value or an error in place', () => {
    fc.assert(fc.property(anyText, (source) => {
      runClean(shared, source);
    }), fuzzOptions(400));
  });

  it('the same cells in float32 sessions', () => {
    const session = new Session({ defaultDType: 'float32' });
    runClean(session, PRELUDE);
    fc.assert(fc.property(fc.oneof(expression, typedValue), (source) => {
      runClean(session, source);
    }), fuzzOptions(300));
  });

  it('activation-lab eval prints one line of JSON, or text without control characters, and never throws', () => {
    fc.assert(fc.property(fc.oneof(expression, typedValue, anyText), fc.boolean(), (source, json) => {
      const out: string[] = [];
      const err: string[] = [];
      let status: number;
      try {
        status = evalCommand(source, { json }, { out: (t) => out.push(terminalSafe(t)), err: (t) => err.push(terminalSafe(t)) });
      } catch (e) {
        assert.fail(`eval ${show(source)} threw ${e instanceof Error ? e.stack : String(e)}`);
      }
      const printed = out.join('');
      if (json) {
        assert.ok(printed.endsWith('\n') && !printed.slice(0, -1).includes('\n'), `eval --json ${show(source)} printed ${printed.slice(0, 200)}`);
        const kind = (JSON.parse(printed) as { kind: string }).kind;
        assert.equal(status === 1, kind === 'error', `eval --json ${show(source)}: exit ${status} for a ${kind}`);
      } else {
        assert.equal(status === 1, err.length > 0, `eval ${show(source)}: exit ${status}, stderr ${err.join('')}`);
      }
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(printed + err.join(''), /[\u0000-\u0008\u000b-\u001f\u007f]/, `eval ${show(source)} writes a control character`);
    }), fuzzOptions(300));
  });

  it('a session keeps no more memory than its variables hold', () => {
    const session = preparedSession();
    const before = liveBytes();
    const options = fuzzOptions<[string]>(300);
    fc.assert(fc.property(fc.oneof(expression, typedValue), (source) => {
      // expressions only: an assignment may keep what it likes (up to the budget)
      session.run(source);
    }), options);
    const grown = liveBytes() - before;
    assert.ok(grown < 64 * 1024 ** 2, `${options.numRuns} expressions left ${Math.round(grown / 1024 ** 2)} MB behind`);
  });
});
