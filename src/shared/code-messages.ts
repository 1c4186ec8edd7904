/**
 * Messages between the notebook renderer and the extension host about a code block
 * (export(...)'s module): Copy goes through the host's clipboard and Save as… through
 * its save dialog and file system, since an output's webview can do neither reliably.
 * src/renderer/index.ts sends them, src/notebook/code-block-messages.ts answers. Plain JSON.
 */

/** Renderer -> host: put `text` on the clipboard. */
export interface CopyCodeMessage {
  readonly type: 'copy-code';
  readonly id: number;
  readonly text: string;
}

/** Renderer -> host: ask where to save `text`, starting at `suggestedName` beside the notebook. */
export interface SaveCodeMessage {
  readonly type: 'save-code';
  readonly id: number;
  readonly text: string;
  readonly suggestedName: string;
}

export type CodeRequest = CopyCodeMessage | SaveCodeMessage;

/** Host -> renderer: what became of request `id` (`where` is the file saved, `error` why it failed). */
export interface CodeReply {
  readonly type: 'code-reply';
  readonly id: number;
  readonly outcome: 'copied' | 'saved' | 'cancelled' | 'failed';
  readonly where?: string;
  readonly error?: string;
}

export function isCodeRequest(m: unknown): m is CodeRequest {
  const o = m as Partial<CodeRequest> | null;
  if (typeof o !== 'object' || o === null || typeof o.id !== 'number' || typeof o.text !== 'string') return false;
  return o.type === 'copy-code' || (o.type === 'save-code' && typeof (o as Partial<SaveCodeMessage>).suggestedName === 'string');
}

export function isCodeReply(m: unknown): m is CodeReply {
  const o = m as Partial<CodeReply> | null;
  return typeof o === 'object' && o !== null && o.type === 'code-reply' && typeof o.id === 'number';
}

/** What a code block's bar says after a reply. */
export function replyText(r: CodeReply): string {
  switch (r.outcome) {
    case 'copied': return 'Copied to the clipboard';
    case 'saved': return r.where ? `Saved to ${r.where}` : 'Saved';
    case 'cancelled': return 'Not saved';
    case 'failed': return `Failed: ${r.error ?? 'unknown error'}`;
  }
}
