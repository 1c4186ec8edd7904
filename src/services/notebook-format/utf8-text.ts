/**
 * An .actnb file's bytes as text, strictly: bytes that are not UTF-8 are an error that
 * says where, never silently replaced by U+FFFD (which a save would then write back,
 * destroying whatever the bytes were). The position is the line and column where the
 * bad byte stands, counted in the valid text before it, as an editor would show it.
 */
import { NotebookFormatError } from './notebook-model';

const strict = new TextDecoder('utf-8', { fatal: true });

export function decodeNotebookText(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    const bad = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lines = before.split('\n');
    const line = lines.length;
    const column = lines[lines.length - 1]!.length + 1;
    const hex = bytes[bad]!.toString(16).padStart(2, '0');
    throw new NotebookFormatError(
      `line ${line}, column ${column}: this file is not valid UTF-8 text (byte 0x${hex} at offset ${bad}); an .actnb notebook is UTF-8 JSON — was it saved in another encoding?`,
      { line, column, offset: before.length },
    );
  }
}

/** Offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const length = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = b[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    // overlong 3- and 4-byte forms, surrogates and code points past U+10FFFF
    const second = b[i + 1] ?? 0;
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f) || (c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return b.length;
}
