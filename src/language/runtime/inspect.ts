/**
 * What a session knows about one of its names, as plain JSON, for hovers and
 * completion on the VS Code side (which cannot hold Values: sessions run in a
 * worker thread).
 */
import { reduceAll } from '../../engine';
import type { DisplayValue, FunctionDisplay } from '../../shared/output';
import type { CallSite } from './call-site';
import { parameterTexts } from '../assignment-target';
import { toDisplay } from './display';
import { UserFunction } from './user-function';
import type { Value } from './values';

export interface NameInfo {
  readonly name: string;
  /** The value's kind: number, tensor, function, string, boolean, plot, table, ... */
  readonly kind: string;
  readonly dtype?: 'float32' | 'float64';
  readonly shape?: number[];
  readonly min?: number;
  readonly max?: number;
  /** Numbers, strings and booleans: the value as text. */
  readonly text?: string;
  /** User-defined functions: parameter names in order (defaults shown as `a=0.1`). */
  readonly parameters?: string[];
  /** Functions, when asked for in detail: formula, symbolic derivative and sampled curve. */
  readonly function?: FunctionDisplay;
  /** Networks, data sets, training runs, plots, tables, when asked for in detail: their display, for a hover to summarise. */
  readonly display?: DisplayValue;
}

/**
 * @param detailed also sample functions (a few hundred evaluations); the short form
 *   is cheap enough to list every name for completion.
 */
export function inspectValue(name: string, value: Value, site: CallSite, detailed: boolean): NameInfo {
  switch (value.kind) {
    case 'number':
      return { name, kind: 'number', text: String(value.value) };
    case 'string':
      return { name, kind: 'string', text: value.value };
    case 'boolean':
      return { name, kind: 'boolean', text: String(value.value) };
    case 'tensor': {
      const t = value.tensor;
      const finite = t.size > 0;
      return {
        name, kind: 'tensor', dtype: t.dtype, shape: [...t.shape],
        ...(finite ? { min: reduceAll(t, 'min'), max: reduceAll(t, 'max') } : {}),
      };
    }
    case 'function': {
      const fn = value.fn;
      const parameters = fn instanceof UserFunction ? parameterTexts(fn.params, fn.sourceText) : undefined;
      const display = detailed ? toDisplay(value, site) : undefined;
      return {
        name, kind: 'function',
        ...(parameters ? { parameters } : {}),
        ...(display && display.kind === 'function' ? { function: display } : {}),
      };
    }
    default: {
      // networks, data sets, training runs, plots, tables: a hover shows their text summary's first lines
      if (!detailed) return { name, kind: value.kind };
      return { name, kind: value.kind, display: toDisplay(value, site) };
    }
  }
}
