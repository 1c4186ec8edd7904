import { writeSync } from 'fs';

/** Where the commands write: the real process streams, or buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => writeAll(1, terminalSafe(text)),
  err: (text) => writeAll(2, terminalSafe(text)),
};

/**
 * Control characters written as escapes (`\x1b`), so that a string a cell computes cannot
 * drive the terminal: "\x1b[2J" would clear the screen, "\r" overwrite the line. Newlines
 * and tabs stay. JSON output never holds any (JSON.stringify escapes them itself).
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Writes synchronously, so a long result (a 50-million-element tensor with --json, written in
 * pieces) never piles up in memory behind a slow reader, and the order of stdout and stderr is
 * the order of the calls. A pipe that is full answers EAGAIN: wait a millisecond and go on.
 */
function writeAll(fd: number, text: string): void {
  if (closed.has(fd)) return;
  let buffer = Buffer.from(text, 'utf8');
  while (buffer.length > 0) {
    try {
      buffer = buffer.subarray(writeSync(fd, buffer));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // the reader has gone (`... | head`): nothing more to write, as any command-line tool does
      if (code === 'EPIPE') {
        closed.add(fd);
        return;
      }
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(PAUSE, 0, 0, 1);
    }
  }
}

/** Streams whose reader has gone. */
const closed = new Set<number>();

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** Exit statuses of the CLI (LANGUAGE.md "The command line"). */
export const EXIT_OK = 0;
/** An error in SOURCE, a failing cell, an unreadable or invalid notebook, an unwritable output. */
export const EXIT_FAILURE = 1;
/** Bad command-line usage. */
export const EXIT_USAGE = 2;
