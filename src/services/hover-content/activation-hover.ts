/**
 * Hover markdown for an activation, a user-defined function and a variable.
 * Everything about an activation is read from its catalogue entry; nothing
 * here knows a particular activation. Formulas and the plot are SVG images in
 * `data:` URIs (hovers run no scripts). The picture comes first, right under
 * the heading, so a hover of VS Code's default size shows it without
 * scrolling; then the formulas, each shown once: the typeset image, its text
 * the image's alt text (the text alone where it could not be typeset).
 */
import { FRAMEWORK_LABELS, findActivation, propertyWords, resolveParameters, type ActivationDefinition, type ParameterValues } from '../../engine';
import { activationCall, Session } from '../../language';
import { displayText } from '../../shared/display-text';
import type { DisplayValue, SampledCurve } from '../../shared/output';
import { plotToSvg } from '../../shared/svg-plot';
import { MAX_TYPESET_LATEX } from './display-formulas';
import { hasMathError, latexToSvg } from './formula-image';
import { codeSpan, escapeMarkdown, HOVER_PALETTES, markdownTable, shortNumber, svgImage, type HoverPalette, type HoverTheme } from './hover-markdown';

export type { HoverTheme } from './hover-markdown';

export interface HoverOptions {
  readonly theme: HoverTheme;
}

export interface ActivationHoverEntry {
  /** A catalogue name, alias or preset (`gelu_tanh`). */
  readonly name: string;
  /** Values by canonical name or alias; missing ones take the defaults. */
  readonly parameters?: Readonly<Record<string, number | string>>;
  /** How the code spells it, shown in the heading: `leaky_relu(alpha=0.2)`, `nn.LeakyReLU`. */
  readonly label?: string;
  /** Canonical names whose values came from the code (marked in the table). */
  readonly written?: readonly string[];
  /** Where it was found, e.g. the framework (`pytorch`). */
  readonly source?: string;
}

export interface UserFunctionHover {
  readonly label: string;
  readonly formula: string;
  readonly derivative: string;
  /** The two as LaTeX equations (FunctionDisplay.latex), to typeset; the text is shown without it. */
  readonly latex?: { readonly formula: string; readonly derivative?: string };
  readonly curve: SampledCurve;
  readonly kinks: readonly number[];
}

export interface VariableHover {
  readonly name: string;
  readonly kind: string;
  readonly dtype?: string;
  readonly shape?: readonly number[];
  readonly min?: number;
  readonly max?: number;
  readonly value?: string;
  /** A network, data set, training run, plot or table: the first lines of its text are shown. */
  readonly display?: DisplayValue;
}

/** How much of a network's or training run's text summary a hover shows. */
const SUMMARY_LINES = 8;

/** Under the heading (about 40 px), the picture fits the 250 px a hover shows before it scrolls. */
const PLOT_SIZE = { width: 360, height: 190 };

/** Markdown for a builtin activation; an unknown name gives a one-line note. */
export function activationHoverMarkdown(entry: ActivationHoverEntry, options: HoverOptions): string {
  const found = findActivation(entry.name);
  if (!found) return `**${escapeMarkdown(entry.name)}**: not an activation of the catalogue`;
  const { definition } = found;
  const palette = HOVER_PALETTES[options.theme];
  const notes: string[] = [];
  const parameters = resolvedOrDefaults(definition, { ...found.fixed, ...entry.parameters }, notes);
  const written = new Set(entry.written ?? []);
  const expression = activationCall(definition.name, parameters);

  const heading = [`### ${escapeMarkdown(definition.name)}`];
  if (entry.label && entry.label !== definition.name) heading.push(codeSpan(entry.label));
  if (entry.source) heading.push(`(${escapeMarkdown(entry.source)})`);
  const sections = [
    heading.join(' '),
    plotImage(expression, palette) ?? '*(no plot)*',
    `${formulaImage('f(x)', definition.formula, palette)}  \n${formulaImage("f'(x)", definition.derivativeFormula, palette)}`,
    `${escapeMarkdown(definition.summary)}  \n*${escapeMarkdown(definition.family)}*`,
    escapeMarkdown(definition.explanation),
  ];
  if (definition.parameters.length > 0) sections.push(parameterTable(definition, parameters, written));
  sections.push(...notes.map((n) => `*${escapeMarkdown(n)}*`));
  sections.push(`**Range:** ${codeSpan(definition.range.text)}`);
  sections.push(`**Properties:** ${propertyWords(definition.properties).join(' · ')}`);
  if (definition.problems.length > 0) sections.push(`**Known problems:**\n\n${definition.problems.map((p) => `- ${escapeMarkdown(p)}`).join('\n')}`);
  if (definition.usedIn.length > 0) sections.push(`**Used in:** ${definition.usedIn.map(escapeMarkdown).join('; ')}`);
  sections.push(frameworkLines(definition));
  return sections.join('\n\n');
}

/** Markdown for a function the user defined: its formula, symbolic derivative and curve. */
export function userFunctionHoverMarkdown(fn: UserFunctionHover, options: HoverOptions): string {
  const palette = HOVER_PALETTES[options.theme];
  const svg = plotToSvg(
    { kind: 'function', name: fn.label, formula: fn.formula, derivative: fn.derivative, kinks: [...fn.kinks], curve: fn.curve },
    hoverPlotOptions(palette),
  );
  const formula = (text: string, latex: string | undefined) => (latex === undefined ? codeSpan(text) : typesetOrText(text, latex, palette));
  return [
    `### ${escapeMarkdown(fn.label)} *(user-defined function)*`,
    svgImage(svg, `plot of ${fn.label} and its derivative`),
    `${formula(`${fn.label}(x) = ${fn.formula}`, fn.latex?.formula)}  \n${formula(`${fn.label}'(x) = ${fn.derivative}`, fn.latex?.derivative)}`,
    fn.kinks.length > 0 ? `Kinks at x = ${fn.kinks.map(shortNumber).join(', ')}` : '',
  ].filter((s) => s !== '').join('\n\n');
}

/** Markdown for a variable: its kind, dtype, shape and range of values. */
export function variableHoverMarkdown(v: VariableHover, _options: HoverOptions): string {
  const facts: string[] = [`*${escapeMarkdown(v.kind)}*`];
  if (v.dtype) facts.push(codeSpan(v.dtype));
  if (v.shape) facts.push(`shape ${codeSpan(`[${v.shape.join(', ')}]`)}`);
  if (v.min !== undefined && v.max !== undefined) facts.push(`min ${codeSpan(shortNumber(v.min))}, max ${codeSpan(shortNumber(v.max))}`);
  const lines = [`### ${escapeMarkdown(v.name)}`, facts.join(' · ')];
  const value = v.value ?? (v.display && summaryText(v.display));
  if (value !== undefined) lines.push(`\`\`\`\`\`\`text\n${value.replace(/`{6,}/g, '')}\n\`\`\`\`\`\``);
  return lines.join('\n\n');
}

function summaryText(display: DisplayValue): string {
  const lines = displayText(display).split('\n');
  return lines.slice(0, SUMMARY_LINES).join('\n') + (lines.length > SUMMARY_LINES ? '\n…' : '');
}

/** The given values if the registry accepts them, else the defaults (required ones 0) with a note why. */
function resolvedOrDefaults(definition: ActivationDefinition, given: Readonly<Record<string, number | string>>, notes: string[]): ParameterValues {
  try {
    return resolveParameters(definition, given);
  } catch (e) {
    notes.push(`${e instanceof Error ? e.message : String(e)}; shown with the defaults`);
    const fallback = Object.fromEntries(definition.parameters.map((p) => [p.name, p.default ?? 0]));
    return resolveParameters(definition, {}, fallback);
  }
}

/** A catalogue formula, `f(x) = ...`, typeset. */
function formulaImage(lhs: string, formula: { readonly text: string; readonly latex: string }, palette: HoverPalette): string {
  return typesetOrText(`${lhs} = ${formula.text}`, `${lhs.replace("'", '^{\\prime}')} = ${formula.latex}`, palette);
}

/** The image with `text` as its alt text; the text as code where MathJax could not typeset the LaTeX. */
function typesetOrText(text: string, latex: string, palette: HoverPalette): string {
  if (latex.length > MAX_TYPESET_LATEX) return codeSpan(text);
  const svg = latexToSvg(latex, { color: palette.text });
  return hasMathError(svg) ? codeSpan(text) : svgImage(svg, text);
}

/** f and f' sampled by the language itself, so the hover shows exactly what a cell would plot. */
function plotImage(expression: string, palette: HoverPalette): string | undefined {
  const { display } = new Session().run(expression);
  if (display.kind !== 'function' || !display.curve) return undefined;
  return svgImage(plotToSvg(display, hoverPlotOptions(palette)), `plot of ${expression} and its derivative`);
}

function hoverPlotOptions(palette: HoverPalette): Parameters<typeof plotToSvg>[1] {
  return { ...PLOT_SIZE, axisColor: palette.axis, colors: palette.series, showTitle: false, decimals: 1 };
}

function parameterTable(definition: ActivationDefinition, values: ParameterValues, written: ReadonlySet<string>): string {
  const show = (v: number | string | undefined): string => (v === undefined ? '(required)' : codeSpan(typeof v === 'number' ? shortNumber(v) : JSON.stringify(v)));
  const rows = definition.parameters.map((p) => [
    codeSpan(p.name) + (p.aliases.length > 0 ? ` (${p.aliases.map(codeSpan).join(', ')})` : ''),
    show(values[p.name]) + (written.has(p.name) ? ' ✎ *from the code*' : ''),
    show(p.default),
    escapeMarkdown(p.description),
  ]);
  return markdownTable(['parameter', 'value', 'default', 'meaning'], rows);
}

function frameworkLines(definition: ActivationDefinition): string {
  const lines = FRAMEWORK_LABELS.map(([key, label]) => {
    const names = definition.frameworks[key];
    return `${label}: ${names.length > 0 ? names.map(codeSpan).join(', ') : '—'}`;
  });
  return `**In frameworks:**  \n${lines.join('  \n')}`;
}
