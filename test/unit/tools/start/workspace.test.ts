import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { syncWorkspace, type CopySource } from '../../../../tools/start/workspace';

describe('npm start: the workspace of copies (tools/start/workspace.ts)', () => {
  let root: string;
  let originals: string;
  let workspace: string;
  let record: string;
  let sources: CopySource[];
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  const read = (file: string) => fs.readFileSync(file, 'utf8');

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'al-start-ws-'));
    originals = path.join(root, 'repo');
    workspace = path.join(root, 'data', 'workspace');
    record = path.join(root, 'data', 'copies.json');
    write(path.join(originals, 'lessons', '01-relu.actnb'), 'relu v1');
    write(path.join(originals, 'lessons', 'media', 'kink.svg'), '<svg/>');
    write(path.join(originals, 'examples', 'tour.actnb'), 'tour v1');
    write(path.join(originals, 'examples', 'notes.md'), 'not a notebook');
    sources = [
      { from: path.join(originals, 'lessons'), to: 'lessons' },
      { from: path.join(originals, 'examples'), to: 'examples', include: (rel) => rel.endsWith('.actnb') },
    ];
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('copies every lesson file and only the example notebooks on the first start', () => {
    const r = syncWorkspace(workspace, sources, record);
    assert.deepEqual(r.copied, ['lessons/01-relu.actnb', 'lessons/media/kink.svg', 'examples/tour.actnb']);
    assert.equal(read(path.join(workspace, 'lessons', 'media', 'kink.svg')), '<svg/>');
    assert.equal(fs.existsSync(path.join(workspace, 'examples', 'notes.md')), false);
  });

  it('skips a folder of originals that does not exist (no lessons yet)', () => {
    fs.rmSync(path.join(originals, 'lessons'), { recursive: true });
    const r = syncWorkspace(workspace, sources, record);
    assert.deepEqual(r.copied, ['examples/tour.actnb']);
    assert.equal(fs.existsSync(path.join(workspace, 'lessons')), false);
  });

  it('never overwrites a copy the student changed, and says when the original changed too', () => {
    syncWorkspace(workspace, sources, record);
    write(path.join(workspace, 'lessons', '01-relu.actnb'), 'relu, my answers');
    let r = syncWorkspace(workspace, sources, record);
    assert.deepEqual([r.copied, r.updated, r.keptEdited], [[], [], []]);
    write(path.join(originals, 'lessons', '01-relu.actnb'), 'relu v2');
    r = syncWorkspace(workspace, sources, record);
    assert.deepEqual(r.keptEdited, ['lessons/01-relu.actnb']);
    assert.equal(read(path.join(workspace, 'lessons', '01-relu.actnb')), 'relu, my answers');
  });

  it('updates a copy the student never changed when the original changes', () => {
    syncWorkspace(workspace, sources, record);
    write(path.join(originals, 'examples', 'tour.actnb'), 'tour v2');
    const r = syncWorkspace(workspace, sources, record);
    assert.deepEqual(r.updated, ['examples/tour.actnb']);
    assert.equal(read(path.join(workspace, 'examples', 'tour.actnb')), 'tour v2');
  });

  it('copies a deleted copy again (starting a lesson over) and adds new lessons', () => {
    syncWorkspace(workspace, sources, record);
    fs.rmSync(path.join(workspace, 'lessons', '01-relu.actnb'));
    write(path.join(originals, 'lessons', '02-derivative.actnb'), 'derivative');
    const r = syncWorkspace(workspace, sources, record);
    assert.deepEqual(r.copied, ['lessons/01-relu.actnb', 'lessons/02-derivative.actnb']);
    assert.equal(read(path.join(workspace, 'lessons', '01-relu.actnb')), 'relu v1');
  });

  it("keeps a file the student made under an original's name when there is no record of a copy", () => {
    write(path.join(workspace, 'examples', 'tour.actnb'), 'my own tour');
    fs.writeFileSync(record, 'not json');
    const r = syncWorkspace(workspace, sources, record);
    assert.equal(read(path.join(workspace, 'examples', 'tour.actnb')), 'my own tour');
    assert.deepEqual([r.updated, r.keptEdited], [[], []]);
  });
});
