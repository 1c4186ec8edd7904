/**
 * VS Code's user settings file for `npm start`'s profile. The student may change settings
 * (a theme, a font size) and they persist; at each start only the settings that keep VS Code
 * offline and private are set again, in place, with the student's comments and other settings
 * kept (jsonc-parser edits the text rather than rewriting it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, modify, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * `text` (a settings.json, or undefined when there is none) with every key of `enforced` set
 * to its value. Throws, naming line and column, when `text` is not valid JSON with comments:
 * such a file is never overwritten.
 */
export function withSettings(text: string | undefined, enforced: Readonly<Record<string, unknown>>, file = 'settings.json'): string {
  let out = text && text.trim() ? text : '{}\n';
  const errors: ParseError[] = [];
  const current: unknown = parse(out, errors, { allowTrailingComma: true });
  if (errors.length || !current || typeof current !== 'object' || Array.isArray(current)) {
    const e = errors[0];
    const where = e ? (() => {
      const before = out.slice(0, e.offset).split('\n');
      return ` at line ${before.length}, column ${before[before.length - 1]!.length + 1}: ${printParseErrorCode(e.error)}`;
    })() : ': not an object';
    throw new Error(`${file} cannot be read${where}; fix or delete it (left as it is)`);
  }
  for (const [key, value] of Object.entries(enforced)) {
    if (JSON.stringify((current as Record<string, unknown>)[key]) === JSON.stringify(value)) continue;
    out = applyEdits(out, modify(out, [key], value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } }));
  }
  return out.endsWith('\n') ? out : out + '\n';
}

/** Updates the settings file at `file` (creating it) as withSettings() says. */
export function enforceSettings(file: string, enforced: Readonly<Record<string, unknown>>): void {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  const next = withSettings(text, enforced, file);
  if (next === text) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, next);
}
