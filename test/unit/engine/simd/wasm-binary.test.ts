import { strict as assert } from 'assert';
import wabt from 'wabt';
import { buildElementwiseModule, wasmEntries } from '../../../../src/engine/simd/elementwise-module';
import { signedLeb, unsignedLeb } from '../../../../src/engine/simd/wasm-binary';

function leb(f: (v: number, out: number[]) => void, v: number): number[] {
  const out: number[] = [];
  f(v, out);
  return out;
}

describe('engine/simd: the wasm assembler', () => {
  it('writes LEB128 numbers as the binary format reads them', () => {
    assert.deepEqual(leb(unsignedLeb, 0), [0]);
    assert.deepEqual(leb(unsignedLeb, 624485), [0xe5, 0x8e, 0x26]);
    assert.deepEqual(leb(signedLeb, -1), [0x7f]);
    assert.deepEqual(leb(signedLeb, 64), [0xc0, 0x00]);
    assert.deepEqual(leb(signedLeb, -123456), [0xc0, 0xbb, 0x78]);
  });

  it('emits a module that wabt reads and validates, exporting every kernel of the catalogue', async () => {
    const { bytes } = buildElementwiseModule();
    const tools = await wabt();
    const module = tools.readWasm(bytes, { readDebugNames: false, features: { simd: true } } as never);
    try {
      module.validate();
      const text = module.toText({});
      for (const entry of wasmEntries()) {
        for (const kind of ['value', 'derivative', 'backward']) {
          for (const dtype of ['float32', 'float64']) assert.ok(text.includes(`(export "${entry.name}.${kind}.${dtype}"`), `${entry.name}.${kind}.${dtype}`);
        }
      }
      assert.ok(!/fma|relaxed/.test(text), 'no fused multiply-add, no relaxed SIMD');
    } finally {
      module.destroy();
    }
  });
});
