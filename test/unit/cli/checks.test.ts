/** A failed check(...) fails `activation-lab eval` and `run` (exit 1), after every output is written. */
import { strict as assert } from 'assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { cli, ensureCliBuilt } from './cli-harness';

const notebook = (cells: string[]): string =>
  JSON.stringify({ activationNotebook: 1, metadata: {}, cells: cells.map((source) => ({ kind: 'code', source })) }, null, 2) + '\n';

describe('activation-lab: checks', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => ensureCliBuilt());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'activation-lab-checks-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('eval prints ✓ and exits 0 for a pass; prints ✗ with the value found and exits 1 for a fail', () => {
    const pass = cli(['eval', 'check(relu(-2) == 0, "relu of a negative is 0")']);
    assert.equal(pass.status, 0);
    assert.equal(pass.stdout, '✓ relu of a negative is 0\n');
    const fail = cli(['eval', 'check(relu(0.5), 0.4, hint="relu passes positives unchanged")']);
    assert.equal(fail.status, 1);
    assert.equal(fail.stdout, '✗ relu passes positives unchanged\n  found 0.5, expected 0.4 (tolerance 1e-9): off by 0.09999999999999998\n');
    assert.equal(fail.stderr, '');
  });

  it('eval --json prints the kind "check" with passed, hint, found and every check', () => {
    const r = cli(['eval', '--json', 'check(relu(3), 3, hint="three")']);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), {
      kind: 'check', passed: true, hint: 'three', found: '3', expected: '3', tol: 1e-9,
      checks: [{ hint: 'three', expression: 'relu(3)', passed: true, found: '3', expected: '3', tol: 1e-9 }],
    });
    const failed = cli(['eval', '--json', 'check(1 > 2, "one is more than two")']);
    assert.equal(failed.status, 1);
    assert.equal(JSON.parse(failed.stdout).passed, false);
  });

  it('run goes on past a failed check to the last cell, counts the failures on stderr, writes --inplace and --html, then exits 1', () => {
    const file = join(dir, 'exercise.actnb');
    writeFileSync(file, notebook(['answer = 0.4', 'check(relu(0.5), answer, hint="relu(0.5)")', '"LAST CELL RAN"', 'check(relu(-1) == 0, "flat side")']));
    const page = join(dir, 'page.html');
    const r = cli(['run', file, '--inplace', '--html', page]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /\[2\] ✗ relu\(0\.5\)\n {6}found 0\.5, expected 0\.4/);
    assert.match(r.stdout, /LAST CELL RAN/);
    assert.match(r.stdout, /\[4\] ✓ flat side/);
    assert.equal(r.stderr, '1 of 2 checks failed\n');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(saved.cells[3].outputs.length, 1, 'the last cell got its output');
    const html = readFileSync(page, 'utf8');
    assert.match(html, /<pre class="fail">✗ relu\(0\.5\)/);
    assert.match(html, /<pre class="pass">✓ flat side<\/pre>/);

    writeFileSync(file, notebook(['answer = 0.5', 'check(relu(0.5), answer, hint="relu(0.5)")']));
    const solved = cli(['run', file]);
    assert.equal(solved.status, 0);
    assert.equal(solved.stderr, '');
  });
});
