/** The cell "New Notebook" starts with (new-notebook.ts): a short example, commented. No vscode here, so tests can run it. */
export const NEW_NOTEBOOK_CELL = [
  '# An Activation Lab notebook: run this cell with Ctrl+Enter (or the ▷ beside it),',
  '# hover a name for its formula, or replace it all with your own.',
  '# "Activation Lab: Open Lesson…" in the Command Palette has lessons with exercises.',
  'x = linspace(-3, 3, 7)',
  'table(x, relu(x), gelu(x))',
].join('\n');
