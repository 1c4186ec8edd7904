import { writeSync } from 'fs';

/** Where the commands write: the real process streams, or buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => writeAll(1, text),
  err: (text) => writeAll(2, text),
};

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
