/**
 * The host side of a code block's buttons in notebook outputs (export(...)'s module):
 * Copy writes the clipboard, Save as… asks where with the save dialog (beside the
 * notebook, with the block's suggested name) and writes through workspace.fs, so it
 * works for files on disk and in remote or virtual workspaces alike. Each request is
 * answered, so the block can say what happened. (renderer-messages.ts answers the renderer's
 * other messages, sliders and chart pictures, on a messaging of its own; each ignores the other's.)
 */
import * as vscode from 'vscode';
import { isCodeRequest, type CodeReply, type CodeRequest } from '../shared/code-messages';
import { RENDERER_ID } from './renderer-messages';

export function registerCodeBlockMessages(): vscode.Disposable {
  const messaging = vscode.notebooks.createRendererMessaging(RENDERER_ID);
  return messaging.onDidReceiveMessage(({ editor, message }) => {
    if (!isCodeRequest(message)) return;
    void answer(message, editor.notebook.uri).then((reply) => messaging.postMessage(reply, editor));
  });
}

async function answer(request: CodeRequest, notebook: vscode.Uri): Promise<CodeReply> {
  const { id } = request;
  try {
    if (request.type === 'copy-code') {
      await vscode.env.clipboard.writeText(request.text);
      return { type: 'code-reply', id, outcome: 'copied' };
    }
    const name = request.suggestedName.replace(/[^\w.-]/g, '_') || 'model.py';
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(notebook, '..', name),
      filters: { Python: ['py'] },
      saveLabel: 'Save Module',
    });
    if (!target) return { type: 'code-reply', id, outcome: 'cancelled' };
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(request.text));
    return { type: 'code-reply', id, outcome: 'saved', where: vscode.workspace.asRelativePath(target) };
  } catch (err) {
    return { type: 'code-reply', id, outcome: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
}
