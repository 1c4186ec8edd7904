/**
 * Where the numerics' tables sit in the kernels' memory: each table is placed
 * once, 16-byte aligned, from the bottom of memory up, and goes into the module
 * as a data segment. Kernels address them by constant offsets. The kernels' v128
 * constants live here too (vector-builder.ts loads them before each loop).
 */

export class TableLayout {
  private readonly offsets = new Map<object, number>();
  private readonly chunks: { offset: number; bytes: Uint8Array }[] = [];
  private readonly constants = new Map<string, number>();
  private next = 0;

  /** The byte offset of `values` (placed on first use; the same array always gets the same place). */
  place(values: readonly number[] | Float64Array): number {
    const known = this.offsets.get(values);
    if (known !== undefined) return known;
    const offset = this.next;
    this.offsets.set(values, offset);
    return this.append(offset, new Uint8Array(Float64Array.from(values).buffer));
  }

  private append(offset: number, bytes: Uint8Array): number {
    this.chunks.push({ offset, bytes });
    this.next = offset + ((bytes.length + 15) & ~15);
    return offset;
  }

  /**
   * Rows of different lengths as one matrix, each row padded with zeros to `width`:
   * returns the offset and the row stride in bytes.
   */
  placeRows(rows: readonly (readonly number[])[]): { offset: number; stride: number; width: number } {
    const width = Math.max(...rows.map((r) => r.length));
    const known = this.offsets.get(rows);
    const stride = width * 8;
    if (known !== undefined) return { offset: known, stride, width };
    const flat = new Float64Array(rows.length * width);
    rows.forEach((r, i) => flat.set(r, i * width));
    const offset = this.place(flat);
    this.offsets.set(rows, offset);
    return { offset, stride, width };
  }

  /** The byte offset of a 16-byte constant (two lanes), placed once per distinct value. */
  placeConstant(bytes: Uint8Array): number {
    const key = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    const known = this.constants.get(key);
    if (known !== undefined) return known;
    // copied as bytes: an integer mask read as a double could be a NaN, whose bits a copy may change
    const offset = this.append(this.next, Uint8Array.from(bytes));
    this.constants.set(key, offset);
    return offset;
  }

  /** The first byte after the tables. */
  get end(): number {
    return this.next;
  }

  segments(): readonly { offset: number; bytes: Uint8Array }[] {
    return this.chunks;
  }
}
