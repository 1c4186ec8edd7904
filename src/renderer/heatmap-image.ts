/**
 * A small heatmap as an image: values on a grid coloured orange (low) through white
 * (centre) to blue (high), TensorFlow Playground's colours, encoded as a 24-bit BMP
 * data: URL. BMP because it needs no compression (a 20 × 20 map is 1.3 KB) and its
 * rows run bottom-up, as a grid whose first row is the lowest x2 does; the same code
 * runs in the notebook's webview and in the CLI's HTML export (no canvas there).
 */

import { base64 } from '../engine';

/** Playground's orange (negative, class 0), its near-white, its blue (positive, class 1). */
export const LOW_COLOUR: readonly [number, number, number] = [0xf5, 0x93, 0x22];
export const MID_COLOUR: readonly [number, number, number] = [0xe8, 0xea, 0xeb];
export const HIGH_COLOUR: readonly [number, number, number] = [0x08, 0x77, 0xbd];

/** The colour of `v` on a scale from `low` (orange) through `centre` (white) to `high` (blue); NaN is grey. */
export function heatColour(v: number, low: number, centre: number, high: number): [number, number, number] {
  const out = new Uint8Array(3);
  writeColour(out, 0, v, low, centre, high);
  return [out[0]!, out[1]!, out[2]!];
}

/** heatColour's red, green, blue written at out[at], out[at + 1], out[at + 2] (no allocation: a map is hundreds of pixels). */
function writeColour(out: Uint8Array, at: number, v: number, low: number, centre: number, high: number): void {
  let end: readonly number[], t: number;
  if (Number.isNaN(v)) {
    out[at] = out[at + 1] = out[at + 2] = 0x80;
    return;
  }
  if (v >= centre) {
    end = HIGH_COLOUR;
    t = v === Infinity ? 1 : Math.min(1, (v - centre) / (high - centre || 1));
  } else {
    end = LOW_COLOUR;
    t = v === -Infinity ? 1 : Math.min(1, (centre - v) / (centre - low || 1));
  }
  for (let k = 0; k < 3; k++) out[at + k] = Math.round(MID_COLOUR[k]! + (end[k]! - MID_COLOUR[k]!) * t);
}

/** `values` (n × n, row 0 at the bottom) as a BMP data: URL; `grey` draws it washed out (a dead unit). */
export function heatmapImage(values: ArrayLike<number>, n: number, scale: { low: number; centre: number; high: number }, grey = false): string {
  const rowBytes = Math.ceil((3 * n) / 4) * 4;
  const size = 54 + rowBytes * n;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x42; bytes[1] = 0x4d; // "BM"
  view.setUint32(2, size, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, n, true);
  view.setInt32(22, n, true); // positive height: rows bottom-up
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  view.setUint32(34, rowBytes * n, true);
  const rgb = new Uint8Array(3);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      writeColour(rgb, 0, values[r * n + c]!, scale.low, scale.centre, scale.high);
      let red = rgb[0]!, green = rgb[1]!, blue = rgb[2]!;
      if (grey) {
        const g = Math.round(0.3 * red + 0.59 * green + 0.11 * blue);
        red = green = blue = Math.round(g * 0.5 + 0x90 * 0.5);
      }
      const at = 54 + r * rowBytes + 3 * c;
      bytes[at] = blue; bytes[at + 1] = green; bytes[at + 2] = red;
    }
  }
  return `data:image/bmp;base64,${base64(bytes)}`;
}
