/**
 * A cell's error as a notebook shows it. VS Code draws an error output as
 * "name: message", so the place goes in the name and the language's message
 * follows it, and the line reads as one sentence:
 *
 *   Line 2, column 8: unknown function 'sigmiod' (did you mean 'sigmoid'?)
 *
 * An error with no place in the cell (an interrupt, a restarted kernel) is its
 * message alone, begun with a capital: "Interrupted while running line 3".
 * Before, both went through the CLI's text and came out as "Error: error at
 * line 1, column 1: ..." and "Error: error: interrupted".
 */
import type { ErrorDisplay } from './output';

export interface ErrorHeading {
  /** Empty when the error has no place: VS Code then shows the message alone. */
  readonly name: string;
  readonly message: string;
}

export function errorHeading(d: ErrorDisplay): ErrorHeading {
  if (d.line > 0) return { name: `Line ${d.line}, column ${d.column}`, message: d.message };
  return { name: '', message: capitalised(d.message) };
}

/** The heading as one line of text, as VS Code shows it. */
export function errorLine(d: ErrorDisplay): string {
  const { name, message } = errorHeading(d);
  return name ? `${name}: ${message}` : message;
}

/** A message that has no place to lead it in starts a sentence of its own. */
export function capitalised(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
