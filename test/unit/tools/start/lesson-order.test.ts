import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lessonIds, numberedName } from '../../../../tools/start/lesson-order';

describe("npm start: the lessons' names in the workspace (tools/start/lesson-order.ts)", () => {
  it('numbers the listed lessons in reading order and leaves other files as they are', () => {
    const ids = ['relu-basics', 'relu-derivative', 'beyond-relu'];
    assert.equal(numberedName('relu-basics.actnb', ids), '01-relu-basics.actnb');
    assert.equal(numberedName('beyond-relu.actnb', ids), '03-beyond-relu.actnb');
    assert.equal(numberedName('extra.actnb', ids), 'extra.actnb');
    assert.equal(numberedName('media/relu-basics.actnb', ids), 'media/relu-basics.actnb');
    assert.equal(numberedName('relu-basics.svg', ids), 'relu-basics.svg');
  });

  it("reads the order from the checkout's lessons/lessons.json, and nothing from a folder without one", () => {
    const ids = lessonIds(path.join(__dirname, '../../../../lessons'));
    assert.ok(ids.length >= 2, 'lessons.json lists the lessons');
    for (const id of ids) assert.ok(fs.existsSync(path.join(__dirname, '../../../../lessons', `${id}.actnb`)), `${id}.actnb exists`);
    assert.deepEqual(lessonIds(os.tmpdir()), []);
  });
});
