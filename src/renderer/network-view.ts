/**
 * A network's diagram in a notebook output, live: hover a node for its formula with the
 * numbers plugged in, where it is active and its mean output; click it (or Enter) for the
 * inspector (incoming weights and bias, its pre-activation histogram with the kink marked,
 * its heatmap large); "+k more" draws a long layer in full. A finished training run gets an
 * epoch scrubber (a range input, so the keyboard moves it too) over its weight snapshots:
 * each position runs the snapshot's weights through the bundled engine and redraws the
 * diagram, the per-layer histograms and the open inspector, and hands the weights on for
 * the decision boundary (replay-boundary.ts, drawn by index.ts), no kernel involved.
 *
 * Loaded with import() by the notebook renderer (it brings the engine). The SVG comes from
 * network-diagram.ts and unit-histograms.ts, which escape every text they write; it is
 * parsed as XML, never run.
 */
import { activations, unitName, unpackNumbers } from '../engine';
import type { JsonNumber, TrainingDisplay } from '../shared/output';
import { diagramSource, type DiagramDisplay } from './diagram-display';
import { heatmapImage } from './heatmap-image';
import { diagramSvg, unitSummary } from './network-diagram';
import { diagramModel, gridRows, networkOf, type DiagramModel, type DiagramSource } from './network-model';
import { layerHistograms, preActivationSvg } from './unit-histograms';

export const NETWORK_VIEW_STYLE = `
.al-net { position: relative; margin: 6px 0 10px; }
.al-net-diagram { overflow-x: auto; }
.al-net-diagram svg { display: block; font-family: var(--vscode-font-family, system-ui, sans-serif); }
.al-net-layers svg, .al-inspector svg { font-family: var(--vscode-font-family, system-ui, sans-serif); }
.al-net .al-neuron { cursor: pointer; }
.al-net .al-neuron:focus { outline: none; }
.al-net .al-neuron:focus .al-neuron-frame, .al-net .al-neuron:hover .al-neuron-frame { stroke-opacity: 1; stroke-width: 2.5; }
.al-net .al-neuron.al-selected .al-neuron-frame { stroke: var(--vscode-focusBorder, #0090f1); stroke-opacity: 1; stroke-width: 3; }
.al-net .al-more-units { cursor: pointer; }
.al-net-tip { position: absolute; z-index: 10; pointer-events: none; max-width: 560px; padding: 4px 8px; border-radius: 3px;
  background: var(--vscode-editorHoverWidget-background, #252526); color: var(--vscode-editorHoverWidget-foreground, #cccccc);
  border: 1px solid var(--vscode-editorHoverWidget-border, #454545); font-size: 12px; line-height: 1.45; white-space: pre-wrap; }
.al-net-tip .al-tip-formula { font-family: var(--vscode-editor-font-family, ui-monospace, Menlo, Consolas, monospace); }
.al-scrubber { display: flex; align-items: center; gap: 8px; font-size: 13px; margin: 2px 0 6px; }
.al-scrubber input { width: 320px; }
.al-scrubber output { font-family: var(--vscode-editor-font-family, ui-monospace, Menlo, Consolas, monospace); min-width: 14ch; }
.al-net-layers { display: flex; flex-wrap: wrap; gap: 8px 18px; margin-top: 4px; }
.al-net-caption { font-size: 12px; opacity: 0.8; margin: 2px 0; }
.al-inspector { border: 1px solid var(--vscode-editorWidget-border, #8886); border-radius: 4px; padding: 6px 10px; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: flex-start; }
.al-inspector[hidden], .al-net-tip[hidden] { display: none; }
.al-inspector h4 { margin: 0 0 4px; font-size: 13px; width: 100%; display: flex; justify-content: space-between; }
.al-inspector button { background: none; border: none; color: inherit; cursor: pointer; font-size: 14px; }
.al-inspector table { font-size: 12px; }
.al-inspector .al-big-figure { margin: 0; width: 180px; }
.al-inspector figcaption { font-size: 11px; opacity: 0.8; padding-top: 2px; }
.al-inspector .al-big-heat { width: 180px; height: 180px; image-rendering: auto; border: 1px solid var(--vscode-editorWidget-border, #8886); display: block; }
.al-inspector .al-tip-formula { width: 100%; white-space: pre-wrap; font-family: var(--vscode-editor-font-family, ui-monospace, Menlo, Consolas, monospace); overflow-wrap: anywhere; }
`;

/** Grid points per side of the inspector's large heatmap. */
const BIG_GRID = 60;

interface State {
  readonly source: DiagramSource;
  readonly model: DiagramModel;
}

function svgElement(doc: Document, svg: string): Element {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  return doc.importNode(parsed, true);
}

/**
 * @param replay called when the scrubber moves, with the position's weights (undefined at the
 *   last position: the trained network as the display has it), so the charts can follow
 */
export function networkView(doc: Document, d: DiagramDisplay, replay?: (weights: ArrayLike<JsonNumber> | undefined) => void): HTMLElement {
  const root = doc.createElement('div');
  root.className = 'al-net';
  const style = doc.createElement('style');
  style.textContent = NETWORK_VIEW_STYLE;
  const diagram = doc.createElement('div');
  diagram.className = 'al-net-diagram';
  const tip = doc.createElement('div');
  tip.className = 'al-net-tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  const inspector = doc.createElement('div');
  inspector.className = 'al-inspector';
  inspector.hidden = true;
  const caption = doc.createElement('div');
  caption.className = 'al-net-caption';
  const layers = doc.createElement('div');
  layers.className = 'al-net-layers';
  root.append(style);

  const expanded = new Set<number>();
  let selected: string | undefined;
  let state: State;

  const draw = (source: DiagramSource) => {
    const started = performance.now();
    const model = diagramModel(source);
    state = { source, model };
    const drawing = diagramSvg(model, { expanded });
    const svg = svgElement(doc, drawing.svg);
    // the view's own tooltip replaces the titles (kept in the SVG for the exported page)
    for (const t of Array.from(svg.querySelectorAll('.al-neuron > title'))) t.remove();
    diagram.replaceChildren(svg);
    if (selected) svg.querySelector(`[data-neuron="${selected}"]`)?.classList.add('al-selected');
    layers.replaceChildren(...layerHistograms(model).map((h) => svgElement(doc, h.svg)));
    caption.textContent = captionText(d, model);
    if (selected) showInspector(selected);
    root.dataset.drawMs = (performance.now() - started).toFixed(1);
  };

  const unitOf = (id: string) => {
    const [l, u] = id.split(':').map(Number);
    const layer = state.model.layers[l!];
    return layer && layer.units[u!] ? { layer, unit: layer.units[u!]! } : undefined;
  };

  const showTip = (node: Element) => {
    const id = node.getAttribute('data-neuron');
    const found = id ? unitOf(id) : undefined;
    if (!found) return;
    const [first, ...rest] = unitSummary(found.unit, state.model);
    const formula = doc.createElement('div');
    formula.className = 'al-tip-formula';
    formula.textContent = first ?? '';
    tip.replaceChildren(formula, ...rest.map((line) => Object.assign(doc.createElement('div'), { textContent: line })));
    tip.hidden = false;
    const box = node.getBoundingClientRect();
    const base = root.getBoundingClientRect();
    tip.style.left = `${Math.max(0, box.right - base.left + 8)}px`;
    tip.style.top = `${Math.max(0, box.top - base.top - 4)}px`;
  };

  const showInspector = (id: string) => {
    const found = unitOf(id);
    if (!found) return;
    const { layer, unit } = found;
    const title = doc.createElement('h4');
    const name = layer.role === 'input' ? `input ${unit.formula}` : `${layer.role === 'output' ? 'output' : `hidden ${layer.index}`}, unit ${unit.unit} (${layer.activation})`;
    title.textContent = name;
    const close = doc.createElement('button');
    close.textContent = '✕';
    close.title = 'close the inspector';
    close.setAttribute('aria-label', 'close the inspector');
    close.addEventListener('click', () => {
      selected = undefined;
      inspector.hidden = true;
      diagram.querySelector('.al-selected')?.classList.remove('al-selected');
    });
    title.append(close);
    const parts: Node[] = [title];
    const lines = unitSummary(unit, state.model);
    const formula = doc.createElement('div');
    formula.className = 'al-tip-formula';
    formula.textContent = lines.join('\n');
    parts.push(formula);
    if (unit.weights.length > 0) parts.push(weightsTable(doc, state.model, unit.layer, unit.weights, unit.bias));
    const pre = preActivationSvg(state.model, layer, unit.unit);
    if (pre) parts.push(svgElement(doc, pre));
    const big = bigHeatmap(state, unit.layer, unit.unit);
    if (big) {
      const figure = doc.createElement('figure');
      figure.className = 'al-big-figure';
      const img = doc.createElement('img');
      img.className = 'al-big-heat';
      img.alt = `output of unit ${unit.id} over the input square`;
      img.src = big;
      const square = state.model.square!;
      const range = (r: readonly [number, number]) => `${Number(r[0].toPrecision(2))} … ${Number(r[1].toPrecision(2))}`;
      const note = doc.createElement('figcaption');
      note.textContent = `${unit.dead ? 'output 0 everywhere (dead)' : 'output'} over x1 ${range(square.x)} (across), x2 ${range(square.y)} (up)`;
      figure.append(img, note);
      parts.push(figure);
    }
    inspector.replaceChildren(...parts);
    inspector.hidden = false;
    inspector.dataset.inspected = id;
  };

  diagram.addEventListener('pointerover', (e) => {
    const node = (e.target as Element).closest?.('[data-neuron]');
    if (node) showTip(node);
  });
  diagram.addEventListener('pointerout', (e) => {
    if ((e.target as Element).closest?.('[data-neuron]')) tip.hidden = true;
  });
  diagram.addEventListener('focusin', (e) => {
    const node = (e.target as Element).closest?.('[data-neuron]');
    if (node) showTip(node);
  });
  diagram.addEventListener('focusout', () => { tip.hidden = true; });
  const activate = (target: Element) => {
    const more = target.closest('[data-expand]');
    if (more) {
      expanded.add(Number(more.getAttribute('data-expand')));
      draw(state.source);
      return;
    }
    const node = target.closest('[data-neuron]');
    if (!node) return;
    selected = node.getAttribute('data-neuron') ?? undefined;
    diagram.querySelector('.al-selected')?.classList.remove('al-selected');
    node.classList.add('al-selected');
    if (selected) showInspector(selected);
  };
  diagram.addEventListener('click', (e) => activate(e.target as Element));
  diagram.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    activate(e.target as Element);
  });

  const scrubber = d.kind === 'training' ? epochScrubber(doc, d, (source, exact) => {
    draw(source);
    replay?.(exact ? undefined : source.weights);
  }) : undefined;
  if (scrubber) root.append(scrubber);
  root.append(diagram, caption, tip, inspector, layers);
  draw(diagramSource(d));
  return root;
}

function captionText(d: DiagramDisplay, model: DiagramModel): string {
  const over = model.points > 0 ? `over the ${model.points} points of the data` : '';
  const heat = model.square ? `each node: its output over the input square (x1 across, x2 up; orange low, blue high)` : 'nodes: units (heatmaps need 2 inputs)';
  const links = 'links: blue positive, orange negative weights, wider = larger';
  const runnable = model.layers.every((l) => l.runnable) ? '' : ' · an activation that reads a tensor variable runs only in the kernel: its units are drawn plain';
  const hist = over ? ` · histograms ${over}` : '';
  return `${heat} · ${links}${hist} · hover a node for its formula, click it for its weights${d.kind === 'training' && d.status === 'running' ? ' · training…' : ''}${runnable}`;
}

function weightsTable(doc: Document, model: DiagramModel, layer: number, weights: readonly number[], bias: number): HTMLElement {
  const table = doc.createElement('table');
  const head = doc.createElement('tr');
  for (const h of ['from', 'weight']) head.append(Object.assign(doc.createElement('th'), { textContent: h }));
  table.append(head);
  const row = (name: string, v: number) => {
    const tr = doc.createElement('tr');
    tr.append(Object.assign(doc.createElement('td'), { textContent: name }), Object.assign(doc.createElement('td'), { textContent: String(Number(v.toPrecision(4))) }));
    table.append(tr);
  };
  weights.forEach((w, i) => row(unitName(layer - 1, i), w));
  row('bias', bias);
  return table;
}

/** A unit's output over the input square at BIG_GRID² points, as an image; undefined when it cannot run here. */
function bigHeatmap(state: State, layer: number, unit: number): string | undefined {
  const square = state.model.square;
  const scale = state.model.layers[layer]?.units[unit]?.scale;
  if (!square || !scale) return undefined;
  const rows = gridRows(square, BIG_GRID);
  if (layer === 0) {
    const values = new Float64Array(BIG_GRID * BIG_GRID);
    for (let i = 0; i < values.length; i++) values[i] = rows[2 * i + unit]!;
    return heatmapImage(values, BIG_GRID, scale);
  }
  const net = networkOf(state.source.network, state.source.weights);
  if (!net) return undefined;
  const ws = activations(net, rows, BIG_GRID * BIG_GRID);
  const a = ws.a[layer - 1]!;
  const units = net.layers[layer - 1]!.outputs;
  const values = new Float64Array(BIG_GRID * BIG_GRID);
  for (let i = 0; i < values.length; i++) values[i] = a[i * units + unit]!;
  return heatmapImage(values, BIG_GRID, scale, state.model.layers[layer]!.units[unit]!.dead);
}

/**
 * The epoch scrubber of a finished run: one position per snapshot, starting at the last
 * (the trained network, drawn from its exact weights); moves redraw once per animation frame.
 */
function epochScrubber(doc: Document, d: TrainingDisplay, redraw: (source: DiagramSource, exact: boolean) => void): HTMLElement | undefined {
  const snaps = d.snapshots;
  if (!snaps || snaps.epochs.length < 2) return undefined;
  const label = doc.createElement('label');
  label.className = 'al-scrubber';
  const name = doc.createElement('span');
  name.textContent = 'epoch';
  const input = doc.createElement('input');
  input.type = 'range';
  input.min = '0';
  input.max = String(snaps.epochs.length - 1);
  input.step = '1';
  input.value = input.max;
  input.dataset.scrubber = 'epoch';
  input.setAttribute('aria-label', 'epoch of the training run to show');
  const output = doc.createElement('output');
  const last = snaps.epochs.length - 1;
  const show = (i: number) => {
    output.textContent = `${snaps.epochs[i]} of ${d.epochs}`;
    input.setAttribute('aria-valuetext', `epoch ${snaps.epochs[i]} of ${d.epochs}`);
  };
  show(last);
  let frame: number | undefined;
  input.addEventListener('input', () => {
    show(input.valueAsNumber);
    frame ??= (doc.defaultView ?? window).requestAnimationFrame(() => {
      frame = undefined;
      const i = input.valueAsNumber;
      // the last position is the trained network itself: its exact weights and dead units
      const exact = i === last && snaps.epochs[i] === d.epochs;
      redraw(exact ? diagramSource(d) : diagramSource(d, unpackNumbers(snaps.weights[i]!), false), exact);
    });
  });
  label.append(name, input, output);
  return label;
}
