/** The renderer asks where sliders were left and tells where they rest (renderer/slider-memory.ts), over fake messaging. */
import { strict as assert } from 'assert';
import { SliderMemory } from '../../../src/renderer/slider-memory';
import type { SliderRecord } from '../../../src/shared/slider-state';

const record: SliderRecord = { alpha: { value: 0.5, min: 0, max: 1, step: 0.01, start: 0.01 } };

function fakeMessaging() {
  const sent: unknown[] = [];
  let listener: ((m: unknown) => void) | undefined;
  return {
    sent,
    reply: (m: unknown) => listener?.(m),
    messaging: { postMessage: (m: unknown) => void sent.push(m), onDidReceiveMessage: (l: (m: unknown) => void) => (listener = l) },
  };
}

describe('renderer/slider-memory: sliders that stay where they were left', () => {
  it('asks the extension for an output it has not drawn, and takes its answer', async () => {
    const fake = fakeMessaging();
    const memory = new SliderMemory(fake.messaging, 5_000);
    const asked = memory.recorded('out-1', 'plot(p)');
    assert.deepEqual(fake.sent, [{ type: 'slider-record?', outputId: 'out-1', plot: 'plot(p)' }]);
    fake.reply({ type: 'slider-record', outputId: 'other', record: {} });
    fake.reply({ type: 'slider-record', outputId: 'out-1', record });
    assert.deepEqual(await asked, record);
  });

  it('draws from the output when nobody answers in time, or there is no messaging', async () => {
    const fake = fakeMessaging();
    assert.deepEqual(await new SliderMemory(fake.messaging, 20).recorded('out-1', 'plot(p)'), {});
    assert.deepEqual(await new SliderMemory({}).recorded('out-1', 'plot(p)'), {});
  });

  it('tells where the sliders rest, and remembers it for the next draw of that output in this page', async () => {
    const fake = fakeMessaging();
    const memory = new SliderMemory(fake.messaging, 20);
    memory.moved('out-1', 'plot(p)', record);
    assert.deepEqual(fake.sent, [{ type: 'sliders-moved', outputId: 'out-1', plot: 'plot(p)', record }]);
    assert.deepEqual(await memory.recorded('out-1', 'plot(p)'), record);
    assert.equal(fake.sent.length, 1, 'no question asked: the page knows');
    memory.forget('out-1');
    assert.deepEqual(await memory.recorded('out-1', 'plot(p)'), {});
  });
});
