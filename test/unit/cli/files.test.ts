/** `activation-lab run` handles files as an editor would: links, its own input, encodings. */
import { strict as assert } from 'assert';
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { decodeNotebookText } from '../../../src/services/notebook-format/utf8-text';
import { NotebookFormatError } from '../../../src/services/notebook-format/format';
import { cli, ensureCliBuilt } from './cli-harness';

const notebook = (source: string): string =>
  JSON.stringify({ activationNotebook: 1, metadata: {}, cells: [{ kind: 'code', source }] }, null, 2) + '\n';

describe('activation-lab run: files', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => ensureCliBuilt());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'activation-lab-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to write the HTML page over the notebook itself, also through a link, and leaves it alone', () => {
    const file = join(dir, 'nb.actnb');
    writeFileSync(file, notebook('relu(1)'));
    const before = readFileSync(file, 'utf8');
    const r = cli(['run', file, '--html', file]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /--html .* is the notebook itself; write the page to another file, e\.g\. .*nb\.html/);
    symlinkSync(file, join(dir, 'page.html'));
    assert.equal(cli(['run', file, '--html', join(dir, 'page.html')]).status, 1);
    assert.equal(readFileSync(file, 'utf8'), before);
  });

  it('--inplace on a symbolic link writes through to the file it points at, keeping the link', () => {
    const target = join(dir, 'real.actnb');
    const link = join(dir, 'link.actnb');
    writeFileSync(target, notebook('relu(2)'));
    symlinkSync(target, link);
    assert.equal(cli(['run', link, '--inplace']).status, 0);
    assert.ok(lstatSync(link).isSymbolicLink(), 'still a link');
    assert.match(readFileSync(target, 'utf8'), /"executionOrder": 1/);
  });

  it('reports bytes that are not UTF-8 with their line and column, and never replaces them', () => {
    const good = Buffer.from(notebook('x = 1'), 'utf8');
    const at = good.indexOf('x = 1');
    const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
    const file = join(dir, 'latin.actnb');
    writeFileSync(file, bad);
    const r = cli(['run', file, '--inplace']);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /line 7, column 18: this file is not valid UTF-8 text \(byte 0xff at offset \d+\)/);
    assert.deepEqual(readFileSync(file), bad, 'the file is left as it was');
  });

  it('decodes strictly: overlong forms, surrogates and cut-off sequences are errors at their place', () => {
    assert.equal(decodeNotebookText(Buffer.from('{"é": "∂"}', 'utf8')), '{"é": "∂"}');
    for (const [bytes, column] of [[[0x61, 0xc0, 0xaf], 2], [[0x61, 0x62, 0xed, 0xa0, 0x80], 3], [[0x0a, 0x61, 0xe2, 0x82], 2]] as const) {
      assert.throws(() => decodeNotebookText(Uint8Array.from(bytes)), (e: unknown) => e instanceof NotebookFormatError && e.column === column, JSON.stringify(bytes));
    }
  });
});
