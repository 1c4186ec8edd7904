/**
 * The arguments of a call written after a framework name, as far as they are
 * literals: `nn.LeakyReLU(0.2)`, `F.gelu(x, approximate='tanh')`,
 * `tf.layers.leakyReLU({alpha: 0.2})`, over several lines and with comments.
 * Anything else (`x`, `1 / 8`, `cfg.slope`) is kept as text so the hover can
 * say it was not used.
 */
import { regionAt, type SourceRegion } from './source-scan';

export type LiteralValue = number | string | boolean | null;

export interface CallArgument {
  /** The keyword as written (`negative_slope=`, or a key of a JS object literal); absent for positional ones. */
  readonly keyword?: string;
  /** The argument's text with comments removed and whitespace trimmed. */
  readonly text: string;
  /** Present when the argument is a literal; `null` is Python's None / JS null and undefined. */
  readonly literal?: { readonly value: LiteralValue };
}

const OPEN = '([{';
const CLOSE = ')]}';
const NUMBER = /^[+-]?(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?$/;
const WORDS: Readonly<Record<string, LiteralValue>> = { True: true, False: false, true: true, false: false, None: null, null: null, undefined: null };
const KEYWORD = /^([A-Za-z_$][\w$]*)\s*=(?!=)\s*([\s\S]*)$/;
const OBJECT_KEY = /^(?:([A-Za-z_$][\w$]*)|'([^']*)'|"([^"]*)")\s*:\s*([\s\S]*)$/;

/**
 * The arguments of the call whose `(` is the first code after `from`, or
 * undefined when no call follows (a name used without calling it).
 */
export function callArguments(text: string, regions: readonly SourceRegion[], from: number): CallArgument[] | undefined {
  let i = skipBlank(text, regions, from);
  if (text[i] !== '(') return undefined;
  const pieces = splitTopLevel(text, regions, i + 1, ')');
  return pieces.flatMap((piece) => {
    const objectBody = /^\{([\s\S]*)\}$/.exec(piece);
    // A JS object literal as the argument: its properties are keyword arguments (tfjs layers' config).
    if (objectBody) return splitText(objectBody[1]).map(objectProperty);
    return [argument(piece)];
  });
}

function argument(piece: string): CallArgument {
  const keyword = KEYWORD.exec(piece);
  if (keyword) return withLiteral(keyword[2].trim(), keyword[1]);
  return withLiteral(piece);
}

function objectProperty(piece: string): CallArgument {
  const property = OBJECT_KEY.exec(piece);
  if (!property) return { text: piece };
  return withLiteral(property[4].trim(), property[1] ?? property[2] ?? property[3]);
}

function withLiteral(text: string, keyword?: string): CallArgument {
  const value = parseLiteral(text);
  return { ...(keyword !== undefined ? { keyword } : {}), text, ...(value !== undefined ? { literal: { value } } : {}) };
}

/** A literal's value, or undefined when the text is not one. */
export function parseLiteral(text: string): LiteralValue | undefined {
  if (NUMBER.test(text)) return Number(text.replace(/_/g, ''));
  if (text in WORDS) return WORDS[text];
  const quoted = /^(['"`])([^'"`\\]*)\1$/.exec(text);
  if (quoted && !(quoted[1] === '`' && quoted[2].includes('${'))) return quoted[2];
  return undefined;
}

/** Pieces of a bracketed list from `start` up to its closing bracket, split at top-level commas; comments dropped. */
function splitTopLevel(text: string, regions: readonly SourceRegion[], start: number, close: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const region = regionAt(regions, i);
    if (region) {
      if (region.kind === 'string') current += text.slice(region.start, region.end);
      i = region.end - 1;
      continue;
    }
    const c = text[i];
    if (depth === 0 && (c === close || c === ',')) {
      pieces.push(current.trim());
      current = '';
      if (c === close) break;
      continue;
    }
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth--;
    if (depth < 0) break; // unbalanced: a call still being typed
    current += c;
  }
  // a trailing comma leaves an empty last piece
  return pieces.filter((p, k) => p !== '' || k < pieces.length - 1);
}

/** Splits an already comment-free text (an object literal's body) at top-level commas. */
function splitText(body: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === '\\') current += body[i++];
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      pieces.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  pieces.push(current.trim());
  return pieces.filter((p) => p !== '');
}

function skipBlank(text: string, regions: readonly SourceRegion[], from: number): number {
  let i = from;
  while (i < text.length) {
    const region = regionAt(regions, i);
    if (region?.kind === 'comment') i = region.end;
    else if (/\s/.test(text[i]) || (text[i] === '\\' && text[i + 1] === '\n')) i++;
    else break;
  }
  return i;
}
