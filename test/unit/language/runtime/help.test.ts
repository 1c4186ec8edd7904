/** help(name) and help(): a builtin's documentation as text, read from where the builtin is defined. */
import { strict as assert } from 'assert';
import { catalogue, FRAMEWORK_LABELS, parameterText, propertyWords } from '../../../../src/engine';
import { builtinNames, CONSTANTS, procedureSpecs } from '../../../../src/language/runtime/builtins';
import { mathFunctionNames, mathSummaries } from '../../../../src/language/runtime/builtins/math';
import { asError, display, evalCell, Session } from './support';

/** The text of a help(...) cell, failing with the display when it is not a string. */
function helpText(source: string, session = new Session()): string {
  const d = display(session, source);
  assert.equal(d.kind, 'string', `${source}: ${JSON.stringify(d).slice(0, 300)}`);
  return d.kind === 'string' ? d.value : '';
}

/** Words as a reader sees them, whatever the line breaks. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

function assertFits(text: string, what: string): void {
  for (const line of text.split('\n')) {
    // a single word longer than a line (a long framework name) may stick out; nothing else
    if (line.length > 80) assert.ok(!line.trim().includes(' ') || line.trim().split(' ').length === 1, `${what}: a line of ${line.length} characters: ${line}`);
  }
}

describe('language/runtime: help', () => {
  it("help(relu) shows the catalogue entry as text: call, summary, f and f', range, properties, problems, uses, frameworks", () => {
    const text = helpText('help(relu)');
    const relu = catalogue.find((d) => d.name === 'relu')!;
    const lines = text.split('\n');
    assert.equal(lines[0], 'relu(x)', 'the call first, as Python help() starts with the signature');
    assert.equal(lines[1], relu.summary);
    assert.ok(lines.includes('  f(x)  = max(0, x)'));
    assert.ok(lines.includes("  f'(x) = 1 if x > 0 else 0"));
    assert.ok(lines.includes('Range:       [0, ∞)'));
    assert.ok(lines.includes('Properties:  monotonic, bounded below, unbounded above, has kinks'));
    assert.ok(lines.includes('Parameters:  none'));
    assert.match(flat(text), /Known problems: - dying ReLU: a unit whose input stays negative outputs 0/);
    assert.match(flat(text), /Used in: - ResNet and most CNNs/);
    assert.match(text, /^ {2}PyTorch {8}torch\.nn\.ReLU, torch\.nn\.functional\.relu, torch\.relu$/m);
    assert.match(text, /^ {2}JAX {12}jax\.nn\.relu$/m);
  });

  for (const d of catalogue) {
    for (const name of [d.name, ...d.aliases, ...(d.presets ?? []).map((p) => p.name)]) {
      it(`help(${name}) holds every fact of ${d.name}'s entry, within 80 columns, and its Try line runs`, () => {
        const text = helpText(`help(${name})`);
        const words = flat(text);
        const facts = [
          d.summary, d.formula.text, d.derivativeFormula.text, d.range.text, d.family.toLowerCase(), ...propertyWords(d.properties),
          ...d.parameters.map(parameterText), ...d.problems, ...d.usedIn, ...FRAMEWORK_LABELS.flatMap(([key]) => d.frameworks[key]),
        ];
        for (const fact of facts) assert.ok(words.includes(flat(fact)), `help(${name}) lacks "${fact}"`);
        assertFits(text, `help(${name})`);
        const lines = text.split('\n');
        const examples = lines.slice(lines.indexOf('Try:') + 1);
        assert.ok(lines.includes('Try:') && examples.length === 3, 'three examples to try, last');
        for (const example of examples) {
          const tried = new Session().run(example);
          assert.notEqual(tried.display.kind, 'error', `${example}: ${JSON.stringify(tried.display)}`);
        }
      });
    }
  }

  it('says how the value it was given relates to the entry: an alias, a preset, fixed parameters, a derivative', () => {
    assert.match(helpText('help(swish)'), /^silu\(x\)\n[^\n]*\nswish is another name for silu\./);
    assert.match(helpText('help(gelu_tanh)'), /gelu_tanh is gelu with approximate="tanh"\./);
    assert.match(helpText('help(leaky_relu(alpha=0.2))'), /^ {2}alpha=0\.2 \(default 0\.01\) {2}Slope applied to negative inputs/m);
    assert.match(helpText("help(relu')"), /relu' is the derivative of relu/);
    assert.match(helpText("help(tanh'')"), /tanh'' is the second derivative of tanh/);
    assert.equal(helpText('help("relu")'), helpText('help(relu)'), 'a name as a string works too');
  });

  it('documents the other builtins from their definitions', () => {
    const linspace = procedureSpecs().find((s) => s.name === 'linspace')!;
    assert.equal(helpText('help(linspace)'), `linspace(a, b, n)\n${linspace.summary}\nNamed arguments: dtype\nListed under Tensors in help().`);
    assert.match(helpText('help(plot)'), /^plot\(f, g, \.\.\.[^\n]*\nplot\(x, y\)\n/);
    assert.match(helpText('help(train)'), /Listed under Training in help\(\)\./);
    assert.equal(helpText('help(exp)'), "exp(x)\ne to the power x, of each element\nexp' is its derivative; plot(exp) draws both.\nListed under Mathematics in help().");
    assert.equal(helpText('help(pi)'), `pi = ${Math.PI}\nthe ratio of a circle's circumference to its diameter`);
    assert.match(helpText('help(help)'), /^help\(name\)\nhelp\(\)\n/);
  });

  it("documents the notebook's own functions, and says what a plain value is", () => {
    const s = new Session();
    display(s, 'g(x, a=0.1) = max(a * x, x)');
    assert.match(helpText('help(g)', s), /^g\(x, a=0\.1\) = max\(a \* x, x\)\ng'\(x\) = .+\nA function of this notebook; plot\(g\) draws it/);
    display(s, 'w = [1, 2, 3]');
    assert.match(helpText('help(w)', s), /^w is a float64 tensor of shape \[3\], not a builtin or a function\. help\(name\) describes/);
    display(s, 'pi = 3');
    assert.match(helpText('help(pi)', s), /^pi is a number, not a builtin/, "the notebook's pi, not the constant");
  });

  it('a misspelt name is the usual error with a suggestion, as a name or a string', () => {
    asError(evalCell('help(reluu)'), /^unknown name 'reluu' \(did you mean 'relu'/, 1, 6);
    asError(evalCell('help("sigmod")'), `help: nothing is called "sigmod" (did you mean 'sigmoid'?); help() lists the builtins`, 1, 1);
    asError(evalCell('help(relu, gelu)'), 'help takes at most 1 argument, but got 2: help(name) or help()');
  });

  it('help() lists every builtin under its family, one line each, within 80 columns', () => {
    const text = helpText('help()');
    const listed = new Set([...text.matchAll(/^ {2}(\w+) {2,}\S/gm)].map((m) => m[1]));
    const primary = [...catalogue.map((d) => d.name), ...mathFunctionNames, ...procedureSpecs().map((s) => s.name), ...Object.keys(CONSTANTS)];
    for (const name of primary) assert.ok(listed.has(name), `help() does not list ${name}`);
    for (const name of listed) assert.ok(builtinNames().includes(name), `help() lists ${name}, which is no builtin`);
    for (const family of new Set(catalogue.map((d) => d.family))) assert.ok(text.includes(`Activations: ${family.toLowerCase()}\n`), family);
    for (const heading of ['Mathematics', 'Tensors', 'Plots and tables', 'Networks', 'Training', 'Help', 'Constants']) {
      assert.ok(text.includes(`\n\n${heading}\n`), heading);
    }
    assert.match(flat(text), /silu Sigmoid linear unit \(swish\): x \* sigmoid\(x\) \(also swish\)/, 'aliases with their entry');
    assertFits(text, 'help()');
  });

  it('has a one-line summary for every mathematical function', () => {
    for (const name of mathFunctionNames) assert.ok(mathSummaries[name], `no summary for ${name}`);
  });
});
