/**
 * LaTeX to a standalone SVG image, for hovers: VS Code hovers run no scripts,
 * so a formula can only be shown as a picture (a `data:` URI in markdown).
 *
 * MathJax (mathjax-renderer.ts) draws glyphs as paths, so the SVG needs no
 * fonts and references nothing outside itself. It is loaded with `require()`
 * on the first call, not imported: it is about 2 MB of code that takes a
 * quarter of a second to load, and most sessions never hover a formula.
 */
import xmlEscape from 'xml-escape';
import type { LatexRenderer } from './mathjax-renderer';

export interface LatexImageOptions {
  /** Colour of the glyphs, any CSS colour (`#1f1f1f`, `rgb(...)`). */
  readonly color: string;
  /** Size relative to the default (about 1.2 times a 14 px editor font). */
  readonly scale?: number;
}

/** Font size in px that 1 em of the formula is drawn at, before `scale`. */
const FONT_PX = 17;
/** MathJax sizes its SVG in ex; the TeX fonts' x-height is 0.442 em. */
const EX_PER_EM = 0.442;

let render: LatexRenderer | undefined;

/**
 * Finished images by colour, scale and LaTeX. A conversion takes 5-20 ms and
 * hovers ask for the same few formulas again and again; the catalogue in four
 * themes is a few hundred entries, and the bound keeps arbitrary input in check.
 */
const cache = new Map<string, string>();
const CACHE_LIMIT = 1000;

export function latexToSvg(latex: string, options: LatexImageOptions): string {
  const key = `${options.color}\u0000${options.scale ?? 1}\u0000${latex}`;
  let svg = cache.get(key);
  if (svg === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    svg = convert(latex, options);
    cache.set(key, svg);
  }
  return svg;
}

function convert(latex: string, options: LatexImageOptions): string {
  render ??= createRenderer();
  const svg = render(latex);
  const exPx = FONT_PX * EX_PER_EM * (options.scale ?? 1);
  const color = xmlEscape(options.color);
  return (
    svg
      // ex lengths become px: an <img> would otherwise size them from the page's font, or not at all
      .replace(/ (width|height)="(-?[\d.]+)ex"/g, (_, name: string, value: string) => ` ${name}="${round(Number(value) * exPx)}px"`)
      // the vertical-align only makes sense inline in HTML; as an image it is noise
      .replace(/ style="vertical-align: [^"]*"/, '')
      .replace(/currentColor/g, color)
      // the glyphs are <use xlink:href>; a standalone file must declare the prefix itself
      .replace('<svg ', `<svg ${svg.includes('xmlns:xlink') ? '' : 'xmlns:xlink="http://www.w3.org/1999/xlink" '}color="${color}" `)
  );
}

/** A `data:` URI for an SVG string; base64 so markdown sees no parentheses or spaces in it. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** True when MathJax marked part of the output as an error (an unknown macro, bad syntax). */
export function hasMathError(svg: string): boolean {
  return /data-mjx-error|data-mml-node="merror"/.test(svg);
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/**
 * From source (tests, tsx) this is the module next to this file; in a bundle
 * the path stays as written (esbuild.js marks it external) and Node finds
 * dist/mathjax-renderer.js next to the bundle.
 */
function createRenderer(): LatexRenderer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see the header
  const renderer = require('./mathjax-renderer.js') as typeof import('./mathjax-renderer');
  return renderer.createRenderer();
}
