/**
 * The notebook renderer's half of sliders that stay where they were left
 * (shared/slider-state.ts): when the sliders of an output come to rest, the record goes to
 * the extension (VS Code's renderer messaging), which writes it into the cell's metadata;
 * when an output with sliders is drawn, the record is asked for first (a reopened notebook
 * shows its sliders where they were left), or taken from this page's memory when the same
 * output is drawn again. Without messaging (another host, the extension not running) the
 * sliders still work; they just start from the output.
 *
 * No DOM: the messaging functions and the clock are passed in, so it is unit-tested.
 */
import type { RendererToHostMessage, SliderRecord, SliderRecordReply } from '../shared/slider-state';

/** How long a first draw waits for the extension's answer; past it the output's own values are drawn. */
export const ASK_TIMEOUT_MS = 1500;

export interface RendererMessaging {
  postMessage?(message: unknown): void;
  onDidReceiveMessage?: (listener: (message: unknown) => void) => unknown;
}

export class SliderMemory {
  /** The last record of each output this page drew, by output id. */
  private readonly latest = new Map<string, SliderRecord>();
  private readonly waiting = new Map<string, ((record: SliderRecord) => void)[]>();

  constructor(private readonly messaging: RendererMessaging, private readonly timeoutMs = ASK_TIMEOUT_MS) {
    messaging.onDidReceiveMessage?.((message) => {
      const reply = message as Partial<SliderRecordReply> | null;
      if (reply?.type !== 'slider-record' || typeof reply.outputId !== 'string') return;
      const record = reply.record && typeof reply.record === 'object' ? reply.record : {};
      for (const resolve of this.waiting.get(reply.outputId) ?? []) resolve(record);
      this.waiting.delete(reply.outputId);
    });
  }

  /** Where the sliders of output `outputId` (whose source is `plot`) were left; {} when nobody knows. */
  recorded(outputId: string, plot: string): Promise<SliderRecord> {
    const known = this.latest.get(outputId);
    if (known) return Promise.resolve(known);
    const post = this.messaging.postMessage;
    if (!post || !this.messaging.onDidReceiveMessage) return Promise.resolve({});
    return new Promise((resolve) => {
      const timer = setTimeout(() => done({}), this.timeoutMs);
      const done = (record: SliderRecord) => {
        clearTimeout(timer);
        resolve(record);
      };
      const list = this.waiting.get(outputId) ?? [];
      list.push(done);
      this.waiting.set(outputId, list);
      post.call(this.messaging, { type: 'slider-record?', outputId, plot } satisfies RendererToHostMessage);
    });
  }

  /** The sliders of `outputId` came to rest at `record`: kept here, and told to the extension. */
  moved(outputId: string, plot: string, record: SliderRecord): void {
    this.latest.set(outputId, record);
    this.messaging.postMessage?.({ type: 'sliders-moved', outputId, plot, record } satisfies RendererToHostMessage);
  }

  /** Forgets an output VS Code disposed of (or, with no id, every output). */
  forget(outputId?: string): void {
    if (outputId === undefined) this.latest.clear();
    else this.latest.delete(outputId);
  }
}
