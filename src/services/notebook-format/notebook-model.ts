/**
 * The in-memory model of an `.actnb` notebook and the format's error type.
 * See format.ts for the file layout and the rules both directions follow.
 */
export const FORMAT_VERSION = 1;

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export type CellKind = 'markdown' | 'code';

export interface Notebook {
  metadata: JsonObject;
  cells: NotebookCell[];
  /** Unknown top-level fields, kept for the round trip. Absent when there are none. */
  extra?: JsonObject;
}

export interface NotebookCell {
  kind: CellKind;
  /** The whole cell text, lines separated by "\n". */
  source: string;
  executionOrder?: number;
  metadata?: JsonObject;
  /** Always present in the model; `[]` for markdown cells and cells never run. */
  outputs: CellOutput[];
  extra?: JsonObject;
}

export interface CellOutput {
  items: OutputItem[];
  metadata?: JsonObject;
  extra?: JsonObject;
}

export interface OutputItem {
  mime: string;
  /** JSON-able data: a string for text/* types, typically an object for JSON types. */
  data: JsonValue;
  extra?: JsonObject;
}

/** The fixed order of known keys at each level of the file. */
export const KEY_ORDER = {
  notebook: ['activationNotebook', 'metadata', 'cells'],
  cell: ['kind', 'source', 'executionOrder', 'metadata', 'outputs'],
  output: ['items', 'metadata'],
  item: ['mime', 'data'],
} as const;

/** Where something is in a notebook file's text. */
export interface SourcePosition {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** 0-based offset into the text (after a byte-order mark). */
  offset: number;
}

/** Keys and array indices from the top of the file down to a value: `['cells', 2, 'source']`. */
export type JsonPath = readonly (string | number)[];

export class NotebookFormatError extends Error {
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
  /**
   * @param path the offending value's place in the file, for a structure
   *   error; the reader turns it into a line and column when it has the text.
   */
  constructor(message: string, position?: SourcePosition, readonly path?: JsonPath) {
    super(message);
    this.name = 'NotebookFormatError';
    if (position) {
      this.line = position.line;
      this.column = position.column;
      this.offset = position.offset;
    }
  }
}

export function emptyNotebook(): Notebook {
  return { metadata: {}, cells: [] };
}
