import { strict as assert } from 'assert';
import { highlightPython } from '../../../src/renderer/python-highlight';

describe('renderer: Python highlighting for code blocks', () => {
  it('classes comments, strings, numbers and keywords, and loses no character', () => {
    const source = 'import torch  # the framework\ndef f(x):\n    """doc "quoted" """\n    return x * 1.5e-3 + len("a#b")\n';
    const tokens = highlightPython(source);
    assert.equal(tokens.map((t) => t.text).join(''), source);
    const of = (kind: string) => tokens.filter((t) => t.kind === kind).map((t) => t.text);
    assert.deepEqual(of('comment'), ['# the framework']);
    assert.deepEqual(of('string'), ['"""doc "quoted" """', '"a#b"']);
    assert.deepEqual(of('number'), ['1.5e-3']);
    assert.deepEqual(of('keyword'), ['import', 'def', 'return']);
  });
});
