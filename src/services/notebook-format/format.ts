/**
 * The `.actnb` notebook file format: versioned JSON that diffs well in git:
 * pretty-printed, except that each output item is written on one line. This module has NO `vscode` import; the extension's
 * NotebookSerializer and the command-line tool both use it.
 *
 * File layout (format 1). Keys are always written in the order listed here,
 * then any unknown keys sorted by UTF-16 code unit (plain `Array#sort`, no
 * locale), at every level, so that the same notebook always produces the
 * same bytes whatever order its producer built objects in:
 *
 *   {
 *     "activationNotebook": 1,     required; the format version, a whole number >= 1
 *     "metadata": { ... },         optional on read (default {}), always written
 *     "cells": [                   required; may be empty
 *       {
 *         "kind": "code",          required; "markdown" or "code"
 *         "source": "x = 1\ny",    required; ONE string, "\n" line breaks, kept verbatim
 *         "executionOrder": 3,     optional; code cells only; whole number >= 0
 *         "metadata": { ... },     optional
 *         "outputs": [             optional on read (default []); code cells only;
 *           {                        NOT written when empty
 *             "items": [           required; may be empty; ONE line per item:
 *               {"mime":"text/plain","data":"..."}
 *             ],                     mime: required, "type/subtype" (no parameters)
 *                                    data: required, any JSON; a string for text/* types
 *             "metadata": { ... }  optional
 *           }
 *         ]
 *       }
 *     ]
 *   }
 *
 * Decisions, so that nobody has to rediscover them:
 *
 * - One line per output item, written as `JSON.stringify` writes it (no
 *   spaces) but in the key order below. An item is a plot's samples or a
 *   picture: pretty-printed, that was one line per number, hundreds of
 *   kilobytes per Run All, and a re-run touched thousands of lines. Now a
 *   re-run changes the lines of its own cell and nothing else, while sources
 *   and metadata, which people read in a diff, stay pretty-printed. The
 *   reader takes any layout (JSON is JSON), so files written before this rule
 *   open unchanged and are rewritten in it at the next save.
 * - Empty file. A file that is empty or only whitespace (optionally after a
 *   UTF-8 byte-order mark) parses as `emptyNotebook()`: that is what VS Code
 *   hands the serializer for File > New and for a freshly created file. Any
 *   other problem (malformed JSON, wrong top-level type, missing, invalid or
 *   newer version, invalid cells) throws `NotebookFormatError`; the parser
 *   never falls back to an empty notebook, because saving it would destroy
 *   the user's file.
 * - Unknown fields are preserved. Unknown keys at top level, in cells, in
 *   outputs and in output items are kept in the model's `extra` object
 *   (present only when non-empty) and written back; `metadata` objects are
 *   free-form JSON and kept whole. A newer minor addition therefore survives
 *   a round trip through an older extension, as long as the version number
 *   is not raised.
 * - Free-form JSON (metadata, `data`, unknown fields) is written with its
 *   object keys sorted recursively; array order is kept. Consumers must not
 *   rely on object key order: use arrays when order matters.
 * - `source` must be a single string. An array of lines (Jupyter's style) is
 *   rejected rather than joined, because the joining rule would be ambiguous
 *   (Jupyter's lines carry their own "\n") and the file has one canonical
 *   form. Line endings inside `source` are not normalised.
 * - Markdown cells cannot have outputs or an execution order (VS Code has no
 *   place for them); a file that gives them some is rejected, not trimmed.
 * - Output data must already be JSON-safe. JSON has no NaN, Infinity or
 *   -Infinity: the language encodes non-finite numbers as strings before they
 *   reach an output item. `serializeNotebook` refuses NaN/Infinity, typed
 *   arrays, `undefined`, class instances and cycles (with a path to the
 *   offending value) instead of letting `JSON.stringify` silently turn them
 *   into `null` or `{}`. `-0` is written as `0`.
 * - Duplicate keys in a file: the last one wins (as in `JSON.parse`).
 * - Non-ASCII text is written as-is (UTF-8), not as \u escapes; control
 *   characters and lone surrogates are escaped.
 * - Cell, output and item numbers in error messages are 1-based; `line` and
 *   `column` on errors are 1-based and count UTF-16 code units. A file's
 *   syntax errors and its structure errors both carry them (a structure error
 *   points at the offending value, or at the object a field is missing from);
 *   errors from `serializeNotebook` have no text to point into.
 * - Plain JSON: comments and trailing commas are syntax errors, as for
 *   JSON.parse (jsonc-parser, which explains syntax errors, runs strictly).
 * - `serializeNotebook` validates with the same rules as `parseNotebook`, so
 *   anything it writes can be read back.
 */

export * from './notebook-model';
export { parseNotebook } from './notebook-reader';
export { serializeNotebook } from './notebook-writer';
export { withStaticImages } from './static-images';
export { savedForm } from './saved-form';
