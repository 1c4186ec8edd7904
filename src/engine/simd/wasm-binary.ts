/**
 * A tiny WebAssembly assembler: module sections, function bodies and the few
 * opcodes our elementwise kernels use, written straight to bytes.
 *
 * Why our own and not wabt: the kernels are generated at run time from the
 * catalogue's kernel descriptions (TypeScript functions of ours, never user
 * text), in the extension host, the kernel worker and the browser alike, with
 * nothing downloaded. What we emit is a few dozen opcodes, so a table of them
 * is smaller than any dependency; the unit tests validate the output with wabt.
 */

/** Value types: the kernels only ever see these. */
export const enum ValType { I32 = 0x7f, F64 = 0x7c, V128 = 0x7b }

/** Opcodes with a one-byte encoding. */
export const enum Op {
  Block = 0x02, Loop = 0x03, If = 0x04, Else = 0x05, End = 0x0b, Br = 0x0c, BrIf = 0x0d, Return = 0x0f, Call = 0x10,
  Select = 0x1b, LocalGet = 0x20, LocalSet = 0x21, LocalTee = 0x22,
  F64Load = 0x2b, F64Store = 0x39,
  I32Const = 0x41, I32Eqz = 0x45, I32LtU = 0x49, I32GeU = 0x4f, I64Eqz = 0x50,
  I32Add = 0x6a, I32Sub = 0x6b, I32Mul = 0x6c, I32And = 0x71, I32Or = 0x72, I32Shl = 0x74, I32ShrU = 0x76,
}

/** Opcodes after the 0xfd (SIMD) prefix. */
export const enum Simd {
  Load = 0x00, Store = 0x0b, Const = 0x0c, Shuffle = 0x0d,
  I64x2Splat = 0x12, F64x2Splat = 0x14,
  F32x4Ne = 0x42, F32x4Lt = 0x43, F32x4Gt = 0x44, F32x4Le = 0x45, F32x4Ge = 0x46,
  I32x4ExtractLane = 0x1b, I64x2ExtractLane = 0x1d, F64x2ExtractLane = 0x21, F64x2ReplaceLane = 0x22,
  F64x2Eq = 0x47, F64x2Ne = 0x48, F64x2Lt = 0x49, F64x2Gt = 0x4a, F64x2Le = 0x4b, F64x2Ge = 0x4c,
  Not = 0x4d, And = 0x4e, AndNot = 0x4f, Or = 0x50, Xor = 0x51, Bitselect = 0x52, AnyTrue = 0x53,
  Load64Lane = 0x57, Store64Lane = 0x5b, Load64Zero = 0x5d, F32x4DemoteF64x2Zero = 0x5e, F64x2PromoteLowF32x4 = 0x5f,
  F64x2Ceil = 0x74, F64x2Floor = 0x75,
  I64x2AllTrue = 0xc3, I64x2Shl = 0xcb, I64x2ShrS = 0xcc, I64x2ShrU = 0xcd,
  I64x2Add = 0xce, I64x2Sub = 0xd1, I64x2Eq = 0xd6, I64x2LtS = 0xd8, I64x2GtS = 0xd9, I64x2GeS = 0xdb,
  F64x2Abs = 0xec, F64x2Neg = 0xed, F64x2Sqrt = 0xef,
  F64x2Add = 0xf0, F64x2Sub = 0xf1, F64x2Mul = 0xf2, F64x2Div = 0xf3,
  I32x4TruncSatF64x2SZero = 0xfc,
}

/** An unsigned LEB128 number, as the binary format writes counts, indices and offsets. */
export function unsignedLeb(value: number, out: number[]): void {
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
}

/** A signed LEB128 number (i32.const). */
export function signedLeb(value: number, out: number[]): void {
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

/** The instructions of one function, with its locals beyond the parameters. */
export class FunctionBody {
  readonly code: number[] = [];
  /** Instructions run once before `code`: constants set into locals, outside every loop. */
  readonly prologue: number[] = [];
  private readonly localTypes: ValType[] = [];
  /** Calls of other functions of the module, whose index is known only when it is encoded: where in `code`, and which. */
  private readonly calls: { at: number; target: FunctionBody }[] = [];

  constructor(readonly params: readonly ValType[], readonly results: readonly ValType[]) {}

  /** A fresh local of this type; its index. */
  local(type: ValType): number {
    this.localTypes.push(type);
    return this.params.length + this.localTypes.length - 1;
  }

  op(code: Op): this {
    this.code.push(code);
    return this;
  }

  simd(code: Simd): this {
    this.code.push(0xfd);
    unsignedLeb(code, this.code);
    return this;
  }

  /** An immediate: a local index, a lane, a branch depth. */
  index(value: number): this {
    unsignedLeb(value, this.code);
    return this;
  }

  byte(value: number): this {
    this.code.push(value & 0xff);
    return this;
  }

  i32(value: number): this {
    this.code.push(Op.I32Const);
    signedLeb(value, this.code);
    return this;
  }

  get(local: number): this {
    return this.op(Op.LocalGet).index(local);
  }

  set(local: number): this {
    return this.op(Op.LocalSet).index(local);
  }

  /** A memory access's immediate: log2 of the alignment, then the offset. */
  memarg(alignLog2: number, offset: number): this {
    return this.index(alignLog2).index(offset);
  }

  /** v128.const from 16 bytes. */
  v128Const(bytes: Uint8Array): this {
    this.simd(Simd.Const);
    for (const b of bytes) this.code.push(b);
    return this;
  }

  /** block / loop / if with no result type. */
  open(code: Op.Block | Op.Loop | Op.If): this {
    return this.op(code).byte(0x40);
  }

  /**
   * call of `target`, a function added to the same module: its index written when the module
   * is encoded, as a five-byte LEB128 (padding is valid), so that nothing here moves.
   */
  call(target: FunctionBody): this {
    this.code.push(Op.Call);
    this.calls.push({ at: this.code.length, target });
    this.code.push(0x80, 0x80, 0x80, 0x80, 0x00);
    return this;
  }

  /** The body as the code section holds it: size, locals grouped by type, instructions, end; `indexOf` gives a called function's index. */
  encode(indexOf: (f: FunctionBody) => number = () => { throw new Error('a call needs the module: encode it with ModuleBuilder'); }): number[] {
    for (const { at, target } of this.calls) {
      const index = indexOf(target);
      for (let i = 0; i < 5; i++) this.code[at + i] = ((index >>> (7 * i)) & 0x7f) | (i < 4 ? 0x80 : 0);
    }
    const body: number[] = [];
    const groups: [number, ValType][] = [];
    for (const t of this.localTypes) {
      const last = groups[groups.length - 1];
      if (last && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    unsignedLeb(groups.length, body);
    for (const [count, type] of groups) {
      unsignedLeb(count, body);
      body.push(type);
    }
    body.push(...this.prologue, ...this.code, Op.End);
    const out: number[] = [];
    unsignedLeb(body.length, out);
    for (const b of body) out.push(b);
    return out;
  }
}

interface ExportedFunction {
  readonly name: string;
  readonly body: FunctionBody;
}

/**
 * A module of exported functions over one exported memory, with data segments
 * (the numerics' tables) at fixed offsets.
 */
export class ModuleBuilder {
  private readonly functions: ExportedFunction[] = [];
  private readonly data: { offset: number; bytes: Uint8Array }[] = [];
  /** Imported functions ("js" module, named by their index), (f64...) -> f64; they take the first function indices. */
  private readonly imports: number[] = [];

  /**
   * @param memoryPages the memory's size in 64 KiB pages: its own, exported as "memory", or with
   * `imported` the least size of the memory it imports as js."memory" (the thread's tensor heap).
   */
  constructor(private readonly memoryPages: number, private readonly imported = false) {}

  /** Imports a JavaScript function of `arity` f64 arguments returning an f64, as js."<index>"; returns its function index. */
  addImport(arity: number): number {
    this.imports.push(arity);
    return this.imports.length - 1;
  }

  addFunction(name: string, body: FunctionBody): void {
    this.functions.push({ name, body });
  }

  addData(offset: number, bytes: Uint8Array): void {
    this.data.push({ offset, bytes });
  }

  encode(): Uint8Array {
    const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    const section = (id: number, content: number[]) => {
      out.push(id);
      unsignedLeb(content.length, out);
      for (const b of content) out.push(b);
    };
    const vector = (items: readonly number[][]) => {
      const content: number[] = [];
      unsignedLeb(items.length, content);
      for (const item of items) for (const b of item) content.push(b);
      return content;
    };
    const type = (params: readonly ValType[], results: readonly ValType[]) => {
      const t: number[] = [0x60];
      unsignedLeb(params.length, t);
      t.push(...params);
      unsignedLeb(results.length, t);
      t.push(...results);
      return t;
    };
    const name = (s: string) => {
      const t: number[] = [];
      unsignedLeb(s.length, t);
      for (let i = 0; i < s.length; i++) t.push(s.charCodeAt(i));
      return t;
    };
    // one type per function, imports first: simpler than deduplicating, and the types section stays tiny
    const imported = this.imports.length;
    section(1, vector([
      ...this.imports.map((arity) => type(new Array<ValType>(arity).fill(ValType.F64), [ValType.F64])),
      ...this.functions.map(({ body }) => type(body.params, body.results)),
    ]));
    const memory: number[] = [0x00];
    unsignedLeb(this.memoryPages, memory);
    const importedMemory = this.imported ? [[...name('js'), ...name('memory'), 0x02, ...memory]] : [];
    if (imported > 0 || this.imported) {
      section(2, vector([...this.imports.map((_, i) => { const t = [...name('js'), ...name(String(i)), 0x00]; unsignedLeb(i, t); return t; }), ...importedMemory]));
    }
    section(3, vector(this.functions.map((_, i) => { const t: number[] = []; unsignedLeb(imported + i, t); return t; })));
    if (!this.imported) section(5, vector([memory]));
    const exports = this.imported ? [] : [[...name('memory'), 0x02, 0x00]];
    this.functions.forEach(({ name: n }, i) => { const t = [...name(n), 0x00]; unsignedLeb(imported + i, t); exports.push(t); });
    section(7, vector(exports));
    const indexOf = (f: FunctionBody): number => {
      const i = this.functions.findIndex(({ body }) => body === f);
      if (i < 0) throw new Error('a call of a function not in the module');
      return imported + i;
    };
    section(10, vector(this.functions.map(({ body }) => body.encode(indexOf))));
    if (this.data.length > 0) section(11, vector(this.data.map(({ offset, bytes }) => {
      const t: number[] = [0x00, Op.I32Const];
      signedLeb(offset, t);
      t.push(Op.End);
      unsignedLeb(bytes.length, t);
      for (const b of bytes) t.push(b);
      return t;
    })));
    return Uint8Array.from(out);
  }
}
