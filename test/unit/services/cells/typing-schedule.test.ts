/** When problems are shown while typing: new ones after the pause, fixed ones at once. */
import { strict as assert } from 'assert';
import { TypingSchedule, type Timers } from '../../../../src/services/cells/typing-schedule';

/** Timers driven by hand: `advance(ms)` fires what is due. */
function manualTimers(): Timers & { advance(ms: number): void; readonly pending: number } {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; callback: () => void }>();
  return {
    set(callback, ms) {
      due.set(next, { at: now + ms, callback });
      return next++;
    },
    clear(handle) {
      due.delete(handle as number);
    },
    advance(ms) {
      now += ms;
      for (const [handle, t] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at > now) continue;
        due.delete(handle);
        t.callback();
      }
    },
    get pending() {
      return due.size;
    },
  };
}

/** A problem as the schedule sees one: what it is, and where (which moves as the text is edited). */
interface Problem { what: string; at: number }

function setUp() {
  const timers = manualTimers();
  let problems = new Map<string, Problem[]>();
  const shown = new Map<string, string[]>();
  const published: string[] = [];
  const schedule = new TypingSchedule<string, Problem>({
    delayMs: 300,
    check: () => problems,
    identity: (p) => p.what,
    publish: (cell, ps) => {
      published.push(cell);
      shown.set(cell, ps.map((p) => `${p.what}@${p.at}`));
    },
    timers,
  });
  return {
    timers, schedule, shown, published,
    /** The text now has these problems. */
    text(cells: Record<string, Problem[]>) {
      problems = new Map(Object.entries(cells));
    },
  };
}

describe('TypingSchedule (problems while typing)', () => {
  it('shows a new problem only after 300 ms without typing', () => {
    const t = setUp();
    t.text({ a: [{ what: 'reluu', at: 0 }] });
    t.schedule.typed();
    assert.equal(t.shown.get('a'), undefined, 'not while typing');
    t.timers.advance(299);
    assert.equal(t.shown.get('a'), undefined);
    t.timers.advance(1);
    assert.deepEqual(t.shown.get('a'), ['reluu@0']);
  });

  it('waits again on every keystroke (the last one counts)', () => {
    const t = setUp();
    for (let i = 0; i < 5; i++) {
      t.text({ a: [{ what: `rel${'u'.repeat(i)}`, at: 0 }] });
      t.schedule.typed();
      t.timers.advance(200);
    }
    assert.equal(t.shown.get('a'), undefined);
    t.timers.advance(100);
    assert.deepEqual(t.shown.get('a'), ['reluuuu@0']);
    assert.equal(t.timers.pending, 0);
  });

  it('removes a problem at once when the text no longer has it', () => {
    const t = setUp();
    t.text({ a: [{ what: 'reluu', at: 0 }, { what: 'syntax', at: 9 }] });
    t.schedule.showAll();
    t.text({ a: [{ what: 'syntax', at: 8 }] });
    t.schedule.typed();
    assert.deepEqual(t.shown.get('a'), ['syntax@8'], 'the fixed one is gone, the other moved with the text, without waiting');
    t.text({ a: [] });
    t.schedule.typed();
    assert.deepEqual(t.shown.get('a'), []);
  });

  it('holds back a second copy of a problem already shown until the pause', () => {
    const t = setUp();
    t.text({ a: [{ what: 'reluu', at: 0 }] });
    t.schedule.showAll();
    t.text({ a: [{ what: 'reluu', at: 0 }, { what: 'reluu', at: 10 }] });
    t.schedule.typed();
    assert.deepEqual(t.shown.get('a'), ['reluu@0']);
    t.timers.advance(300);
    assert.deepEqual(t.shown.get('a'), ['reluu@0', 'reluu@10']);
  });

  it('treats every cell of the notebook at once: a definition in one cell fixes a name in another', () => {
    const t = setUp();
    t.text({ a: [], b: [{ what: 'foo', at: 0 }] });
    t.schedule.showAll();
    t.text({ a: [], b: [] });
    t.schedule.typed();
    assert.deepEqual(t.shown.get('b'), []);
  });

  it('clears a cell that is gone, and publishes nothing for cells that never had problems', () => {
    const t = setUp();
    t.text({ a: [{ what: 'x', at: 0 }], b: [] });
    t.schedule.showAll();
    assert.deepEqual(t.published, ['a']);
    t.text({ b: [] });
    t.schedule.typed();
    t.timers.advance(300);
    assert.deepEqual(t.shown.get('a'), []);
    assert.deepEqual(t.published, ['a', 'a']);
  });

  it('checks the text as it is when the pause ends, not as it was when typing began', () => {
    const t = setUp();
    t.text({ a: [{ what: 'rel', at: 0 }] });
    t.schedule.typed();
    t.text({ a: [{ what: 'late', at: 0 }] }); // an edit whose event has not arrived yet
    t.timers.advance(300);
    assert.deepEqual(t.shown.get('a'), ['late@0']);
  });

  it('shows everything at once on showAll, and nothing more after dispose', () => {
    const t = setUp();
    t.text({ a: [{ what: 'x', at: 0 }] });
    t.schedule.showAll();
    assert.deepEqual(t.shown.get('a'), ['x@0']);
    t.text({ a: [{ what: 'x', at: 0 }, { what: 'y', at: 3 }] });
    t.schedule.typed();
    t.schedule.dispose();
    t.timers.advance(1000);
    assert.deepEqual(t.shown.get('a'), ['x@0']);
    assert.equal(t.timers.pending, 0);
  });
});
