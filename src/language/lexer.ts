/**
 * Turns cell text into tokens, on demand: the parser pulls one token at a
 * time, so the first error in source order is the one reported, whether it is
 * a bad character or a misplaced token before it.
 *
 * Line structure is decided here so that the parser only sees `newline`
 * tokens where a statement really ends. A newline is dropped
 *   - inside ( ) and [ ] — multi-line calls and matrices;
 *   - after a line whose last token is a binary operator, ',', '=' or an open
 *     bracket (LANGUAGE.md: such a line continues on the next one).
 * Comments and blank lines never change which token was "last", so
 * `x = 1 +   # note` followed by blank lines still continues.
 */
import { LanguageError } from './errors';
import { binaryOperatorTokens } from './precedence';
import { span } from './source';
import { describeCharacter } from './character-hints';
import { punctuation, type Token, type TokenKind } from './token';

/** Tokens after which a line break is not the end of a statement. */
const continuesLine: ReadonlySet<TokenKind> = new Set<TokenKind>([...binaryOperatorTokens, ',', '=', '(', '[']);

const escapes: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n' };

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isIdentifierStart(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
}

function isIdentifierPart(c: string | undefined): boolean {
  return isIdentifierStart(c) || isDigit(c);
}

/**
 * Whitespace between tokens. The no-break space and the byte-order mark are
 * included because they arrive invisibly with pasted text and a BOM-prefixed
 * file; rejecting them would produce an error the student cannot see.
 */
function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0' || c === '\ufeff';
}

export class Lexer {
  private pos = 0;
  /** Open ( and [ not yet closed; a stray closer does not go below zero (the parser reports it). */
  private depth = 0;
  /** The last token handed out other than a newline, for the continuation rule. */
  private last: TokenKind | undefined;

  constructor(private readonly text: string) {}

  next(): Token {
    const text = this.text;
    for (;;) {
      const c = text[this.pos];
      if (c === undefined) return this.make('eof', this.pos, this.pos);
      if (isBlank(c)) {
        this.pos++;
      } else if (c === '#') {
        const newline = text.indexOf('\n', this.pos);
        this.pos = newline === -1 ? text.length : newline;
      } else if (c === '\n') {
        const start = this.pos++;
        const continued = this.depth > 0 || (this.last !== undefined && continuesLine.has(this.last));
        if (!continued) return this.make('newline', start, this.pos);
      } else {
        return this.scanToken(c);
      }
    }
  }

  private scanToken(c: string): Token {
    const start = this.pos;
    if (isDigit(c) || (c === '.' && isDigit(this.text[start + 1]))) return this.scanNumber(start);
    if (c === '"') return this.scanString(start);
    if (isIdentifierStart(c)) {
      let end = start + 1;
      while (isIdentifierPart(this.text[end])) end++;
      this.pos = end;
      const word = this.text.slice(start, end);
      return this.make(word === 'true' || word === 'false' ? word : 'identifier', start, end);
    }
    for (const p of punctuation) {
      if (this.text.startsWith(p, start)) {
        this.pos = start + p.length;
        if (p === '(' || p === '[') this.depth++;
        else if ((p === ')' || p === ']') && this.depth > 0) this.depth--;
        return this.make(p, start, this.pos);
      }
    }
    const char = String.fromCodePoint(this.text.codePointAt(start) ?? 0);
    this.fail(`unexpected character ${describeCharacter(char)}`, start, start + char.length);
  }

  /** `2`, `0.5`, `.5`, `1.`, `1e-3`, `2.5E+4`. */
  private scanNumber(start: number): Token {
    const text = this.text;
    let end = start;
    while (isDigit(text[end])) end++;
    if (text[end] === '.') {
      // `1.` is a number but `2.T` is the transpose of 2 and `2.x` a field:
      // the dot belongs to the number unless a name follows it (an exponent
      // is not a name: `1.e5`).
      const after = text[end + 1];
      if (!isIdentifierStart(after) || this.exponentLength(end + 1) > 0) {
        end++;
        while (isDigit(text[end])) end++;
      }
    }
    end += this.exponentLength(end);
    if (isIdentifierPart(text[end])) {
      let wordEnd = end;
      while (isIdentifierPart(text[wordEnd])) wordEnd++;
      const number = text.slice(start, end);
      const word = text.slice(end, wordEnd);
      const exponent = (word[0] === 'e' || word[0] === 'E') ? ` or ${number}e-3 for an exponent` : '';
      this.fail(
        `a number cannot be followed directly by a name: '${number}${word}' ` +
          `(write ${number}*${word} to multiply${exponent})`,
        start,
        wordEnd,
      );
    }
    this.pos = end;
    return this.make('number', start, end);
  }

  /** Length of an exponent part (`e5`, `E-3`) starting at `at`, or 0 if there is none. */
  private exponentLength(at: number): number {
    const text = this.text;
    if (text[at] !== 'e' && text[at] !== 'E') return 0;
    let end = at + 1;
    if (text[end] === '+' || text[end] === '-') end++;
    if (!isDigit(text[end])) return 0;
    while (isDigit(text[end])) end++;
    return end - at;
  }

  /** Double-quoted, on one line, with the escapes \" \\ \n. */
  private scanString(start: number): Token {
    const text = this.text;
    let value = '';
    let end = start + 1;
    for (;;) {
      const c = text[end];
      if (c === undefined || c === '\n') {
        this.fail(`unterminated string: add a closing '"' before the end of the line`, start, end);
      }
      if (c === '"') break;
      if (c === '\\') {
        const next = text[end + 1];
        if (next === undefined || next === '\n') {
          this.fail(`unterminated string: add a closing '"' before the end of the line`, start, end + 1);
        }
        const decoded = escapes[next];
        if (decoded === undefined) {
          const shown = String.fromCodePoint(text.codePointAt(end + 1) ?? 0);
          this.fail(
            `unknown escape '\\${shown}' in a string (the escapes are \\" \\\\ and \\n)`,
            end,
            end + 1 + shown.length,
          );
        }
        value += decoded;
        end += 2;
      } else {
        value += c;
        end++;
      }
    }
    this.pos = end + 1;
    const token = this.make('string', start, this.pos);
    token.value = value;
    return token;
  }

  private make(kind: TokenKind, start: number, end: number): Token {
    if (kind !== 'newline' && kind !== 'eof') this.last = kind;
    return { kind, text: this.text.slice(start, end), span: span(start, end) };
  }

  private fail(message: string, start: number, end: number): never {
    throw new LanguageError('syntax', message, span(start, end), this.text);
  }
}

/** All tokens of a text, ending with one `eof`. Throws LanguageError on the first bad token. */
export function tokenize(text: string): Token[] {
  const lexer = new Lexer(text);
  const tokens: Token[] = [];
  for (;;) {
    const token = lexer.next();
    tokens.push(token);
    if (token.kind === 'eof') return tokens;
  }
}
