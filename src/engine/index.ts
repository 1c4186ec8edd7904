/**
 * The engine's public surface. The language layer and the VS Code side import
 * from here only, never from the files behind it.
 */
export * from './tensor';
export { EngineError } from './errors';
export { checkInterrupt, inChunks, CHUNK } from './interrupt';
export type { ShouldStop } from './interrupt';
export type { EngineErrorCode } from './errors';
export { spellNumber } from './spell-number';
export { nearestNames, didYouMean, suggestionHint, editDistance } from './nearest-name';
export { binary, binaryOperators, map, where, resultDType, asTensor } from './arithmetic';
export type { BinaryOperator, Operand } from './arithmetic';
export { broadcastShapes } from './broadcast';
export { reduceAll, reduceAxis } from './reductions';
export type { Reduction } from './reductions';
export { matmul } from './matmul';
export { Random } from './random';
export { erf, erfc } from './numerics/erf';
export { exp, expm1, log, log1p } from './numerics/exp-log';
export { cos, sin, tan } from './numerics/trig';
export { tanh } from './numerics/hyperbolic';
export { pow } from './numerics/pow';
export { hypot } from './numerics/hypot';
export { roundHalfAway } from './numerics/rounding';
export { powerOfTwo } from './numerics/float-bits';
export { twoProductError, twoSumError } from './numerics/double-double';
export { catalogue } from './activations/catalogue';
export {
  activationNames, findActivation, getActivation, resolveName, findParameter, defaultParameters,
  resolveParameters, describeParameters, parameterText,
} from './activations/registry';
export type { ResolvedName } from './activations/registry';
export { formulasAt, formulaWithParameters, formulaNumber, parameterSymbol } from './activations/formula-parameters';
export { plotRange, DEFAULT_PLOT_RANGE } from './activations/plot-range';
export type { PlotRange } from './activations/plot-range';
export { applyActivation, applyActivationDerivative, applyResolved, parametersFor, type Which } from './activations/apply';
export { runBackward, runElementwise } from './simd/elementwise-runner';
export { useWasmElementwise, wasmElementwiseEnabled } from './simd/elementwise-module';
export { fusedKernel, type FusedKernel } from './simd/fused-module';
export { tensorHeap, useTensorHeap } from './simd/tensor-heap';
export type { FusedNode, FusedOrder, FusedProgram } from './simd/fused-expression';
export { FRAMEWORK_LABELS, propertyWords } from './activations/wording';
export type * from './activations/definition';
export * from './network';
export { packNumbers, unpackNumbers, base64, fromBase64 } from './packed-numbers';
export type { PackedNumbers } from './packed-numbers';
