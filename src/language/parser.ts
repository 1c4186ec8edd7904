/**
 * Recursive-descent parser for cells. Binary and prefix operators are parsed
 * by precedence climbing over the data table in precedence.ts; postfix forms
 * and primaries by hand. Every failure is a LanguageError('syntax') whose
 * message names what was expected and whose span points at the offending
 * token — never a raw JavaScript error, whatever the input.
 */
import type { BinaryOperator, Expr, NamedArgument, Program, Statement } from './ast';
import { assignmentTarget } from './assignment-target';
import { LanguageError } from './errors';
import { Lexer } from './lexer';
import { levels, prefixLevelIndex, type BinaryLevel, type PrefixLevel } from './precedence';
import { cover, describePosition, span, type Span } from './source';
import { describeToken, type Token, type TokenKind } from './token';

/**
 * Nesting (brackets, signs, exponents) beyond this is rejected with a message
 * instead of overflowing the JavaScript stack. No hand-written cell comes close.
 */
export const maxNesting = 200;

/** Tokens that end an operand's chance to appear: after `2 *` one of these means the operand is missing. */
const operandMissingBefore: ReadonlySet<TokenKind> = new Set<TokenKind>(['eof', 'newline', ';', ')', ']']);

const comparisonLevel = levels[0] as BinaryLevel;

/** Parses a whole cell. Throws LanguageError (kind 'syntax') on the first error. */
export function parseProgram(text: string): Program {
  return new Parser(text).program();
}

/** Parses a single expression (for hovers, plot ranges, tests); anything after it is an error. */
export function parseExpression(text: string): Expr {
  return new Parser(text).lone();
}

class Parser {
  private readonly lexer: Lexer;
  /** Lookahead buffer: tokens pulled from the lexer but not yet consumed. */
  private readonly ahead: Token[] = [];
  /** End of the last consumed token: where "end of input" errors point, instead of after trailing blank lines. */
  private previousEnd = 0;
  private nesting = 0;

  constructor(private readonly text: string) {
    this.lexer = new Lexer(text);
  }

  // ---- statements ----------------------------------------------------------

  program(): Program {
    const statements: Statement[] = [];
    for (;;) {
      while (this.at('newline') || this.at(';')) this.advance();
      if (this.at('eof')) break;
      statements.push(this.statement());
      this.endOfStatement();
    }
    return { type: 'program', statements, span: span(0, this.text.length) };
  }

  lone(): Expr {
    while (this.at('newline')) this.advance();
    const expr = this.expression();
    while (this.at('newline')) this.advance();
    if (!this.at('eof')) this.endOfStatement();
    if (!this.at('eof')) this.unexpected(this.peek(), 'only one expression was expected');
    return expr;
  }

  private statement(): Statement {
    const left = this.expression();
    if (!this.at('=')) return { type: 'expression', expr: left, span: left.span };

    const target = assignmentTarget(left);
    if (!('type' in target)) this.fail(target.message, target.span);
    const equals = this.advance();
    if (operandMissingBefore.has(this.peek().kind) || this.at(',')) {
      this.fail("missing value after '='", equals.span);
    }
    const value = this.expression();
    if (this.at('=')) {
      this.fail("unexpected '=': a statement has at most one '=' (to compare values, use '==')", this.peek().span);
    }
    const whole = cover(left.span, value.span);
    return target.type === 'assign'
      ? { type: 'assign', name: target.name, nameSpan: target.nameSpan, value, span: whole }
      : { type: 'define', name: target.name, nameSpan: target.nameSpan, params: target.params, body: value, span: whole };
  }

  /** After a statement only a separator may follow; say why anything else cannot. */
  private endOfStatement(): void {
    const token = this.peek();
    switch (token.kind) {
      case 'newline':
      case ';':
      case 'eof':
        return;
      case ')':
      case ']':
        this.fail(`unmatched '${token.kind}' (there is no '${token.kind === ')' ? '(' : '['}' before it to close)`, token.span);
      default:
        this.unexpected(
          token,
          "expected an operator, ';' or a new line; to multiply, write '*'",
        );
    }
  }

  // ---- expressions ---------------------------------------------------------

  private expression(): Expr {
    return this.nested(() => this.level(0));
  }

  private level(index: number): Expr {
    const level = levels[index];
    switch (level.kind) {
      case 'binary':
        return this.binary(index, level);
      case 'prefix':
        return this.prefix(index, level);
      case 'postfix':
        return this.postfix();
    }
  }

  private binary(index: number, level: BinaryLevel): Expr {
    let left = this.level(index + 1);
    for (;;) {
      const token = this.peek();
      const op: BinaryOperator | undefined = level.operators[token.kind];
      if (op === undefined) return left;
      this.advance();
      this.requireOperand(token);
      let right: Expr;
      if (level.associativity === 'right') {
        // Right-associative: the right operand may itself contain this level
        // (`2^3^2` is `2^(3^2)`), starting from the prefix level if allowed (`2^-1`).
        right = this.nested(() => this.level(level.rightOperand === 'prefix' ? prefixLevelIndex : index));
      } else {
        right = this.level(index + 1);
      }
      left = { type: 'binary', op, left, right, span: cover(left.span, right.span) };
      if (level.associativity === 'right') return left;
      if (level.associativity === 'none') {
        const next = this.peek();
        if (level.operators[next.kind] !== undefined) {
          const hint = level === comparisonLevel
            ? `; to require both, multiply them: (a ${token.text} b) * (b ${next.text} c)`
            : '';
          this.fail(
            `'${token.text}' and '${next.text}' cannot be chained (${level.name} operators do not associate): ` +
              `add parentheses${hint}`,
            next.span,
          );
        }
        return left;
      }
    }
  }

  private prefix(index: number, level: PrefixLevel): Expr {
    const token = this.peek();
    const op = level.operators[token.kind];
    if (op === undefined) return this.level(index + 1);
    this.advance();
    this.requireOperand(token);
    // The operand may carry another sign (`--x`), and binds everything tighter (`-x^2` is `-(x^2)`).
    const operand = this.nested(() => this.level(index));
    return { type: 'unary', op, operand, span: cover(token.span, operand.span) };
  }

  /** Call, index, `.T`, `.name`, `'` — left to right, as many as follow. */
  private postfix(): Expr {
    let expr = this.primary();
    for (;;) {
      const token = this.peek();
      if (token.kind === '(') {
        this.advance();
        const { args, named, close } = this.argumentList(token);
        expr = { type: 'call', callee: expr, args, named, span: cover(expr.span, close.span) };
      } else if (token.kind === '[') {
        this.advance();
        const { items, close } = this.list(token, ']', 'index');
        if (items.length === 0) this.fail("expected an index inside '[ ]', as in a[0]", close.span);
        expr = { type: 'index', target: expr, indices: items, span: cover(expr.span, close.span) };
      } else if (token.kind === '.') {
        this.advance();
        const name = this.peek();
        if (name.kind !== 'identifier') {
          this.unexpected(name, "expected a field name after '.', as in a.T");
        }
        this.advance();
        const whole = cover(expr.span, name.span);
        expr = name.text === 'T'
          ? { type: 'transpose', target: expr, span: whole }
          : { type: 'field', target: expr, name: name.text, span: whole };
      } else if (token.kind === "'") {
        let last = this.advance();
        let order = 1;
        while (this.at("'")) {
          last = this.advance();
          order++;
        }
        expr = { type: 'derivative', target: expr, order, span: cover(expr.span, last.span) };
      } else {
        return expr;
      }
    }
  }

  private primary(): Expr {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        this.advance();
        return { type: 'number', value: Number(token.text), text: token.text, span: token.span };
      case 'string':
        this.advance();
        return { type: 'string', value: token.value ?? '', span: token.span };
      case 'true':
      case 'false':
        this.advance();
        return { type: 'boolean', value: token.kind === 'true', span: token.span };
      case 'identifier':
        this.advance();
        return { type: 'name', name: token.text, span: token.span };
      case '(': {
        this.advance();
        if (this.at(')')) this.fail("expected an expression inside '( )'", this.peek().span);
        const inner = this.expression();
        const close = this.close(token, ')');
        // The span includes the parentheses so that `(a + b).T` and `(a + b) * c` cover all their text.
        return { ...inner, span: cover(token.span, close.span) };
      }
      case '[': {
        this.advance();
        const { items, close } = this.list(token, ']', 'element');
        return { type: 'vector', elements: items, span: cover(token.span, close.span) };
      }
      case "'":
        return this.unexpected(
          token,
          "an expression was expected; strings use double quotes (\"tanh\"), and ' marks a derivative after a function (f')",
        );
      default:
        return this.unexpected(token, 'an expression was expected');
    }
  }

  // ---- bracketed lists -----------------------------------------------------

  /** `( positional..., name=value... )`; a trailing ',' is allowed so long calls can be split one argument per line. */
  private argumentList(open: Token): { args: Expr[]; named: NamedArgument[]; close: Token } {
    const args: Expr[] = [];
    const named: NamedArgument[] = [];
    for (;;) {
      if (this.at(')')) break;
      const token = this.peek();
      if (token.kind === 'identifier' && this.peek(1).kind === '=') {
        this.advance();
        const equals = this.advance();
        if (operandMissingBefore.has(this.peek().kind) || this.at(',')) {
          this.fail("missing value after '='", equals.span);
        }
        if (named.some((n) => n.name === token.text)) {
          this.fail(`argument '${token.text}' is given twice`, token.span);
        }
        named.push({ name: token.text, nameSpan: token.span, value: this.expression() });
      } else {
        const value = this.expression();
        if (named.length > 0) {
          this.fail(
            `positional argument after the named argument '${named[named.length - 1].name}': ` +
              'positional arguments come first, as in leaky_relu(x, alpha=0.1)',
            value.span,
          );
        }
        args.push(value);
      }
      if (!this.at(',')) break;
      this.advance();
    }
    return { args, named, close: this.close(open, ')', "separate arguments with ','") };
  }

  /** Comma-separated expressions up to `closer`; a trailing ',' is allowed. */
  private list(open: Token, closer: ')' | ']', what: string): { items: Expr[]; close: Token } {
    const items: Expr[] = [];
    while (!this.at(closer)) {
      items.push(this.expression());
      if (!this.at(',')) break;
      this.advance();
    }
    return { items, close: this.close(open, closer, `separate ${what}s with ','`) };
  }

  /** Consume `closer` or explain which bracket is left open. */
  private close(open: Token, closer: ')' | ']', hint?: string): Token {
    const token = this.peek();
    if (token.kind === closer) return this.advance();
    let advice = '';
    if (token.kind === '=') {
      advice = closer === ')' && hint !== undefined ? '; named arguments are written name=value' : "; to compare, use '=='";
    }
    else if (hint !== undefined && token.kind !== 'eof' && token.kind !== ')' && token.kind !== ']') advice = `; ${hint}`;
    this.fail(
      `expected '${closer}' to close the '${open.text}' at ${describePosition(this.text, open.span.start)}, ` +
        `but found ${describeToken(token)}${advice}`,
      this.errorSpan(token),
    );
  }

  // ---- token plumbing ------------------------------------------------------

  private peek(k = 0): Token {
    while (this.ahead.length <= k) this.ahead.push(this.lexer.next());
    return this.ahead[k];
  }

  private at(kind: TokenKind): boolean {
    return this.peek().kind === kind;
  }

  private advance(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.ahead.shift();
    this.previousEnd = token.span.end;
    return token;
  }

  /** After an operator: "missing operand after '*'" reads better than "unexpected end of input". */
  private requireOperand(operator: Token): void {
    if (operandMissingBefore.has(this.peek().kind)) {
      this.fail(`missing operand after '${operator.text}'`, operator.span);
    }
  }

  /** Count one level of nesting around `parse`, refusing input nested deep enough to exhaust the stack. */
  private nested<T>(parse: () => T): T {
    if (this.nesting >= maxNesting) {
      this.fail(`expression nested too deeply (more than ${maxNesting} levels)`, this.errorSpan(this.peek()));
    }
    this.nesting++;
    try {
      return parse();
    } finally {
      this.nesting--;
    }
  }

  /** End of input is reported right after the last real token, not after trailing blank lines and comments. */
  private errorSpan(token: Token): Span {
    return token.kind === 'eof' ? span(this.previousEnd, this.previousEnd) : token.span;
  }

  private unexpected(token: Token, expected: string): never {
    this.fail(`unexpected ${describeToken(token)} (${expected})`, this.errorSpan(token));
  }

  private fail(message: string, at: Span): never {
    throw new LanguageError('syntax', message, at, this.text);
  }
}
