import * as vscode from 'vscode';

/**
 * Entry point of the Activation Lab extension.
 *
 * This file and src/cli.ts are the only wiring points of the architecture:
 * they connect the engine, language and renderer modules to their hosts.
 * The notebook serializer and controller for *.actnb, the hover provider and
 * the commands are registered here in later issues; for now activation does
 * nothing.
 */
export function activate(context: vscode.ExtensionContext): void {
  void context;
}

/** Called when the extension is deactivated; nothing to release yet. */
export function deactivate(): void {}
