import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { clearRunning, recordRunning, runningStart } from '../../../../tools/start/running-record';

describe('npm start: the record of a running start (tools/start/running-record.ts)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'al-start-run-'));
    file = path.join(dir, 'running.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds a start whose process still runs, with its address', () => {
    fs.writeFileSync(file, JSON.stringify({ pid: process.ppid, url: 'http://127.0.0.1:8080/' }));
    assert.deepEqual(runningStart(file), { pid: process.ppid, url: 'http://127.0.0.1:8080/' });
  });

  it('ignores a record left by a start that has exited, a damaged record, and none', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    fs.writeFileSync(file, JSON.stringify({ pid: Number(gone), url: 'http://127.0.0.1:8080/' }));
    assert.equal(runningStart(file), undefined);
    fs.writeFileSync(file, '{ damaged');
    assert.equal(runningStart(file), undefined);
    fs.rmSync(file);
    assert.equal(runningStart(file), undefined);
  });

  it("records this process, and clears only its own record", () => {
    recordRunning(file, 'http://127.0.0.1:9000/');
    assert.equal(runningStart(file), undefined, 'this process is not another start');
    clearRunning(file);
    assert.equal(fs.existsSync(file), false);
    fs.writeFileSync(file, JSON.stringify({ pid: process.ppid, url: 'u' }));
    clearRunning(file);
    assert.equal(fs.existsSync(file), true);
  });
});
