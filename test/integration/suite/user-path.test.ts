/**
 * The extension-host half of the user-path checks; harness/user-path.ts drives the mouse
 * and keyboard. Runs only with the harness (ACTIVATION_LAB_VISUAL_DIR set), like visual.test.ts.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { HANDSHAKE_DIR, waitAck } from './handshake';
import { readWhenWritten } from './notebook-helpers';



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

  it('plots softplus from the palette with a slider for beta and threshold, redraws as beta moves, and saves the picture as SVG', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    console.log('[visual] ready panelsliders');
    const ack = await waitAck('panelsliders', 90_000);
    assert.equal(ack, 'ok', `panelsliders: ${ack}`);
    const file = vscode.Uri.joinPath(folder, 'softplus-beta-3-threshold-20.svg');
    const svg = await readWhenWritten(file, 10_000);
    assert.match(svg, /^<svg[\s\S]*<\/svg>\s*$/, 'an SVG document');
    assert.ok(svg.includes('beta = 3'), 'the picture says where the slider stands (its title)');
    assert.ok(svg.includes('softplus(beta=3, threshold=20)'), 'and its legend names the curve at beta = 3');
    // Copy image fell back to the SVG text when the webview may not put an image on the clipboard
    const clip = await vscode.env.clipboard.readText();
    console.log(`[panelsliders] the clipboard holds ${clip.startsWith('<svg') ? `the chart's SVG (${clip.length} characters)` : `"${clip.slice(0, 40)}"`}`);
  });
});
