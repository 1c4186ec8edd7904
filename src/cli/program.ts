/**
 * The `activation-lab` command line (LANGUAGE.md "The command line"):
 *
 *   activation-lab eval [--json] [--dtype float32|float64] "SOURCE"
 *   activation-lab run NOTEBOOK.actnb [--inplace [--static-images]] [--html OUT.html]
 *
 * Exit status: 0 success; 1 an error in SOURCE, a failing cell, an unreadable
 * or invalid notebook; 2 bad command-line usage (unknown option or command,
 * missing argument, invalid --dtype).
 */
import { Command, CommanderError, Option } from 'commander';
import type { DType } from '../engine';
import { evalCommand } from './eval-command';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, processIo, type CliIo } from './io';
import { runCommand } from './run-command';

declare const __ACTIVATION_LAB_VERSION__: string | undefined;

/** Set by esbuild from package.json; a placeholder when run from the sources. */
export const VERSION = typeof __ACTIVATION_LAB_VERSION__ === 'string' ? __ACTIVATION_LAB_VERSION__ : '0.0.0-dev';

export function buildProgram(io: CliIo, setStatus: (status: number) => void): Command {
  const program = new Command();
  program
    .name('activation-lab')
    .description('Run Activation Lab cells and notebooks (*.actnb) from the command line.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
    // Usage errors throw a CommanderError (mapped to exit status 2 by runCli) instead of exiting with 1.
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('eval')
    .description('run SOURCE as one cell and print the displayed value')
    .argument('<SOURCE>', 'the cell text, e.g. "relu([-1, 0.5, 3])" (use -- before a SOURCE that starts with -)')
    .option('--json', 'print one JSON object on stdout (errors too)')
    .addOption(new Option('--dtype <dtype>', 'default dtype of tensors that SOURCE creates').choices(['float32', 'float64']).default('float64'))
    .action((source: string, opts: { json?: boolean; dtype: DType }) => {
      setStatus(evalCommand(source, { json: opts.json, dtype: opts.dtype }, io));
    });

  program
    .command('run')
    .description('run the code cells of a notebook in order and print each result as [n] ...')
    .argument('<NOTEBOOK>', 'the notebook file (*.actnb)')
    .option('--inplace', 'write the outputs and execution orders back into the notebook')
    .option('--static-images', 'with --inplace: also save a static SVG picture of each plot, for viewers without Activation Lab (e.g. GitHub)')
    .option('--html <OUT.html>', 'also write a self-contained HTML page of the notebook and its results')
    .action(function (this: Command, file: string, opts: { inplace?: boolean; staticImages?: boolean; html?: string }) {
      // a usage error (exit 2), not a silent no-op: the user expects pictures in the file
      if (opts.staticImages && !opts.inplace) this.error('error: --static-images needs --inplace (the pictures go into the notebook file)');
      setStatus(runCommand(file, { inplace: opts.inplace, staticImages: opts.staticImages, html: opts.html }, io));
    });

  return program;
}

/** Parses `argv` (process.argv style: node, script, ...args), runs the command and returns the exit status. */
export function runCli(argv: readonly string[], io: CliIo = processIo): number {
  let status = EXIT_OK;
  const program = buildProgram(io, (s) => {
    status = s;
  });
  try {
    program.parse(withSourceMarked(argv), { from: 'node' });
    return status;
  } catch (e) {
    if (e instanceof CommanderError) return exitStatusOf(e);
    // a bug of ours: say so in one line, without a stack trace into the bundle
    io.err(`internal error (a bug in Activation Lab; please report it): ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_FAILURE;
  }
}

/**
 * `eval "-3^2"`: a SOURCE that starts with a minus is not an option. Commander would
 * report it as an unknown one, so a `--` is put before the first argument of `eval`
 * that starts with '-' and cannot be an option: a digit, a bracket, a dot or a space
 * after the minus, or a single-dash word that goes on with something no option has
 * (`-relu(1)`, `-x * 2`); it moves after the options. `--json`, `--dtype`, `-h` and friends
 * stay options.
 */
export function withSourceMarked(argv: readonly string[]): string[] {
  const args = [...argv];
  const start = args.indexOf('eval', 2);
  if (start < 0 || args.includes('--', start)) return args;
  for (let i = start + 1; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dtype') {
      i++; // its value
      continue;
    }
    if (!a.startsWith('-') || a.startsWith('--')) continue;
    if (/^-[^A-Za-z]/.test(a) || /^-[A-Za-z_]\w*[^\w]/.test(a)) {
      // options may follow the SOURCE (`eval "-3^2" --json`): they stay before the `--`
      args.splice(i, 1);
      args.push('--', a);
    }
    break;
  }
  return args;
}

/** Help and version are successes; every other CommanderError is a usage error. */
function exitStatusOf(e: CommanderError): number {
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT_OK;
  // `activation-lab` with no command prints help as an error; --help prints it with exit code 0.
  if (e.code === 'commander.help') return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  return EXIT_USAGE;
}
