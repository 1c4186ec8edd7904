/**
 * A cell of an exported HTML page (src/page/html-export.ts), as the CLI's `run --html` and the
 * editor's Export Notebook as HTML command hand it over: its source and the display it shows.
 */
import type { DisplayValue } from './output';

export type HtmlCell =
  | { readonly kind: 'markdown'; readonly source: string }
  /** `display` is undefined for a code cell that was not run (or this run did not reach). */
  | {
    readonly kind: 'code'; readonly source: string; readonly order?: number; readonly display?: DisplayValue;
    /** A lesson's exercise (services/lessons): shown as handed out, its (failing) checks' results left out. */
    readonly exercise?: boolean;
  };

/** Builds the page: the notebook's title (its file name) and its cells. */
export type PageBuilder = (title: string, cells: readonly HtmlCell[]) => string;
