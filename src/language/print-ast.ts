/**
 * A compact S-expression rendering of the AST, for golden tests and for
 * debugging: `-x^2` prints as `(neg (^ x 2))`. Every construct has its own
 * head word, so two different trees never print the same.
 */
import { assertNever, type Node } from './ast';

export function printAst(node: Node): string {
  switch (node.type) {
    case 'program':
      // One statement per line, so a single-statement program prints as just that statement.
      return node.statements.map(printAst).join('\n');
    case 'assign':
      return `(= ${node.name} ${printAst(node.value)})`;
    case 'define': {
      const params = node.params.map((p) => (p.default === undefined ? p.name : `:${p.name} ${printAst(p.default)}`));
      return `(def ${node.name} (${params.join(' ')}) ${printAst(node.body)})`;
    }
    case 'expression':
      return printAst(node.expr);
    case 'number':
      return node.text;
    case 'string':
      return JSON.stringify(node.value);
    case 'boolean':
      return String(node.value);
    case 'name':
      return node.name;
    case 'unary':
      return `(${node.op === '-' ? 'neg' : 'pos'} ${printAst(node.operand)})`;
    case 'binary':
      return `(${node.op} ${printAst(node.left)} ${printAst(node.right)})`;
    case 'call':
      return list('call', printAst(node.callee), ...node.args.map(printAst),
        ...node.named.map((n) => `:${n.name} ${printAst(n.value)}`));
    case 'index':
      return list('index', printAst(node.target), ...node.indices.map(printAst));
    case 'transpose':
      return `(T ${printAst(node.target)})`;
    case 'field':
      return `(field ${printAst(node.target)} ${node.name})`;
    case 'derivative':
      return `(d${node.order} ${printAst(node.target)})`;
    case 'vector':
      return list('vec', ...node.elements.map(printAst));
    default:
      return assertNever(node);
  }
}

function list(head: string, ...items: string[]): string {
  return `(${[head, ...items].join(' ')})`;
}
