/**
 * The first syntax error in a notebook file's JSON, with its line and column
 * and a message that says what to write instead.
 *
 * Found by jsonc-parser (the parser VS Code uses for its own JSON files) only
 * after `JSON.parse` has refused the text: V8's messages differ between Node
 * versions and often carry no position at all. jsonc-parser runs strictly,
 * because an .actnb file is plain JSON: comments and trailing commas are errors.
 */
import { printParseErrorCode, visit, type ParseErrorCode, type ParseOptions } from 'jsonc-parser';
import type { SourcePosition } from './notebook-model';

/** jsonc-parser read as plain JSON (RFC 8259): nothing that JSON.parse would refuse passes. */
export const STRICT_JSON: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

export interface JsonSyntaxError {
  /** What is wrong, without the position; e.g. "expected a value, found '}'". */
  readonly message: string;
  readonly position: SourcePosition;
}

type ErrorName = Exclude<ReturnType<typeof printParseErrorCode>, '<unknown ParseErrorCode>'>;

/** Per jsonc-parser error, what to tell the user; `found` is the offending token, described. */
const EXPLAIN: Record<ErrorName, (found: string) => string> = {
  InvalidSymbol: (found) => `${found} is not JSON`,
  InvalidNumberFormat: (found) => `${found} is not a number`,
  PropertyNameExpected: (found) => `expected a property name in double quotes, found ${found}`,
  ValueExpected: (found) => `expected a value, found ${found}`,
  ColonExpected: (found) => `expected ':' after the property name, found ${found}`,
  CommaExpected: (found) => `expected ',' between two values, found ${found}`,
  CloseBraceExpected: (found) => `expected ',' or '}' to go on with or close the object, found ${found}`,
  CloseBracketExpected: (found) => `expected ',' or ']' to go on with or close the array, found ${found}`,
  EndOfFileExpected: (found) => `unexpected ${found} after the end of the notebook's JSON`,
  InvalidCommentToken: () => 'comments are not allowed in an .actnb file, which is plain JSON (write notes in a markdown cell)',
  UnexpectedEndOfComment: () => 'unterminated comment',
  UnexpectedEndOfString: () => `unterminated string: close it with '"' on the same line (write a line break inside a string as \\n)`,
  UnexpectedEndOfNumber: (found) => `incomplete number ${found}: a digit must follow '-', '.' and 'e'`,
  InvalidUnicode: () => 'invalid \\u escape: write \\u and four hex digits, as in \\u00e9',
  InvalidEscapeCharacter: () => 'invalid escape: after \\ write one of " \\ / b f n r t, or u and four hex digits',
  InvalidCharacter: (found) => `${found} inside a string: write a tab as \\t and a line break as \\n`,
};

/**
 * Errors inside a string token: jsonc-parser reports the whole string, so
 * these find the offending character in it (strings hold no line break, so
 * the line stays the same).
 */
const INSIDE_STRING: Partial<Record<ErrorName, RegExp>> = {
  InvalidUnicode: /\\u(?![0-9a-fA-F]{4})/,
  InvalidEscapeCharacter: /\\(?!["\\/bfnrtu])/,
  InvalidCharacter: /[\u0000-\u001f]/,
};

/** The first syntax error in `text`, or undefined when jsonc-parser finds none. */
export function firstJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let first: { code: ParseErrorCode; position: SourcePosition; length: number } | undefined;
  try {
    visit(text, {
      onError(code, offset, length, startLine, startCharacter) {
        first ??= { code, length, position: { line: startLine + 1, column: startCharacter + 1, offset } };
      },
    }, STRICT_JSON);
  } catch {
    return undefined; // e.g. a stack overflow on absurd nesting: the position is unknown
  }
  if (!first) return undefined;
  const name = printParseErrorCode(first.code) as ErrorName;
  let { position, length } = first;
  const inside = INSIDE_STRING[name]?.exec(text.slice(position.offset, position.offset + length));
  if (inside) {
    position = { line: position.line, column: position.column + inside.index, offset: position.offset + inside.index };
    length = inside[0].length;
  }
  return { message: explain(name, text, position.offset, length), position };
}

function explain(name: ErrorName, text: string, offset: number, length: number): string {
  const token = text.slice(offset, offset + Math.max(length, 1));
  const before = text.slice(0, offset);
  if (name === 'CommaExpected' && /^\d/.test(token) && /(?:^|[^\d.eE+-])-?0$/.test(before)) {
    return 'a number cannot start with 0 followed by more digits (write 1, not 01)';
  }
  const message = EXPLAIN[name](describeToken(token));
  if ((token === '}' || token === ']') && before.trimEnd().endsWith(',')) {
    return `${message} (a trailing comma before it? JSON allows none)`;
  }
  if (name !== 'InvalidSymbol') return message;
  if (token.startsWith("'")) return `${message}: JSON strings take double quotes`;
  if (/^(True|False|None)$/.test(token)) return `${message}: JSON writes true, false and null in lower case`;
  if (/^(NaN|Infinity)$/.test(token) || text.startsWith('-Infinity', offset)) {
    return `${message}: JSON has no NaN or Infinity (outputs write them as the strings "NaN", "Infinity")`;
  }
  if (/^\s/.test(token)) return `${message}: only spaces, tabs and line breaks may stand between values`;
  if (/^[A-Za-z]/.test(token)) return `${message}: a value is a "string", a number, true, false, null, an {object} or an [array]`;
  return message;
}

/** A token as a message shows it: quoted and shortened, invisible characters named. */
function describeToken(token: string): string {
  if (token === '') return 'the end of the file';
  if (token === '\t') return 'a tab';
  if (/^[\r\n]/.test(token)) return 'a line break';
  // Control characters, and spaces JSON does not count as spaces (no-break space, U+2028...).
  if (/^[\u0000-\u001f\s]/.test(token)) return `the invisible character U+${token.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const shown = token.length > 24 ? token.slice(0, 24) + '…' : token;
  return shown.includes("'") ? `"${shown}"` : `'${shown}'`;
}
