/**
 * The *.actnb serializer and the Activation Lab kernel in a real VS Code.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { parseNotebook } from '../../../src/services/notebook-format/format';

import { HANDSHAKE_DIR, waitAck } from './handshake';
import { done, ERROR_MIME, EXTENSION_ID, KERNEL, readWhenWritten, lastInterrupt, fixture, item, json, open, runCells, until, VALUE_MIME } from './notebook-helpers';

describe('Activation Lab notebooks', function () {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens *.actnb as an activation-lab notebook with activation code cells', async () => {
    const nb = await vscode.workspace.openNotebookDocument(fixture('basic.actnb'));
    assert.equal(nb.notebookType, 'activation-lab');
    assert.equal(nb.cellCount, 5);
    assert.equal(nb.cellAt(0).kind, vscode.NotebookCellKind.Markup);
    assert.equal(nb.cellAt(1).document.languageId, 'activation');
  });

  it('is the preferred kernel: a cell runs without choosing a kernel', async () => {
    const nb = await vscode.workspace.openNotebookDocument(fixture('errors.actnb'));
    await vscode.window.showNotebookDocument(nb);
    await runCells(nb, 0, 1);
    await until('the cell to run', () => nb.cellAt(0).executionSummary?.success === true);
    assert.deepEqual(json(nb.cellAt(0)), { kind: 'number', value: 5 });
  });

  it('runs all cells: values, a function definition and a plot', async () => {
    const nb = await open('basic.actnb');
    await vscode.commands.executeCommand('notebook.execute');
    await until('all cells to finish', () => nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code).every(done));
    const [, def, relu, f3, plot] = nb.getCells();
    assert.equal(def!.executionSummary?.success, true);
    assert.equal(def!.outputs.length, 0, 'a definition shows nothing');
    assert.deepEqual(json(relu!), { kind: 'number', value: 0 });
    assert.equal(new TextDecoder().decode(item(relu!, 'text/plain')!.data), '0');
    assert.deepEqual(json(f3!), { kind: 'number', value: 6 });
    const p = json(plot!);
    assert.equal(p.kind, 'plot');
    const names: string[] = p.series.map((s: { name: string }) => s.name);
    assert.ok(names.includes('relu') && names.includes('gelu'), `series: ${names.join(', ')}`);
    const orders = [def, relu, f3, plot].map((c) => c!.executionSummary?.executionOrder);
    assert.deepEqual(orders, [1, 2, 3, 4]);
    for (const c of [def, relu, f3, plot]) {
      const t = c!.executionSummary?.timing;
      assert.ok(t && t.endTime >= t.startTime, 'timing recorded');
    }
  });

  it('stops Run All at a failing cell: error output, diagnostic, later cells not run', async () => {
    const nb = await open('errors.actnb');
    await vscode.commands.executeCommand('notebook.execute');
    const [first, bad, after] = nb.getCells();
    await until('the failing cell to finish', () => done(bad!));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(first!.executionSummary?.success, true);
    assert.deepEqual(json(first!), { kind: 'number', value: 5 });
    assert.equal(bad!.executionSummary?.success, false);
    const err = json(bad!, ERROR_MIME);
    // VS Code shows an error item as "name: message": the place leads, the message follows, one sentence
    assert.equal(err.name, 'Line 2, column 8');
    assert.doesNotMatch(`${err.name}: ${err.message}`, /error at line|error: /i);
    assert.equal(json(bad!).kind, 'error');
    assert.equal(after!.executionSummary?.executionOrder, undefined, 'the cell after the error must not run');
    assert.equal(after!.executionSummary?.success, undefined, 'the cell after the error must not run');
    assert.equal(after!.outputs.length, 0);

    const diags = vscode.languages.getDiagnostics(bad!.document.uri);
    assert.equal(diags.length, 1);
    assert.equal(diags[0]!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diags[0]!.range.start.line, 1);
    assert.equal(diags[0]!.range.start.character, 7);
    assert.ok(diags[0]!.range.end.character > 7);

    // Fix the cell: the diagnostic goes away when it next runs cleanly.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(bad!.document.uri, new vscode.Range(0, 0, bad!.document.lineCount, 0), 'b = a + 1\nc = b * 3');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await runCells(nb, 1, 2);
    await until('the fixed cell to succeed', () => bad!.executionSummary?.success === true);
    assert.equal(vscode.languages.getDiagnostics(bad!.document.uri).length, 0);
  });

  it('Restart Kernel drops the variables and the execution counter', async () => {
    const nb = await open('errors.actnb');
    const [first, , last] = nb.getCells();
    await runCells(nb, 0, 1);
    await until('cell 1', () => first!.executionSummary?.success === true);
    await runCells(nb, 2, 3);
    await until('cell 3', () => last!.executionSummary?.success === true);
    assert.deepEqual(json(last!), { kind: 'number', value: 105 });

    await vscode.commands.executeCommand('activationLab.restartKernel');
    await runCells(nb, 2, 3);
    await until('cell 3 to fail after restart', () => last!.executionSummary?.success === false);
    assert.match(json(last!, ERROR_MIME).message, /unknown name 'a'/);
    assert.equal(last!.executionSummary?.executionOrder, 1, 'the counter restarts at 1');
  });

  it('interrupts a long cell within a fraction of a second, without blocking the extension host', async () => {
    const nb = await open('interrupt.actnb');
    const [first, long, after] = nb.getCells();
    const started = Date.now();
    void vscode.commands.executeCommand('notebook.execute');
    await until('the first cell', () => first!.executionSummary?.success === true);
    console.log(`first cell done after ${Date.now() - started} ms`);
    // The long cell runs in a worker: timers here keep firing while it runs.
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, 500));
    const lag = Date.now() - t0 - 500;
    assert.ok(lag < 300, `the extension host was blocked for ${lag} ms`);
    assert.equal(done(long!), false, `the long cell is still running (it ended with ${long!.outputs.flatMap((o) => o.items.map((i) => new TextDecoder().decode(i.data))).join(' | ')})`);
    const asked = Date.now();
    await vscode.commands.executeCommand('notebook.cancelExecution');
    // Only a liveness limit: how soon this test *sees* the cell end also depends on the workbench.
    await until('the long cell to stop', () => done(long!), 20_000);
    const timing = lastInterrupt();
    const took = timing.ended - asked;
    console.log(`interrupt took ${took} ms: the kernel stopped ${timing.stopped - timing.asked} ms after the interrupt reached it (the cell was seen done after ${Date.now() - asked} ms)`);
    // From the command to the cell's end: seen 35–271 ms on this 2-core machine; a bound of 1 s is over 3.5×.
    assert.ok(took < 1_000, `interrupt took ${took} ms`);
    assert.equal(long!.executionSummary?.success, false);
    const err = json(long!, ERROR_MIME);
    assert.deepEqual([err.name, err.message], ['', 'Interrupted while running line 1'], 'the message alone, a sentence');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(after!.executionSummary?.executionOrder, undefined, 'no cell runs after an interrupt');
    // The session survives an interrupt: x is still defined.
    await runCells(nb, 2, 3);
    await until('cell 3', () => after!.executionSummary?.success === true);
  });

  it("help(relu) shows relu's catalogue entry as text in the cell; help() lists the builtins", async () => {
    const nb = await open('help.actnb');
    await vscode.commands.executeCommand('notebook.execute');
    const [relu, all] = nb.getCells();
    await until('both help cells', () => done(relu!) && done(all!), 20_000);
    const entry = json(relu!);
    assert.equal(entry.kind, 'string');
    assert.match(entry.value, /^relu\(x\)\nRectified linear unit/);
    assert.match(entry.value, /^ {2}f\(x\) {2}= max\(0, x\)$/m);
    assert.match(entry.value, /^ {2}PyTorch {8}torch\.nn\.ReLU/m);
    assert.equal(new TextDecoder().decode(item(relu!, 'text/plain')!.data), entry.value, 'the same text for other renderers');
    assert.match(json(all!).value, /^Activations: rectifiers\n {2}relu {2,}Rectified linear unit/m);
    if (HANDSHAKE_DIR) {
      // What a user sees: the entry drawn as text in the output (harness/user-path.ts).
      console.log('[visual] ready help');
      const ack = await waitAck('help', 60_000);
      assert.equal(ack, 'ok', `help output: ${ack}`);
    }
  });

  it('slider: a plot with sliders carries its source, and redraws in the output webview while the kernel is busy', async () => {
    const nb = await open('slider.actnb');
    const [plot, busy] = nb.getCells();
    await runCells(nb, 0, 1);
    await until('the slider plot', () => done(plot!), 20_000);
    const d = json(plot!);
    assert.equal(d.kind, 'plot');
    assert.deepEqual(d.live.sliders.map((s: { name: string; value: number }) => [s.name, s.value]), [['alpha', 0.01], ['elu.alpha', 1]]);
    if (HANDSHAKE_DIR) {
      // the kernel busy for seconds: the slider must redraw the chart without it (harness/user-path.ts)
      await runCells(nb, 1, 2);
      console.log('[visual] ready slider');
      const ack = await waitAck('slider', 60_000);
      assert.equal(ack, 'ok', `slider: ${ack}`);
      await vscode.commands.executeCommand('notebook.cancelExecution');
      await until('the busy cell stopped', () => busy!.executionSummary?.success !== undefined, 20_000);
      // the moved slider was written into the cell's metadata: save, so closing asks nothing
      await nb.save();
    }
  });

  it('slider state: a moved slider is kept in the cell metadata, survives save, close and reopen, and a re-run starts there', async function () {
    if (!HANDSHAKE_DIR) this.skip(); // only Playwright can move a slider in the output webview
    this.timeout(120_000);
    let nb = await open('slider-state.actnb');
    await runCells(nb, 0, 1);
    await until('the slider plot', () => done(nb.cellAt(0)), 20_000);
    assert.equal(json(nb.cellAt(0)).live.sliders[0].value, 0.01);
    assert.ok(await nb.save(), 'save the run');
    console.log('[visual] ready sliderkept');
    assert.equal(await waitAck('sliderkept', 60_000), 'ok', 'the sliderkept stage');
    // the stage also saved the chart as SVG through the save dialog, next to the notebook
    const svg = await readWhenWritten(fixture('leaky_relu-alpha-0.37.svg'), 10_000);
    assert.ok(svg.includes('alpha = 0.37'), 'the saved picture says where the slider stands');
    assert.ok(svg.includes('leaky_relu(alpha=0.37)'), 'and draws the curve there');
    const png = (await vscode.workspace.fs.readFile(fixture('leaky_relu-alpha-0.37.png')).then((b) => b, async () => {
      await new Promise((r) => setTimeout(r, 2000));
      return vscode.workspace.fs.readFile(fixture('leaky_relu-alpha-0.37.png'));
    }));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    assert.ok(png.length > 5000, `a picture, not an empty file (${png.length} bytes)`);
    // the renderer posts once the slider rests; the extension writes the cell's metadata
    const kept = () => (nb.cellAt(0).metadata as { activationLab?: { sliders?: Record<string, { value: number }> } }).activationLab?.sliders?.alpha?.value;
    await until('the slider position in the cell metadata', () => kept() === 0.37, 10_000);
    assert.deepEqual(nb.cellAt(0).metadata.activationLab.sliders.alpha, { value: 0.37, min: 0, max: 1, step: 0.01, start: 0.01 });
    assert.ok(await nb.save(), 'save');
    const saved = parseNotebook(new TextDecoder().decode(await vscode.workspace.fs.readFile(nb.uri)));
    assert.deepEqual(saved.cells[0]!.metadata, { activationLab: { sliders: { alpha: { value: 0.37, min: 0, max: 1, step: 0.01, start: 0.01 } } } });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // VS Code keeps a closed notebook's document for a while: open the saved bytes as a notebook of their own,
    // read by the serializer from disk, so what carries the position is the file
    const uri = fixture('slider-state-reopened.actnb');
    await vscode.workspace.fs.copy(nb.uri, uri, { overwrite: true });
    nb = await vscode.workspace.openNotebookDocument(uri);
    await vscode.window.showNotebookDocument(nb);
    await vscode.commands.executeCommand('notebook.selectKernel', KERNEL);
    // the output as saved says 0.01; the renderer asks where the slider was left and draws it there
    assert.equal(json(nb.cellAt(0)).live.sliders[0].value, 0.01);
    console.log('[visual] ready sliderreopened');
    assert.equal(await waitAck('sliderreopened', 60_000), 'ok', 'the sliderreopened stage');
    assert.ok(!nb.isDirty, 'drawing the output at its kept position changes nothing in the notebook');
    await runCells(nb, 0, 1);
    await until('the re-run', () => done(nb.cellAt(0)) && json(nb.cellAt(0)).series[0].name !== 'leaky_relu(alpha=0.01)', 20_000);
    const rerun = json(nb.cellAt(0));
    assert.equal(rerun.series[0].name, 'leaky_relu(alpha=0.37)', 'the re-run starts where the slider was left');
    assert.deepEqual(rerun.live.sliders.map((s: { value: number; start?: number }) => [s.value, s.start]), [[0.37, 0.01]]);
    // Accessible View (Alt+F2) on the cell reads its output's text item: the plot described, not JSON
    await vscode.window.showNotebookDocument(nb, { selections: [new vscode.NotebookRange(0, 1)] });
    await vscode.commands.executeCommand('notebook.cell.quitEdit');
    console.log('[visual] ready accessible');
    assert.equal(await waitAck('accessible', 60_000), 'ok', 'the accessible stage');
  });

  it('saves outputs and execution order, and reads them back', async () => {
    const nb = await open('roundtrip.actnb');
    // Stored outputs and the execution order load as they are.
    assert.equal(nb.cellAt(2).executionSummary?.executionOrder, 7);
    assert.equal(new TextDecoder().decode(item(nb.cellAt(2), 'text/plain')!.data), 'stale');
    // An edit and a save keep unknown fields, metadata and untouched outputs.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(nb.cellAt(3).document.uri, new vscode.Position(0, 0), '# edited\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await nb.save(), 'first save');
    const first = parseNotebook(new TextDecoder().decode(await vscode.workspace.fs.readFile(nb.uri)));
    assert.deepEqual(first.extra, { futureField: { kept: true } });
    assert.deepEqual(first.cells[1]!.metadata, { tags: ['definition'] });
    assert.deepEqual(first.cells[1]!.extra, { cellExtra: 1 });
    assert.equal(first.cells[2]!.executionOrder, 7);
    assert.deepEqual(first.cells[2]!.outputs, [
      { items: [{ mime: 'text/plain', data: 'stale', extra: { itemExtra: 'x' } }], metadata: { m: 1 }, extra: { outputExtra: 2 } },
    ]);
    assert.equal(first.cells[3]!.source, '# edited\nf(3)');

    await vscode.commands.executeCommand('notebook.execute');
    await until('all cells to finish', () => done(nb.cellAt(4)));
    assert.ok(await nb.save(), 'save');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(nb.uri));
    const saved = parseNotebook(text);
    assert.equal(saved.cells[2]!.executionOrder, 2);
    assert.deepEqual(saved.cells[2]!.outputs[0]!.items, [
      { mime: VALUE_MIME, data: { kind: 'number', value: 0 } },
      { mime: 'text/plain', data: '0' },
    ]);
    assert.equal((saved.cells[4]!.outputs[0]!.items[0]!.data as { kind: string }).kind, 'plot');

    // Reopen the saved bytes under a new name (the original stays cached while open).
    const copy = fixture('roundtrip-copy.actnb');
    await vscode.workspace.fs.writeFile(copy, new TextEncoder().encode(text));
    const again = await vscode.workspace.openNotebookDocument(copy);
    assert.deepEqual(json(again.cellAt(2)), { kind: 'number', value: 0 });
    assert.equal(again.cellAt(2).executionSummary?.executionOrder, 2);
    assert.equal(json(again.cellAt(4)).kind, 'plot');
    // Saving the reopened notebook unchanged writes the same bytes.
    const data = await vscode.workspace.fs.readFile(copy);
    assert.equal(new TextDecoder().decode(data), text);
  });

  it('saves a Run All of examples/tour.actnb small: one line per output item, static SVGs only with the setting', async () => {
    const tour = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'examples', 'tour.actnb');
    const copy = fixture('tour-save.actnb');
    await vscode.workspace.fs.copy(tour, copy, { overwrite: true });
    const nb = await open('tour-save.actnb');
    await vscode.commands.executeCommand('notebook.execute');
    const code = nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
    await until('all cells to finish', () => code.every(done), 30_000);
    assert.ok(code.every((c) => c.executionSummary?.success === true), 'every cell succeeds');
    assert.ok(await nb.save(), 'save');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(copy));
    console.log(`tour.actnb after Run All, saved by VS Code: ${Buffer.byteLength(text)} bytes`);
    assert.ok(Buffer.byteLength(text) <= 40_000, `${Buffer.byteLength(text)} bytes`);
    assert.ok(!text.includes('image/svg+xml'), 'no static pictures by default');
    const itemLines = text.split('\n').filter((l) => l.includes('"mime"'));
    assert.equal(itemLines.length, 10, 'five code cells, each our JSON and text');
    for (const line of itemLines) assert.ok(JSON.parse(line.trim().replace(/,$/, '')).mime, 'an item is one line of JSON');
    assert.match(text, /^ {6}"source": "x = linspace\(-3, 3, 7\)\\nrelu\(x\)",$/m, 'sources stay pretty-printed');

    const settings = vscode.workspace.getConfiguration('activationLab');
    await settings.update('notebook.saveStaticImages', true, vscode.ConfigurationTarget.Global);
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(nb.cellAt(0).document.uri, new vscode.Position(0, 0), ' ');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await nb.save(), 'save with the setting on');
      const pictured = parseNotebook(new TextDecoder().decode(await vscode.workspace.fs.readFile(copy)));
      const kinds = pictured.cells.flatMap((c) => c.outputs.filter((o) => o.items.some((i) => i.mime === 'image/svg+xml')).map((o) => (o.items[0]!.data as { kind: string }).kind));
      assert.deepEqual(kinds, ['function', 'plot'], 'the function and the plot get a picture, without re-running');
    } finally {
      await settings.update('notebook.saveStaticImages', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('refuses to open a malformed file, with our message, and leaves it unchanged', async () => {
    const uri = fixture('malformed.actnb');
    const before = await vscode.workspace.fs.readFile(uri);
    await assert.rejects(
      async () => {
        const nb = await vscode.workspace.openNotebookDocument(uri);
        await vscode.window.showNotebookDocument(nb);
      },
      (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        console.log(`malformed.actnb: ${message}`);
        assert.match(message, /not valid JSON \(line 6, column 3\).*trailing comma/);
        return true;
      },
    );
    const after = await vscode.workspace.fs.readFile(uri);
    assert.deepEqual(Buffer.from(after), Buffer.from(before));
  });

  it('New Notebook opens an untitled activation-lab notebook with one code cell', async () => {
    const nb = await vscode.commands.executeCommand<vscode.NotebookDocument | undefined>('activationLab.newNotebook');
    const active = vscode.window.activeNotebookEditor?.notebook;
    assert.ok(active);
    assert.equal(active.notebookType, 'activation-lab');
    assert.equal(active.isUntitled, true);
    assert.equal(active.cellCount, 1);
    assert.equal(active.cellAt(0).document.languageId, 'activation');
    if (nb) assert.equal(nb.uri.toString(), active.uri.toString());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
