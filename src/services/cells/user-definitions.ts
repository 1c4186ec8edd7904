/**
 * Names a notebook defines, read from its cells' text without running them:
 * completion and signature help work before the kernel has run anything, and
 * while a cell is being typed (a cell that does not parse yet is scanned line
 * by line instead).
 */
import { parameterTexts, parseProgram, sliceSpan } from '../../language';

export interface UserDefinition {
  readonly name: string;
  readonly kind: 'function' | 'variable';
  /** Functions: parameter names, defaults as written (`a=0.1`). */
  readonly parameters?: readonly string[];
  /** The defining statement's text (`f(x) = x * sigmoid(x)`), for hovers and a scratch session. */
  readonly statement: string;
  /** Which of the given texts (cells) defines it. */
  readonly cell: number;
}

const LINE_DEFINITION = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^()]*)\))?\s*=(?!=)/;

function scanLines(text: string, cell: number): UserDefinition[] {
  const found: UserDefinition[] = [];
  for (const line of text.split('\n')) {
    for (const part of line.replace(/#.*$/, '').split(';')) {
      const m = LINE_DEFINITION.exec(part);
      if (!m) continue;
      const parameters = m[2]?.split(',').map((p) => p.replace(/\s+/g, '')).filter((p) => p.length > 0);
      found.push(parameters
        ? { name: m[1], kind: 'function', parameters, statement: part.trim(), cell }
        : { name: m[1], kind: 'variable', statement: part.trim(), cell });
    }
  }
  return found;
}

function parsed(text: string, cell: number): UserDefinition[] | undefined {
  try {
    const program = parseProgram(text);
    return program.statements.flatMap((s): UserDefinition[] => {
      const statement = sliceSpan(text, s.span);
      if (s.type === 'assign') return [{ name: s.name, kind: 'variable', statement, cell }];
      if (s.type === 'define') {
        return [{ name: s.name, kind: 'function', parameters: parameterTexts(s.params, text), statement, cell }];
      }
      return [];
    });
  } catch {
    return undefined;
  }
}

/** Every definition in the cells, in order; a later definition of a name comes after an earlier one. */
export function definitionsIn(cells: readonly string[]): UserDefinition[] {
  return cells.flatMap((text, i) => parsed(text, i) ?? scanLines(text, i));
}

/** The last definition of each name (what the name means after running every cell in order). */
export function latestDefinitions(cells: readonly string[]): Map<string, UserDefinition> {
  const latest = new Map<string, UserDefinition>();
  for (const d of definitionsIn(cells)) latest.set(d.name, d);
  return latest;
}
