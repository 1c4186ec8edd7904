/**
 * Which call the cursor is inside, from the text before it: `leaky_relu(x, al|`
 * is argument 1 of `leaky_relu`. Used by signature help (which parameter to
 * highlight) and completion (offer `alpha=` inside an activation's call).
 *
 * Scans backwards over brackets, skipping strings and `#` comments, so nested
 * calls and tensors (`f([1, 2], g(3), |`) count correctly.
 */

export interface CallContext {
  /** The called name as written (`f'` and `leaky_relu(alpha=0.2)(` report the name before the first `(`). */
  readonly callee: string;
  /** 0-based index of the argument the cursor is in. */
  readonly argumentIndex: number;
  /** Named arguments already written in this call (`alpha=` → `alpha`). */
  readonly namedSoFar: readonly string[];
  /** The named argument the cursor is in, when it is one. */
  readonly activeName?: string;
}

const OPEN: Readonly<Record<string, string>> = { ')': '(', ']': '[' };

/** Removes comments and the contents of strings, keeping lengths (offsets stay valid). */
function blankStringsAndComments(text: string): string {
  let out = '';
  let quote: string | undefined;
  let comment = false;
  for (const ch of text) {
    if (ch === '\n') {
      comment = false;
      quote = undefined; // strings do not span lines
      out += ch;
    } else if (comment) out += ' ';
    else if (quote) {
      if (ch === quote) quote = undefined;
      out += ch === quote ? ch : ' ';
    } else if (ch === '#') {
      comment = true;
      out += ' ';
    } else {
      if (ch === '"' || ch === "'") {
        // ' after a name or ) is the derivative mark, not a string
        const prev = out.trimEnd().slice(-1);
        if (ch === "'" && /[\w)']/.test(prev)) {
          out += ch;
          continue;
        }
        quote = ch;
      }
      out += ch;
    }
  }
  return out;
}

export function callContextAt(textBefore: string): CallContext | undefined {
  const text = blankStringsAndComments(textBefore);
  const stack: string[] = [];
  let commas = 0;
  let argumentStart = text.length;
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === ')' || ch === ']') stack.push(OPEN[ch]);
    else if (ch === '(' || ch === '[') {
      if (stack.length > 0) {
        stack.pop();
        continue;
      }
      if (ch === '[') return undefined; // inside a tensor literal or index, not a call
      const callee = /([A-Za-z_][A-Za-z0-9_]*'*)\s*$/.exec(text.slice(0, i))?.[1];
      if (!callee) return undefined;
      const args = text.slice(i + 1);
      const namedSoFar = [...args.matchAll(/(?:^|,)\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/g)].map((m) => m[1]);
      const current = text.slice(argumentStart === text.length ? i + 1 : argumentStart);
      const activeName = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)/.exec(current)?.[1];
      return { callee, argumentIndex: commas, namedSoFar, ...(activeName ? { activeName } : {}) };
    } else if (ch === ',' && stack.length === 0) {
      if (commas === 0) argumentStart = i + 1;
      commas++;
    } else if (ch === '\n' && stack.length === 0 && !/[,(\[+\-*/@^%=<>]\s*$/.test(text.slice(0, i))) {
      // a line that does not continue the previous one starts a new statement
      return undefined;
    }
  }
  return undefined;
}
