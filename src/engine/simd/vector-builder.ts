/**
 * Writing f64x2 code as TypeScript calls: `v.add(a, v.mul(b, c))` emits the
 * instructions and returns the local that holds the result. The vectorised
 * numerics (vector-numerics.ts) and the catalogue's kernels are written with it,
 * line for line beside the scalar JavaScript they must match bit for bit.
 *
 * What keeps the bits equal to the JavaScript path: every operation is one IEEE
 * operation rounded once (add, sub, mul, div, sqrt; no fused multiply-add, no
 * relaxed SIMD), in the order the scalar code writes it; a branch becomes both
 * arms computed and a lane-wise select, which picks per lane exactly the value
 * the scalar branch would return. Values are v128 locals; a mask is all ones or
 * all zeros per 64-bit lane. Integers are i64 lanes in the same v128 type.
 */
import { FunctionBody, Op, Simd, unsignedLeb, ValType } from './wasm-binary';
import { TableLayout } from './table-layout';

/** A v128 operand: a local, or a constant emitted in place (so it is valid inside any block). */
export interface Vec {
  readonly local?: number;
  readonly bytes?: Uint8Array;
}

/** 1.5 * 2^52: adding it rounds a double below 2^51 to an integer held in the low mantissa bits. */
const SHIFT = 6755399441055744;
const SHIFT_BITS = 0x4338000000000000n;
/** A double's sign bit, as the i64 with only bit 63 set. */
const SIGN_BIT = -(1n << 63n);

function f64Bytes(a: number, b = a): Uint8Array {
  const d = new Float64Array([a, b]);
  return new Uint8Array(d.buffer);
}

function f32Bytes(a: number): Uint8Array {
  return new Uint8Array(new Float32Array([a, a, a, a]).buffer);
}

function i64Bytes(a: bigint): Uint8Array {
  return new Uint8Array(new BigInt64Array([a, a]).buffer);
}

/** A JavaScript function of numbers that kernels call for rare lanes (scalarLanes). */
export type ScalarFunction = (...args: number[]) => number;

/**
 * The JavaScript functions a module's kernels import (as js."0", js."1", ...), shared by its
 * functions like the TableLayout: each function is imported once, with its arity.
 */
export class ScalarImports {
  readonly functions: { fn: ScalarFunction; arity: number }[] = [];

  /** The imports object's `js` namespace: function i as "i". */
  table(): Record<string, ScalarFunction> {
    return Object.fromEntries(this.functions.map(({ fn }, i) => [String(i), fn]));
  }

  index(fn: ScalarFunction, arity: number): number {
    const known = this.functions.findIndex((f) => f.fn === fn);
    if (known >= 0) return known;
    this.functions.push({ fn, arity });
    return this.functions.length - 1;
  }
}

export class VectorBuilder {
  /** Constants by their 16 bytes (as hex): each is set once, in the prologue, into a local. */
  private readonly constants = new Map<string, number>();

  constructor(readonly f: FunctionBody, readonly tables: TableLayout, readonly imports?: ScalarImports) {}

  /**
   * A constant as a local loaded from memory once, before the loop. Not v128.const: TurboFan
   * folds a constant held in a local back into every use and rebuilds it there (a 64-bit move,
   * vmovq, vpunpcklqdq: three instructions a use, about a third of exp's loop). A value loaded
   * from memory it cannot fold, so it stays in a register or a stack slot.
   */
  private constant(bytes: Uint8Array): Vec {
    const key = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    let local = this.constants.get(key);
    if (local === undefined) {
      local = this.f.local(ValType.V128);
      // i32.const 0; v128.load align=16 offset=(the constant's place); local.set
      this.f.prologue.push(Op.I32Const, 0, 0xfd, Simd.Load, 4);
      unsignedLeb(this.tables.placeConstant(bytes), this.f.prologue);
      this.f.prologue.push(Op.LocalSet);
      unsignedLeb(local, this.f.prologue);
      this.constants.set(key, local);
    }
    return { local };
  }

  // ---- operands ----------------------------------------------------------------

  /** An f64 constant in both lanes. */
  c(x: number): Vec {
    return this.constant(f64Bytes(x));
  }

  /** An f32 constant in all four lanes (for the f32x4 kernels; `x` must be a float32 value). */
  c32(x: number): Vec {
    if (Math.fround(x) !== x) throw new Error(`${x} is not a float32 value`);
    return this.constant(f32Bytes(x));
  }

  /** An i64 constant in both lanes. */
  ci(n: number | bigint): Vec {
    return this.constant(i64Bytes(BigInt(n)));
  }

  /** Pushes an operand on the stack. */
  push(a: Vec): void {
    if (a.bytes) this.f.v128Const(a.bytes);
    else this.f.get(a.local!);
  }

  /** A new local holding what the stack's top holds (a value the caller's own instructions left there). */
  fromStack(): Vec {
    const local = this.f.local(ValType.V128);
    this.f.set(local);
    return { local };
  }

  /** A local that can be reassigned (`assign`), starting at `initial`. */
  variable(initial: Vec): Vec {
    this.push(initial);
    return this.fromStack();
  }

  assign(target: Vec, value: Vec): void {
    this.push(value);
    this.f.set(target.local!);
  }

  private unary(op: Simd, a: Vec): Vec {
    this.push(a);
    this.f.simd(op);
    return this.fromStack();
  }

  private binary(op: Simd, a: Vec, b: Vec): Vec {
    this.push(a);
    this.push(b);
    this.f.simd(op);
    return this.fromStack();
  }

  // ---- f64x2 arithmetic, each rounded once ----------------------------------------

  add(a: Vec, b: Vec): Vec { return this.binary(Simd.F64x2Add, a, b); }
  sub(a: Vec, b: Vec): Vec { return this.binary(Simd.F64x2Sub, a, b); }
  mul(a: Vec, b: Vec): Vec { return this.binary(Simd.F64x2Mul, a, b); }
  div(a: Vec, b: Vec): Vec { return this.binary(Simd.F64x2Div, a, b); }
  sqrt(a: Vec): Vec { return this.unary(Simd.F64x2Sqrt, a); }
  abs(a: Vec): Vec { return this.unary(Simd.F64x2Abs, a); }
  neg(a: Vec): Vec { return this.unary(Simd.F64x2Neg, a); }
  /** -|a| bit for bit (NaN's payload too), in one instruction where neg(abs(a)) takes two: the sign bit set. */
  negAbs(a: Vec): Vec { return this.or(a, this.ci(SIGN_BIT)); }
  floor(a: Vec): Vec { return this.unary(Simd.F64x2Floor, a); }
  /** Both lanes rounded to float32 (f32x4.demote_f64x2_zero): the two floats in lane 0's 64 bits, zeros above. */
  demote(a: Vec): Vec { return this.unary(Simd.F32x4DemoteF64x2Zero, a); }

  // ---- comparisons (masks) and selection -----------------------------------------

  lt(a: Vec, b: Vec): Vec { return this.binary(Simd.F64x2Lt, a, b); }
  le(a: Vec, b: Vec): Vec { return this.binary(Simd.F64x2Le, a, b); }
  gt(a: Vec, b: Vec): Vec { return this.binary(Simd.F64x2Gt, a, b); }
  ge(a: Vec, b: Vec): Vec { return this.binary(Simd.F64x2Ge, a, b); }
  eq(a: Vec, b: Vec): Vec { return this.binary(Simd.F64x2Eq, a, b); }
  ne(a: Vec, b: Vec): Vec { return this.binary(Simd.F64x2Ne, a, b); }
  and(a: Vec, b: Vec): Vec { return this.binary(Simd.And, a, b); }
  or(a: Vec, b: Vec): Vec { return this.binary(Simd.Or, a, b); }
  not(a: Vec): Vec { return this.unary(Simd.Not, a); }
  /** NaN lanes: x !== x. */
  isNaN(a: Vec): Vec { return this.ne(a, a); }

  /**
   * f32x4 comparisons, for the kernels that run float32 data in four lanes (kernel-types.ts
   * `f32x4`): comparing a float32 with a float32 constant gives the same answer in f32 as in
   * f64, since widening is exact. A mask is all ones or all zeros per 32-bit lane; and, or,
   * not and select are bitwise, so they serve both lane widths.
   */
  lt32(a: Vec, b: Vec): Vec { return this.binary(Simd.F32x4Lt, a, b); }
  le32(a: Vec, b: Vec): Vec { return this.binary(Simd.F32x4Le, a, b); }
  gt32(a: Vec, b: Vec): Vec { return this.binary(Simd.F32x4Gt, a, b); }
  ge32(a: Vec, b: Vec): Vec { return this.binary(Simd.F32x4Ge, a, b); }
  isNaN32(a: Vec): Vec { return this.binary(Simd.F32x4Ne, a, a); }

  /** Per lane: mask ? ifTrue : ifFalse. */
  select(mask: Vec, ifTrue: Vec, ifFalse: Vec): Vec {
    this.push(ifTrue);
    this.push(ifFalse);
    this.push(mask);
    this.f.simd(Simd.Bitselect);
    return this.fromStack();
  }

  /**
   * Runs `body` only when some lane of `mask` is set: a branch the scalar code takes
   * rarely costs nothing when no lane takes it. The body assigns to variables.
   */
  ifAny(mask: Vec, body: () => void): void {
    this.push(mask);
    this.f.simd(Simd.AnyTrue);
    this.f.open(Op.If);
    body();
    this.f.op(Op.End);
  }

  /**
   * Set by the fast function of a loop in blocks (blocked-loop.ts): `ifRare` runs no body but ORs its mask into
   * this variable, and the loop takes the block again, the careful way, where any lane is set.
   */
  deferRareInto?: Vec;
  /** How many `ifRare` branches the code emitted so far holds (0: a loop in blocks gains nothing). */
  rareBranches = 0;

  /**
   * ifAny for a branch almost no input takes (exp beyond |x| < 707): where the builder defers
   * rare branches (`deferRareInto`), its mask is only noted, and the body is left to the
   * careful pass. The body must only assign to variables of this step.
   */
  ifRare(mask: Vec, body: () => void): void {
    this.rareBranches++;
    const into = this.deferRareInto;
    if (into) this.assign(into, this.or(into, mask));
    else this.ifAny(mask, body);
  }

  /**
   * Runs `body` only when some lane of `mask` is clear: ifAny(not(mask)) without the `not`
   * (which V8 builds from two instructions) by testing i64x2.all_true.
   */
  ifNotAll(mask: Vec, body: () => void): void {
    this.push(mask);
    this.f.simd(Simd.I64x2AllTrue).op(Op.I32Eqz);
    this.f.open(Op.If);
    body();
    this.f.op(Op.End);
  }

  /**
   * For the lanes of `mask`, `result` (a variable) becomes fn(args at that lane): the scalar
   * JavaScript itself, called from the kernel, for lanes the vector code does not cover (snake's
   * huge arguments, whose sine needs the BigInt reduction). The same bits by construction, and
   * nothing paid where no lane needs it.
   */
  scalarLanes(mask: Vec, result: Vec, fn: ScalarFunction, args: readonly Vec[]): void {
    if (!this.imports) throw new Error('scalarLanes needs a module with scalar imports');
    const index = this.imports.index(fn, args.length);
    this.ifAny(mask, () => {
      for (const lane of [0, 1]) {
        this.push(mask);
        this.f.simd(Simd.I64x2ExtractLane).byte(lane).op(Op.I64Eqz).op(Op.I32Eqz);
        this.f.open(Op.If);
        this.push(result);
        for (const arg of args) {
          this.push(arg);
          this.f.simd(Simd.F64x2ExtractLane).byte(lane);
        }
        this.f.op(Op.Call).index(index);
        this.f.simd(Simd.F64x2ReplaceLane).byte(lane);
        this.f.set(result.local!);
        this.f.op(Op.End);
      }
    });
  }

  // ---- i64x2 integers ------------------------------------------------------------

  iadd(a: Vec, b: Vec): Vec { return this.binary(Simd.I64x2Add, a, b); }
  isub(a: Vec, b: Vec): Vec { return this.binary(Simd.I64x2Sub, a, b); }
  ilt(a: Vec, b: Vec): Vec { return this.binary(Simd.I64x2LtS, a, b); }
  ieq(a: Vec, b: Vec): Vec { return this.binary(Simd.I64x2Eq, a, b); }
  igt(a: Vec, b: Vec): Vec { return this.binary(Simd.I64x2GtS, a, b); }

  private shift(op: Simd, a: Vec, by: number): Vec {
    this.push(a);
    this.f.i32(by);
    this.f.simd(op);
    return this.fromStack();
  }

  shl(a: Vec, by: number): Vec { return this.shift(Simd.I64x2Shl, a, by); }
  shrS(a: Vec, by: number): Vec { return this.shift(Simd.I64x2ShrS, a, by); }
  shrU(a: Vec, by: number): Vec { return this.shift(Simd.I64x2ShrU, a, by); }

  /** The integer in an f64 that SHIFT was added to: exactly k for s = k + SHIFT, |k| < 2^51. */
  shiftedToInt(s: Vec): Vec {
    return this.isub(s, this.ci(SHIFT_BITS));
  }

  /** An i64 (|n| < 2^51) as the f64 of the same value, exactly. */
  intToDouble(n: Vec): Vec {
    return this.sub(this.iadd(n, this.ci(SHIFT_BITS)), this.c(SHIFT));
  }

  /** 2^n from i64 n in [-1022, 1023], built from bits; other n give junk (for lanes that are discarded). */
  powerOfTwo(n: Vec): Vec {
    return this.shl(this.iadd(n, this.ci(1023)), 52);
  }

  // ---- tables in memory ------------------------------------------------------------

  /**
   * The byte addresses of lane 0 and lane 1 of `index`, an integer-valued f64, as i32
   * locals: base + index * stride, with index clamped into [0, count) first so that a
   * discarded lane's junk (NaN, ±Infinity) still reads inside the table.
   */
  laneAddresses(index: Vec, count: number, base: number, stride: number): [number, number] {
    const clamped = this.select(this.ge(index, this.c(0)), index, this.c(0));
    const inRange = this.select(this.le(clamped, this.c(count - 1)), clamped, this.c(count - 1));
    this.push(inRange);
    this.f.simd(Simd.I32x4TruncSatF64x2SZero);
    return this.addressesOfLanes(this.fromStack(), [0, 1], base, stride);
  }

  /**
   * The byte offsets index * 2^strideLog2 of lane 0 and lane 1 of an i64 index already known
   * to be in range (a masked one): one vector shift, then the low words. The table's base goes
   * into the loads' offset (gather, gatherPair), not an i32.add per lane.
   */
  laneOffsetsOfInt(index: Vec, strideLog2: number): [number, number] {
    const scaled = this.shl(index, strideLog2);
    return [0, 2].map((lane) => {
      const address = this.f.local(ValType.I32);
      this.push(scaled);
      this.f.simd(Simd.I32x4ExtractLane).byte(lane);
      this.f.set(address);
      return address;
    }) as [number, number];
  }

  /** base + stride * (i32 lane of `packed`), for two lanes, into i32 locals. */
  private addressesOfLanes(packed: Vec, lanes: readonly [number, number], base: number, stride: number): [number, number] {
    return lanes.map((lane) => {
      const address = this.f.local(ValType.I32);
      this.push(packed);
      this.f.simd(Simd.I32x4ExtractLane).byte(lane);
      this.f.i32(stride).op(Op.I32Mul).i32(base).op(Op.I32Add).set(address);
      return address;
    }) as [number, number];
  }

  /** i64 lanes ANDed with a constant mask. */
  iand(a: Vec, mask: number): Vec {
    return this.and(a, this.ci(mask));
  }

  /** [mem f64 at lane 0's address + offset, the same at lane 1's]: two loads, the second into lane 1. */
  gather(addresses: readonly [number, number], offset: number): Vec {
    this.f.get(addresses[1]);
    this.f.get(addresses[0]).simd(Simd.Load64Zero).memarg(3, offset);
    this.f.simd(Simd.Load64Lane).memarg(3, offset).byte(1);
    return this.fromStack();
  }

  /** Two adjacent f64 per lane (a double-double's hi and lo) in two 16-byte loads and two shuffles. */
  gatherPair(addresses: readonly [number, number], offset: number): [Vec, Vec] {
    this.f.get(addresses[0]).simd(Simd.Load).memarg(3, offset);
    const a = this.fromStack();
    this.f.get(addresses[1]).simd(Simd.Load).memarg(3, offset);
    const b = this.fromStack();
    const pick = (first: number, second: number): Vec => {
      this.push(a);
      this.push(b);
      this.f.simd(Simd.Shuffle);
      for (let i = 0; i < 8; i++) this.f.byte(first + i);
      for (let i = 0; i < 8; i++) this.f.byte(second + i);
      return this.fromStack();
    };
    return [pick(0, 16), pick(8, 24)];
  }
}
