/**
 * Markdown pieces shared by the hovers: escaping text that came from user code
 * or from the registry, code spans that survive backticks, images with a
 * text fallback, and colours per VS Code theme kind.
 */
import { svgDataUri } from './formula-image';

export type HoverTheme = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export interface HoverPalette {
  /** Formula glyphs. */
  readonly text: string;
  /** Plot axes, ticks, labels. */
  readonly axis: string;
  /** f first, then other series; f' shares f's colour, dashed. */
  readonly series: readonly string[];
}

/** Hover backgrounds: near-white, near-black, black, white. High contrast gets pure colours and saturated lines. */
export const HOVER_PALETTES: Readonly<Record<HoverTheme, HoverPalette>> = {
  light: { text: '#1f1f1f', axis: '#6e6e6e', series: ['#1f6fc5', '#c75a1a'] },
  dark: { text: '#d4d4d4', axis: '#9d9d9d', series: ['#4fa3f7', '#f0883e'] },
  'high-contrast': { text: '#ffffff', axis: '#ffffff', series: ['#6fc3ff', '#ffb347'] },
  'high-contrast-light': { text: '#000000', axis: '#000000', series: ['#0050a0', '#a04000'] },
};

/**
 * Text shown literally: characters markdown would interpret anywhere (emphasis,
 * code, links, HTML, tables), and at the start a heading, list or quote marker.
 * Newlines become spaces, so text stays in its paragraph or table cell.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]<>|~&!]/g, '\\$&')
    .replace(/^(\s*)([#+\-=>]|\d+[.)])/, (_, space: string, marker: string) => `${space}${marker.replace(/[#+\-=>.)]/, '\\$&')}`);
}

/** A code span that holds any text: the fence is one backtick longer than the longest run inside. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** An SVG as a markdown image; the alt text is what shows where images do not (screen readers, plain-text hovers). */
export function svgImage(svg: string, alt: string): string {
  return `![${escapeMarkdown(alt)}](${svgDataUri(svg)})`;
}

/** A markdown table; every cell is already markdown (escaped by the caller). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/(?<!\\)\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A number as short as it reads well: 0.333333 not 0.3333333333333333. */
export function shortNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}
