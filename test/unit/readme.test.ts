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
  it('starts with the two commands, npm install and npm start, and npm start runs tools/start.ts', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    assert.equal(firstBlock.trim(), 'npm install\nnpm start', "the README's first commands are npm install, npm start");
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    assert.equal(pkg.scripts.start, 'tsx tools/start.ts');
    assert.ok(readme.indexOf('npm start') < readme.indexOf('npm run package') && readme.indexOf('npm run package') < readme.indexOf('npm test'),
      'the README says npm start first, then the .vsix, then npm test');
  });
  it("mentions only options npm start has, and every option it has", () => {
    const start = readFileSync(join(__dirname, '../../tools/start.ts'), 'utf8');
    const defined = new Set([...start.matchAll(/\.option\('(--[a-z-]+)/g)].map((m) => m[1]!));
    const section = readme.slice(readme.indexOf('## Start'), readme.indexOf('## Status'));
    const mentioned = new Set([...section.matchAll(/`(?:npm start -- )?(--[a-z-]+)/g)].map((m) => m[1]!));
    for (const o of mentioned) assert.ok(defined.has(o), `the README's npm start section mentions ${o}, which tools/start.ts does not define`);
    for (const o of defined) if (o !== '--verbose' && o !== '--cert-key') assert.ok(mentioned.has(o), `the README's npm start section does not mention ${o}`);
  });
  it('names the test command that .ci/run calls', () => {
    const ci = readFileSync(join(__dirname, '../../.ci/run'), 'utf8');
    assert.ok(readme.includes("npm test") && /^npm test\b/m.test(ci), ".ci/run must run the README's test command");
  });
});
