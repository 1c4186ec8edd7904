/** `eval --json` streams a large tensor's data in pieces: the same JSON, never one huge string. */
import { strict as assert } from 'assert';
import { cliJsonLine, cliJsonPieces } from '../../../src/cli/cli-json';
import type { DisplayValue } from '../../../src/shared/output';
import { cli, ensureCliBuilt } from './cli-harness';

describe('activation-lab eval --json of large results', () => {
  before(ensureCliBuilt);

  it('writes a tensor larger than one piece as several pieces that join to the exact JSON', () => {
    const data = Array.from({ length: 200_000 }, (_, i) => (i % 7 === 0 ? 'NaN' : i / 3));
    const d: DisplayValue = { kind: 'tensor', dtype: 'float64', shape: [400, 500], data };
    const pieces = [...cliJsonPieces(d)];
    assert.ok(pieces.length > 3, `${pieces.length} pieces`);
    assert.ok(Math.max(...pieces.map((p) => p.length)) < 2_000_000, 'no piece is the whole line');
    assert.equal(pieces.join(''), JSON.stringify({ kind: 'tensor', dtype: 'float64', shape: [400, 500], data }));
    assert.equal(cliJsonLine(d), pieces.join(''));
  });

  it('prints a 250,000-element result that parses back to every element', () => {
    const r = cli(['eval', '--json', 'rand(500, 500, seed=3)']);
    assert.equal(r.status, 0);
    const parsed = JSON.parse(r.stdout) as { kind: string; shape: number[]; data: number[] };
    assert.deepEqual([parsed.kind, parsed.shape, parsed.data.length], ['tensor', [500, 500], 250_000]);
    assert.ok(parsed.data.every((v) => typeof v === 'number' && v >= 0 && v < 1));
  });
});
