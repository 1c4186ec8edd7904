/**
 * What the hovers, completion and Plot-at-cursor need to know of a cell's notebook:
 * which notebook it is in, and the texts of its code cells. The VS Code side implements
 * it (src/notebook/cell-documents.ts) and src/extension.ts passes it in, so the feature
 * folders never import each other. Generic over the editor's types: nothing here
 * knows VS Code.
 */
export interface CellReader<Document, Notebook> {
  /** The notebook a cell's text document belongs to. */
  notebookOf(document: Document): Notebook | undefined;
  /** The texts of the notebook's code cells, in order (or of the document alone, outside a notebook). */
  cellTexts(document: Document): string[];
}
