/**
 * Hovers, completion, signature help and the plot commands, through VS Code's own
 * command API (what other extensions and the editor itself call), in a real VS Code.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';

const KERNEL = { id: 'activation-lab.kernel', extension: 'activation-lab.activation-lab' };

interface PanelInfo { viewType: string; title: string; drawn: Promise<number> }

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function hoverAt(uri: vscode.Uri, line: number, character: number): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character)));
}

const plotTabs = () =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('activationLab.plot'));

async function waitFor(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Activation Lab editor features', function () {
  this.timeout(60_000);
  let nb: vscode.NotebookDocument;
  let cell0: vscode.TextDocument;
  const folder = () => vscode.workspace.workspaceFolders![0]!.uri;

  before(async () => {
    nb = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder(), 'editor.actnb'));
    await vscode.window.showNotebookDocument(nb);
    cell0 = nb.cellAt(0).document;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('hovers a builtin activation in a cell: formula and derivative images, a curve, its framework names', async () => {
    const text = await hoverAt(cell0.uri, 0, cell0.lineAt(0).text.indexOf('gelu') + 2);
    assert.match(text, /gelu/);
    assert.ok((text.match(/data:image\/svg\+xml;base64,/g) ?? []).length >= 3, `formula, derivative and curve images:\n${text.slice(0, 400)}`);
    assert.match(text, /torch\.nn\.GELU/);
    assert.match(text, /jax\.nn\.gelu/);
  });

  it('hovers a user function before and after its cell ran, and a variable with its dtype, shape and range', async () => {
    const before = await hoverAt(cell0.uri, 1, 1);
    assert.match(before, /soft/);
    assert.match(before, /sigmoid/, 'its formula');
    const notRun = await hoverAt(cell0.uri, 2, 0);
    assert.match(notRun, /not computed yet/);

    await vscode.commands.executeCommand('notebook.selectKernel', KERNEL);
    await vscode.commands.executeCommand('notebook.cell.execute', { start: 0, end: 1 }, nb.uri);
    await waitFor('cell 1 to run', () => nb.cellAt(0).executionSummary?.success === true);
    const variable = await hoverAt(cell0.uri, 2, 0);
    assert.match(variable, /float32/);
    assert.match(variable, /2\s*[×x,]\s*2/);
    assert.match(variable, /-2/, 'its minimum');
    assert.match(variable, /4/, 'its maximum');
    const after = await hoverAt(cell0.uri, 1, 1);
    assert.match(after, /data:image\/svg\+xml;base64,/, 'a curve of the user function');
  });

  it('hovers framework spellings in a Python file, with the parameters written in the code', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'models.py'));
    await vscode.window.showTextDocument(doc);
    const find = (s: string) => {
      const offset = doc.getText().indexOf(s);
      assert.ok(offset >= 0, s);
      return doc.positionAt(offset + 3);
    };
    const leaky = await hoverAt(doc.uri, find('LeakyReLU').line, find('LeakyReLU').character);
    assert.match(leaky, /leaky_relu/);
    assert.match(leaky, /0\.2/);
    assert.match(leaky, /data:image\/svg\+xml;base64,/);
    const gelu = await hoverAt(doc.uri, find('GELU(').line, find('GELU(').character);
    assert.match(gelu, /tanh/);
    const silu = await hoverAt(doc.uri, find('silu').line, find('silu').character);
    assert.match(silu, /silu/);
    const plain = await hoverAt(doc.uri, find('forward').line, find('forward').character);
    assert.doesNotMatch(plain, /Activation Lab|data:image\/svg/, 'nothing of ours on other names');

    // The setting turns these hovers off (and back on).
    const settings = vscode.workspace.getConfiguration('activationLab');
    await settings.update('hover.frameworks', false, vscode.ConfigurationTarget.Global);
    try {
      const off = await hoverAt(doc.uri, find('LeakyReLU').line, find('LeakyReLU').character);
      assert.doesNotMatch(off, /leaky_relu|data:image\/svg/, 'no hover with activationLab.hover.frameworks off');
    } finally {
      await settings.update('hover.frameworks', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('completes builtins with their signatures, the notebook\'s names, and parameter names inside a call', async () => {
    const cell1 = nb.cellAt(1).document;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', cell1.uri, new vscode.Position(0, 0));
    const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    const names = new Set(list.items.map(label));
    for (const n of ['relu', 'leaky_relu', 'gelu', 'linspace', 'plot', 'soft', 'w']) assert.ok(names.has(n), `completion offers ${n}`);
    const leaky = list.items.find((i) => label(i) === 'leaky_relu')!;
    assert.match(String(leaky.detail), /alpha=0\.01/);

    const inCall = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', cell1.uri, new vscode.Position(0, 'leaky_relu('.length));
    assert.ok(inCall.items.some((i) => label(i) === 'alpha='), 'offers alpha= inside leaky_relu(');

    const help = await vscode.commands.executeCommand<vscode.SignatureHelp>('vscode.executeSignatureHelpProvider', cell1.uri, new vscode.Position(0, 'leaky_relu('.length));
    assert.equal(help?.signatures[0]?.label, 'leaky_relu(x, alpha=0.01)');
  });

  it('plots from commands with arguments: one activation, a comparison, the call under the cursor', async () => {
    const before = plotTabs().length;
    const one = await vscode.commands.executeCommand<PanelInfo>('activationLab.plotActivation', { name: 'leaky_relu', parameters: { alpha: 0.2 } });
    assert.equal(one?.title, 'Plot: leaky_relu(alpha=0.2)');
    assert.equal(await one.drawn, 2, 'f and f\' drawn in the panel');

    const many = await vscode.commands.executeCommand<PanelInfo>('activationLab.compareActivations', { names: ['relu', 'gelu', 'silu'] });
    assert.equal(await many.drawn, 6);

    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'models.py'));
    const at = doc.positionAt(doc.getText().indexOf('LeakyReLU') + 2);
    const cursor = await vscode.commands.executeCommand<PanelInfo>('activationLab.plotAtCursor', { uri: doc.uri.toString(), line: at.line, character: at.character });
    assert.equal(cursor?.title, 'Plot: leaky_relu(alpha=0.2)');
    assert.equal(await cursor.drawn, 2);

    const cellCursor = await vscode.commands.executeCommand<PanelInfo>('activationLab.plotAtCursor', { uri: nb.cellAt(1).document.uri.toString(), line: 0, character: 3 });
    assert.equal(cellCursor?.title, 'Plot: leaky_relu(alpha=0.2)');

    await waitFor('four plot tabs', () => plotTabs().length >= before + 4);
  });
});
