/**
 * Checks on parsed JSON shared by the notebook reader and writer: own-property
 * access that is safe for keys like "__proto__", value descriptions for
 * messages, and the failure that becomes a NotebookFormatError.
 */
import { NotebookFormatError, type JsonObject, type JsonPath } from './notebook-model';

export const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Sets an own property even for keys like "__proto__". */
export function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string': {
      const s = v.length > 30 ? v.slice(0, 30) + '…' : v;
      return `a string (${JSON.stringify(s)})`;
    }
    case 'number':
      return `a number (${v})`;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

/** @param path the offending value's place in the file, when the failure is about one. */
export function fail(message: string, path?: JsonPath): never {
  throw new NotebookFormatError(message, undefined, path);
}

/** Unknown keys of `o`, or undefined when there are none. */
export function extras(o: Record<string, unknown>, known: readonly string[]): JsonObject | undefined {
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(o)) {
    if (known.includes(k)) continue;
    out ??= {};
    setOwn(out, k, o[k]);
  }
  return out as JsonObject | undefined;
}

export function readMetadata(o: Record<string, unknown>, where: string, path: JsonPath): JsonObject | undefined {
  if (!hasOwn(o, 'metadata')) return undefined;
  const m = o['metadata'];
  if (!isPlainObject(m)) fail(`${where}'metadata' must be an object, found ${describe(m)}`, [...path, 'metadata']);
  return m as JsonObject;
}
