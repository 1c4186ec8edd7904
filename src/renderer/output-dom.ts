/**
 * The notebook renderer's elements: its style sheet, an output's blocks
 * (output-renderers.ts) as DOM, and the element each chart is drawn into.
 * User text only ever goes in as textContent.
 */
import type { PlotFigure } from './figure-style';
import type { Equation, OutputBlock } from './output-renderers';
import type { TableView } from './tables';

// .al-plot has no height of its own: plotly's drawing, always exactly the figure's
// height (live-charts.ts), is its height. A min-height here once made charts grow
// past their figures and then shrink on the next redraw, leaving a blank band.
export const STYLE = `
.al-output { font-family: var(--vscode-editor-font-family, monospace); font-size: var(--vscode-editor-font-size, 13px); color: var(--vscode-editor-foreground); }
.al-output pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit; }
.al-output .al-error { color: var(--vscode-errorForeground, #f14c4c); border-left: 3px solid var(--vscode-errorForeground, #f14c4c); padding: 2px 8px; }
.al-output .al-pass { color: var(--vscode-testing-iconPassed, #388a34); padding: 1px 8px; border-left: 3px solid var(--vscode-testing-iconPassed, #388a34); }
.al-output .al-fail { color: var(--vscode-testing-iconFailed, var(--vscode-errorForeground, #e51400)); padding: 1px 8px; border-left: 3px solid var(--vscode-testing-iconFailed, var(--vscode-errorForeground, #e51400)); }
.al-output .al-formula { padding: 2px 0 4px; }
.al-output .al-equation { padding: 2px 0 4px; overflow-x: auto; }
.al-output .al-math { display: block; max-width: none; }
.al-output .al-more { padding: 0 0 4px; }
.al-output .al-more > summary { cursor: pointer; opacity: 0.8; }
.al-output .al-plot { width: 100%; }
.al-output .al-loading { opacity: 0.7; font-style: italic; }
.al-output table { border-collapse: collapse; }
.al-output caption { text-align: left; white-space: nowrap; opacity: 0.8; padding-bottom: 4px; }
.al-output th, .al-output td { border: 1px solid var(--vscode-editorWidget-border, #8884); padding: 1px 8px; text-align: right; }
.al-output th { font-weight: 600; background: var(--vscode-editorWidget-background, transparent); }
.al-output th.al-corner, .al-output tbody th { font-weight: normal; font-style: italic; opacity: 0.8; text-align: left; }
.al-output .al-note { opacity: 0.75; font-style: italic; padding-top: 4px; }
`;

/** An element with an optional class and text (always as textContent). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** @param foreground the colour typeset equations are drawn in (the theme's text colour) */
export function blockElement(block: OutputBlock, foreground: string): HTMLElement {
  if ('table' in block) return tableElement(block.table);
  if ('equation' in block) {
    const shown = equationElement(block.equation, foreground);
    if (block.collapsed === undefined) return shown;
    const details = el('details', 'al-more');
    details.append(el('summary', undefined, block.collapsed), shown);
    return details;
  }
  return el('pre', `al-${block.style}`, block.text);
}

/** The SVG of each equation image, to colour it again for a new theme. */
const equationSvgs = new WeakMap<HTMLImageElement, string>();

/**
 * An equation as an image (an <img>, so the SVG's content can never run or style the page),
 * its text the alt text; the text itself when there is no image.
 */
function equationElement(equation: Equation, foreground: string): HTMLElement {
  if (!equation.svg) return el('pre', 'al-formula', equation.text);
  const img = el('img', 'al-math');
  img.alt = equation.text;
  equationSvgs.set(img, equation.svg);
  img.src = svgUri(equation.svg, foreground);
  const line = el('div', 'al-equation');
  line.append(img);
  return line;
}

/** The glyphs are currentColor, which an image cannot inherit from the page: the colour is written in. */
function svgUri(svg: string, foreground: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.replace(/currentColor/g, foreground))}`;
}

/** Draws every equation image under `root` in `foreground` (after a theme change). */
export function recolourEquations(root: ParentNode, foreground: string): void {
  for (const img of Array.from(root.querySelectorAll<HTMLImageElement>('img.al-math'))) {
    const svg = equationSvgs.get(img);
    if (svg !== undefined) img.src = svgUri(svg, foreground);
  }
}

/** The element a figure is drawn into, named after it (data-figure) for tests. */
export function chartElement(figure: PlotFigure<object>): HTMLElement {
  const root = el('div', 'al-plot');
  root.dataset.figure = figure.name;
  if (figure.width !== undefined) root.style.maxWidth = `${figure.width}px`;
  return root;
}

function tableElement(view: TableView): HTMLElement {
  const wrapper = el('div', 'al-table');
  const table = el('table');
  if (view.caption) table.append(el('caption', undefined, view.caption));
  if (view.header.length > 0) {
    const tr = el('tr');
    if (view.rowLabels) tr.append(el('th', 'al-corner', view.corner));
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
