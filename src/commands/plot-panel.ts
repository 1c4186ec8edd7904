/**
 * Webview panels that plot functions (VS Code side). Each Plot / Compare /
 * Plot-at-cursor command opens one beside the editor. The page loads only
 * bundled files from dist/ under a strict Content-Security-Policy (scripts
 * from the extension only, no inline scripts, no network); its script
 * (src/renderer/panel.ts) draws with the notebook renderer's figure code.
 *
 * After a window reload VS Code reopens the panels and the serializer below
 * redraws them from the request remembered in workspace state under the
 * panel's title, computed again (panel-restore.ts says why not from the state
 * the page saved). Each step of a restore is logged to the "Activation Lab"
 * output channel.
 */
import * as vscode from 'vscode';
import { PLOT_PANEL_VIEW_TYPE, type HostToPanelMessage, type PanelToHostMessage } from '../shared/panel-messages';
import { panelHtml } from '../services/plots/panel-html';
import { planRestore, type RememberedPanel } from '../services/plots/panel-restore';
import { computePlot, type PlotRequest, type PlotResult } from '../services/plots/plot-request';
import { isChartImageMessage, type ChartImageMessage } from '../shared/chart-image';
import { handleChartImage } from './chart-images';

export { PLOT_PANEL_VIEW_TYPE };

/** What a plot command returns, so tests and other extensions can follow up. */
export interface PanelInfo {
  readonly viewType: string;
  readonly title: string;
  /** Resolves with the number of traces once the panel has drawn its chart. */
  readonly drawn: Promise<number>;
}

const MEMORY_KEY = 'activationLab.plotPanels';
/** Requests are small (expressions, a range, a notebook's definitions); keep the latest few. */
const MEMORY_SIZE = 30;

export class PlotPanels {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly memory: vscode.Memento,
    private readonly log: (line: string) => void,
  ) {}

  /** Computes the plot (throws with the language's message when it cannot) and shows it in a new panel. */
  open(request: PlotRequest, notes?: string[], computed?: PlotResult): PanelInfo {
    const result = computed ?? computePlot(request);
    if (!result.ok) throw new Error(result.message);
    const title = `Plot: ${result.title}`;
    const panel = vscode.window.createWebviewPanel(PLOT_PANEL_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, this.options());
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
    void this.remember({ title, request, ...(notes ? { notes } : {}) });
    const drawn = this.attach(panel, {
      type: 'show', title: result.title, display: result.display, ...(notes ? { notes } : {}), ...(result.formulas ? { formulas: result.formulas } : {}),
    });
    return { viewType: PLOT_PANEL_VIEW_TYPE, title, drawn };
  }

  /** Restores plot panels after a window reload. */
  registerSerializer(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PLOT_PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        const remembered = this.memory.get<RememberedPanel[]>(MEMORY_KEY, []);
        const plan = planRestore(panel.title, state, remembered, computePlot);
        const record = remembered.some((r) => r.title === panel.title) ? 'found' : 'missing';
        this.log(`plot panel "${panel.title}" restored by VS Code: webview state ${state === undefined ? 'absent' : 'present'}, remembered request ${record}; drawing from the ${plan.source} (${plan.message.type})`);
        void this.attach(panel, plan.message, true).then((traces) => this.log(`plot panel "${panel.title}" drew ${traces} traces after the restore`));
      },
    });
  }

  private options(): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')] };
  }

  private async remember(entry: RememberedPanel): Promise<void> {
    const others = this.memory.get<RememberedPanel[]>(MEMORY_KEY, []).filter((r) => r.title !== entry.title);
    await this.memory.update(MEMORY_KEY, [...others, entry].slice(-MEMORY_SIZE));
  }

  /**
   * Wires a panel (new or restored) to its page: sends `message` once the page says it is
   * ready — always, even when the page already drew a state it saved (it skips a redraw of
   * the same plot) — and resolves with the trace count when the page reports its chart
   * (0 if the panel closes first, or when it shows a message instead of a chart).
   */
  private attach(panel: vscode.WebviewPanel, message: HostToPanelMessage, restoring = false): Promise<number> {
    panel.webview.options = this.options();
    return new Promise((resolve) => {
      const listener = panel.webview.onDidReceiveMessage((m: PanelToHostMessage | ChartImageMessage) => {
        if (isChartImageMessage(m)) {
          handleChartImage(m).catch((e: unknown) => void vscode.window.showErrorMessage(`Activation Lab: could not save the chart: ${e instanceof Error ? e.message : String(e)}`));
          return;
        }
        if (m?.type === 'ready' && restoring) this.log(`plot panel "${panel.title}": its page loaded ${m.restored ? 'with' : 'without'} a saved state`);
        if (m?.type === 'ready') void panel.webview.postMessage(message);
        if (m?.type === 'shown') resolve(m.traces);
        if (m?.type === 'ready' && message.type === 'lost') resolve(0);
      });
      panel.onDidDispose(() => {
        listener.dispose();
        resolve(0);
      });
      const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'panel.js'));
      panel.webview.html = panelHtml(panel.webview.cspSource, script.toString());
    });
  }
}
