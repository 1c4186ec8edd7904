/**
 * The extension-host half of the visual check ("what a user sees"). Runs only when the
 * harness sets ACTIVATION_LAB_VISUAL_DIR (run.ts does; harness/visual.ts is the other half).
 *
 * Handshake, through the forwarded console and files in ACTIVATION_LAB_VISUAL_DIR:
 *   1. open fixtures/visual.actnb, light theme, run all cells; log `[visual] ready light`;
 *   2. the harness inspects the output webviews, takes notebook-light.png, writes `light.ack`;
 *   3. switch to a dark theme; log `[visual] ready dark`;
 *   4. the harness checks the re-theme (new colours; every chart as high as before, plotly's
 *      drawing and the chart's box within 2 px, no blank band), takes notebook-dark.png,
 *      writes `dark.ack`;
 *   5. the same for the high-contrast theme (`contrast`);
 *   6. `[visual] ready resize`: the harness narrows the browser window and checks that every
 *      chart redraws to the new width, at the same height.
 * An ack is `ok` or `fail: <reason>`; a failure fails this test.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { HANDSHAKE_DIR, waitAck } from './handshake';

const KERNEL = { id: 'activation-lab.kernel', extension: 'activation-lab.activation-lab' };


async function setTheme(name: string): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', name, vscode.ConfigurationTarget.Global);
}

(HANDSHAKE_DIR ? describe : describe.skip)('Activation Lab visual check (with the harness)', function () {
  this.timeout(180_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('draws plotly charts in the output webview, re-themes them (light, dark, high contrast) and resizes them', async () => {
    await setTheme('Default Light Modern');
    // Room for both charts in the screenshots.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const folder = vscode.workspace.workspaceFolders![0]!;
    const nb = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder.uri, 'visual.actnb'));
    await vscode.window.showNotebookDocument(nb);
    await vscode.commands.executeCommand('notebook.selectKernel', KERNEL);
    await vscode.commands.executeCommand('notebook.execute');
    const end = Date.now() + 20_000;
    while (!nb.getCells().every((c) => c.executionSummary?.success !== undefined)) {
      if (Date.now() > end) throw new Error('cells did not finish');
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(nb.getCells().every((c) => c.executionSummary?.success === true), 'all cells succeed');

    console.log('[visual] ready light');
    const light = await waitAck('light', 90_000);
    assert.equal(light, 'ok', `light phase: ${light}`);

    await setTheme('Default Dark Modern');
    console.log('[visual] ready dark');
    const dark = await waitAck('dark', 60_000);
    assert.equal(dark, 'ok', `dark phase: ${dark}`);

    await setTheme('Default High Contrast');
    console.log('[visual] ready contrast');
    const contrast = await waitAck('contrast', 60_000);
    assert.equal(contrast, 'ok', `high-contrast phase: ${contrast}`);

    console.log('[visual] ready resize');
    const resize = await waitAck('resize', 60_000);
    assert.equal(resize, 'ok', `resize phase: ${resize}`);
  });
});
