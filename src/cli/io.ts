/** Where the commands write: the real process streams, or buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** Exit statuses of the CLI (LANGUAGE.md "The command line"). */
export const EXIT_OK = 0;
/** An error in SOURCE, a failing cell, an unreadable or invalid notebook, an unwritable output. */
export const EXIT_FAILURE = 1;
/** Bad command-line usage. */
export const EXIT_USAGE = 2;
