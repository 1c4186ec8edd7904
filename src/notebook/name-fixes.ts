/**
 * Quick Fixes for an unknown name: "Change to 'relu'" for each name its message
 * suggests (the same nearest names, closest first; the closest is the preferred
 * fix). The cell is checked again here rather than trusting the diagnostic, so
 * that the fix answers the text as it is now, even within the typing pause.
 */
import * as vscode from 'vscode';
import { cellProblems } from '../services/cells/cell-problems';
import { cellTexts } from './cell-documents';
import { errorPlaceRange } from './diagnostics';
import { CELL_LANGUAGE } from './serializer';

export function registerNameFixes(): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { language: CELL_LANGUAGE },
    { provideCodeActions: (document, range, context) => nameFixes(document, range, context) },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}

function nameFixes(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
  if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
  try {
    return cellProblems(document.getText(), cellTexts(document)).flatMap((problem) => {
      if (problem.kind !== 'unknown-name') return [];
      const where = errorPlaceRange(document, problem);
      if (!where || !where.intersection(range)) return [];
      const diagnostic = context.diagnostics.find((d) => d.code === 'unknown-name' && d.range.isEqual(where));
      return problem.suggestions.map((name, i) => {
        const fix = new vscode.CodeAction(`Change to '${name}'`, vscode.CodeActionKind.QuickFix);
        fix.edit = new vscode.WorkspaceEdit();
        fix.edit.replace(document.uri, where, name);
        if (diagnostic) fix.diagnostics = [diagnostic];
        fix.isPreferred = i === 0;
        return fix;
      });
    });
  } catch (e) {
    console.error('Activation Lab: quick fixes failed', e);
    return [];
  }
}
