/** Keeps the README's catalogue table true: every activation name appears in it. */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { catalogue } from '../../src/engine';

describe('README', () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  it('lists every activation of the catalogue with its aliases and presets', () => {
    for (const d of catalogue) {
      for (const name of [d.name, ...d.aliases, ...(d.presets ?? []).map((p) => p.name)]) {
        assert.ok(readme.includes('`' + name), `README does not mention ${name}`);
      }
    }
  });
  it('names the test command that .ci/run calls', () => {
    const ci = readFileSync(join(__dirname, '../../.ci/run'), 'utf8');
    assert.ok(readme.includes("npm test") && /^npm test\b/m.test(ci), ".ci/run must run the README's test command");
  });
});
