/**
 * Every catalogue activation with its parameters at the edges of the doubles (0, -0,
 * subnormals, 1e308, the largest double, inf, nan), of the wrong kind (strings, booleans,
 * vectors, functions), given by position or name, by an alias, twice, or not at all; applied
 * to extreme inputs, differentiated, partially applied, shown, plotted, explained by help and
 * used in a network. Each is a value or an error in place (support.ts), and:
 *
 *  - a parameter nobody takes is refused, naming it;
 *  - the same parameter given twice (by position and name, or by two spellings) is refused;
 *  - on a large tensor (a fused loop) an activation gives exactly what it gives on each
 *    number alone, in float64 and in float32.
 */
import { strict as assert } from 'assert';
import { catalogue, getActivation, type ActivationDefinition } from '../../../src/engine';
import { Session } from '../../../src/language';
import { fromJsonNumber, type DisplayValue } from '../../../src/shared/output';
import { computePlot, parameterBoxRequest } from '../../../src/services/plots/plot-request';
import { anyText, PRELUDE } from './cell-grammar';
import { assertNoInternals, assertPresentable, fc, fuzzOptions, longHunt, runClean, show } from './support';

/** Entries by name, so that a failing case prints a name and not the whole entry. */
const entryNames = (entries: readonly ActivationDefinition[] = catalogue): fc.Arbitrary<string> => fc.constantFrom(...entries.map((d) => d.name));

/** Names a catalogue entry is reached by: its own, its aliases, its presets. */
const spellingsOf = (d: ActivationDefinition): string[] => [d.name, ...d.aliases, ...(d.presets ?? []).map((p) => p.name)];

const EXTREMES = [
  '0', '-0', '1', '-1', '0.5', '2', '-2', '20', '1e-8', '5e-324', '-5e-324', '2.2250738585072014e-308', '1e300', '-1e300',
  '1e308', '-1e308', '1.7976931348623157e308', '-1.7976931348623157e308', 'inf', '-inf', 'nan', '9007199254740993', '1/3',
];
const extreme = fc.oneof({ arbitrary: fc.constantFrom(...EXTREMES), weight: 4 }, { arbitrary: fc.double().map((v) => `float64(${toLiteral(v)})`), weight: 1 });
const ofWrongKind = fc.constantFrom('"none"', '"tanh"', '"bogus"', '""', 'true', 'false', '[1, 2]', '[[0.5]]', '[0.25]', 'relu', 'f', 'net', 'zeros(0)');

function toLiteral(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  return Object.is(v, -0) ? '-0' : v < 0 ? `-${-v}` : String(v);
}

/** A parameter list: each parameter by its name or an alias, maybe by position, maybe twice, maybe missing. */
const settings = entryNames().map(getActivation).chain((d) =>
  fc.record({
    name: fc.constantFrom(...spellingsOf(d)),
    params: fc.tuple(...d.parameters.map((p) => fc.record({
      given: fc.constantFrom('named', 'named', 'positional', 'twice', 'absent'),
      spelling: fc.constantFrom(p.name, ...p.aliases),
      other: fc.constantFrom(p.name, ...p.aliases),
      value: fc.oneof({ arbitrary: extreme, weight: 5 }, { arbitrary: ofWrongKind, weight: 1 }),
    }))),
    input: fc.oneof(extreme, fc.constantFrom('x', 'y', 'M', 'v32', '[nan, inf, -inf, 0, -0, 5e-324, 1e308]', 'float32([1e38, -1e38, 3.4e38])', 'zeros(0)', 'zeros(2, 0)', '[[1e308, -1e308], [nan, 0]]')),
    use: fc.constantFrom('apply', 'apply', 'partial', 'derivative', 'second', 'third', 'shown', 'plot', 'help', 'gradflow', 'network', 'label'),
  }).map(({ name, params, input, use }) => cellOf({ d, name, params, input, use })),
);

/** The cell a setting makes. */
function cellOf(s: { d: ActivationDefinition; name: string; params: readonly { given: string; spelling: string; other: string; value: string }[]; input: string; use: string }): string {
  const positional: string[] = [];
  const named: string[] = [];
  let stopPositional = false;
  s.d.parameters.forEach((_, i) => {
    const p = s.params[i]!;
    if (p.given === 'absent') {
      stopPositional = true;
      return;
    }
    if (p.given === 'positional' && !stopPositional) positional.push(p.value);
    else {
      stopPositional = true;
      named.push(`${p.spelling}=${p.value}`);
    }
    if (p.given === 'twice') named.push(`${p.other}=${p.value}`);
  });
  const args = [...named];
  const fn = `${s.name}(${args.join(', ')})`;
  const partial = args.length > 0 ? fn : s.name;
  const applied = `${s.name}(${[s.input, ...positional, ...named].join(', ')})`;
  switch (s.use) {
    case 'apply': return applied;
    case 'partial': return `${partial}(${s.input})`;
    case 'derivative': return `${partial}'(${s.input})`;
    case 'second': return `${partial}''(${s.input})`;
    case 'third': return `${partial}'''`;
    case 'shown': return partial;
    case 'plot': return `plot(${partial}, ${s.name}')`;
    case 'help': return `help(${partial})`;
    case 'gradflow': return `gradflow(${partial}, depth=2, width=3)`;
    case 'network': return `train(mlp([2, 3, 1], act=${partial}), dataset("xor", n=8), epochs=1, batch=0)`;
    default: return `g = ${partial}\ng`;
  }
}

describe('fuzz: activation parameters at their extremes', function () {
  this.timeout(longHunt ? 0 : 120_000);
  let session: Session;
  before(() => {
    session = new Session();
    runClean(session, PRELUDE);
  });

  it('every activation, with parameters of every kind in every spelling, is a value or an error in place', () => {
    fc.assert(fc.property(settings, (source) => {
      runClean(session, source);
    }), fuzzOptions(500));
  });

  it("the Plot Activation Function command's parameters box, whatever is typed in it, plots or says why", () => {
    const typed = entryNames().chain((name) => {
      const d = getActivation(name);
      const item = fc.oneof(
        fc.tuple(fc.constantFrom(...d.parameters.flatMap((p) => [p.name, ...p.aliases]), 'from', 'to', 'foo'), fc.oneof(extreme, ofWrongKind, fc.constantFrom('', '1e400', ' 2 ', '0x10', '1_0', '(', ')'))).map(([k, v]) => `${k}=${v}`),
        fc.constantFrom('', ' ', 'from=', 'to =  -1e308', ')', '(', '"a,b"', 'alpha', '=', 'relu(', '1)\nplot(relu'),
      );
      return fc.tuple(fc.constant(name), fc.tuple(fc.array(item, { maxLength: 4 }), fc.constantFrom(', ', ',', ' , ')).map(([items, comma]) => items.join(comma)));
    });
    fc.assert(fc.property(fc.oneof(typed, fc.tuple(entryNames(), anyText)), ([name, text]) => {
      const source = `${name} [${text}]`;
      let result: ReturnType<typeof computePlot>;
      try {
        result = computePlot(parameterBoxRequest(name, text));
      } catch (e) {
        assert.fail(`the parameters box of ${name} threw on ${show(text)}: ${e instanceof Error ? e.stack : String(e)}`);
      }
      if (result.ok) assertPresentable(result.display, source);
      else assertNoInternals(result.message, text, `the parameters box of ${name}`);
    }), fuzzOptions(300));
  });

  it('a parameter nobody takes is refused, naming it', () => {
    const unknown = fc.constantFrom('foo', 'alpah', 'x', 'dtype', 'from', '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty');
    fc.assert(fc.property(entryNames(), unknown, fc.constantFrom('call', 'partial'), (entry, name, how) => {
      const d = getActivation(entry);
      if (spellingsOf(d).includes(name) || d.parameters.some((p) => p.name === name || p.aliases.includes(name))) return;
      const source = how === 'call' ? `${d.name}(0.5, ${name}=1)` : `${d.name}(${name}=1)`;
      const shown = runClean(session, source);
      assert.equal(shown.kind, 'error', `${show(source)} was accepted: ${JSON.stringify(shown).slice(0, 200)}`);
      assert.match(shown.kind === 'error' ? shown.message : '', new RegExp(`'${name}'`), show(source));
    }), fuzzOptions(200));
  });

  it('a parameter given twice, by position and name or by two spellings, is refused', () => {
    const withParameters = catalogue.filter((d) => d.parameters.length > 0);
    fc.assert(fc.property(entryNames(withParameters).chain((entry) => fc.tuple(
      fc.constant(entry), fc.integer({ min: 0, max: getActivation(entry).parameters.length - 1 }), fc.boolean(), fc.constantFrom(...EXTREMES),
    )), ([entry, i, byPosition, value]) => {
      const d = getActivation(entry);
      const p = d.parameters[i]!;
      const spellings = [p.name, ...p.aliases];
      const second = spellings[spellings.length - 1]!;
      // by position: every parameter before it positionally too (their defaults, or 0.5 where there is none)
      const before = d.parameters.slice(0, i + 1).map((q) => (q.choices ? `"${q.default}"` : String(q.default ?? 0.5)));
      const source = byPosition
        ? `${d.name}(0.5, ${before.join(', ')}, ${second}=${value})`
        : spellings.length > 1 ? `${d.name}(0.5, ${p.name}=${value}, ${second}=${value})` : undefined;
      if (source === undefined) return;
      const shown = runClean(session, source);
      assert.equal(shown.kind, 'error', `${show(source)} was accepted`);
      assert.match(shown.kind === 'error' ? shown.message : '', /given twice/, show(source));
    }), fuzzOptions(200));
  });

  it('on a large tensor (a fused loop) an activation, f\' and f\'\' give what they give on each number, in float64 and float32', () => {
    const elementwise = catalogue.filter((d) => d.kind === 'elementwise');
    fc.assert(fc.property(
      entryNames(elementwise).chain((entry) => fc.tuple(
        fc.constant(entry),
        fc.tuple(...getActivation(entry).parameters.map((p) => (p.choices ? fc.constantFrom(...p.choices.map((c) => `"${c}"`)) : fc.oneof(fc.constantFrom(String(p.default ?? 0.5)), extreme)))),
      )),
      fc.array(extreme, { minLength: 1, maxLength: 6 }),
      fc.constantFrom('', "'", "''"),
      fc.constantFrom('float64', 'float32'),
      ([entry, values], inputs, mark, dtype) => {
        const d = getActivation(entry);
        const named = d.parameters.map((p, i) => `${p.name}=${values[i]}`).join(', ');
        const fn = `${d.name}${named ? `(${named})` : ''}${mark}`;
        // (ones * v keeps -0, which zeros + v would make 0)
        const cell = `v = ${dtype}([${inputs.join(', ')}])\nbig = ${dtype}(ones(4096, 1) * v)\n${fn}(big)[0]`;
        const fused = runClean(session, cell);
        if (fused.kind === 'error') return; // parameters it refuses: refused alike below
        // each on a one-element tensor of the same dtype (too small to fuse): a float32 computation
        // rounds its parameters to float32 first, as PyTorch does, a number alone is float64
        const one = inputs.map((_, i) => numberOf(runClean(session, `${fn}(${dtype}([v[${i}]]))[0]`), `${fn}(v[${i}])`));
        const many = tensorOf(fused);
        assert.equal(many.length, inputs.length);
        many.forEach((got, i) => assert.ok(Object.is(got, one[i]) || (Number.isNaN(got) && Number.isNaN(one[i])),
          `${fn} of ${dtype} ${inputs[i]}: ${got} in a fused loop over a large tensor, ${one[i]} on the number alone`));
      },
    ), fuzzOptions(150));
  });
});

function numberOf(d: DisplayValue, what: string): number {
  if (d.kind === 'number') return fromJsonNumber(d.value);
  if (d.kind === 'tensor' && d.data.length === 1) return fromJsonNumber(d.data[0]!);
  assert.fail(`${what} is ${JSON.stringify(d).slice(0, 200)}, not a number`);
}

function tensorOf(d: DisplayValue): number[] {
  assert.equal(d.kind, 'tensor', JSON.stringify(d).slice(0, 200));
  return d.kind === 'tensor' ? d.data.map(fromJsonNumber) : [];
}
