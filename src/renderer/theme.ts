/**
 * Colours of the renderer, from VS Code's theme CSS variables. Pure: the DOM
 * part (reading the variables) is a function passed in, so this runs in unit
 * tests without a document.
 */

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export interface Theme {
  readonly kind: ThemeKind;
  readonly foreground: string;
  readonly background: string;
  readonly border: string;
  /** Line colours, cycled through; a function and its derivative share one. */
  readonly palette: readonly string[];
}

/** The VS Code chart colours, in the order series take them. */
export const PALETTE_VARIABLES = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-red',
  '--vscode-charts-purple',
  '--vscode-charts-yellow',
] as const;

/** Used when a variable is missing (VS Code's dark+ / light+ values). */
const FALLBACK: Record<'light' | 'dark', Omit<Theme, 'kind'>> = {
  dark: {
    foreground: '#cccccc',
    background: '#1f1f1f',
    border: '#454545',
    palette: ['#3794ff', '#d18616', '#89d185', '#f14c4c', '#b180d7', '#cca700'],
  },
  light: {
    foreground: '#3b3b3b',
    background: '#ffffff',
    border: '#c8c8c8',
    palette: ['#1a85ff', '#d18616', '#388a34', '#e51400', '#652d90', '#bf8803'],
  },
};

/** The theme kind from the classes VS Code puts on the webview's <body>. */
export function themeKind(bodyClasses: readonly string[]): ThemeKind {
  if (bodyClasses.includes('vscode-high-contrast-light')) return 'high-contrast-light';
  if (bodyClasses.includes('vscode-high-contrast')) return 'high-contrast';
  if (bodyClasses.includes('vscode-light')) return 'light';
  return 'dark';
}

/**
 * @param cssVariable the value of a CSS custom property ('' when unset), e.g.
 *   `name => getComputedStyle(document.body).getPropertyValue(name)`
 */
export function readTheme(cssVariable: (name: string) => string, bodyClasses: readonly string[]): Theme {
  const kind = themeKind(bodyClasses);
  const fallback = FALLBACK[kind === 'light' || kind === 'high-contrast-light' ? 'light' : 'dark'];
  const read = (name: string, otherwise: string): string => cssVariable(name).trim() || otherwise;
  return {
    kind,
    foreground: read('--vscode-editor-foreground', fallback.foreground),
    background: read('--vscode-editor-background', fallback.background),
    border: read('--vscode-editorWidget-border', fallback.border),
    palette: PALETTE_VARIABLES.map((name, i) => opaque(read(name, fallback.palette[i]))),
  };
}

/**
 * Some themes define chart colours as translucent fills (Default Light/Dark Modern's
 * charts-orange is rgba(234, 92, 0, 0.33)); as line colours they would wash out,
 * so lines always draw them fully opaque.
 */
export function opaque(colour: string): string {
  const rgba = /^rgba\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*[\d.]+\s*\)$/i.exec(colour);
  if (rgba) return `rgb(${rgba[1]}, ${rgba[2]}, ${rgba[3]})`;
  const hex = /^#([0-9a-f]{6})[0-9a-f]{2}$/i.exec(colour) ?? /^#([0-9a-f]{3})[0-9a-f]$/i.exec(colour);
  if (hex) return `#${hex[1]}`;
  return colour;
}

/** Whether two themes draw the same (to skip needless re-theming). */
export function sameTheme(a: Theme, b: Theme): boolean {
  return a.kind === b.kind && a.foreground === b.foreground && a.background === b.background &&
    a.border === b.border && a.palette.join() === b.palette.join();
}
