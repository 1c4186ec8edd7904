/**
 * A value as the JSON its cell displays (src/shared/output.ts, the output
 * contract). How that JSON is shown — as text, SVG or a chart — is not the
 * language's business: see src/shared/display-text.ts and output-items.ts.
 */
import type { DisplayValue } from '../../shared/output';
import type { CallSite } from './call-site';
import { toJsonNumber } from './json-number';
import { gradflowDisplay, networkDisplay, datasetDisplay, trainingDisplay } from './network-display';
import { DEFAULT_GRID, sampleCurve } from './sampling';
import type { Value } from './values';

export function toDisplay(value: Value, site: CallSite): DisplayValue {
  switch (value.kind) {
    case 'number': return { kind: 'number', value: toJsonNumber(value.value) };
    case 'tensor': {
      const t = value.tensor;
      if (value.gradflow !== undefined) return gradflowDisplay([{ name: value.gradflow, norms: t.data }]);
      return { kind: 'tensor', dtype: t.dtype, shape: [...t.shape], data: Array.from(t.data, toJsonNumber) };
    }
    case 'string': return { kind: 'string', value: value.value };
    case 'boolean': return { kind: 'boolean', value: value.value };
    case 'function': {
      const fn = value.fn;
      let derivative = '';
      try {
        derivative = fn.derivative(site).formula();
      } catch {
        derivative = '(no derivative)';
      }
      return { kind: 'function', name: fn.label, formula: fn.formula(), derivative, kinks: [...fn.kinks()], curve: sampleCurve(fn, DEFAULT_GRID, site) };
    }
    case 'plot':
    case 'table':
      return value.display;
    case 'network': return networkDisplay(value.network.net);
    case 'dataset': return datasetDisplay(value.dataset);
    case 'training': return trainingDisplay(value.training, value.training.stopped ? 'interrupted' : 'done');
    case 'none':
      return { kind: 'none' };
  }
}
