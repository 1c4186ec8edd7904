import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildReason, EXTENSION_BUNDLES } from '../../../../tools/start/build';

describe('npm start: whether dist/ must be built (tools/start/build.ts)', () => {
  let repo: string;
  const touch = (rel: string, mtimeS: number) => {
    const file = path.join(repo, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
    fs.utimesSync(file, mtimeS, mtimeS);
  };
  beforeEach(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'al-start-build-'));
    touch('src/extension.ts', 1000);
    touch('src/engine/index.ts', 1000);
    touch('esbuild.js', 1000);
    touch('package.json', 1000);
    for (const d of ['src', 'src/engine']) fs.utimesSync(path.join(repo, d), 1000, 1000);
    for (const b of EXTENSION_BUNDLES) touch(`dist/${b}`, 2000);
  });
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('needs no build when every bundle is newer than every source', () => {
    assert.equal(buildReason(repo), '');
  });

  it('builds when a bundle is missing', () => {
    fs.rmSync(path.join(repo, 'dist', 'renderer.js'));
    assert.equal(buildReason(repo), 'dist/renderer.js is missing');
  });

  it('builds when a source deep in src/ changed after the oldest bundle', () => {
    touch('src/engine/index.ts', 3000);
    assert.equal(buildReason(repo), 'src changed since the last build');
  });
});
