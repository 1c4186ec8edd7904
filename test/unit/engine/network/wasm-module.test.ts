import { strict as assert } from 'assert';
import * as fs from 'fs';
import { MODULE_PATH, moduleText } from '../../../../tools/build-wasm';

describe('src/engine/network/wasm/kernels.wasm.ts', () => {
  it('is kernels.wat assembled (regenerate with: npx tsx tools/build-wasm.ts)', async () => {
    assert.equal(fs.readFileSync(MODULE_PATH, 'utf8'), await moduleText());
  });
});
