/**
 * A loop in blocks with a careful second pass: the shape of every wasm function here whose
 * steps have a branch almost no step takes (a float32 shortcut's undecided rounding, exp
 * beyond |x| < 707).
 *
 * The careful function is the plain loop, each step taking its branch where a lane needs it.
 * The fast function runs the same steps with the branch left out, its mask only noted in a
 * variable (`flag`) with no branch at all, a block at a time; a block whose flag is raised is
 * handed to the careful function whole, which stores every element of it again, right. So the
 * result is the careful function's on every element, bit for bit.
 *
 * Why: V8 spills the values live across a branch in every step, taken or not, and that cost
 * as much as a float32 sigmoid's whole arithmetic (~3 of its 11 ms over 4M floats) and ~10% of
 * `x * sigmoid(1.702 * x)` in doubles; the careful loop written into the same function still
 * spilled the fast loop's registers, so it is a function of its own, called.
 *
 * The careful pass reads the block's input again, so where the output overlaps an input (a
 * kernel run in place) the careful function takes the whole range at once.
 */
import type { Vec, VectorBuilder } from './vector-builder';
import { FunctionBody, Op, ValType } from './wasm-binary';

/** A pointer the loop advances: its local (a parameter), and the bytes of one element. */
export interface Stream {
  readonly local: number;
  readonly bytes: 4 | 8;
}

export interface Blocks {
  /** The fast function's builder (and through it, its body). */
  readonly v: VectorBuilder;
  /** The inputs the loop reads, then the output, whose range bounds the loop. */
  readonly streams: readonly Stream[];
  /** Emits the whole call's element count (the function's argument). */
  readonly count: () => void;
  /** A local holding the output's end address. */
  readonly end: number;
  /** Elements in a block. */
  readonly elements: number;
  /**
   * The variable the fast steps note their rare lanes in, and which lanes raise it: `set` ones
   * (it starts each block at 0 and steps OR masks in) or `clear` ones (it starts at all ones
   * and steps AND in masks of lanes that are fine).
   */
  readonly flag: Vec;
  readonly raisedBy: 'set' | 'clear';
  /** Emits the fast loop over [output, stop), advancing every stream's pointer. */
  readonly loop: (stop: number) => void;
  /** Emits a call of the careful function with the streams' pointers `at` (in `streams`' order) and `count` elements. */
  readonly callCareful: (at: readonly number[], count: () => void) => void;
}

/** The fast function's code (see the file's comment), after its prologue and the `end` local. */
export function emitInBlocks(b: Blocks): void {
  const { v, streams } = b;
  const f: FunctionBody = v.f;
  const output = streams[streams.length - 1]!;
  const inputs = streams.slice(0, -1);

  // some input overlaps the output: output < input's end and input < output's end
  f.i32(0);
  for (const input of inputs) {
    f.get(output.local).get(input.local);
    b.count();
    f.i32(input.bytes).op(Op.I32Mul).op(Op.I32Add).op(Op.I32LtU);
    f.get(input.local).get(b.end).op(Op.I32LtU).op(Op.I32And).op(Op.I32Or);
  }
  f.open(Op.If);
  b.callCareful(streams.map((s) => s.local), b.count);
  f.op(Op.Return);
  f.op(Op.End);

  const starts = streams.map(() => f.local(ValType.I32));
  const blockEnd = f.local(ValType.I32);
  const blockBytes = b.elements * output.bytes;
  const reset = b.raisedBy === 'set' ? 0 : -1;
  f.open(Op.Block).open(Op.Loop);
  f.get(output.local).get(b.end).op(Op.I32GeU).op(Op.BrIf).index(1);
  streams.forEach((s, i) => f.get(s.local).set(starts[i]!));
  // blockEnd = min(output + blockBytes, end)
  f.get(output.local).i32(blockBytes).op(Op.I32Add).get(b.end);
  f.get(output.local).i32(blockBytes).op(Op.I32Add).get(b.end).op(Op.I32LtU).op(Op.Select).set(blockEnd);
  v.assign(b.flag, v.ci(reset));
  b.loop(blockEnd);
  const again = (): void => b.callCareful(starts, () => {
    // (blockEnd - the block's output) / bytes elements
    f.get(blockEnd).get(starts[starts.length - 1]!).op(Op.I32Sub).i32(output.bytes === 8 ? 3 : 2).op(Op.I32ShrU);
  });
  if (b.raisedBy === 'set') v.ifAny(b.flag, again);
  else v.ifNotAll(b.flag, again);
  f.op(Op.Br).index(0);
  f.op(Op.End).op(Op.End);
}
