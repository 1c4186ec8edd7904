/**
 * The lexer: token kinds and spellings, number forms, strings, comments, and
 * the line-continuation rule that decides where `newline` tokens appear.
 */
import { strict as assert } from 'assert';
import { LanguageError } from '../../../src/language/errors';
import { tokenize } from '../../../src/language/lexer';
import { positionAt, sliceSpan } from '../../../src/language/source';

/** "kind:text" for each token, eof dropped — compact enough to compare whole lines. */
function kinds(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.kind !== 'eof')
    .map((t) => (t.kind === t.text ? t.kind : t.kind === 'newline' ? 'NL' : `${t.kind}:${t.text}`));
}

function lexError(text: string): LanguageError {
  try {
    tokenize(text);
  } catch (e) {
    assert.ok(e instanceof LanguageError, `expected a LanguageError, got ${String(e)}`);
    assert.equal(e.kind, 'syntax');
    return e;
  }
  assert.fail(`expected ${JSON.stringify(text)} to fail`);
}

describe('language: positionAt', () => {
  it('counts lines from 1 and columns in UTF-16 units from 1', () => {
    const text = 'ab\ncd\r\n𝑥y';
    assert.deepEqual(positionAt(text, 0), { line: 1, column: 1 });
    assert.deepEqual(positionAt(text, 2), { line: 1, column: 3 });
    assert.deepEqual(positionAt(text, 3), { line: 2, column: 1 });
    assert.deepEqual(positionAt(text, 7), { line: 3, column: 1 });
    assert.deepEqual(positionAt(text, 9), { line: 3, column: 3 }, 'the astral 𝑥 is two UTF-16 units');
    assert.deepEqual(positionAt(text, 999), { line: 3, column: 4 }, 'clamped to the end');
  });
});

describe('language: lexer', () => {
  it('lexes every operator and bracket, longest match first', () => {
    assert.deepEqual(kinds("+ - * / % @ ^ ** ' ( ) [ ] , ; = == != < <= > >= ."), [
      '+', '-', '*', '/', '%', '@', '^', '**', "'", '(', ')', '[', ']', ',', ';', '=', '==', '!=', '<', '<=', '>', '>=', '.',
    ]);
    assert.deepEqual(kinds('a**-b<=c'), ['identifier:a', '**', '-', 'identifier:b', '<=', 'identifier:c']);
  });

  it('lexes names and the keywords true and false', () => {
    assert.deepEqual(kinds('x _y leaky_relu2 true false truex'), [
      'identifier:x', 'identifier:_y', 'identifier:leaky_relu2', 'true', 'false', 'identifier:truex',
    ]);
  });

  it('lexes the number forms 2, 0.5, .5, 1., 1e-3, 2.5E+4, 1.e5', () => {
    assert.deepEqual(kinds('2 0.5 .5 1. 1e-3 2.5E+4 1.e5 007'), [
      'number:2', 'number:0.5', 'number:.5', 'number:1.', 'number:1e-3', 'number:2.5E+4', 'number:1.e5', 'number:007',
    ]);
  });

  it('leaves a dot followed by a name to the postfix forms: 2.T, [1].T, 1.5.T', () => {
    assert.deepEqual(kinds('2.T'), ['number:2', '.', 'identifier:T']);
    assert.deepEqual(kinds('[1].T'), ['[', 'number:1', ']', '.', 'identifier:T']);
    assert.deepEqual(kinds('1.5.T'), ['number:1.5', '.', 'identifier:T']);
  });

  it('rejects a number glued to a name, suggesting the product', () => {
    const e = lexError('y = 2x + 1');
    assert.match(e.message, /'2x'.*2\*x/);
    assert.deepEqual([e.line, e.column], [1, 5]);
    assert.equal(sliceSpan('y = 2x + 1', e.span), '2x');
    assert.match(lexError('3.5relu').message, /3\.5\*relu/);
    assert.match(lexError('1e').message, /exponent/);
    assert.match(lexError('1e+').message, /1\*e/);
  });

  it('decodes strings with the escapes \\" \\\\ and \\n', () => {
    const [token] = tokenize(String.raw`"a\"b\\c\nd"`);
    assert.equal(token.kind, 'string');
    assert.equal(token.value, 'a"b\\c\nd');
    assert.equal(token.text, String.raw`"a\"b\\c\nd"`);
    assert.equal(tokenize('""')[0].value, '');
  });

  it('rejects unterminated strings and unknown escapes', () => {
    for (const text of ['"tanh', 'x = "tanh\ny"', '"abc\\']) {
      const e = lexError(text);
      assert.match(e.message, /unterminated string/);
      assert.equal(e.span.start, text.indexOf('"'));
    }
    const e = lexError('"a\\tb"');
    assert.match(e.message, /unknown escape '\\t'/);
    assert.deepEqual([e.line, e.column], [1, 3]);
  });

  it('names an unknown character, with its code point when not ASCII and a hint when one is known', () => {
    let e = lexError('x = 1\ny = $z');
    assert.match(e.message, /unexpected character '\$'/);
    assert.deepEqual([e.line, e.column], [2, 5]);
    e = lexError('a × b');
    assert.match(e.message, /'×' \(U\+00D7\).*'\*'/);
    e = lexError('a ! b');
    assert.match(e.message, /'!='/);
    e = lexError('x = \u0007');
    assert.match(e.message, /U\+0007/);
    e = lexError('😀');
    assert.equal(e.span.end - e.span.start, 2, 'a surrogate pair is one character');
  });

  it('accepts tabs, carriage returns, no-break spaces and a byte-order mark as blanks', () => {
    assert.deepEqual(kinds('\ufeffx\t=\u00a01\r\n'), ['identifier:x', '=', 'number:1', 'NL']);
  });

  it('skips # comments to the end of the line, keeping the newline', () => {
    assert.deepEqual(kinds('x # a comment ( [\ny # another'), ['identifier:x', 'NL', 'identifier:y']);
    assert.deepEqual(kinds('# only a comment'), []);
  });

  it('emits a newline where a statement ends', () => {
    assert.deepEqual(kinds('a\n\nb'), ['identifier:a', 'NL', 'NL', 'identifier:b']);
    assert.deepEqual(kinds("f'\ng"), ['identifier:f', "'", 'NL', 'identifier:g'], "a postfix ' ends a line");
    assert.deepEqual(kinds('x\n-1'), ['identifier:x', 'NL', '-', 'number:1'], 'a leading operator does not join lines');
  });

  it('drops newlines inside ( ) and [ ], however deep', () => {
    assert.deepEqual(kinds('f(1\n, [2\n\n3]\n)\ng'), [
      'identifier:f', '(', 'number:1', ',', '[', 'number:2', 'number:3', ']', ')', 'NL', 'identifier:g',
    ]);
  });

  it('drops newlines after a line ending in a binary operator, ",", "=" or an open bracket', () => {
    for (const op of ['+', '-', '*', '/', '%', '@', '^', '**', '==', '!=', '<', '<=', '>', '>=', ',', '=']) {
      assert.deepEqual(kinds(`a ${op}\nb`), ['identifier:a', op, 'identifier:b'], op);
    }
    assert.deepEqual(kinds('x = 1 +   # comment\n\n  # more\n  2'), ['identifier:x', '=', 'number:1', '+', 'number:2']);
  });

  it('does not let a stray closing bracket make the depth negative', () => {
    assert.deepEqual(kinds(')\na'), [')', 'NL', 'identifier:a']);
  });

  it('gives every token the span of its text and ends with one eof', () => {
    const text = 'g(x, a=0.1) = max(a * x, x)  # c';
    const tokens = tokenize(text);
    for (const t of tokens) assert.equal(sliceSpan(text, t.span), t.text);
    assert.equal(tokens.at(-1)?.kind, 'eof');
    assert.equal(tokens.filter((t) => t.kind === 'eof').length, 1);
  });
});
