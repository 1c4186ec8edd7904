/**
 * Small networks in a notebook, in a real VS Code: a training run's output, its figures,
 * streaming progress and interrupting a long run without losing what was trained.
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { HANDSHAKE_DIR, waitAck } from './handshake';
import { done, ERROR_MIME, item, json, lastInterrupt, open, runCells, until } from './notebook-helpers';

describe('Activation Lab networks in a notebook', function () {
  this.timeout(120_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('trains an MLP on xor: a training output with its history, accuracy as a field, gradient flow', async () => {
    const nb = await open('training.actnb');
    await vscode.commands.executeCommand('notebook.execute');
    await until('all cells', () => nb.getCells().every(done), 60_000);
    assert.ok(nb.getCells().every((c) => c.executionSummary?.success === true), 'every cell succeeds');

    const run = json(nb.cellAt(0));
    assert.equal(run.kind, 'training');
    assert.equal(run.status, 'done');
    assert.equal(run.epochs, run.plannedEpochs);
    assert.equal(run.history.length, run.epochs);
    assert.deepEqual(run.columns.slice(0, 5), ['epoch', 'loss', 'test_loss', 'accuracy', 'test_accuracy']);
    assert.ok(run.boundary, 'a decision boundary for 2-D data');
    assert.equal(item(nb.cellAt(0), 'image/svg+xml'), undefined, 'no static picture: our renderer draws from the JSON (a save adds one when asked)');
    assert.ok(item(nb.cellAt(0), 'text/plain'), 'and a text fallback');

    const accuracy = json(nb.cellAt(1));
    assert.equal(accuracy.kind, 'number');
    assert.ok(accuracy.value >= 0.95, `xor test accuracy with the defaults is ${accuracy.value}`);

    const flow = json(nb.cellAt(2));
    assert.equal(flow.kind, 'gradflow');
    assert.deepEqual(flow.series.map((s: { name: string }) => s.name), ['sigmoid', 'relu']);

    if (HANDSHAKE_DIR) {
      // What a user sees: the renderer's charts for the run (harness/user-path.ts).
      console.log('[visual] ready training');
      const ack = await waitAck('training', 60_000);
      assert.equal(ack, 'ok', `training charts: ${ack}`);
    }
  });

  it('streams a long (float32, WebAssembly) training run into its output, and an interrupt keeps what was trained', async () => {
    const nb = await open('long-training.actnb');
    const [long, after, again] = nb.getCells();
    const statuses: string[] = [];
    const watch = vscode.workspace.onDidChangeNotebookDocument((e) => {
      for (const change of e.cellChanges) {
        if (change.cell !== long || !change.outputs) continue;
        const data = change.outputs.flatMap((o) => o.items).find((i) => i.mime === 'application/vnd.activation-lab.value+json')?.data;
        if (data) statuses.push(JSON.parse(new TextDecoder().decode(data)).status ?? '?');
      }
    });
    let streamed = 0;
    try {
      void runCells(nb, 0, 1);
      await until('progress in the output', () => statuses.filter((s) => s === 'running').length >= 3, 30_000);
      const partial = json(long!);
      assert.equal(partial.status, 'running');
      assert.ok(partial.epochs > 0 && partial.epochs < partial.plannedEpochs);
      streamed = partial.epochs;
      const asked = Date.now();
      await vscode.commands.executeCommand('notebook.cancelExecution');
      // Only a liveness limit: how soon this test *sees* the cell end also depends on the workbench.
      await until('the run to stop', () => done(long!), 20_000);
      const timing = lastInterrupt();
      const kernel = timing.stopped - timing.asked;
      const written = timing.ended - timing.stopped;
      console.log(`training interrupted: the kernel stopped ${kernel} ms after the interrupt reached it (${timing.asked - asked} ms after the command), the output was written ${written} ms later, seen done after ${Date.now() - asked} ms; ${statuses.length} progress updates`);
      // Our part, the bound: the worker stops within one batch of training and hands back what it
      // trained: seen 20–300 ms, on a 2-core machine also while other work loads it; 1 s is over 3×.
      assert.ok(kernel < 1_000, `the kernel took ${kernel} ms to stop`);
      // The workbench's part, a liveness limit only: writing the last output waits for its one UI
      // thread, busy drawing the progress charts: 0.1–1.7 s quiet, up to 4.4 s with the machine loaded.
      assert.ok(timing.ended - asked < 15_000, `the cell ended ${timing.ended - asked} ms after the interrupt`);
    } finally {
      watch.dispose();
    }
    // What the user was watching stays: the run's display, marked interrupted, then the error.
    assert.equal(long!.executionSummary?.success, false, 'an interrupted cell has not succeeded');
    assert.equal(long!.outputs.length, 2, `outputs: ${long!.outputs.map((o) => o.items.map((i) => i.mime).join(' + ')).join(' | ')}`);
    const kept = json(long!);
    assert.equal(kept.kind, 'training');
    assert.equal(kept.status, 'interrupted');
    assert.ok(kept.epochs >= streamed && kept.epochs < 1_000_000, `${kept.epochs} epochs kept, ${streamed} streamed before`);
    assert.equal(kept.history.length, kept.epochs, 'its charts: a history row per epoch finished');
    assert.equal(item(long!, 'image/svg+xml'), undefined, 'no static picture (a save adds one when asked)');
    const err = json(long!, ERROR_MIME);
    assert.equal(err.message, `Interrupted: train stopped after ${kept.epochs.toLocaleString('en-US')} of 1,000,000 epochs; fit holds what was trained`);
    if (HANDSHAKE_DIR) {
      // What a user sees: the charts still drawn, the line under them (harness/user-path.ts).
      console.log('[visual] ready interrupted');
      const ack = await waitAck('interrupted', 60_000);
      assert.equal(ack, 'ok', `interrupted training output: ${ack}`);
    }
    await runCells(nb, 1, 2);
    await until('the next cell', () => done(after!));
    assert.deepEqual(json(after!), { kind: 'number', value: kept.epochs }, 'fit holds the run shown');
    // float32 training runs in WebAssembly memory lent to one run at a time: an interrupted
    // run must have given it back, so the next one trains normally.
    await runCells(nb, 2, 3);
    await until('another training run', () => done(again!));
    assert.equal(json(again!).value, 5);
  });
});
