/**
 * The extension's half of Save as SVG / Save as PNG / Copy image (renderer/chart-actions.ts):
 * a webview (a notebook output through renderer messaging, a plot panel through its own
 * messages) sends the picture, and this asks where with a save dialog and writes it with
 * workspace.fs, or puts SVG text on the clipboard when the webview could not copy an image.
 */
import * as vscode from 'vscode';
import type { ChartImageMessage } from '../shared/chart-image';

/** A picture past this is not a chart (a 4-chart training output at 2x is about 1 MB): refused with a message. */
const MAX_IMAGE_CHARS = 64 * 1024 * 1024;

const FILTERS: Record<'svg' | 'png', Record<string, string[]>> = { svg: { 'SVG image': ['svg'] }, png: { 'PNG image': ['png'] } };

/**
 * Does what `message` asks. `folder` is where the save dialog starts (the notebook's folder,
 * else the workspace's). Returns the file written, if any.
 */
export async function handleChartImage(message: ChartImageMessage, folder?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (message.type === 'copy-svg') {
    await vscode.env.clipboard.writeText(message.svg);
    void vscode.window.setStatusBarMessage('Activation Lab: chart copied as SVG text', 4000);
    return undefined;
  }
  if (message.data.length > MAX_IMAGE_CHARS) {
    void vscode.window.showErrorMessage(`Activation Lab: the picture is too large to save (${Math.round(message.data.length / 1048576)} MB)`);
    return undefined;
  }
  const start = folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const file = `${message.name}.${message.format}`;
  const target = await vscode.window.showSaveDialog({
    title: `Save chart as ${message.format.toUpperCase()}`,
    defaultUri: start ? vscode.Uri.joinPath(start, file) : undefined,
    filters: FILTERS[message.format],
  });
  if (!target) return undefined;
  const bytes = message.format === 'svg' ? new TextEncoder().encode(message.data) : Uint8Array.from(Buffer.from(message.data, 'base64'));
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.setStatusBarMessage(`Activation Lab: chart saved to ${target.path.split('/').pop()}`, 4000);
  return target;
}

/** The folder of a document, for the save dialog. */
export function folderOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}
