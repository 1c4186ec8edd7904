/**
 * An activation applied to parameters, spelled in the language:
 * `leaky_relu(alpha=0.2)`, or the bare name when every value given is the
 * default. The plot commands and the framework hovers both build what they
 * evaluate from this one spelling.
 */
import { findActivation, type ParameterValues } from '../engine';
import { quoteString } from './symbolic/format-expression';

export function activationCall(name: string, parameters: ParameterValues = {}): string {
  const specs = findActivation(name)?.definition.parameters ?? [];
  const defaults = new Map(specs.map((p) => [p.name, p.default]));
  // the catalogue's order first (a stable spelling), then names it does not know (their error comes on evaluation)
  const order = [...specs.map((p) => p.name).filter((n) => n in parameters), ...Object.keys(parameters).filter((n) => !defaults.has(n))];
  const args = order
    .filter((n) => parameters[n] !== undefined && parameters[n] !== defaults.get(n))
    .map((n) => `${n}=${typeof parameters[n] === 'string' ? quoteString(parameters[n] as string) : String(parameters[n])}`);
  return args.length ? `${name}(${args.join(', ')})` : name;
}
