/**
 * Numbers packed small for outputs that carry many of them at low precision (a training
 * run's weight snapshots): each value as a 16-bit integer times one scale, the integers as
 * little-endian bytes in base64. 2.7 characters a number instead of about 8 for four
 * significant digits in JSON; the error is at most half a step, max |value| / 32767 / 2.
 * NaN and ±Infinity have codes of their own. Decoding is here too, so every reader agrees.
 */

const NAN_CODE = -32768;
const LARGEST = 32765;
const POS_INF_CODE = 32767;
const NEG_INF_CODE = -32767;

export interface PackedNumbers {
  /** value = code × scale */
  readonly scale: number;
  readonly data: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without btoa or Buffer, so that every host (Node, worker, webview) shares it. */
export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!, b = bytes[i + 1] ?? 0, c = bytes[i + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    out.push(
      ALPHABET[(triple >> 18) & 63]!, ALPHABET[(triple >> 12) & 63]!,
      i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63]! : '=', i + 2 < bytes.length ? ALPHABET[triple & 63]! : '=',
    );
  }
  return out.join('');
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0, buffer = 0, at = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not base64: ${JSON.stringify(ch)}`);
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

export function packNumbers(values: ArrayLike<number>): PackedNumbers {
  let largest = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) largest = Math.max(largest, Math.abs(values[i]!));
  const scale = largest > 0 ? largest / LARGEST : 1;
  const bytes = new Uint8Array(2 * values.length);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const code = Number.isNaN(v) ? NAN_CODE : v === Infinity ? POS_INF_CODE : v === -Infinity ? NEG_INF_CODE : Math.round(v / scale);
    view.setInt16(2 * i, code, true);
  }
  return { scale, data: base64(bytes) };
}

export function unpackNumbers(p: PackedNumbers): Float64Array {
  const bytes = fromBase64(p.data);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float64Array(bytes.length >> 1);
  for (let i = 0; i < out.length; i++) {
    const code = view.getInt16(2 * i, true);
    out[i] = code === NAN_CODE ? NaN : code === POS_INF_CODE ? Infinity : code === NEG_INF_CODE ? -Infinity : code * p.scale;
  }
  return out;
}
