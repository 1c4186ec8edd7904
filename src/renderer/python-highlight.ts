/**
 * Python source split into classed pieces for a code block: comments, strings,
 * numbers, keywords and the rest. A few regular expressions are enough for the
 * modules export(...) writes (and any plain Python); the pieces become text nodes,
 * never HTML.
 */
export type TokenClass = 'comment' | 'string' | 'number' | 'keyword' | 'plain';

export interface Token {
  readonly text: string;
  readonly kind: TokenClass;
}

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'class', 'def', 'elif', 'else', 'for', 'from', 'if',
  'import', 'in', 'is', 'lambda', 'not', 'or', 'pass', 'return', 'self', 'super', 'while', 'with', 'yield',
]);

// one alternative per class, in order: comment, triple-quoted string, string, number, word
const PIECE = /(#[^\n]*)|("""[\s\S]*?"""|'''[\s\S]*?''')|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(\b\d+(?:\.\d*)?(?:[eE][+-]?\d+)?\b)|([A-Za-z_]\w*)/g;

export function highlightPython(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const push = (text: string, kind: TokenClass) => {
    if (!text) return;
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind && kind === 'plain') tokens[tokens.length - 1] = { text: last.text + text, kind };
    else tokens.push({ text, kind });
  };
  for (const m of source.matchAll(PIECE)) {
    push(source.slice(at, m.index), 'plain');
    const kind: TokenClass = m[1] ? 'comment' : m[2] || m[3] ? 'string' : m[4] ? 'number' : KEYWORDS.has(m[5]!) ? 'keyword' : 'plain';
    push(m[0], kind);
    at = m.index! + m[0].length;
  }
  push(source.slice(at), 'plain');
  return tokens;
}
