/**
 * Export Notebook as HTML… (src/notebook/export-html.ts) in a real VS Code: a notebook with a plot
 * with a slider and a plain plot, run, then the command; harness/user-path.ts answers VS Code's
 * save dialog (stage `exporthtml`). The page written must be the offline one: its CSP meta, no
 * remote address, the slider and both plots. Then the walkthrough is opened on its export step
 * for a screenshot (stage `walkthrough`). Runs only with the harness, like user-path.test.ts.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { HANDSHAKE_DIR, waitAck } from './handshake';
import { done, open, runCells, until } from './notebook-helpers';

/** Runs the command on the active notebook; it waits on the save dialog, which the harness's `stage` answers. */
async function exportWithHarness(stage: string): Promise<vscode.Uri> {
  const exported = vscode.commands.executeCommand<vscode.Uri | undefined>('activationLab.exportHtml');
  console.log(`[visual] ready ${stage}`);
  const ack = await waitAck(stage, 60_000);
  assert.equal(ack, 'ok', `${stage}: ${ack}`);
  const file = await exported;
  await vscode.commands.executeCommand('notifications.hideList');
  assert.ok(file, 'the command wrote a file');
  return file;
}

(HANDSHAKE_DIR ? describe : describe.skip)('Activation Lab: Export Notebook as HTML (with the harness)', function () {
  this.timeout(120_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // the tests after these find the window as it was: the harness opened the Notifications center
    // (it would cover their outputs), the walkthrough's screenshot closed the side bars
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('notifications.hideList');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('workbench.action.toggleAuxiliaryBar');
  });

  it('exports a notebook with a slider and plots as the offline page, saved where the dialog says, without running it again', async () => {
    const nb = await open('export.actnb');
    await runCells(nb, 1, nb.cellCount);
    await until('the code cells ran', () => nb.getCells().slice(1).every(done), 60_000);
    const orders = nb.getCells().map((c) => c.executionSummary?.executionOrder);

    const file = await exportWithHarness('exporthtml');
    assert.equal(file.path, vscode.Uri.joinPath(nb.uri, '..', 'export.html').path, 'next to the notebook, NAME.html');

    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    console.log(`[exporthtml] ${file.path}: ${html.length} characters`);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'a CSP meta tag');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-[^']+' 'sha256-[^']+' 'sha256-[^']+'/, 'three scripts by hash: plotly, the drawing, the sliders');
    assert.ok(!/unsafe-eval/.test(csp), 'no eval');
    // nothing loaded from the network: no remote address in the page's markup (plotly's inlined code names
    // attribution hosts in strings of its own; the harness's tab saw no request but file: and data:)
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>');
    assert.ok(markup.length < html.length / 4, 'the inline scripts were taken out');
    assert.deepEqual([...markup.matchAll(/https?:\/\/[^"'\s<]+/gi)].map((m) => m[0]), [], 'no remote URL');
    assert.ok(!/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i.test(markup), 'no src or href to another host');
    assert.ok(html.includes('<title>export.actnb</title>'), 'titled by the notebook');
    assert.ok(html.includes('<h1>Export check</h1>'), 'the markdown cell');
    // the plots: two charts' JSON, the slider's one carrying its live source
    const plots = [...html.matchAll(/<script type="application\/json" data-plot="(plot-\d+)">/g)].map((m) => m[1]);
    assert.equal(plots.length, 2, `two plots: ${plots.join(', ')}`);
    assert.ok(/<script type="application\/json" data-live="plot-1">[^<]*slider/.test(html), 'the slider plot carries its source for the page script');
    assert.ok(html.includes('"name":"gelu"'), "the second plot's gelu trace");
    assert.ok(html.includes('Plotly.newPlot'), 'the drawing script');
    // nothing was run again: the execution orders are those of the run above
    assert.deepEqual(nb.getCells().map((c) => c.executionSummary?.executionOrder), orders);
    for (const order of orders.slice(1)) assert.ok(html.includes(`<span class="prompt">[${order}]</span>`), `cell [${order}] in the page`);
  });

  it("exports an untitled lesson (Open Lesson) as LESSON-ID.html, a handout: exercises as handed out, cells not run said so", async () => {
    const nb = await vscode.commands.executeCommand<vscode.NotebookDocument | undefined>('activationLab.openLesson', 'relu-basics');
    assert.ok(nb?.isUntitled, 'an untitled copy');
    const file = await exportWithHarness('exportlesson');
    assert.equal(file.path, vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'relu-basics.html').path);
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    assert.ok(html.includes('<title>relu-basics.actnb</title>'), 'titled by the lesson');
    assert.ok(html.includes('✎ Exercise: open this lesson'), 'an exercise shown as handed out');
    assert.ok(html.includes('<div class="output not-run">not run</div>'), 'cells not run are said to be');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens the walkthrough on its export step, which runs this command', async () => {
    // room for the step's image beside its text
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', { category: 'activation-lab.activation-lab#activationLab.getStarted', step: 'activation-lab.activation-lab#activationLab.getStarted#export' }, false);
    console.log('[visual] ready walkthrough');
    const ack = await waitAck('walkthrough', 60_000);
    assert.equal(ack, 'ok', `walkthrough: ${ack}`);
  });
});
