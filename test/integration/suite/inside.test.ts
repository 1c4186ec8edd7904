/**
 * Inside a network (issue 14, the language side) in a real VS Code: neuron, graph and export
 * outputs; then the Playwright stage `inside` (harness/user-path.ts) looks at the graph
 * pictures and presses the code block's Copy and Save as…, which go through the extension.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { HANDSHAKE_DIR, waitAck } from './handshake';
import { done, EXTENSION_ID, json, open, until } from './notebook-helpers';

describe('Inside a network: neuron, graph and export', function () {
  this.timeout(180_000);
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows graphs as pictures, a neuron as text and an export as a code block that copies and saves', async () => {
    const nb = await open('inside.actnb');
    await vscode.commands.executeCommand('notebook.execute');
    await until('all cells', () => nb.getCells().every(done), 120_000);
    const [fn, net, neuron, exported] = nb.getCells().map((c) => json(c));
    assert.equal(fn.kind, 'graph');
    assert.equal(fn.nodes.length, 11);
    assert.equal(net.kind, 'graph');
    assert.ok(net.nodes.some((n: { grad: unknown }) => n.grad === 0), 'a relu off at the input cuts the gradient');
    assert.equal(neuron.kind, 'neuron');
    assert.match(neuron.formula, /^relu\(/);
    assert.equal(exported.kind, 'string');
    assert.equal(exported.language, 'python');
    assert.match(exported.value, /class Model\(nn\.Module\)/);
    if (HANDSHAKE_DIR) {
      console.log('[visual] ready inside');
      const ack = await waitAck('inside', 90_000);
      assert.equal(ack, 'ok', `inside: ${ack}`);
      const saved = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'torch_model.py');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(saved));
      assert.equal(text, exported.value, 'Save as… wrote the module beside the notebook');
      // (the clipboard: Copy's answer, 'Copied to the clipboard', is checked in the page)
    }
  });
});
