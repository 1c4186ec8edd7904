/**
 * The notebook renderer's elements: its style sheet, an output's blocks
 * (output-renderers.ts) as DOM, and the element each chart is drawn into.
 * User text only ever goes in as textContent.
 */
import type { PlotFigure } from './figure-style';
import type { Equation, OutputBlock } from './output-renderers';
import type { TableView } from './tables';
import { highlightPython } from './python-highlight';
import { paintSvg } from '../shared/graph-svg';

/** What a code block's buttons do: the notebook asks the extension (clipboard, save dialog); a page uses its own. */
export interface CodeActions {
  /** Resolves to what the block's bar then says ("Copied to the clipboard"). */
  copy(text: string): Promise<string>;
  /** Undefined where there is nothing to save with (the button is then not shown). */
  readonly save?: (text: string, suggestedName: string) => Promise<string>;
}

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
.al-output .al-picture { overflow-x: auto; padding: 4px 0; }
.al-output .al-picture img { display: block; max-width: none; }
.al-output .al-code { border: 1px solid var(--vscode-editorWidget-border, #8884); border-radius: 4px; }
.al-output .al-code-bar { display: flex; gap: 6px; align-items: center; padding: 3px 6px; border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); background: var(--vscode-editorWidget-background, transparent); }
.al-output .al-code-bar span { flex: 1; opacity: 0.8; }
.al-output .al-code-bar button { font: inherit; font-size: 12px; color: var(--vscode-button-secondaryForeground, inherit); background: var(--vscode-button-secondaryBackground, #8882); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 1px 8px; cursor: pointer; }
.al-output .al-code pre { padding: 6px 8px; max-height: 480px; overflow: auto; white-space: pre; line-height: 1.45; }
/* VS Code styles a webview's code elements (a background, the preformat colour): not in our blocks */
.al-output .al-code code { background: none; color: inherit; padding: 0; border-radius: 0; font-family: inherit; font-size: inherit; }
.al-output .tok-comment { color: var(--vscode-debugTokenExpression-name, #6a9955); font-style: italic; }
.al-output .tok-string { color: var(--vscode-debugTokenExpression-string, #ce9178); }
.al-output .tok-number { color: var(--vscode-debugTokenExpression-number, #b5cea8); }
.al-output .tok-keyword { color: var(--vscode-symbolIcon-keywordForeground, #569cd6); font-weight: 600; }
`;

/** An element with an optional class and text (always as textContent). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** What images drawn in the text colour are painted with: the theme's text and background. */
export interface ImageColours {
  readonly foreground: string;
  readonly background: string;
}

/**
 * @param colours what typeset equations and pictures are drawn in (the theme's text and background)
 * @param actions what a code block's Copy and Save as… do
 */
export function blockElement(block: OutputBlock, colours: ImageColours, actions?: CodeActions): HTMLElement {
  if ('table' in block) return tableElement(block.table);
  if ('picture' in block) {
    const shown = equationElement(block.picture, colours);
    shown.className = 'al-picture';
    // as wide as the output, never wider than drawn nor below three quarters of it (smaller text stops
    // being readable): a wide graph shrinks a little, then scrolls
    const width = Number(/^<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(block.picture.svg ?? '')?.[1]);
    const img = shown.querySelector('img');
    if (img && width > 0) Object.assign(img.style, { width: '100%', maxWidth: `${width}px`, minWidth: `${Math.round(width * 0.75)}px`, height: 'auto' });
    return shown;
  }
  if ('code' in block) return codeElement(block.code, block.suggestedName, actions);
  if ('equation' in block) {
    const shown = equationElement(block.equation, colours);
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
function equationElement(equation: Equation, colours: ImageColours): HTMLElement {
  if (!equation.svg) return el('pre', 'al-formula', equation.text);
  const img = el('img', 'al-math');
  img.alt = equation.text;
  equationSvgs.set(img, equation.svg);
  img.src = svgUri(equation.svg, colours);
  const line = el('div', 'al-equation');
  line.append(img);
  return line;
}

/** The glyphs are currentColor (and a picture's boxes Canvas), which an image cannot inherit from the page: the colours are written in. */
function svgUri(svg: string, colours: ImageColours): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(paintSvg(svg, colours.foreground, colours.background))}`;
}

/** Draws every equation image and picture under `root` in the theme's colours (after a theme change). */
export function recolourEquations(root: ParentNode, colours: ImageColours): void {
  for (const img of Array.from(root.querySelectorAll<HTMLImageElement>('img.al-math'))) {
    const svg = equationSvgs.get(img);
    if (svg !== undefined) img.src = svgUri(svg, colours);
  }
}

/** The element a figure is drawn into, named after it (data-figure) for tests. */
export function chartElement(figure: PlotFigure<object>): HTMLElement {
  const root = el('div', 'al-plot');
  root.dataset.figure = figure.name;
  if (figure.width !== undefined) root.style.maxWidth = `${figure.width}px`;
  return root;
}

/** A code block: a bar with what it is and its buttons, then the highlighted source. */
function codeElement(source: string, suggestedName: string, actions?: CodeActions): HTMLElement {
  const box = el('div', 'al-code');
  const bar = el('div', 'al-code-bar');
  const status = el('span', undefined, `${suggestedName.replace(/\.py$/, '')} · Python, ${source.split('\n').length} lines`);
  bar.append(status);
  const button = (label: string, run: () => Promise<string>) => {
    const b = el('button', undefined, label);
    b.type = 'button';
    b.dataset.action = label === 'Copy' ? 'copy' : 'save';
    b.addEventListener('click', () => {
      run().then((said) => { status.textContent = said; }, (err: unknown) => { status.textContent = `${label} failed: ${err instanceof Error ? err.message : String(err)}`; });
    });
    bar.append(b);
  };
  if (actions) button('Copy', () => actions.copy(source));
  if (actions?.save) {
    const save = actions.save;
    button('Save as…', () => save(source, suggestedName));
  }
  const pre = el('pre');
  const code = el('code');
  for (const t of highlightPython(source)) code.append(t.kind === 'plain' ? document.createTextNode(t.text) : el('span', `tok-${t.kind}`, t.text));
  pre.append(code);
  box.append(bar, pre);
  return box;
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
