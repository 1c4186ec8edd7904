/**
 * Where a plot's sliders were left, kept in its cell's metadata so that a saved, closed and
 * reopened notebook shows them there and a re-run starts from there (issue 13, point 3):
 *
 *   cell.metadata.activationLab.sliders = { "alpha": { "value": 0.42, "min": 0, "max": 1, "step": 0.01, "start": 0.01 } }
 *
 * Keyed by the slider's name as the output shows it (PlotSlider.name). A recorded position
 * holds only while the cell declares that slider the same way (same range, step and start):
 * after `slider(0, 1, value=0.3)` is edited to `value=0.7`, or its range changes, the cell's
 * source wins again. A cell shows one value, so one plot's sliders, hence one record a cell.
 *
 * The notebook renderer makes records (recordOf) and posts them to the extension, which writes
 * them into the cell's metadata; the kernel and the CLI read them (slidersAt) when the cell
 * runs. Pure data and rules, no DOM and no VS Code: unit-tested.
 */
import type { LivePlot, PlotSlider } from './output';

/** The key of our part of a cell's metadata. */
export const CELL_METADATA_KEY = 'activationLab';

export interface RecordedSlider {
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Where the cell's source starts it (PlotSlider.start ?? value when recorded). */
  readonly start: number;
}

export type SliderRecord = Readonly<Record<string, RecordedSlider>>;

/** Renderer -> extension: the sliders of output `outputId` came to rest at `record`. */
export interface SlidersMovedMessage {
  readonly type: 'sliders-moved';
  readonly outputId: string;
  /** The plot's source, to find the cell when the output id is not known to the extension. */
  readonly plot: string;
  readonly record: SliderRecord;
}
/** Renderer -> extension: where were the sliders of this output left? */
export interface SliderRecordRequest {
  readonly type: 'slider-record?';
  readonly outputId: string;
  readonly plot: string;
}
/** Extension -> renderer: the answer (an empty record when none is kept). */
export interface SliderRecordReply {
  readonly type: 'slider-record';
  readonly outputId: string;
  readonly record: SliderRecord;
}
export type RendererToHostMessage = SlidersMovedMessage | SliderRecordRequest;

/** Where the cell's source starts a slider, whether or not it now stands elsewhere. */
export function declaredStart(s: PlotSlider): number {
  return s.start ?? s.value;
}

/** The record of sliders at `values` (in their order). */
export function recordOf(sliders: readonly PlotSlider[], values: readonly number[]): SliderRecord {
  const record: Record<string, RecordedSlider> = {};
  sliders.forEach((s, i) => {
    record[s.name] = { value: values[i] ?? s.value, min: s.min, max: s.max, step: s.step, start: declaredStart(s) };
  });
  return record;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The record kept in a cell's metadata; entries that are not well-formed are dropped (the file is the user's). */
export function recordInMetadata(metadata: unknown): SliderRecord {
  const ours = (metadata as Record<string, unknown> | undefined)?.[CELL_METADATA_KEY];
  const sliders = (ours as Record<string, unknown> | undefined)?.['sliders'];
  const record: Record<string, RecordedSlider> = {};
  if (!sliders || typeof sliders !== 'object' || Array.isArray(sliders)) return record;
  for (const [name, entry] of Object.entries(sliders as Record<string, unknown>)) {
    const e = entry as Partial<RecordedSlider> | null;
    if (e && isNumber(e.value) && isNumber(e.min) && isNumber(e.max) && isNumber(e.step) && isNumber(e.start)) {
      record[name] = { value: e.value, min: e.min, max: e.max, step: e.step, start: e.start };
    }
  }
  return record;
}

/** The metadata with `record` as its sliders (everything else kept); no sliders key for an empty record. */
export function metadataWithRecord(metadata: { readonly [key: string]: unknown } | undefined, record: SliderRecord): Record<string, unknown> {
  const { [CELL_METADATA_KEY]: ours, ...rest } = metadata ?? {};
  const { sliders: _old, ...others } = (ours && typeof ours === 'object' && !Array.isArray(ours) ? ours : {}) as Record<string, unknown>;
  const kept = Object.keys(record).length ? { ...others, sliders: record } : others;
  return Object.keys(kept).length ? { ...rest, [CELL_METADATA_KEY]: kept } : rest;
}

/** True when the two records hold the same sliders at the same places. */
export function sameRecord(a: SliderRecord, b: SliderRecord): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k]!;
    const y = b[k];
    return y !== undefined && x.value === y.value && x.min === y.min && x.max === y.max && x.step === y.step && x.start === y.start;
  });
}

/** The recorded value of a slider, when the record holds it as the cell declares it now and within its range. */
export function recordedValue(s: PlotSlider, record: SliderRecord): number | undefined {
  const r = Object.hasOwn(record, s.name) ? record[s.name] : undefined;
  if (!r || r.min !== s.min || r.max !== s.max || r.step !== s.step || r.start !== declaredStart(s)) return undefined;
  return r.value >= s.min && r.value <= s.max ? r.value : undefined;
}

/**
 * The plot's sliders standing where `record` left them (`start` keeps where the source starts
 * them); undefined when the record moves none of them from where they are.
 */
export function slidersAt(live: LivePlot, record: SliderRecord): PlotSlider[] | undefined {
  let moved = false;
  const sliders = live.sliders.map((s) => {
    const value = recordedValue(s, record);
    if (value === undefined || value === s.value) return s;
    moved = true;
    const start = declaredStart(s);
    return value === start ? { name: s.name, variable: s.variable, min: s.min, max: s.max, step: s.step, value } : { ...s, value, start };
  });
  return moved ? sliders : undefined;
}
