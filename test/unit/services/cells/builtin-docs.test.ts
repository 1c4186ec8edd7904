import { strict as assert } from 'assert';
import { catalogue } from '../../../../src/engine';
import { builtinEntries, builtinSignature, userSignature } from '../../../../src/services/cells/builtin-docs';
import { builtinNames } from '../../../../src/language/runtime/builtins';

describe('builtin completion entries and signatures', () => {
  const entries = builtinEntries();

  it('has one entry for every builtin name the evaluator resolves', () => {
    const names = new Set(entries.map((e) => e.name));
    for (const n of builtinNames()) assert.ok(names.has(n), `no completion entry for ${n}`);
  });

  it('documents activations from the catalogue: signature with defaults, summary, formula', () => {
    const leaky = entries.find((e) => e.name === 'leaky_relu')!;
    assert.equal(leaky.kind, 'activation');
    assert.equal(leaky.detail, 'leaky_relu(x, alpha=0.01)');
    const def = catalogue.find((d) => d.name === 'leaky_relu')!;
    assert.ok(leaky.documentation.includes(def.summary) && leaky.documentation.includes(def.formula.text));
    assert.equal(builtinSignature('gelu')?.label, 'gelu(x, approximate="none")');
    assert.equal(entries.find((e) => e.name === 'swish')?.kind, 'activation');
  });

  it('documents slider(min, max, step=, value=) for completion and signature help', () => {
    const slider = entries.find((e) => e.name === 'slider')!;
    assert.equal(slider.kind, 'procedure');
    assert.equal(slider.detail, 'slider(min, max, step=(max-min)/100, value=)');
    assert.match(slider.documentation, /plots turn into a slider/);
    const sig = builtinSignature('slider')!;
    assert.deepEqual(sig.parameters.map((p) => p.name ?? p.label), ['min', 'max', 'step', 'value']);
  });

  it('gives parameters whose labels are substrings of the signature, with names for named ones', () => {
    for (const name of ['leaky_relu', 'softplus', 'linspace', 'plot', 'exp', 'threshold']) {
      const sig = builtinSignature(name)!;
      assert.ok(sig, name);
      for (const p of sig.parameters) assert.ok(sig.label.includes(p.label), `${name}: ${p.label} not in ${sig.label}`);
    }
    const softplus = builtinSignature('softplus')!;
    assert.deepEqual(softplus.parameters.map((p) => p.name), [undefined, 'beta', 'threshold']);
    assert.ok(builtinSignature('linspace')!.parameters.some((p) => p.name === 'dtype'));
  });

  it('completes help, and documents math functions by what they give', () => {
    const help = entries.find((e) => e.name === 'help')!;
    assert.equal(help.kind, 'procedure');
    assert.equal(help.detail, 'help(name) or help()');
    assert.equal(builtinSignature('help')?.label, 'help(name)');
    assert.match(builtinSignature('exp')!.documentation, /^e to the power x, of each element/);
  });

  it('is undefined for names that are not builtins', () => {
    assert.equal(builtinSignature('relux'), undefined);
  });

  it('makes a user function signature from its parameter list', () => {
    const sig = userSignature('g', ['x', 'a=0.1'], 'max(a * x, x)');
    assert.equal(sig.label, 'g(x, a=0.1)');
    assert.deepEqual(sig.parameters.map((p) => p.name), [undefined, 'a']);
    assert.match(sig.documentation, /g\(x, a\) = max/);
  });
});
