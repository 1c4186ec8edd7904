/**
 * The vocabulary of the lexer. Punctuation tokens use their own text as their
 * kind, so the parser can test `token.kind === '('` and TypeScript checks the
 * spelling.
 */
import type { Span } from './source';

/** Longest first: the lexer takes the first entry that matches (maximal munch, so `**` beats `*`). */
export const punctuation = [
  '**', '==', '!=', '<=', '>=',
  '+', '-', '*', '/', '%', '@', '^', "'", '(', ')', '[', ']', ',', ';', '=', '<', '>', '.',
] as const;

export type PunctuationKind = (typeof punctuation)[number];

export type TokenKind =
  | 'number'
  | 'string'
  | 'identifier'
  | 'true'
  | 'false'
  /** A statement separator; only emitted where a line really ends a statement (see lexer). */
  | 'newline'
  /** Repeated forever once the text is exhausted, so lookahead never runs off the end. */
  | 'eof'
  | PunctuationKind;

export interface Token {
  kind: TokenKind;
  /** The exact source text (a string keeps its quotes and escapes). */
  text: string;
  span: Span;
  /** A string's decoded value; absent for every other kind. */
  value?: string;
}

/** How messages name a token: "',' ", "name 'x'", "end of input". */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'end of input';
    case 'newline':
      return 'end of line';
    case 'identifier':
      return `name '${token.text}'`;
    case 'number':
      return `number ${token.text}`;
    case 'string':
      return `string ${token.text.length > 24 ? token.text.slice(0, 20) + '..."' : token.text}`;
    default:
      return `'${token.text}'`;
  }
}
