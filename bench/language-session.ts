/**
 * What bench/language.ts bundles: the session, and the engine's switch of the wasm path from
 * the same bundle (a second bundle would hold a second copy of the engine, whose switch the
 * session never reads).
 */
export { Session } from '../src/language/runtime/session';
export { useWasmElementwise } from '../src/engine';
