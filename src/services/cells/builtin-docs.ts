/**
 * Completion entries and call signatures of every builtin, read from where each
 * builtin is defined: the activation catalogue (parameters, defaults, summaries,
 * formulas), the procedure specs (their `signature` and `summary`), the math
 * functions and constants. Nothing here lists names by hand, so a new builtin
 * is completed and documented as soon as it exists.
 */
import { catalogue, parameterText, type ActivationDefinition } from '../../engine';
import { CONSTANTS, procedureSpecs, mathFunctionNames, mathSummaries, type ProcedureSpec } from '../../language';

export type EntryKind = 'activation' | 'math' | 'procedure' | 'constant' | 'variable' | 'user-function';

export interface CompletionEntry {
  readonly name: string;
  readonly kind: EntryKind;
  /** One line next to the name: a signature or a type. */
  readonly detail: string;
  /** Markdown shown beside the list. */
  readonly documentation: string;
}

export interface SignatureParameter {
  /** As it appears inside `label`, e.g. `alpha=0.01`. */
  readonly label: string;
  /** The name a caller writes as `name=`, when it can be passed by name. */
  readonly name?: string;
  readonly documentation?: string;
}

export interface Signature {
  /** `leaky_relu(x, alpha=0.01)`; parameter labels are substrings of it. */
  readonly label: string;
  readonly documentation: string;
  readonly parameters: readonly SignatureParameter[];
}

function activationSignature(d: ActivationDefinition, name: string): Signature {
  const parameters: SignatureParameter[] = [
    { label: 'x', documentation: 'the input: a number or a tensor (applied elementwise); leave it out to get a function with the other parameters fixed' },
    ...d.parameters.map((p) => ({
      label: parameterText(p),
      name: p.name,
      documentation: p.description + (p.aliases.length ? ` (also: ${p.aliases.join(', ')})` : ''),
    })),
  ];
  return { label: `${name}(${parameters.map((p) => p.label).join(', ')})`, documentation: `${d.summary}\n\n\`${d.formula.text}\``, parameters };
}

/** `linspace(a, b, n)` from a spec's signature text (its first form when it lists several). */
function procedureSignature(spec: ProcedureSpec): Signature {
  const label = spec.signature.split(' or ')[0].trim();
  const inside = /\((.*)\)\s*$/.exec(label)?.[1] ?? '';
  const positional = inside.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const named = (spec.named ?? []).filter((n) => !positional.some((p) => p.startsWith(`${n}=`)));
  const parameters: SignatureParameter[] = [
    ...positional.map((p) => ({ label: p, ...(p.includes('=') ? { name: p.split('=')[0].trim() } : {}) })),
    ...named.map((n) => ({ label: `${n}=`, name: n })),
  ];
  const full = named.length ? `${label.replace(/\)\s*$/, '')}${positional.length ? ', ' : ''}${named.map((n) => `${n}=`).join(', ')})` : label;
  const more = spec.signature.includes(' or ') ? `\n\nAlso: \`${spec.signature}\`` : '';
  return { label: full, documentation: spec.summary + more, parameters };
}

function mathSignature(name: string): Signature {
  const summary = mathSummaries[name] ?? name;
  return { label: `${name}(x)`, documentation: `${summary}, of each element; a function value, so \`${name}'\` is its derivative`, parameters: [{ label: 'x' }] };
}

let entriesOnce: readonly CompletionEntry[] | undefined;

/** Every builtin name with what it is, for the completion list (fixed data: built on first use). */
export function builtinEntries(): readonly CompletionEntry[] {
  entriesOnce ??= makeBuiltinEntries();
  return entriesOnce;
}

function makeBuiltinEntries(): CompletionEntry[] {
  const entries: CompletionEntry[] = [];
  for (const d of catalogue) {
    const names = [d.name, ...d.aliases, ...(d.presets ?? []).map((p) => p.name)];
    for (const name of names) {
      const sig = activationSignature(d, name);
      const alias = name === d.name ? '' : `\n\n(${name} is ${d.name}${d.presets?.some((p) => p.name === name) ? ' with preset parameters' : ''})`;
      entries.push({
        name, kind: 'activation', detail: sig.label,
        documentation: `**${name}** — ${d.summary}\n\n\`f(x) = ${d.formula.text}\`\n\n\`f'(x) = ${d.derivativeFormula.text}\`${alias}`,
      });
    }
  }
  for (const name of mathFunctionNames) entries.push({ name, kind: 'math', detail: `${name}(x)`, documentation: mathSignature(name).documentation });
  for (const spec of procedureSpecs()) entries.push({ name: spec.name, kind: 'procedure', detail: spec.signature, documentation: spec.summary });
  for (const [name, value] of Object.entries(CONSTANTS)) entries.push({ name, kind: 'constant', detail: String(value), documentation: `the constant ${name} = ${value}` });
  return entries;
}

/** The signature of a builtin called `name`, or undefined when no builtin has that name. */
export function builtinSignature(name: string): Signature | undefined {
  for (const d of catalogue) {
    const preset = d.presets?.find((p) => p.name === name);
    if (d.name === name || d.aliases.includes(name) || preset) return activationSignature(d, name);
  }
  if (mathFunctionNames.includes(name)) return mathSignature(name);
  const spec = procedureSpecs().find((s) => s.name === name);
  return spec ? procedureSignature(spec) : undefined;
}

/** A user function's signature from its parameter list as the session reports it (`a=0.1`). */
export function userSignature(name: string, parameters: readonly string[], formula?: string): Signature {
  return {
    label: `${name}(${parameters.join(', ')})`,
    documentation: formula ? `\`${name}(${parameters.map((p) => p.split('=')[0]).join(', ')}) = ${formula}\`` : 'defined in this notebook',
    parameters: parameters.map((p) => ({ label: p, ...(p.includes('=') ? { name: p.split('=')[0] } : {}) })),
  };
}
