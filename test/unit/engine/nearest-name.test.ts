import { strict as assert } from 'assert';
import { didYouMean, editDistance, nearestNames, suggestionHint } from '../../../src/engine';

describe('engine/nearest-name', () => {
  describe('editDistance', () => {
    it('is 0 for equal strings and the length for an empty one', () => {
      assert.equal(editDistance('', ''), 0);
      assert.equal(editDistance('relu', 'relu'), 0);
      assert.equal(editDistance('', 'abc'), 3);
      assert.equal(editDistance('abcd', ''), 4);
    });

    it('counts insertions, deletions and substitutions', () => {
      assert.equal(editDistance('elu', 'relu'), 1); // insert r
      assert.equal(editDistance('relu6', 'relu'), 1); // delete 6
      assert.equal(editDistance('gelu', 'relu'), 1); // substitute
      assert.equal(editDistance('kitten', 'sitting'), 3); // k->s, e->i, +g
      assert.equal(editDistance('tanh', 'sigmoid'), 7); // no common alignment beats replacing all 4 and adding 3
    });

    it('counts an adjacent transposition as one edit', () => {
      assert.equal(editDistance('rleu', 'relu'), 1);
      assert.equal(editDistance('relu', 'rleu'), 1);
      assert.equal(editDistance('ab', 'ba'), 1);
      assert.equal(editDistance('tnah', 'tanh'), 1);
    });

    it('is the restricted (optimal string alignment) distance: no edits inside a transposed pair', () => {
      // unrestricted Damerau-Levenshtein gives 2 (ca -> ac -> abc); OSA cannot insert between the swapped letters
      assert.equal(editDistance('ca', 'abc'), 3);
    });

    it('is symmetric', () => {
      const words = ['softmax', 'sofmtax', 'log_softmax', 'softsign', 'selu', ''];
      for (const a of words) for (const b of words) assert.equal(editDistance(a, b), editDistance(b, a), `${a} / ${b}`);
    });
  });

  describe('nearestNames', () => {
    it('ranks the closest first and keeps candidate order among ties, up to the limit', () => {
      const candidates = ['relu6', 'gelu', 'relu', 'elu', 'prelu'];
      // distances to 'relu': relu6 1, gelu 1, relu 0, elu 1, prelu 1
      assert.deepEqual(nearestNames('relu', candidates), ['relu', 'relu6', 'gelu']);
      assert.deepEqual(nearestNames('relu', candidates, 10), ['relu', 'relu6', 'gelu', 'elu', 'prelu']);
      assert.deepEqual(nearestNames('relu', candidates, 1), ['relu']);
    });

    it('ranks a distance-1 match ahead of a distance-2 one listed earlier', () => {
      // 9 letters allow 3 edits; 'leaky_rel' is 2 from 'leaky_r' (two deletions), 1 from 'leaky_relu'
      assert.deepEqual(nearestNames('leaky_rel', ['leaky_r', 'leaky_relu']), ['leaky_relu', 'leaky_r']);
    });

    it('ignores case and returns the candidate as spelt', () => {
      assert.deepEqual(nearestNames('ReLU', ['sigmoid', 'relu']), ['relu']);
      assert.deepEqual(nearestNames('silu', ['SiLU']), ['SiLU']);
    });

    it('allows one edit per three letters typed', () => {
      assert.deepEqual(nearestNames('rleu', ['gelu', 'relu', 'elu', 'sigmoid']), ['relu']);
      // 3 letters allow 1 edit: 'relu6' is 2 away
      assert.deepEqual(nearestNames('elu', ['relu6']), []);
      // 9 letters allow 3: 'leaky_relu6' is 3 away (x->l, +u, +6), 'leaky_relu6y' is 4 (x->l, +u, +6, +y)
      assert.deepEqual(nearestNames('leaky_rex', ['leaky_relu6y', 'leaky_relu6']), ['leaky_relu6']);
      // 2 letters allow no edit: 'ab' is 1 from 'abs'; 3 allow one: 'hee' is 1 from 'he'
      assert.deepEqual(nearestNames('ab', ['abs']), []);
      assert.deepEqual(nearestNames('hee', ['he', 'xavier']), ['he']);
    });

    it('suggests nothing for a wildly different name', () => {
      assert.deepEqual(nearestNames('xyz', ['relu', 'gelu', 'tanh']), []);
      assert.deepEqual(nearestNames('leaky', ['leaky_relu']), []); // 5 deletions against 1 allowed
      assert.deepEqual(nearestNames('banana', ['relu', 'softmax', 'tanh']), []);
    });

    it('lets a one-letter name suggest only its other case', () => {
      const names = ['e', 'x', 'pi', 'exp', 'a'];
      assert.deepEqual(nearestNames('y', names), []);
      assert.deepEqual(nearestNames('x', ['e', 'pi', 'exp']), []);
      assert.deepEqual(nearestNames('X', names), ['x']);
      assert.deepEqual(nearestNames('E', ['e', 'x']), ['e']);
    });

    it('accepts any iterable of candidates', () => {
      assert.deepEqual(nearestNames('tnah', new Set(['tanh', 'tanhshrink'])), ['tanh']);
    });
  });

  describe('didYouMean', () => {
    it('formats one suggestion ready to append to a message', () => {
      assert.equal(didYouMean('rleu', ['sigmoid', 'relu', 'tanh']), " (did you mean 'relu'?)");
    });

    it('joins several suggestions with "or", closest first', () => {
      assert.equal(didYouMean('elu', ['sigmoid', 'gelu', 'selu']), " (did you mean 'gelu' or 'selu'?)");
      // 'softmx' (budget 2) is 2 from 'softmin' (x->i, +n) and 1 from 'softmax' (+a)
      assert.equal(didYouMean('softmx', ['softmin', 'softmax']), " (did you mean 'softmax' or 'softmin'?)");
    });

    it('is the text of suggestions already found (suggestionHint), so a message and its fixes agree', () => {
      assert.equal(suggestionHint(nearestNames('elu', ['sigmoid', 'gelu', 'selu'])), didYouMean('elu', ['sigmoid', 'gelu', 'selu']));
      assert.equal(suggestionHint(['relu']), " (did you mean 'relu'?)");
      assert.equal(suggestionHint([]), '');
    });

    it('is empty when nothing is close', () => {
      assert.equal(didYouMean('banana', ['relu', 'gelu', 'tanh']), '');
      assert.equal(didYouMean('relu', []), '');
    });
  });
});
