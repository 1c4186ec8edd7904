/**
 * The walkthrough's steps that complete when something happens in a notebook (package.json,
 * contributes.walkthroughs, `onContext:` completion events): a cell ran, a plot with a slider
 * was shown, a network was trained. Each context key is set once, the first time.
 */
import * as vscode from 'vscode';
import type { DisplayValue } from '../shared/output';

export const WALKTHROUGH_CONTEXT = {
  ranCell: 'activationLab.walkthrough.ranCell',
  hovered: 'activationLab.walkthrough.hovered',
  slider: 'activationLab.walkthrough.slider',
  trained: 'activationLab.walkthrough.trained',
} as const;

const done = new Set<string>();

export function markStep(key: string): void {
  if (done.has(key)) return;
  done.add(key);
  void vscode.commands.executeCommand('setContext', key, true);
}

/** Marks the steps a cell's result completes. */
export function noteResult(display: DisplayValue): void {
  markStep(WALKTHROUGH_CONTEXT.ranCell);
  const shown = display.kind === 'check' && display.shown ? display.shown : display;
  if (shown.kind === 'plot' && shown.live) markStep(WALKTHROUGH_CONTEXT.slider);
  if (shown.kind === 'training' || (shown.kind === 'error' && shown.kept)) markStep(WALKTHROUGH_CONTEXT.trained);
}
