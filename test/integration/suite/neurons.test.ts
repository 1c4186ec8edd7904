/**
 * Inside a trained network, in a real VS Code (issue 14): the training output's diagram has
 * one data-neuron node per unit, the dead ones marked as `sum(dead(fit.net, data))` counts;
 * hovering a node shows its formula; the epoch scrubber changes the diagram. The output's
 * JSON is checked here, what the webview draws by the `neurons*` stages of harness/user-path.ts.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { HANDSHAKE_DIR, waitAck } from './handshake';
import { done, json, open, until } from './notebook-helpers';

async function setTheme(name: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', name, vscode.ConfigurationTarget.Global);
}

/** Runs the notebook and checks the run's display; returns what the harness must see. */
async function runNetwork(file: string, units: number[]): Promise<{ units: number; dead: number; layers: number[] }> {
  const nb = await open(file);
  await vscode.commands.executeCommand('notebook.execute');
  await until(`${file}: all cells`, () => nb.getCells().every(done), 90_000);
  assert.ok(nb.getCells().every((c) => c.executionSummary?.success === true), 'every cell succeeds');
  const run = json(nb.cellAt(0));
  assert.equal(run.kind, 'training');
  assert.deepEqual([run.network.layers[0].inputs, ...run.network.layers.map((l: { outputs: number }) => l.outputs)], units);
  assert.equal(run.network.weights.length, run.network.parameters, 'the display carries every weight');
  assert.equal(run.snapshots.epochs.length, 50, 'about 50 snapshots');
  assert.equal(run.snapshots.epochs[0], 0);
  assert.equal(run.snapshots.epochs[49], run.epochs);
  const dead = json(nb.cellAt(1)).value as number;
  // the run's output at the top of the window, where the harness looks (running ends on the last cell)
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  vscode.window.activeNotebookEditor?.revealRange(new vscode.NotebookRange(0, 1), vscode.NotebookEditorRevealType.AtTop);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(run.dead.flat().length, dead, 'the display marks the units dead(fit.net, data) counts');
  return { units: units.reduce((a, b) => a + b, 0), dead, layers: units };
}

describe('Activation Lab: inside a trained network', function () {
  this.timeout(240_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await setTheme(undefined);
  });

  it('a 2-16-16-1 relu run: a node per unit, dead ones marked, hover formula, scrubber (dark and light themes)', async () => {
    await setTheme('Default Dark Modern');
    const expected = await runNetwork('neurons.actnb', [2, 16, 16, 1]);
    assert.ok(expected.dead > 0, 'the fixture has dead units to mark');
    if (!HANDSHAKE_DIR) return;
    fs.writeFileSync(path.join(HANDSHAKE_DIR, 'neurons.expect.json'), JSON.stringify(expected));
    console.log('[visual] ready neurons');
    assert.equal(await waitAck('neurons', 90_000), 'ok', 'neurons stage');
    await setTheme('Default Light Modern');
    console.log('[visual] ready neuronslight');
    assert.equal(await waitAck('neuronslight', 60_000), 'ok', 'neuronslight stage');
  });

  it('a 2-8-8-1 prelu run: its slopes on their layers, in the light theme', async () => {
    await setTheme('Default Light Modern');
    const expected = await runNetwork('neurons-prelu.actnb', [2, 8, 8, 1]);
    if (!HANDSHAKE_DIR) return;
    fs.writeFileSync(path.join(HANDSHAKE_DIR, 'neuronsprelu.expect.json'), JSON.stringify(expected));
    console.log('[visual] ready neuronsprelu');
    assert.equal(await waitAck('neuronsprelu', 90_000), 'ok', 'neuronsprelu stage');
  });

  it('a 2-6-6-1 run of an activation the notebook defines: its layers carry their program, drawn like any other', async () => {
    await setTheme('Default Light Modern');
    const expected = await runNetwork('neurons-own.actnb', [2, 6, 6, 1]);
    const run = json(vscode.window.activeNotebookEditor!.notebook.cellAt(0));
    assert.equal(run.network.layers[0].kernel, undefined, 'no catalogue kernel');
    assert.equal(run.network.layers[0].program.activation, 'swishk');
    assert.match(run.network.layers[0].program.definitions, /^swishk\(x\) = x \* sigmoid\(k \* x\)\nk = 1\.5$/);
    if (!HANDSHAKE_DIR) return;
    fs.writeFileSync(path.join(HANDSHAKE_DIR, 'neuronsown.expect.json'), JSON.stringify(expected));
    console.log('[visual] ready neuronsown');
    assert.equal(await waitAck('neuronsown', 90_000), 'ok', 'neuronsown stage');
  });
});
