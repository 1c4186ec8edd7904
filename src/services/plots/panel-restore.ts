/**
 * What a plot panel shows after a window reload, decided without VS Code.
 *
 * VS Code hands a restored panel two things that may or may not have survived
 * the reload: the state its page saved (`vscode.setState`), and the panel's
 * title. VS Code for the web often loses the first — the page unloads before
 * the state reaches storage — so it cannot be what the restore depends on.
 * The extension also remembers each panel's request in workspace state, under
 * its title; that record is written when the panel opens, long before any
 * reload. So the order is: the remembered request, computed again (the same
 * result whatever the page managed to save); else the saved state; else a
 * plain message. A request that no longer computes (a notebook's definition
 * changed, an activation was renamed) says why instead of showing a blank panel.
 */
import type { HostToPanelMessage, ShowPlotMessage } from '../../shared/panel-messages';
import type { PlotRequest, PlotResult } from './plot-request';

export interface RememberedPanel {
  readonly title: string;
  readonly request: PlotRequest;
  readonly notes?: string[];
}

/** What the restore drew from, for the log (and the tests). */
export type RestoreSource = 'remembered request' | 'saved state' | 'nothing';

export interface RestorePlan {
  readonly message: HostToPanelMessage;
  readonly source: RestoreSource;
}

const PLOT_AGAIN = 'Plot it again with "Activation Lab: Plot Activation Function…".';

/** `saved` is whatever VS Code passed as the webview's state (anything, or undefined). */
export function planRestore(
  title: string,
  saved: unknown,
  remembered: readonly RememberedPanel[],
  compute: (request: PlotRequest) => PlotResult,
): RestorePlan {
  const record = remembered.find((r) => r.title === title);
  if (record) {
    const result = compute(record.request);
    if (result.ok) {
      const notes = record.notes ? { notes: record.notes } : {};
      const formulas = result.formulas ? { formulas: result.formulas } : {};
      return { source: 'remembered request', message: { type: 'show', title: result.title, display: result.display, ...notes, ...formulas } };
    }
    return { source: 'remembered request', message: { type: 'lost', message: `This plot could not be computed again: ${result.message} ${PLOT_AGAIN}` } };
  }
  if (isShowMessage(saved)) return { source: 'saved state', message: saved };
  return { source: 'nothing', message: { type: 'lost', message: `This plot was not saved before the window reloaded. ${PLOT_AGAIN}` } };
}

function isShowMessage(state: unknown): state is ShowPlotMessage {
  const s = state as Partial<ShowPlotMessage> | undefined;
  return s?.type === 'show' && typeof s.title === 'string' && typeof s.display === 'object' && s.display !== null;
}
