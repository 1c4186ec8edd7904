/**
 * Advice for characters the language does not use but students type anyway —
 * usually pasted from a paper, a slide or another language.
 */
const hints: Readonly<Record<string, string>> = {
  '\u2212': "use '-' (this is the typographic minus sign)",
  '\u2013': "use '-' (this is a dash)",
  '\u00d7': "use '*' to multiply",
  '\u00b7': "use '*' to multiply",
  '\u22c5': "use '*' to multiply",
  '\u00f7': "use '/' to divide",
  '\u2018': "use a straight ' for a derivative (f')",
  '\u2019': "use a straight ' for a derivative (f')",
  '\u2032': "use a straight ' for a derivative (f')",
  '\u201c': 'use straight double quotes for strings: "tanh"',
  '\u201d': 'use straight double quotes for strings: "tanh"',
  '\u2264': "use '<='",
  '\u2265': "use '>='",
  '\u2260': "use '!='",
  '!': "'not equal' is written '!='",
  '&': 'there are no logical operators; multiply comparisons for "and": (x > 0) * (x < 1)',
  '|': 'there are no logical operators; for "or" use (a + b) > 0; for an absolute value use abs(x)',
  '{': 'use [ ] for tensors and ( ) for grouping',
  '}': 'use [ ] for tensors and ( ) for grouping',
  ':': 'ranges are written linspace(a, b, n) or arange(a, b, step)',
  '$': 'names are written without a sigil',
  '`': 'strings use double quotes: "tanh"',
  '\\': 'a backslash only appears inside strings, as in "a\\nb"',
};

/**
 * "'×' (U+00D7); use '*' to multiply" — the character quoted, its code point
 * when it is not plain ASCII (so invisible or look-alike characters can be
 * identified), and a hint if one is known.
 */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const printable = code > 0x20 && code !== 0x7f;
  const codeName = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  let text = printable ? `'${char}'` : codeName;
  if (printable && code > 0x7e) text += ` (${codeName})`;
  const hint = hints[char];
  return hint === undefined ? text : `${text}; ${hint}`;
}
