/** The first JSON syntax error of a file: where it is, what it says, and that it is exactly as strict as JSON.parse. */
import { strict as assert } from 'assert';
import { mulberry32 as prng } from '../../helpers/prng';
import { firstJsonSyntaxError } from '../../../../src/services/notebook-format/json-syntax-error';

/** The error in `text`, which must have one. */
function errorIn(text: string): { message: string; line: number; column: number; offset: number } {
  const found = firstJsonSyntaxError(text);
  assert.ok(found, `no error found in ${JSON.stringify(text)}`);
  return { message: found.message, ...found.position };
}

describe('JSON syntax errors (jsonc-parser, strict)', () => {
  // [text, offset of the error, message]
  const cases: [string, number, RegExp][] = [
    ['{"a" 1}', 5, /^expected ':' after the property name, found '1'$/],
    ['[01]', 2, /^a number cannot start with 0 followed by more digits/],
    ['[-01]', 3, /^a number cannot start with 0/],
    ['[0 1]', 3, /^expected ',' between two values, found '1'$/],
    ['{"a":"x\u0001"}', 7, /^the invisible character U\+0001 inside a string: write a tab as \\t/],
    ['{"a":"t\tb"}', 7, /^a tab inside a string/],
    ['{', 1, /^expected ',' or '}' to go on with or close the object, found the end of the file$/],
    ['[1', 2, /^expected ',' or '\]' to go on with or close the array, found the end of the file$/],
    ['[1,]', 3, /^expected a value, found '\]' \(a trailing comma before it\? JSON allows none\)$/],
    ['{"a":1,\n}', 8, /^expected a property name in double quotes, found '\}' \(a trailing comma before it\?/],
    ['{"a":1,,}', 7, /^expected a property name in double quotes, found ','$/],
    ['"abc', 0, /^unterminated string/],
    ['{"a":1}x', 7, /^'x' is not JSON/],
    ['{"a":1}}', 7, /^unexpected '\}' after the end of the notebook's JSON$/],
    ['1.', 0, /^incomplete number '1\.'/],
    ['1e', 0, /^incomplete number '1e'/],
    ['[.5]', 1, /^'\.5' is not JSON$/],
    ['"a\\x"', 2, /^invalid escape: after \\ write one of/],
    ['"ab\\u12g4"', 3, /^invalid \\u escape: write \\u and four hex digits/],
    ['{"a":tru}', 5, /^'tru' is not JSON: a value is a "string", a number, true, false, null/],
    ['{1:2}', 1, /^expected a property name in double quotes, found '1'$/],
    ["{'a':1}", 1, /^"'a'" is not JSON: JSON strings take double quotes$/],
    ['[True]', 1, /^'True' is not JSON: JSON writes true, false and null in lower case$/],
    ['[NaN]', 1, /^'NaN' is not JSON: JSON has no NaN or Infinity/],
    ['[-Infinity]', 1, /JSON has no NaN or Infinity/],
    ['[\u00a01]', 1, /^the invisible character U\+00A0 is not JSON: only spaces, tabs and line breaks/],
    ['{"a":1 // note\n}', 7, /^comments are not allowed in an \.actnb file, which is plain JSON/],
    ['{"a":/* note */1}', 5, /^comments are not allowed/],
    ['', 0, /^expected a value, found the end of the file$/],
    ['x'.repeat(40), 0, /^'x{24}…' is not JSON/],
  ];
  for (const [text, offset, message] of cases) {
    it(`${JSON.stringify(text)}: at offset ${offset}, ${message.source}`, () => {
      const e = errorIn(text);
      assert.equal(e.offset, offset);
      assert.match(e.message, message);
      assert.throws(() => JSON.parse(text), 'JSON.parse refuses it too');
    });
  }

  it('counts lines ended by LF, CRLF and a lone CR, and columns in UTF-16 code units', () => {
    assert.deepEqual(errorIn('{\r\n"a":\r1,\n"é😀": x}'), { message: errorIn('{"é😀": x}').message, line: 4, column: 8, offset: 18 });
  });

  it('finds nothing in valid JSON', () => {
    for (const ok of ['0', '-1.5e+3', '"a\\u00e9\\n\\/"', ' [ ] ', '\t{"a":[true,false,null,{}]}\r\n', '"\u007f\u2028"']) {
      JSON.parse(ok);
      assert.equal(firstJsonSyntaxError(ok), undefined, ok);
    }
  });

  it('is exactly as strict as JSON.parse on thousands of mutated notebooks (seeded)', () => {
    const base = JSON.stringify({ activationNotebook: 1, metadata: { a: [1.5, -2e-3, true, null] }, cells: [{ kind: 'code', source: 'x\n"y"' }] }, null, 2);
    const pieces = ['', ',', '}', ']', '{', '[', '"', ':', '0', '-', '.', 'e', '\\', ' ', '\n', '\t', '/', '*', 'x', '\u00a0', '\u0001'];
    const random = prng(10);
    let refused = 0;
    for (let n = 0; n < 3000; n++) {
      let text = base;
      for (let k = 1 + Math.floor(random() * 2); k > 0; k--) {
        const at = Math.floor(random() * (text.length + 1));
        const cut = Math.floor(random() * 3);
        text = text.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + text.slice(at + cut);
      }
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      const found = firstJsonSyntaxError(text);
      assert.equal(found === undefined, parses, `${JSON.stringify(text)}: JSON.parse ${parses ? 'accepts' : 'refuses'}, found ${found?.message}`);
      if (!parses) refused++;
    }
    assert.ok(refused > 1000, `only ${refused} mutations were invalid JSON`);
  });

  it('gives up without a position instead of overflowing the stack on absurd nesting', () => {
    assert.equal(firstJsonSyntaxError('['.repeat(1_000_000)), undefined);
  });
});
