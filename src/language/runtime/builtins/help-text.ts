/**
 * The text that help(...) prints, laid out for a notebook's plain-text output
 * and a terminal alike (80 columns, as Python's help() is read). An activation's
 * catalogue entry puts first what a student looks for first — the call, what it
 * is, f and f' — then why and when to use it, then the reference: parameters with
 * their defaults, range, properties, known problems, where it is used and its
 * names in the frameworks. Other builtins get their signature and summary; help()
 * lists every builtin by family, one line each.
 */
import {
  FRAMEWORK_LABELS, parameterText, propertyWords, type ActivationDefinition, type ParameterSpec, type ParameterValues,
} from '../../../engine';

const WIDTH = 80;

/** A builtin as help() lists it: its name and one line. */
export interface HelpLine {
  readonly name: string;
  readonly summary: string;
}

/** Builtins under one heading of help(): "Tensors", "Networks", ... */
export interface HelpGroup {
  readonly title: string;
  readonly lines: readonly HelpLine[];
}

/** How the activation was reached: `swish`, `gelu_tanh`, `leaky_relu(alpha=0.2)`, `relu'`. */
export interface ActivationReached {
  readonly name: string;
  readonly label: string;
  /** 0 for f, 1 for f', 2 for f''. */
  readonly order: number;
  /** Parameters fixed by a partial application or a preset, by canonical name. */
  readonly fixed: ParameterValues;
}

export function activationHelp(d: ActivationDefinition, reached: ActivationReached): string {
  const call = `${d.name}(${['x', ...d.parameters.map(parameterText)].join(', ')})`;
  const notes: string[] = [];
  if (reached.name !== d.name) {
    const preset = d.presets?.find((p) => p.name === reached.name);
    notes.push(preset ? `${reached.name} is ${d.name} with ${assignments(preset.parameters)}.` : `${reached.name} is another name for ${d.name}.`);
  }
  if (reached.order > 0) notes.push(`${reached.label} is the ${reached.order === 1 ? 'derivative' : 'second derivative'} of ${reached.label.slice(0, -reached.order)}, f'${"'".repeat(reached.order - 1)} below.`);
  const sections = [
    [call, wrap(d.summary), ...notes.map((n) => wrap(n))].join('\n'),
    [wrap(d.formula.text, '  f(x)  = ', ' '.repeat(10)), wrap(d.derivativeFormula.text, "  f'(x) = ", ' '.repeat(10))].join('\n'),
    wrap(d.explanation),
    [
      `Family:      ${d.family.toLowerCase()}`,
      `Range:       ${d.range.text}`,
      wrap(propertyWords(d.properties).join(', '), 'Properties:  ', ' '.repeat(13)),
      parametersSection(d.parameters, reached.fixed),
    ].join('\n'),
  ];
  if (d.problems.length > 0) sections.push(['Known problems:', ...d.problems.map((p) => wrap(p, '  - ', '    '))].join('\n'));
  if (d.usedIn.length > 0) sections.push(['Used in:', ...d.usedIn.map((u) => wrap(u, '  - ', '    '))].join('\n'));
  sections.push(['In frameworks:', ...FRAMEWORK_LABELS.map(([key, label]) => wrap(d.frameworks[key].join(', ') || '—', `  ${label.padEnd(15)}`, ' '.repeat(17)))].join('\n'));
  sections.push(['Try:', ...tryLines(d).map((l) => `  ${l}`)].join('\n'));
  return sections.join('\n\n');
}

/**
 * Statements to try, one a line, so the block pastes into a cell as it is; required
 * parameters get an example value, so each runs as written (tested).
 */
function tryLines(d: ActivationDefinition): string[] {
  const required = d.parameters.filter((p) => p.default === undefined).map((p) => `${p.name}=${REQUIRED_EXAMPLE}`);
  const f = required.length ? `${d.name}(${required.join(', ')})` : d.name;
  return [`plot(${f})`, `${d.name}(${['linspace(-3, 3, 7)', ...required].join(', ')})`, `${f}'(1)`];
}

/** The value a required parameter takes in the examples (threshold's threshold and value). */
const REQUIRED_EXAMPLE = 0.5;

function parametersSection(parameters: readonly ParameterSpec[], fixed: ParameterValues): string {
  if (parameters.length === 0) return 'Parameters:  none';
  // below the other facts, one per line: a parameter's description is often longer than a fact
  const labels = parameters.map((p) => {
    const value = fixed[p.name];
    const given = value !== undefined && value !== p.default ? `${p.name}=${literal(value)}` : parameterText(p);
    return given + (p.default === undefined ? ' (required)' : value !== undefined && value !== p.default ? ` (default ${literal(p.default)})` : '');
  });
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  const lines = parameters.map((p, i) => {
    // what the catalogue's description does not already say
    const aliases = p.aliases.filter((a) => !p.description.includes(a));
    const choices = (p.choices ?? []).map(literal).filter((c) => !p.description.includes(c));
    const extra = [aliases.length ? `also: ${aliases.join(', ')}` : '', choices.length ? `one of ${choices.join(', ')}` : '', p.learnable ? 'learnt in networks' : '']
      .filter((s) => s !== '');
    const description = p.description.replace(/\.$/, '') + (extra.length ? ` (${extra.join('; ')})` : '');
    return wrap(description, `  ${labels[i].padEnd(width)}`, ' '.repeat(width + 2));
  });
  return ['Parameters:', ...lines].join('\n');
}

/** A builtin other than an activation: its call (each form on a line), what it gives, and more. */
export function builtinHelp(signature: string, summary: string, group: string, more: readonly string[] = []): string {
  return [signature.split(' or ').join('\n'), wrap(summary), ...more.map((m) => wrap(m)), `Listed under ${group} in help().`].join('\n');
}

/** help(): activations by family, then the other builtins by what they are for. */
export function overviewHelp(activations: readonly ActivationDefinition[], others: readonly HelpGroup[]): string {
  const families = new Map<string, HelpLine[]>();
  for (const d of activations) {
    const also = [...d.aliases, ...(d.presets ?? []).map((p) => p.name)];
    const line = { name: d.name, summary: d.summary + (also.length ? ` (also ${also.join(', ')})` : '') };
    families.set(d.family, [...(families.get(d.family) ?? []), line]);
  }
  const groups: HelpGroup[] = [...families].map(([family, lines]) => ({ title: `Activations: ${family.toLowerCase()}`, lines }));
  groups.push(...others);
  const width = Math.max(...groups.flatMap((g) => g.lines.map((l) => l.name.length))) + 2;
  const body = groups.map((g) => [`${g.title}`, ...g.lines.map((l) => wrap(l.summary, `  ${l.name.padEnd(width)}`, ' '.repeat(width + 2)))].join('\n'));
  return [
    wrap('The builtins of the activation language, one line each. help(name) shows one in full: help(relu), help(train).'),
    wrap("An activation applies elementwise, relu(x); leaky_relu(alpha=0.2) is leaky_relu with a parameter fixed, and relu' its derivative."),
    ...body,
  ].join('\n\n');
}

/** `approximate="tanh"`, `alpha=0.2, beta=1` */
function assignments(values: ParameterValues): string {
  return Object.entries(values).map(([k, v]) => `${k}=${literal(v)}`).join(', ');
}

function literal(v: number | string): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** `text` filled to WIDTH columns: the first line after `first`, the others after `rest`. */
export function wrap(text: string, first = '', rest = first): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}
