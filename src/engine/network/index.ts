/** Small neural networks: layers, MLPs, backprop, training, data sets and diagnostics. */
export { catalogueActivation, linearActivation } from './activation';
export type { NetworkActivation } from './activation';
export { Network, Layer } from './network';
export type { LayerShape } from './network';
export { initialise, initSchemes, checkInitScheme } from './init';
export { mlp } from './mlp';
export type { MlpOptions } from './mlp';
export { Workspace } from './workspace';
export { forwardPass, backwardPass } from './propagate';
export { getLoss, lossNames } from './losses';
export type { Loss } from './losses';
export { createOptimizer, optimizerNames, checkOptimizer } from './optimizers';
export { makeDataset, datasetNames } from './datasets';
export type { Dataset, Task } from './datasets';
export { train, checkTrainOptions, evaluateOn, MAX_EPOCHS } from './train';
export type { TrainOptions, TrainingRun, TrainingSet, History, AccuracyRule } from './train';
export { activations, predict, deadUnits, sparsity } from './analysis';
export { gradflow, gradflowInit, GRADFLOW_BATCH } from './gradflow';
