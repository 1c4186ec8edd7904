/**
 * Completion and signature help in `activation` cells (VS Code side).
 *
 * Names come from three places: builtins (builtin-docs.ts, read from the
 * registry), definitions written in the notebook's cells (user-definitions.ts,
 * available before anything ran) and the notebook's live session (variables
 * with their shapes, when the kernel has run and answers within 300 ms).
 */
import * as vscode from 'vscode';
import type { NameInfo } from '../language';
import type { CellReader } from '../services/cells/cell-reader';
import { builtinEntries, builtinSignature, userSignature, type CompletionEntry, type EntryKind, type Signature } from '../services/cells/builtin-docs';
import { callContextAt } from '../services/cells/call-context';
import { latestDefinitions, type UserDefinition } from '../services/cells/user-definitions';

export const LANGUAGE_ID = 'activation';

/** Asks a notebook's kernel what it holds (the controller's `inspect`). */
export type SessionInspector = (nb: vscode.NotebookDocument, names: readonly string[] | undefined, detailed: boolean) => Promise<NameInfo[]>;

const ITEM_KINDS: Readonly<Record<EntryKind, vscode.CompletionItemKind>> = {
  activation: vscode.CompletionItemKind.Function,
  math: vscode.CompletionItemKind.Function,
  procedure: vscode.CompletionItemKind.Method,
  constant: vscode.CompletionItemKind.Constant,
  variable: vscode.CompletionItemKind.Variable,
  'user-function': vscode.CompletionItemKind.Function,
};

function describeInfo(info: NameInfo): string {
  if (info.kind === 'tensor') return `${info.dtype} tensor [${info.shape?.join(', ')}]`;
  if (info.kind === 'function') return info.parameters ? `${info.name}(${info.parameters.join(', ')})` : 'function';
  return info.text !== undefined ? `${info.kind} = ${info.text.length > 40 ? `${info.text.slice(0, 40)}…` : info.text}` : info.kind;
}

function userEntries(definitions: Map<string, UserDefinition>, live: readonly NameInfo[]): CompletionEntry[] {
  const entries = new Map<string, CompletionEntry>();
  for (const d of definitions.values()) {
    entries.set(d.name, {
      name: d.name, kind: d.kind === 'function' ? 'user-function' : 'variable',
      detail: d.kind === 'function' ? `${d.name}(${d.parameters?.join(', ')})` : 'variable (not run yet)',
      documentation: `defined in this notebook:\n\n\`\`\`activation\n${d.statement}\n\`\`\``,
    });
  }
  // What the session holds wins: it is what the name means right now.
  for (const info of live) {
    const written = definitions.get(info.name);
    entries.set(info.name, {
      name: info.name, kind: info.kind === 'function' ? 'user-function' : 'variable', detail: describeInfo(info),
      documentation: written ? `defined in this notebook:\n\n\`\`\`activation\n${written.statement}\n\`\`\`` : 'defined in this notebook',
    });
  }
  return [...entries.values()];
}

function toItem(entry: CompletionEntry, sortPrefix: string): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: entry.name, description: entry.detail }, ITEM_KINDS[entry.kind]);
  item.detail = entry.detail;
  item.documentation = new vscode.MarkdownString(entry.documentation);
  item.sortText = `${sortPrefix}${entry.name}`;
  return item;
}

/** The signature of whatever `callee` names: a user function (live or written) or a builtin. */
type NotebookCells = CellReader<vscode.TextDocument, vscode.NotebookDocument>;

async function signatureOf(document: vscode.TextDocument, callee: string, inspect: SessionInspector, cells: NotebookCells): Promise<Signature | undefined> {
  const name = callee.replace(/'+$/, '');
  const nb = cells.notebookOf(document);
  const [live] = nb ? await inspect(nb, [name], false) : [];
  if (live?.kind === 'function' && live.parameters) return userSignature(name, live.parameters);
  const written = latestDefinitions(cells.cellTexts(document)).get(name);
  if (written?.kind === 'function' && written.parameters) {
    return userSignature(name, written.parameters, written.statement.replace(/^[^=]*=(?!=)\s*/, ''));
  }
  return builtinSignature(name);
}

export function registerCompletion(inspect: SessionInspector, cells: NotebookCells): vscode.Disposable {
  const selector: vscode.DocumentSelector = [{ language: LANGUAGE_ID }];
  const completion = vscode.languages.registerCompletionItemProvider(selector, {
    async provideCompletionItems(document, position) {
      const before = document.getText(new vscode.Range(new vscode.Position(0, 0), position));
      const nb = cells.notebookOf(document);
      const live = nb ? await inspect(nb, undefined, false) : [];
      const items = [
        ...userEntries(latestDefinitions(cells.cellTexts(document)), live).map((e) => toItem(e, '1')),
        ...builtinEntries().map((e) => toItem(e, '2')),
      ];
      // Inside a call: its named parameters first, as `alpha=`.
      const call = callContextAt(before);
      if (call && !call.activeName) {
        const signature = await signatureOf(document, call.callee, inspect, cells);
        for (const p of signature?.parameters ?? []) {
          if (!p.name || call.namedSoFar.includes(p.name)) continue;
          const item = new vscode.CompletionItem({ label: `${p.name}=`, description: p.label }, vscode.CompletionItemKind.Property);
          item.insertText = `${p.name}=`;
          item.documentation = p.documentation ? new vscode.MarkdownString(p.documentation) : undefined;
          item.sortText = `0${p.name}`;
          items.push(item);
        }
      }
      return items;
    },
  });
  const signatures = vscode.languages.registerSignatureHelpProvider(selector, {
    async provideSignatureHelp(document, position) {
      const before = document.getText(new vscode.Range(new vscode.Position(0, 0), position));
      const call = callContextAt(before);
      if (!call) return undefined;
      const signature = await signatureOf(document, call.callee, inspect, cells);
      if (!signature) return undefined;
      const info = new vscode.SignatureInformation(signature.label, new vscode.MarkdownString(signature.documentation));
      info.parameters = signature.parameters.map((p) => new vscode.ParameterInformation(p.label, p.documentation));
      const help = new vscode.SignatureHelp();
      help.signatures = [info];
      help.activeSignature = 0;
      const named = call.activeName ? signature.parameters.findIndex((p) => p.name === call.activeName) : -1;
      help.activeParameter = named >= 0 ? named : Math.min(call.argumentIndex, Math.max(0, signature.parameters.length - 1));
      return help;
    },
  }, { triggerCharacters: ['(', ','], retriggerCharacters: [','] });
  return vscode.Disposable.from(completion, signatures);
}
