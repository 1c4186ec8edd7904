/**
 * The notebook renderer's elements: its style sheet, an output's blocks
 * (output-renderers.ts) as DOM, and the element each chart is drawn into.
 * User text only ever goes in as textContent.
 */
import type { PlotFigure } from './figure-style';
import type { OutputBlock } from './output-renderers';
import type { TableView } from './tables';

// .al-plot has no height of its own: plotly's drawing, always exactly the figure's
// height (live-charts.ts), is its height. A min-height here once made charts grow
// past their figures and then shrink on the next redraw, leaving a blank band.
export const STYLE = `
.al-output { font-family: var(--vscode-editor-font-family, monospace); font-size: var(--vscode-editor-font-size, 13px); color: var(--vscode-editor-foreground); }
.al-output pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit; }
.al-output .al-error { color: var(--vscode-errorForeground, #f14c4c); border-left: 3px solid var(--vscode-errorForeground, #f14c4c); padding: 2px 8px; }
.al-output .al-formula { padding: 2px 0 4px; }
.al-output .al-plot { width: 100%; }
.al-output .al-loading { opacity: 0.7; font-style: italic; }
.al-output table { border-collapse: collapse; }
.al-output caption { text-align: left; white-space: nowrap; opacity: 0.8; padding-bottom: 4px; }
.al-output th, .al-output td { border: 1px solid var(--vscode-editorWidget-border, #8884); padding: 1px 8px; text-align: right; }
.al-output th { font-weight: 600; background: var(--vscode-editorWidget-background, transparent); }
.al-output .al-note { opacity: 0.75; font-style: italic; padding-top: 4px; }
`;

/** An element with an optional class and text (always as textContent). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function blockElement(block: OutputBlock): HTMLElement {
  return 'table' in block ? tableElement(block.table) : el('pre', `al-${block.style}`, block.text);
}

/** The element a figure is drawn into, named after it (data-figure) for tests. */
export function chartElement(figure: PlotFigure<object>): HTMLElement {
  const root = el('div', 'al-plot');
  root.dataset.figure = figure.name;
  return root;
}

function tableElement(view: TableView): HTMLElement {
  const wrapper = el('div', 'al-table');
  const table = el('table');
  if (view.caption) table.append(el('caption', undefined, view.caption));
  if (view.header.length > 0) {
    const tr = el('tr');
    if (view.rowLabels) tr.append(el('th'));
    for (const h of view.header) tr.append(el('th', undefined, h));
    const thead = el('thead');
    thead.append(tr);
    table.append(thead);
  }
  const body = el('tbody');
  view.rows.forEach((row, i) => {
    const tr = el('tr');
    if (view.rowLabels) tr.append(el('th', undefined, view.rowLabels[i]));
    for (const cell of row) tr.append(el('td', undefined, cell));
    body.append(tr);
  });
  table.append(body);
  wrapper.append(table);
  if (view.note) wrapper.append(el('div', 'al-note', view.note));
  return wrapper;
}
