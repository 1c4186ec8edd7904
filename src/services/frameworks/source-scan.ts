/**
 * Where the comments and string literals of a Python / JavaScript / TypeScript
 * file are, so that framework names are only recognised in code (never in a
 * comment, nor in a string other than a Keras `activation='relu'`) and so that
 * a call's arguments can be split at commas and brackets outside strings.
 *
 * Deliberately not a full lexer: only what decides "is this character code?".
 * JavaScript regex literals and template `${...}` nesting are not modelled; both
 * are rare near activation calls, and the cost of a miss is one hover.
 */

export type SourceLanguage = 'python' | 'javascript' | 'typescript';

export interface SourceRegion {
  readonly kind: 'comment' | 'string';
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  /** For strings: where the text between the quotes starts and ends. */
  readonly contentStart: number;
  readonly contentEnd: number;
}

interface Syntax {
  readonly lineComments: readonly string[];
  readonly blockComments: readonly (readonly [string, string])[];
  /** Longest first: `'''` before `'`. */
  readonly quotes: readonly string[];
  /** Letters that may prefix a string (Python's r'', b'', f''). */
  readonly stringPrefix?: RegExp;
}

const PYTHON: Syntax = { lineComments: ['#'], blockComments: [], quotes: ['"""', "'''", '"', "'"], stringPrefix: /^[rRbBuUfF]{1,2}$/ };
const JAVASCRIPT: Syntax = { lineComments: ['//'], blockComments: [['/*', '*/']], quotes: ['"', "'", '`'] };
/** When the language is not known: both sets; `//` as floor division then reads as a comment. */
const EITHER: Syntax = { ...PYTHON, lineComments: ['#', '//'], blockComments: JAVASCRIPT.blockComments, quotes: [...PYTHON.quotes, '`'] };

const SYNTAX: Readonly<Record<SourceLanguage, Syntax>> = { python: PYTHON, javascript: JAVASCRIPT, typescript: JAVASCRIPT };

/** Comments and strings in document order; everything between them is code. */
export function scanRegions(text: string, language?: SourceLanguage): SourceRegion[] {
  const syntax = language ? SYNTAX[language] : EITHER;
  const regions: SourceRegion[] = [];
  let i = 0;
  while (i < text.length) {
    const region = regionStartingAt(text, i, syntax);
    if (region) {
      regions.push(region);
      i = region.end;
    } else i++;
  }
  return regions;
}

/** The region containing `offset`, if any (binary search; regions are sorted and disjoint). */
export function regionAt(regions: readonly SourceRegion[], offset: number): SourceRegion | undefined {
  let lo = 0;
  let hi = regions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = regions[mid];
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}

function regionStartingAt(text: string, i: number, syntax: Syntax): SourceRegion | undefined {
  for (const marker of syntax.lineComments) {
    if (text.startsWith(marker, i)) {
      const newline = text.indexOf('\n', i);
      const end = newline < 0 ? text.length : newline;
      return { kind: 'comment', start: i, end, contentStart: i, contentEnd: end };
    }
  }
  for (const [open, close] of syntax.blockComments) {
    if (text.startsWith(open, i)) {
      const found = text.indexOf(close, i + open.length);
      const end = found < 0 ? text.length : found + close.length;
      return { kind: 'comment', start: i, end, contentStart: i, contentEnd: end };
    }
  }
  const quote = syntax.quotes.find((q) => text.startsWith(q, i));
  if (!quote || isInsideWord(text, i, syntax)) return undefined;
  const start = stringStart(text, i, syntax);
  const contentStart = i + quote.length;
  const contentEnd = closingQuote(text, contentStart, quote);
  const closed = text.startsWith(quote, contentEnd);
  return { kind: 'string', start, end: closed ? contentEnd + quote.length : contentEnd, contentStart, contentEnd };
}

/** A quote right after a letter is a string only if the letters are a string prefix (Python r'...'). */
function isInsideWord(text: string, i: number, syntax: Syntax): boolean {
  const before = /[\w$]+$/.exec(text.slice(Math.max(0, i - 3), i))?.[0];
  return before !== undefined && !(syntax.stringPrefix?.test(before) ?? false);
}

function stringStart(text: string, i: number, syntax: Syntax): number {
  const before = /[A-Za-z]+$/.exec(text.slice(Math.max(0, i - 2), i))?.[0];
  return before && syntax.stringPrefix?.test(before) ? i - before.length : i;
}

/** Index of the closing quote (or where an unterminated string gives up: end of line, or of text). */
function closingQuote(text: string, from: number, quote: string): number {
  const multiline = quote.length === 3 || quote === '`';
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (text.startsWith(quote, j)) return j;
    else if (c === '\n' && !multiline) return j;
  }
  return text.length;
}
