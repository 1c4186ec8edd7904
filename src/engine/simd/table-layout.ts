/**
 * Where the numerics' tables sit in the kernels' memory: each table is placed
 * once, 16-byte aligned, from the bottom of memory up, and goes into the module
 * as a data segment. Kernels address them by constant offsets.
 */

export class TableLayout {
  private readonly offsets = new Map<object, number>();
  private readonly chunks: { offset: number; values: Float64Array }[] = [];
  private next = 0;

  /** The byte offset of `values` (placed on first use; the same array always gets the same place). */
  place(values: readonly number[] | Float64Array): number {
    const known = this.offsets.get(values);
    if (known !== undefined) return known;
    const offset = this.next;
    this.chunks.push({ offset, values: Float64Array.from(values) });
    this.next = offset + ((values.length * 8 + 15) & ~15);
    this.offsets.set(values, offset);
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

  /** The first byte after the tables. */
  get end(): number {
    return this.next;
  }

  segments(): readonly { offset: number; bytes: Uint8Array }[] {
    return this.chunks.map(({ offset, values }) => ({ offset, bytes: new Uint8Array(values.buffer) }));
  }
}
