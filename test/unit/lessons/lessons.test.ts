/**
 * Every lesson in lessons/ runs through the built CLI twice: as shipped, where each exercise
 * must fail at least one of its checks (an exercise that cannot be failed teaches nothing),
 * and solved (test/fixtures/lessons-solved/ID.json put into its exercise cells), where every
 * check of the lesson must pass. A lesson whose claim stops holding breaks the build.
 */
import { strict as assert } from 'assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseNotebook, serializeNotebook, type Notebook } from '../../../src/services/notebook-format/format';
import { exerciseId, solveNotebook, splitExercise, type Solutions } from '../../../src/services/lessons/exercises';
import { VALUE_MIME, type CheckDisplay, type DisplayValue } from '../../../src/shared/output';
import { cli, ensureCliBuilt, ROOT } from '../cli/cli-harness';

const LESSONS = join(ROOT, 'lessons');
const SOLVED = join(ROOT, 'test', 'fixtures', 'lessons-solved');

interface IndexEntry { readonly id: string; readonly title: string; readonly summary: string }
const index = (): IndexEntry[] => JSON.parse(readFileSync(join(LESSONS, 'lessons.json'), 'utf8')).lessons;
const readLesson = (id: string): Notebook => parseNotebook(readFileSync(join(LESSONS, `${id}.actnb`), 'utf8'));
const solutionsOf = (id: string): Solutions => JSON.parse(readFileSync(join(SOLVED, `${id}.json`), 'utf8')).solutions;

/** Runs a notebook with `run --inplace` on a copy; the displays of its cells (undefined: not run or no output). */
function runThroughCli(notebook: Notebook, dir: string, name: string): { status: number | null; stderr: string; displays: (DisplayValue | undefined)[] } {
  const file = join(dir, `${name}.actnb`);
  writeFileSync(file, serializeNotebook(notebook));
  const r = cli(['run', file, '--inplace']);
  const saved = parseNotebook(readFileSync(file, 'utf8'));
  const displays = saved.cells.map((cell) => {
    const items = cell.outputs.flatMap((o) => o.items).filter((i) => i.mime === VALUE_MIME);
    return items.length ? (items[items.length - 1]!.data as unknown as DisplayValue) : undefined;
  });
  return { status: r.status, stderr: r.stderr, displays };
}

const failedChecks = (d: DisplayValue | undefined): number => (d?.kind === 'check' ? (d as CheckDisplay).checks.filter((c) => !c.passed).length : 0);

describe('lessons', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    ensureCliBuilt();
    dir = mkdtempSync(join(tmpdir(), 'activation-lab-lessons-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lessons.json lists every lesson file once, each with a title and a summary; each has its solutions', () => {
    const files = readdirSync(LESSONS).filter((f) => f.endsWith('.actnb')).map((f) => f.replace(/\.actnb$/, '')).sort();
    const ids = index().map((l) => l.id);
    assert.deepEqual([...ids].sort(), files);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length >= 10, `${ids.length} lessons`);
    for (const l of index()) {
      assert.ok(l.title.length > 0 && l.summary.length > 0, l.id);
      assert.equal((readLesson(l.id).metadata['lesson'] as { title: string }).title, l.title, `${l.id}: its metadata's title`);
    }
    assert.deepEqual(readdirSync(SOLVED).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort(), files);
  });

  it('each lesson has prose, runnable cells and at least two exercises, each a marked cell with checks below a "# checks" line', () => {
    for (const { id } of index()) {
      const nb = readLesson(id);
      const exercises = nb.cells.filter((c) => exerciseId(c) !== undefined);
      assert.ok(exercises.length >= 2, `${id}: ${exercises.length} exercises`);
      assert.ok(nb.cells.some((c) => c.kind === 'markdown') && nb.cells.some((c) => c.kind === 'code' && exerciseId(c) === undefined), id);
      for (const cell of exercises) {
        const parts = splitExercise(cell.source);
        assert.ok(parts, `${id}/${exerciseId(cell)}: a "# checks" line`);
        assert.match(parts.answer, /^# ✎ Exercise \d+: /, `${id}/${exerciseId(cell)}: starts with its ✎ marker`);
        assert.match(parts.checks, /\bcheck\(/, `${id}/${exerciseId(cell)}: checks below the line`);
        assert.equal(cell.outputs.length, 0, `${id}: shipped without outputs`);
        // the lesson holds no solution: its student part is not the solved one
        assert.notEqual(parts.answer.trim(), solutionsOf(id)[exerciseId(cell)!]!.trim(), `${id}/${exerciseId(cell)}: the shipped cell is unsolved`);
      }
      assert.ok(nb.cells.every((c) => c.outputs.length === 0), `${id}: no outputs in the file`);
    }
  });

  it('as shipped, every exercise fails at least one check, and nothing else fails: exit 1', () => {
    for (const { id } of index()) {
      const nb = readLesson(id);
      const r = runThroughCli(nb, dir, `${id}-unsolved`);
      assert.equal(r.status, 1, `${id}: exit 1 (${r.stderr})`);
      assert.match(r.stderr, /^\d+ of \d+ checks? failed\n$/, `${id}: only failed checks, no error: ${r.stderr}`);
      nb.cells.forEach((cell, i) => {
        const d = r.displays[i];
        if (cell.kind !== 'code') return;
        assert.ok(d?.kind !== 'error', `${id}, cell ${i + 1}: ${String(JSON.stringify(d)).slice(0, 300)}`);
        if (exerciseId(cell) !== undefined) assert.ok(failedChecks(d) >= 1, `${id}/${exerciseId(cell)}: the unsolved exercise must fail a check`);
        else assert.equal(failedChecks(d), 0, `${id}, cell ${i + 1}: a lesson's own checks pass`);
      });
    }
  });

  it('solved, every check of every lesson passes: exit 0', () => {
    for (const { id } of index()) {
      const solved = solveNotebook(readLesson(id), solutionsOf(id));
      const r = runThroughCli(solved, dir, `${id}-solved`);
      assert.equal(r.stderr, '', id);
      assert.equal(r.status, 0, id);
      solved.cells.forEach((cell, i) => {
        if (exerciseId(cell) === undefined) return;
        const d = r.displays[i];
        assert.equal(d?.kind, 'check', `${id}/${exerciseId(cell)}`);
        assert.equal((d as CheckDisplay).passed, true, `${id}/${exerciseId(cell)}`);
      });
    }
  });

  it('run LESSON --html is a handout: the exercises as handed out, no check results, no solutions, working sliders', () => {
    const id = 'leaky-prelu';
    const page = join(dir, `${id}.html`);
    const r = cli(['run', join(LESSONS, `${id}.actnb`), '--html', page]);
    assert.equal(r.status, 1, 'the unsolved exercises fail their checks');
    const html = readFileSync(page, 'utf8');
    const notes = html.match(/<div class="output exercise">✎ Exercise: open this lesson/g) ?? [];
    assert.equal(notes.length, readLesson(id).cells.filter((c) => exerciseId(c) !== undefined).length, 'each exercise says what to do');
    assert.ok(!html.includes('✗'), 'no failed check shown');
    assert.match(html, /✎ Exercise 1: choose α/, 'the exercise itself is shown');
    assert.match(html, /# checks \(leave these as they are\)/, 'with its checks');
    for (const solution of Object.values(solutionsOf(id))) {
      for (const line of solution.split('\n').filter((l) => !l.startsWith('#'))) assert.ok(!html.includes(line), `no solution line: ${line}`);
    }
    assert.match(html, /<pre class="pass">✓ max\(αx, x\) is leaky_relu for α = 0\.2<\/pre>/, "the lesson's own checks are shown");
    assert.equal((html.match(/data-live="/g) ?? []).length, 1, 'the slider plot is live in the page');
  });

  it('solveNotebook keeps the checks and refuses missing or unknown solutions', () => {
    const nb = parseNotebook(JSON.stringify({
      activationNotebook: 1, metadata: {},
      cells: [{ kind: 'code', source: '# ✎ Exercise 1: x\na = 1\n# checks\ncheck(a, 2)', metadata: { exercise: 'two' } }],
    }));
    assert.equal(solveNotebook(nb, { two: '# ✎ Exercise 1: x\na = 2' }).cells[0]!.source, '# ✎ Exercise 1: x\na = 2\n# checks\ncheck(a, 2)');
    assert.throws(() => solveNotebook(nb, {}), /exercise two has no solution/);
    assert.throws(() => solveNotebook(nb, { two: 'a = 2', three: 'b = 1' }), /does not have: three/);
  });
});
