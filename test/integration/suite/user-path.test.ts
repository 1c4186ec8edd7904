/**
 * The extension-host half of the user-path checks; harness/user-path.ts drives the mouse
 * and keyboard. Runs only with the harness (ACTIVATION_LAB_VISUAL_DIR set), like visual.test.ts.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { HANDSHAKE_DIR, waitAck } from './handshake';



(HANDSHAKE_DIR ? describe : describe.skip)('Activation Lab user path (mouse and keyboard, with the harness)', function () {
  this.timeout(120_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows a hover with images over gelu in a cell, and plots gelu from the command palette', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!;
    const nb = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder.uri, 'editor.actnb'));
    await vscode.window.showNotebookDocument(nb);
    console.log('[visual] ready hover');
    const hover = await waitAck('hover', 60_000);
    assert.equal(hover, 'ok', `hover: ${hover}`);

    console.log('[visual] ready palette');
    const palette = await waitAck('palette', 90_000);
    assert.equal(palette, 'ok', `palette: ${palette}`);
    const titles = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    assert.ok(titles.includes('Plot: gelu'), `a "Plot: gelu" tab among ${titles.join(', ')}`);
  });
});
