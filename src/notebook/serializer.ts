/**
 * The VS Code NotebookSerializer for *.actnb, a thin adapter over format.ts.
 * A file that cannot be parsed throws from deserializeNotebook: VS Code then
 * shows our message and refuses to open it, rather than opening an empty
 * notebook that a save would write over the user's file.
 *
 * Round trip: unknown fields (format.ts's `extra`) and metadata ride in VS Code's
 * metadata under `__extra` (notebook, cell, output) and `__itemExtra` (one entry
 * per output item, on the output's metadata); the execution order is the cell's
 * executionSummary.executionOrder.
 *
 * Static SVG pictures of plots are a matter of saving, not of running: the kernel
 * makes none, and each save adds or drops them as `activationLab.notebook.saveStaticImages`
 * says at that moment (services/notebook-format/static-images.ts).
 */
import * as vscode from 'vscode';
import {
  parseNotebook,
  serializeNotebook,
  savedForm,
  type CellOutput,
  type JsonObject,
  type JsonValue,
  type Notebook,
  type NotebookCell,
  type OutputItem,
} from '../services/notebook-format/format';
import { decodeNotebookText } from '../services/notebook-format/utf8-text';
import { withTypesetOutputs } from '../services/hover-content/display-formulas';

export const NOTEBOOK_TYPE = 'activation-lab';
/** The language of its code cells (package.json's `activation`). */
export const CELL_LANGUAGE = 'activation';

const ERROR_MIME = 'application/vnd.code.notebook.error';

function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || mime.endsWith('+json') || mime === ERROR_MIME;
}
function isTextMime(mime: string): boolean {
  return mime.startsWith('text/');
}

/** Output item from the file to VS Code. */
export function toVsItem(item: OutputItem): vscode.NotebookCellOutputItem {
  if (isTextMime(item.mime) && typeof item.data === 'string') return vscode.NotebookCellOutputItem.text(item.data, item.mime);
  if (typeof item.data === 'string' && !isJsonMime(item.mime)) return vscode.NotebookCellOutputItem.text(item.data, item.mime);
  return vscode.NotebookCellOutputItem.json(item.data, item.mime);
}

/** Output item from VS Code to the file. */
export function fromVsItem(item: vscode.NotebookCellOutputItem): OutputItem {
  const text = new TextDecoder().decode(item.data);
  if (isJsonMime(item.mime)) {
    try {
      return { mime: item.mime, data: JSON.parse(text) as JsonValue };
    } catch {
      return { mime: item.mime, data: text };
    }
  }
  return { mime: item.mime, data: text };
}

function jsonMetadata(m: { readonly [key: string]: unknown } | undefined): JsonObject | undefined {
  if (!m || Object.keys(m).length === 0) return undefined;
  // Drop anything JSON cannot hold (undefined, functions) instead of failing the save.
  return JSON.parse(JSON.stringify(m)) as JsonObject;
}

export function toNotebookData(nb: Notebook): vscode.NotebookData {
  const cells = nb.cells.map((c) => {
    const kind = c.kind === 'code' ? vscode.NotebookCellKind.Code : vscode.NotebookCellKind.Markup;
    const cell = new vscode.NotebookCellData(kind, c.source, c.kind === 'code' ? CELL_LANGUAGE : 'markdown');
    const metadata: Record<string, unknown> = { ...(c.metadata ?? {}) };
    if (c.extra) metadata['__extra'] = c.extra;
    cell.metadata = metadata;
    if (c.executionOrder !== undefined) cell.executionSummary = { executionOrder: c.executionOrder };
    cell.outputs = c.outputs.map((o) => {
      const meta: Record<string, unknown> = { ...(o.metadata ?? {}) };
      if (o.extra) meta['__extra'] = o.extra;
      // VS Code's output items have no metadata: unknown item fields ride on the output's.
      if (o.items.some((i) => i.extra)) meta['__itemExtra'] = o.items.map((i) => i.extra ?? null);
      return new vscode.NotebookCellOutput(o.items.map(toVsItem), meta);
    });
    return cell;
  });
  const data = new vscode.NotebookData(cells);
  const metadata: Record<string, unknown> = { ...nb.metadata };
  if (nb.extra) metadata['__extra'] = nb.extra;
  data.metadata = metadata;
  return data;
}

function splitExtra(m: { readonly [key: string]: unknown } | undefined): { metadata?: JsonObject; extra?: JsonObject } {
  if (!m) return {};
  const { __extra, ...rest } = m as Record<string, unknown>;
  const out: { metadata?: JsonObject; extra?: JsonObject } = {};
  const metadata = jsonMetadata(rest);
  if (metadata) out.metadata = metadata;
  if (__extra && typeof __extra === 'object' && Object.keys(__extra).length) out.extra = __extra as JsonObject;
  return out;
}

export function fromNotebookData(data: vscode.NotebookData): Notebook {
  const top = splitExtra(data.metadata);
  const nb: Notebook = {
    metadata: top.metadata ?? {},
    cells: data.cells.map((c): NotebookCell => {
      const code = c.kind === vscode.NotebookCellKind.Code;
      const { metadata, extra } = splitExtra(c.metadata);
      const cell: NotebookCell = { kind: code ? 'code' : 'markdown', source: c.value.replace(/\r\n/g, '\n'), outputs: [] };
      if (code) {
        const order = c.executionSummary?.executionOrder;
        if (order !== undefined && Number.isSafeInteger(order) && order >= 0) cell.executionOrder = order;
        cell.outputs = (c.outputs ?? []).map((o): CellOutput => {
          const { __itemExtra, ...outputMetadata } = (o.metadata ?? {}) as Record<string, unknown>;
          const split = splitExtra(outputMetadata);
          const itemExtra = Array.isArray(__itemExtra) ? __itemExtra : [];
          const out: CellOutput = {
            items: o.items.map((i, n) => {
              const item = fromVsItem(i);
              const extra: unknown = itemExtra[n];
              return extra && typeof extra === 'object' && Object.keys(extra).length ? { ...item, extra: extra as JsonObject } : item;
            }),
          };
          if (split.metadata) out.metadata = split.metadata;
          if (split.extra) out.extra = split.extra;
          return out;
        });
      }
      if (metadata) cell.metadata = metadata;
      if (extra) cell.extra = extra;
      return cell;
    }),
  };
  if (top.extra) nb.extra = top.extra;
  return nb;
}

/** `activationLab.notebook.saveStaticImages` (package.json): static SVG pictures of plots in saved notebooks. */
function saveStaticImagesSetting(): boolean {
  // window scope: a save is not told which file it writes, so the setting cannot be per folder
  return vscode.workspace.getConfiguration('activationLab').get<boolean>('notebook.saveStaticImages', false) === true;
}

export class ActivationNotebookSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    // Throws NotebookFormatError for a malformed file: VS Code shows the message and does not open it.
    const nb = withTypesetOutputs(parseNotebook(decodeNotebookText(content)));
    return toNotebookData(nb);
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    // read at every save, so a changed setting applies to the next one
    return new TextEncoder().encode(serializeNotebook(savedForm(fromNotebookData(data), saveStaticImagesSetting())));
  }
}

export function registerSerializer(): vscode.Disposable {
  return vscode.workspace.registerNotebookSerializer(NOTEBOOK_TYPE, new ActivationNotebookSerializer(), {
    transientOutputs: false,
  });
}
