/**
 * The language layer's public surface for the evaluator, the CLI and the
 * VS Code side; they import from here, not from the files behind it.
 */
export type * from './ast';
export { assertNever } from './ast';
export { LanguageError } from './errors';
export type { LanguageErrorKind } from './errors';
export { Lexer, tokenize } from './lexer';
export { parseExpression, parseProgram, maxNesting } from './parser';
export { levels, binaryOperatorTokens } from './precedence';
export type { Level, BinaryLevel, PrefixLevel, PostfixLevel, Associativity } from './precedence';
export { printAst } from './print-ast';
export { subexpressions } from './subexpressions';
export { parameterTexts } from './assignment-target';
export { positionAt, describePosition, sliceSpan, cover, span } from './source';
export type { Position, Span } from './source';
export { describeToken } from './token';
export type { Token, TokenKind } from './token';

// Running programs: a notebook's session, what it tells hovers and completion, and the builtins' docs.
export { Session } from './runtime/session';
export { budgetFromMebibytes, SESSION_MEMORY_BUDGET } from './runtime/memory-budget';
export { LivePlotEvaluator } from './runtime/live-plot-evaluator';
export { activationOfProgram } from './runtime/activation-program';
export type { CellResult, SessionOptions } from './runtime/session';
export type { NameInfo } from './runtime/inspect';
export { CONSTANTS, procedureSpecs } from './runtime/builtins';
export { mathFunctionNames, mathSummaries } from './runtime/builtins/math';
export type { ProcedureSpec } from './runtime/builtins/procedure';
// Writing expressions of the language from code (plot commands, framework hovers).
export { activationCall } from './activation-call';
export { quoteString, functionNameLatex } from './symbolic';
