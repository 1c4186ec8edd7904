/**
 * Errors while typing, in a real VS Code: diagnostics for syntax errors and unknown names
 * appear without a run after the typing pause, go as soon as the text is fixed, and an
 * unknown name has a Quick Fix. Run-time errors still come from the run and go with the
 * first edit. Cells are edited through WorkspaceEdit, as another extension or a paste would.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, open, runCells, until } from './notebook-helpers';

/** The pause src/notebook/live-checks.ts waits for; a timer never fires early, so a little less is the bound. */
const PAUSE_MS = 300;

const ours = (doc: vscode.TextDocument): vscode.Diagnostic[] =>
  vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Activation Lab');

/** Replaces the cell's text; resolves once the cell has it, with the time its change event reached the extension host. */
async function setText(doc: vscode.TextDocument, text: string): Promise<number> {
  let changedAt = 0;
  const listening = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document === doc && changedAt === 0) changedAt = Date.now();
  });
  try {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit), `the edit to ${JSON.stringify(text)} was refused`);
    await until(`the cell to read ${JSON.stringify(text)}`, () => doc.getText() === text);
  } finally {
    listening.dispose();
  }
  return changedAt;
}

/** Waits until the cell shows a diagnostic matching `message`; resolves with it and the time it appeared. */
async function diagnosticAppears(doc: vscode.TextDocument, message: RegExp, ms = 10_000): Promise<{ diagnostic: vscode.Diagnostic; at: number }> {
  const find = () => ours(doc).find((d) => message.test(d.message));
  let at = 0;
  const listening = vscode.languages.onDidChangeDiagnostics((e) => {
    if (at === 0 && e.uris.some((u) => u.toString() === doc.uri.toString()) && find()) at = Date.now();
  });
  try {
    await until(`a diagnostic ${message} on ${JSON.stringify(doc.getText())} (has: ${ours(doc).map((d) => d.message).join(' | ') || 'none'})`, () => find() !== undefined, ms);
  } finally {
    listening.dispose();
  }
  return { diagnostic: find()!, at: at || Date.now() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Activation Lab diagnostics while typing', function () {
  this.timeout(60_000);
  let nb: vscode.NotebookDocument;
  let call: vscode.TextDocument;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    nb = await open('typing.actnb');
    call = nb.cellAt(1).document;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('diagnostic: none on a notebook that is fine, a name defined in a later cell included', async () => {
    await sleep(2 * PAUSE_MS);
    for (const cell of nb.getCells()) assert.deepEqual(ours(cell.document).map((d) => d.message), [], `cell ${cell.index}: ${cell.document.getText()}`);
  });

  it('diagnostic: an unknown name typed into a cell shows after the typing pause, before any run, on the whole name', async () => {
    const changed = await setText(call, 'reluu(x)');
    const { diagnostic, at } = await diagnosticAppears(call, /unknown function 'reluu'/);
    console.log(`unknown-name diagnostic ${at - changed} ms after the edit reached the extension host`);
    assert.ok(at - changed >= PAUSE_MS - 10, `shown ${at - changed} ms after the edit: it must wait for the typing pause`);
    assert.equal(diagnostic.message, "unknown function 'reluu' (did you mean 'relu' or 'relu6'?)");
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.code, 'unknown-name');
    assert.ok(diagnostic.range.isEqual(new vscode.Range(0, 0, 0, 5)), `range ${JSON.stringify(diagnostic.range)}`);
    assert.equal(nb.cellAt(1).executionSummary?.executionOrder, undefined, 'the cell never ran');
  });

  it('diagnostic: a syntax error replaces it, and the stale one is gone at once', async () => {
    await setText(call, 'reluu(x');
    assert.deepEqual(ours(call).map((d) => d.message), [], 'the unknown name is not in this text: nothing stays while the pause runs');
    const { diagnostic } = await diagnosticAppears(call, /expected '\)' to close the '\(' at line 1, column 6/);
    assert.equal(diagnostic.code, 'syntax');
    assert.equal(diagnostic.range.start.line, 0);
    assert.equal(ours(call).length, 1, 'a cell that does not parse shows its syntax error only');
  });

  it('diagnostic: fixing the text removes it at once, and nothing comes back after the pause', async () => {
    await setText(call, 'relu(x)');
    assert.deepEqual(ours(call).map((d) => d.message), []);
    await sleep(2 * PAUSE_MS);
    assert.deepEqual(ours(call).map((d) => d.message), []);
  });

  it('diagnostic: names count wherever the notebook defines them; removing a definition flags its uses in other cells', async () => {
    const use = nb.cellAt(2).document;
    const definition = nb.cellAt(3).document;
    await setText(definition, 'twic(t) = 2 * t');
    const { diagnostic } = await diagnosticAppears(use, /unknown function 'twice'/);
    assert.equal(diagnostic.message, "unknown function 'twice' (did you mean 'twic'?)");
    await setText(definition, 'twice(t) = 2 * t');
    assert.deepEqual(ours(use).map((d) => d.message), [], 'defined again: gone at once');
  });

  it('diagnostic: the quick fix for reluu(x) is "Change to \'relu\'" and its edit fixes the text', async () => {
    await setText(call, 'reluu(x)');
    const { diagnostic } = await diagnosticAppears(call, /unknown function 'reluu'/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', call.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles.filter((t) => t.startsWith('Change to')), ["Change to 'relu'", "Change to 'relu6'"], `actions: ${titles.join(', ')}`);
    const fix = actions.find((a) => a.title === "Change to 'relu'")!;
    assert.equal(fix.isPreferred, true, 'the closest name is the preferred fix');
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await until('the fixed text', () => call.getText() === 'relu(x)');
    assert.deepEqual(ours(call).map((d) => d.message), []);
  });

  it('diagnostic: a run-time error comes from the run and goes with the first edit of the cell', async () => {
    const shapes = '[1, 2] + [1, 2, 3]';
    await setText(call, shapes);
    await sleep(2 * PAUSE_MS);
    assert.deepEqual(ours(call).map((d) => d.message), [], 'the text has no syntax error or unknown name');
    await runCells(nb, 1, 2);
    await until('the cell to fail', () => nb.cellAt(1).executionSummary?.success === false);
    const { diagnostic } = await diagnosticAppears(call, /shape/);
    assert.ok(diagnostic.range.end.character > diagnostic.range.start.character);
    await setText(call, `${shapes}  # editing`);
    assert.deepEqual(ours(call).map((d) => d.message), [], 'the run error points at text that changed: gone at once');
  });

  it('diagnostic: a run error is not shown when the cell was edited while it ran', async () => {
    const slow = 'big = linspace(-1, 1, 4000000)\nmax(gelu(big) + erf(big) * gelu(big) - softplus(big)) + [1, 2] + [1, 2, 3]';
    await setText(call, slow);
    const order = nb.cellAt(1).executionSummary?.executionOrder;
    const started = Date.now();
    const running = runCells(nb, 1, 2);
    // The kernel takes the cell's text as the run starts, in the same step as it numbers the run:
    // once the new number is seen here, the edit below comes after the text was taken.
    await until('the run to start', () => nb.cellAt(1).executionSummary?.executionOrder !== order);
    const editedAt = await setText(call, `${slow}  # edited while it runs`);
    await running;
    await until('the cell to fail', () => nb.cellAt(1).executionSummary?.success === false, 30_000);
    const ended = nb.cellAt(1).executionSummary?.timing?.endTime ?? 0;
    console.log(`slow cell ran ${ended - started} ms; edited ${editedAt - started} ms after it was asked to run`);
    assert.ok(editedAt < ended, `the edit (at ${editedAt - started} ms) must land while the cell runs (until ${ended - started} ms) for this test to mean anything`);
    await sleep(PAUSE_MS);
    assert.deepEqual(ours(call).map((d) => d.message), []);
    await setText(call, 'relu(x)');
  });
});
