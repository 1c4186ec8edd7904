import { strict as assert } from 'assert';

/**
 * A small well-formedness check: every tag is closed in order, attributes are
 * quoted, and text holds no raw `<` or unknown `&` entity.
 */
export function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    assert.ok(!/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(text), `bad entity in text ${JSON.stringify(text)}`);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    assert.ok(m, `malformed tag at ${lt}: ${xml.slice(lt, lt + 60)}`);
    assert.ok(!/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(m[3]), `bad entity in attributes ${m[3]}`);
    const [, close, name, , selfClose] = m;
    if (close) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else if (!selfClose) stack.push(name);
    i = tag.lastIndex;
  }
  assert.deepEqual(stack, [], 'every element is closed');
}
