/**
 * The framework call under the mouse in Python / TypeScript / JavaScript code
 * (`nn.LeakyReLU(0.2)`, `F.gelu(x, approximate='tanh')`, Keras's
 * `activation='relu'`), as a catalogue entry with the parameter values the code
 * writes as literals, and an expression of our language that means the same.
 *
 * Names: framework-names.ts. Argument conventions: framework-signatures.ts.
 * Literal arguments: call-arguments.ts. Comments and strings: source-scan.ts.
 */
import { findActivation, resolveParameters, type ActivationDefinition } from '../../engine';
import { activationCall } from '../../language';
import { callArguments, type CallArgument, type LiteralValue } from './call-arguments';
import { matchFrameworkName, matchStringActivation, type Framework, type FrameworkName } from './framework-names';
import { BOOLEAN_CHOICES, CALL_SIGNATURES, FRAMEWORK_KEYWORDS, type CallSignature } from './framework-signatures';
import { regionAt, scanRegions, type SourceLanguage, type SourceRegion } from './source-scan';

export interface FrameworkCall {
  /** Offsets of the dotted name (or string literal) hovered. */
  readonly start: number;
  readonly end: number;
  /** As written: `nn.LeakyReLU`, or the id of a string activation: `relu`. */
  readonly spelled: string;
  /** The matched framework name: `torch.nn.LeakyReLU`. */
  readonly qualified: string;
  readonly framework: Framework;
  /** Catalogue entry name: `leaky_relu`. */
  readonly name: string;
  /** Resolved values, canonical names. */
  readonly parameters: Readonly<Record<string, number | string>>;
  /** Canonical names whose values came from the code. */
  readonly written: readonly string[];
  /** Argument texts that were not literals (their parameters keep the default). */
  readonly ignored: readonly string[];
  readonly problems: readonly string[];
  /** The same function in our language: `leaky_relu(alpha=0.2)` or `relu`. */
  readonly expression: string;
}

export interface FrameworkCallOptions {
  /** The VS Code language id; other ids (or none) scan for both Python and JavaScript comments. */
  readonly language?: string;
}

const LANGUAGES: ReadonlySet<string> = new Set<SourceLanguage>(['python', 'javascript', 'typescript']);
/** `javascriptreact` and `typescriptreact` lex like their base languages. */
const toSourceLanguage = (id?: string): SourceLanguage | undefined => {
  const base = id?.replace(/react$/, '');
  return base && LANGUAGES.has(base) ? (base as SourceLanguage) : undefined;
};

/** Text just before a string that makes it a Keras activation id: `activation='relu'`, `activation: 'relu'`, `Activation('relu')`. */
const STRING_ACTIVATION_CONTEXT = /(?:\bactivation['"]?\s*[=:]|\bActivation\s*\()\s*$/;
const DOTTED_NAME_CHAR = /[\w$.]/;

export function frameworkCallAt(text: string, offset: number, options: FrameworkCallOptions = {}): FrameworkCall | undefined {
  const regions = scanRegions(text, toSourceLanguage(options.language));
  const region = regionAt(regions, offset);
  if (region?.kind === 'comment') return undefined;
  if (region?.kind === 'string') return stringActivation(text, region);
  const name = dottedNameAt(text, offset);
  const found = name && matchFrameworkName(name.text);
  if (!name || !found) return undefined;
  return describeCall(found, name, callArguments(text, regions, name.end) ?? []);
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The run of identifier characters and dots around `offset` (or just before it: the cursor after a word). */
function dottedNameAt(text: string, offset: number): Span | undefined {
  const at = DOTTED_NAME_CHAR.test(text[offset] ?? '') ? offset : offset - 1;
  if (!DOTTED_NAME_CHAR.test(text[at] ?? '')) return undefined;
  let start = at;
  let end = at + 1;
  while (start > 0 && DOTTED_NAME_CHAR.test(text[start - 1])) start--;
  while (end < text.length && DOTTED_NAME_CHAR.test(text[end])) end++;
  while (text[end - 1] === '.') end--;
  const written = text.slice(start, end);
  // `.relu` after an expression (`x.relu()`, `f().nn.ReLU`) is a method, not a framework name
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(written)) return undefined;
  return { start, end, text: written };
}

function stringActivation(text: string, region: SourceRegion): FrameworkCall | undefined {
  if (!STRING_ACTIVATION_CONTEXT.test(text.slice(Math.max(0, region.start - 40), region.start))) return undefined;
  const id = text.slice(region.contentStart, region.contentEnd);
  const found = matchStringActivation(id);
  return found && describeCall(found, { start: region.start, end: region.end, text: id }, []);
}

/** What the arguments say, before they are checked: framework keyword → literal value. */
interface ReadArguments {
  readonly given: Record<string, LiteralValue>;
  readonly ignored: string[];
}

function describeCall(found: FrameworkName, span: Span, args: readonly CallArgument[]): FrameworkCall | undefined {
  let definition = findActivation(found.name)?.definition;
  if (!definition) return undefined;
  const signature: CallSignature = CALL_SIGNATURES[found.qualified] ?? {};
  const { given, ignored } = readArguments(args, signature.positional ?? defaultPositional(found.qualified, definition), signature);
  const problems: string[] = [];
  let values: Record<string, number | string> = {};
  let implied: readonly string[] = [];
  const rewritten = signature.rewrite?.(given);
  if (typeof rewritten === 'string') problems.push(rewritten);
  else if (rewritten) {
    definition = findActivation(rewritten.name)?.definition ?? definition;
    values = { ...rewritten.given };
    implied = rewritten.implied ?? [];
  } else values = ourSpelling(definition, given, problems);

  const base = baseValues(definition, signature, values, problems);
  const { parameters, written } = checkValues(definition, base, values, problems);
  return {
    start: span.start,
    end: span.end,
    spelled: span.text,
    qualified: found.qualified,
    framework: found.framework,
    name: definition.name,
    parameters,
    written: written.filter((n) => !implied.includes(n)),
    ignored,
    problems,
    expression: activationCall(definition.name, parameters),
  };
}

/** Module classes and layers (`nn.ELU(1.0)`) take our parameters in order; functions (`F.elu(x, 1.0)`) take the input first. */
function defaultPositional(qualified: string, definition: ActivationDefinition): (string | null)[] {
  const names = definition.parameters.map((p) => p.name);
  const last = qualified.slice(qualified.lastIndexOf('.') + 1);
  return /^[A-Z]/.test(last) ? names : [null, ...names];
}

function readArguments(args: readonly CallArgument[], positional: readonly (string | null)[], signature: CallSignature): ReadArguments {
  const given: Record<string, LiteralValue> = {};
  const ignored: string[] = [];
  let position = 0;
  for (const arg of args) {
    const key = arg.keyword ?? (arg.text.startsWith('*') ? null : positional[position++]);
    if (arg.text.startsWith('*')) ignored.push(arg.text);
    if (key === null || key === undefined || FRAMEWORK_KEYWORDS.has(key)) continue;
    if (arg.literal) given[signature.rename?.[key] ?? key] = arg.literal.value;
    else ignored.push(arg.text);
  }
  return { given, ignored };
}

/** Framework keywords to our canonical names, booleans to our choices; None means "the default". */
function ourSpelling(definition: ActivationDefinition, given: Readonly<Record<string, LiteralValue>>, problems: string[]): Record<string, number | string> {
  const values: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(given)) {
    const spec = definition.parameters.find((p) => p.name === key || p.aliases.includes(key));
    if (!spec) problems.push(`'${key}' is not a parameter of ${definition.name} here; ignored`);
    else if (typeof value === 'boolean' && BOOLEAN_CHOICES[spec.name]) values[spec.name] = BOOLEAN_CHOICES[spec.name][`${value}`];
    else if (typeof value === 'boolean') problems.push(`${spec.name} must be a number, not ${value}; using the default`);
    else if (value !== null) values[spec.name] = value;
  }
  return values;
}

/** Our defaults overridden by the framework's; a required parameter the code does not give becomes 0, with a note. */
function baseValues(
  definition: ActivationDefinition,
  signature: CallSignature,
  written: Readonly<Record<string, number | string>>,
  problems: string[],
): Record<string, number | string> {
  const base: Record<string, number | string> = {};
  const missing: string[] = [];
  for (const p of definition.parameters) {
    const value = signature.defaults?.[p.name] ?? p.default;
    if (value !== undefined) base[p.name] = value;
    else if (written[p.name] === undefined) missing.push(p.name);
    // a written value may still be rejected later, so a required parameter always has a fallback
    if (value === undefined) base[p.name] = 0;
  }
  if (missing.length > 0) problems.push(`${missing.join(' and ')} not given as ${missing.length > 1 ? 'literals' : 'a literal'}; shown with 0`);
  return base;
}

/**
 * The written values the registry accepts. Each value is first checked on its
 * own (constraints, choices); an invalid one is reported and replaced by its
 * default. If the rest are invalid only together (rrelu's lower > upper), all
 * written values fall back to the defaults.
 */
function checkValues(
  definition: ActivationDefinition,
  base: Record<string, number | string>,
  written: Record<string, number | string>,
  problems: string[],
): { parameters: Readonly<Record<string, number | string>>; written: string[] } {
  const attempt = (against: ActivationDefinition, values: Record<string, number | string>): Readonly<Record<string, number | string>> | string => {
    try {
      return resolveParameters(against, values, base);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };
  const withoutRelations: ActivationDefinition = { ...definition, validate: undefined };
  const accepted: Record<string, number | string> = {};
  for (const [name, value] of Object.entries(written)) {
    const alone = attempt(withoutRelations, { [name]: value });
    if (typeof alone === 'string') problems.push(`${alone}; using ${base[name]}`);
    else accepted[name] = value;
  }
  const together = attempt(definition, accepted);
  if (typeof together !== 'string') return { parameters: together, written: Object.keys(accepted) };
  problems.push(`${together}; using the defaults`);
  const defaults = attempt(definition, {});
  return { parameters: typeof defaults === 'string' ? base : defaults, written: [] };
}
