/**
 * Webview panels that plot functions (VS Code side). Each Plot / Compare /
 * Plot-at-cursor command opens one beside the editor. The page loads only
 * bundled files from dist/ under a strict Content-Security-Policy (scripts
 * from the extension only, no inline scripts, no network); its script
 * (src/renderer/panel.ts) draws with the notebook renderer's figure code and
 * saves what it shows, so the serializer below restores it after a reload.
 */
import * as vscode from 'vscode';
import { panelHtml } from './panel-html';
import { PLOT_PANEL_VIEW_TYPE, type PanelToHostMessage, type ShowPlotMessage } from '../shared/panel-messages';

export { PLOT_PANEL_VIEW_TYPE };

/** What a plot command returns, so tests and other extensions can follow up. */
export interface PanelInfo {
  readonly viewType: string;
  readonly title: string;
  /** Resolves with the number of traces once the panel has drawn its chart. */
  readonly drawn: Promise<number>;
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
}

/**
 * Wires a panel (new or restored) to its page: sends `message` once the page says it is
 * ready (a restored page shows its saved state by itself: no message); resolves with the
 * trace count when the page reports its chart.
 */
function attach(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, message: ShowPlotMessage | undefined): Promise<number> {
  panel.webview.options = webviewOptions(extensionUri);
  return new Promise((resolve) => {
    const listener = panel.webview.onDidReceiveMessage((m: PanelToHostMessage) => {
      if (m?.type === 'ready' && message && !m.restored) void panel.webview.postMessage(message);
      if (m?.type === 'shown') resolve(m.traces);
    });
    panel.webview.html = panelHtml(panel.webview.cspSource, panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'panel.js')).toString());
    panel.onDidDispose(() => {
      listener.dispose();
      resolve(0);
    });
  });
}

export function openPlotPanel(extensionUri: vscode.Uri, message: Omit<ShowPlotMessage, 'type'>): PanelInfo {
  const panel = vscode.window.createWebviewPanel(
    PLOT_PANEL_VIEW_TYPE,
    `Plot: ${message.title}`,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
    webviewOptions(extensionUri),
  );
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
  const drawn = attach(panel, extensionUri, { type: 'show', ...message });
  return { viewType: PLOT_PANEL_VIEW_TYPE, title: panel.title, drawn };
}

/** Restores plot panels after a window reload from the state their page saved. */
export function registerPlotPanelSerializer(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(PLOT_PANEL_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
      // The page shows its saved state by itself; sending it covers a page that lost it.
      const saved = state as ShowPlotMessage | undefined;
      void attach(panel, extensionUri, saved?.type === 'show' ? saved : undefined);
    },
  });
}
