/**
 * Messages between the extension host and the plot panel's webview
 * (src/commands/plot-panel.ts <-> src/renderer/panel.ts), in src/shared because both sides read them. Plain JSON.
 */
import type { FunctionDisplay, PlotDisplay } from './output';

/** Host -> panel: draw this. Also what the panel saves as its state, to be restored after a reload. */
export interface ShowPlotMessage {
  readonly type: 'show';
  readonly title: string;
  readonly display: FunctionDisplay | PlotDisplay;
  /** Short lines of text above the chart: where the expression came from, parameters, ... */
  readonly notes?: readonly string[];
  /** A plot with parameter sliders: the activation's formulas in symbols, shown above the sliders. */
  readonly formulas?: FunctionDisplay;
}

/** Host -> panel: a restored panel whose plot is gone (shown as a message). */
export interface PlotLostMessage {
  readonly type: 'lost';
  readonly message: string;
}

export type HostToPanelMessage = ShowPlotMessage | PlotLostMessage;

/** Panel -> host: the page has loaded; `restored` when it is showing its saved state. */
export interface PanelReadyMessage {
  readonly type: 'ready';
  readonly restored: boolean;
}

/** Panel -> host: what it drew (the integration tests read this). */
export interface PlotShownMessage {
  readonly type: 'shown';
  readonly traces: number;
}

export type PanelToHostMessage = PanelReadyMessage | PlotShownMessage;

export const PLOT_PANEL_VIEW_TYPE = 'activationLab.plot';
