/**
 * Lookup over the catalogue: names, aliases and presets to definitions, and
 * user-given parameters to resolved values. This is the only place that knows
 * how names are spelt; everything else asks here.
 */
import { catalogue } from './catalogue';
import type { ActivationDefinition, ParameterSpec, ParameterValues } from './definition';
import { EngineError } from '../errors';
import { didYouMean } from '../nearest-name';
import { spellNumber } from '../spell-number';

/** A name as written resolves to a definition plus any parameters the name itself fixes. */
export interface ResolvedName {
  readonly definition: ActivationDefinition;
  readonly fixed: ParameterValues;
}

const byName = new Map<string, ResolvedName>();
for (const definition of catalogue) {
  for (const name of [definition.name, ...definition.aliases]) byName.set(name, { definition, fixed: {} });
  for (const preset of definition.presets ?? []) byName.set(preset.name, { definition, fixed: preset.parameters });
}

/** Every name the language accepts for an activation, canonical names first. */
export function activationNames(): string[] {
  return [...byName.keys()];
}

export function findActivation(name: string): ResolvedName | undefined {
  return byName.get(name);
}

export function getActivation(name: string): ActivationDefinition {
  return resolveName(name).definition;
}

export function resolveName(name: string): ResolvedName {
  const found = byName.get(name);
  if (!found) throw new EngineError('unknown-activation', `unknown activation '${name}'${didYouMean(name, byName.keys())}`);
  return found;
}

/** The parameter a given spelling refers to (canonical name or alias). */
export function findParameter(definition: ActivationDefinition, spelling: string): ParameterSpec | undefined {
  return definition.parameters.find((p) => p.name === spelling || p.aliases.includes(spelling));
}

/** All defaults, for definitions whose parameters are all optional. */
export function defaultParameters(definition: ActivationDefinition): ParameterValues {
  return resolveParameters(definition, {});
}

/**
 * Fills defaults, maps aliases to canonical names and checks every value, so
 * kernels receive exactly their canonical parameters. `given` may use any spelling.
 */
export function resolveParameters(
  definition: ActivationDefinition,
  given: Readonly<Record<string, number | string>>,
  fixed: ParameterValues = {},
): ParameterValues {
  const values: Record<string, number | string> = { ...fixed };
  for (const [spelling, value] of Object.entries(given)) {
    const spec = findParameter(definition, spelling);
    if (!spec) {
      const known = definition.parameters.flatMap((p) => [p.name, ...p.aliases]);
      const hint = known.length === 0 ? `; ${definition.name} takes no parameters` : didYouMean(spelling, known) || `; its parameters are ${describeParameters(definition)}`;
      throw new EngineError('unknown-parameter', `${definition.name} has no parameter '${spelling}'${hint}`);
    }
    values[spec.name] = checkValue(definition, spec, value);
  }
  for (const spec of definition.parameters) {
    if (values[spec.name] !== undefined) continue;
    if (spec.default === undefined) {
      throw new EngineError('missing-parameter', `${definition.name} needs the parameter '${spec.name}' (${spec.description})`);
    }
    values[spec.name] = spec.default;
  }
  const problem = definition.validate?.(values);
  if (problem) throw new EngineError('bad-parameter', `${definition.name}: ${problem}`);
  return values;
}

/** A given value as a message shows it: strings quoted, NaN and the infinities by name (JSON would write null). */
function describeGiven(value: number | string): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return spellNumber(value);
}

function checkValue(definition: ActivationDefinition, spec: ParameterSpec, value: number | string): number | string {
  if (spec.choices) {
    if (typeof value !== 'string' || !spec.choices.includes(value)) {
      throw new EngineError('bad-parameter', `${definition.name}'s '${spec.name}' must be one of ${spec.choices.map((c) => `"${c}"`).join(', ')}, got ${describeGiven(value)}`);
    }
    return value;
  }
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new EngineError('bad-parameter', `${definition.name}'s '${spec.name}' must be a number, got ${describeGiven(value)}`);
  }
  const violated =
    (spec.constraint === 'positive' && !(value > 0)) ||
    (spec.constraint === 'non-negative' && !(value >= 0)) ||
    (spec.constraint === 'non-zero' && value === 0);
  if (violated) {
    throw new EngineError('bad-parameter', `${definition.name}'s '${spec.name}' must be ${spec.constraint}, got ${spellNumber(value)}`);
  }
  return value;
}

export function describeParameters(definition: ActivationDefinition): string {
  if (definition.parameters.length === 0) return 'none';
  return definition.parameters.map(parameterText).join(', ');
}

/** `alpha=0.01`, `approximate="none"`, or the bare name of a required parameter (`threshold`). */
export function parameterText(p: ParameterSpec): string {
  return p.default === undefined ? p.name : `${p.name}=${typeof p.default === 'string' ? `"${p.default}"` : p.default}`;
}
