/**
 * What the notebook renderer tells the extension (VS Code's renderer messaging): where sliders
 * were left, and the pictures of its charts to save or copy (handed to `onImage`, which
 * src/extension.ts wires to commands/chart-images.ts).
 *
 * The extension's half of sliders that stay where they were left (shared/slider-state.ts):
 * the notebook renderer posts where an output's sliders came to rest (once they rest, not on
 * every input event: renderer/live-sliders.ts), and this writes it into the cell's metadata
 * with NotebookEdit.updateCellMetadata, so a save keeps it and the kernel starts the next run
 * there; it answers the renderer's question "where were they left?" from that metadata when an
 * output is drawn (a reopened notebook). A record equal to the one kept writes nothing, so
 * drawing an output never makes the notebook dirty.
 */
import * as vscode from 'vscode';
import { VALUE_MIME } from '../shared/output';
import {
  metadataWithRecord, recordInMetadata, sameRecord, type RendererToHostMessage, type SliderRecord, type SliderRecordReply,
} from '../shared/slider-state';
import { NOTEBOOK_TYPE } from './serializer';
import { isChartImageMessage, type ChartImageMessage } from '../shared/chart-image';

/** package.json contributes.notebookRenderer[0].id */
export const RENDERER_ID = 'activation-lab.renderer';

/** The cell showing output `outputId`; else the one cell whose plot has the source `plot`. */
export function cellOfOutput(nb: vscode.NotebookDocument, outputId: string, plot: string): vscode.NotebookCell | undefined {
  const cells = nb.getCells();
  // the renderer's OutputItem.id is the output's id, which the extension host's outputs carry (not in vscode.d.ts)
  const byId = cells.find((c) => c.outputs.some((o) => (o as { id?: unknown }).id === outputId));
  if (byId) return byId;
  const byPlot = cells.filter((c) => c.outputs.some((o) => o.items.some((i) => i.mime === VALUE_MIME && livePlotSource(i.data) === plot)));
  return byPlot.length === 1 ? byPlot[0] : undefined;
}

function livePlotSource(data: Uint8Array): string | undefined {
  try {
    const d = JSON.parse(new TextDecoder().decode(data)) as { kind?: unknown; live?: { plot?: unknown } };
    return d.kind === 'plot' && typeof d.live?.plot === 'string' ? d.live.plot : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `record` into the cell's metadata unless it is there already; true when an edit was made. */
export async function recordSliders(cell: vscode.NotebookCell, record: SliderRecord): Promise<boolean> {
  if (sameRecord(recordInMetadata(cell.metadata), record)) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.set(cell.notebook.uri, [vscode.NotebookEdit.updateCellMetadata(cell.index, metadataWithRecord(cell.metadata, record))]);
  return vscode.workspace.applyEdit(edit);
}

export function registerRendererMessages(log: (line: string) => void, onImage: (m: ChartImageMessage, notebook: vscode.Uri) => Promise<unknown>): vscode.Disposable {
  const messaging = vscode.notebooks.createRendererMessaging(RENDERER_ID);
  // one edit at a time, in the order the renderer sent them
  let writing: Promise<unknown> = Promise.resolve();
  return messaging.onDidReceiveMessage(({ editor, message }) => {
    const nb = editor.notebook;
    if (isChartImageMessage(message)) {
      onImage(message, nb.uri).catch((e: unknown) => void vscode.window.showErrorMessage(`Activation Lab: could not save the chart: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    const m = message as Partial<RendererToHostMessage> | null;
    if (typeof m?.outputId !== 'string' || typeof m.plot !== 'string') return;
    const { outputId, plot } = m;
    const ours = nb.notebookType === NOTEBOOK_TYPE;
    if (m.type === 'slider-record?') {
      // always answered (nothing kept outside our notebooks), so a first draw never waits for a timeout
      const cell = ours ? cellOfOutput(nb, outputId, plot) : undefined;
      const reply: SliderRecordReply = { type: 'slider-record', outputId, record: cell ? recordInMetadata(cell.metadata) : {} };
      void messaging.postMessage(reply, editor);
      return;
    }
    if (m.type !== 'sliders-moved' || !ours) return;
    const record = recordInMetadata({ activationLab: { sliders: m.record } }); // only well-formed entries
    writing = writing.then(async () => {
      const cell = cellOfOutput(nb, outputId, plot);
      if (!cell) return;
      if (await recordSliders(cell, record)) log(`sliders of cell ${cell.index + 1} left at ${Object.entries(record).map(([k, r]) => `${k}=${r.value}`).join(', ')}`);
    }).catch((e: unknown) => log(`could not record the sliders: ${e instanceof Error ? e.message : String(e)}`));
  });
}
