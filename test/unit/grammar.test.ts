import { strict as assert } from 'assert';
import * as fs from 'fs';
import { GRAMMAR_PATH, grammarText } from '../../tools/generate-grammar';
import { activationNames } from '../../src/engine';

describe('syntaxes/activation.tmLanguage.json', () => {
  it('matches the registry (regenerate with: npx tsx tools/generate-grammar.ts)', () => {
    assert.equal(fs.readFileSync(GRAMMAR_PATH, 'utf8'), grammarText());
  });

  it('highlights every activation name as a whole word', () => {
    const grammar = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));
    const re = new RegExp(grammar.repository.activation.match);
    for (const name of activationNames()) {
      const m = re.exec(`y = ${name}(x)`);
      assert.equal(m?.[0], name, name);
    }
  });
});
