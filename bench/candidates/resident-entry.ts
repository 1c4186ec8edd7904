/**
 * What the residency prototype (resident.ts) needs of the engine beyond its entry file: the
 * elementwise module's builder and how an entry's parameters select its kernels. Bundled on its
 * own by resident.ts (bench/engine.ts explains why the bench times bundles).
 */
export { buildElementwiseModule } from '../../src/engine/simd/elementwise-module';
export { selectForm } from '../../src/engine/simd/kernel-types';
export { defaultParameters, getActivation } from '../../src/engine';
