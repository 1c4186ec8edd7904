/**
 * Piecewise-linear (and piecewise-quadratic) activations.
 *
 * Conventions, shared by every function here:
 * - derivatives at kinks follow PyTorch autograd (relu'(0) = 0, hardtanh' = 0 on its bounds, ...);
 * - NaN in gives NaN out, for values and derivatives alike, so a bad input is never hidden;
 * - comparisons are written so that NaN falls through to the branch that returns x.
 *
 * Second derivatives follow PyTorch's double backward: the jumps of f' have no delta,
 * so f'' is 0 at every kink (relu''(0) = 0, hardswish''(±3) = 0).
 */

/** f'' of every piecewise-linear function here (relu, relu6, the leaky family, hardtanh, the shrinks, threshold). */
export function piecewiseLinearSecondDerivative(x: number): number {
  return x === x ? 0 : x;
}

/** Branch-free on purpose: random signs make a branch mispredict half the time. */
export function relu(x: number): number {
  const y = (x + Math.abs(x)) * 0.5;
  // x + |x| goes wrong only for x > 8.9e307 (overflow) and x = -Infinity (NaN): a rarely taken branch
  return y === y && y !== Infinity ? y : x > 0 ? x : x < 0 ? 0 : x;
}
export function reluGrad(x: number): number {
  return x > 0 ? 1 : x <= 0 ? 0 : x;
}

export function relu6(x: number): number {
  return x <= 0 ? 0 : x >= 6 ? 6 : x;
}
export function relu6Grad(x: number): number {
  return x > 0 && x < 6 ? 1 : x === x ? 0 : x;
}

export function leakyRelu(x: number, slope: number): number {
  return x > 0 ? x : x * slope;
}
export function leakyReluGrad(x: number, slope: number): number {
  return x > 0 ? 1 : x <= 0 ? slope : x;
}

export function hardtanh(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
export function hardtanhGrad(x: number, lo: number, hi: number): number {
  return x > lo && x < hi ? 1 : x === x ? 0 : x;
}

/** (x + 3) / 6 rather than x/6 + 1/2: x + 3 is exact near -3, where the result is small. */
export function hardsigmoid(x: number): number {
  return x <= -3 ? 0 : x >= 3 ? 1 : (x + 3) / 6;
}
export function hardsigmoidGrad(x: number): number {
  return x > -3 && x < 3 ? 1 / 6 : x === x ? 0 : x;
}

export function hardswish(x: number): number {
  return x <= -3 ? 0 : x >= 3 ? x : (x * (x + 3)) / 6;
}
/** PyTorch: 0 up to -3, x/3 + 1/2 strictly inside, 1 from 3 on; (2x + 3)/6 is x/3 + 1/2 rounded once. */
export function hardswishGrad(x: number): number {
  return x <= -3 ? 0 : x < 3 ? (2 * x + 3) / 6 : x >= 3 ? 1 : x;
}

/** 1/3 strictly inside (-3, 3), where hardswish is the parabola x (x + 3) / 6. */
export function hardswishSecondDerivative(x: number): number {
  return x > -3 && x < 3 ? 1 / 3 : x === x ? 0 : x;
}

export function softshrink(x: number, lambd: number): number {
  return x > lambd ? x - lambd : x < -lambd ? x + lambd : x === x ? 0 : x;
}
export function softshrinkGrad(x: number, lambd: number): number {
  return x > lambd || x < -lambd ? 1 : x === x ? 0 : x;
}

export function hardshrink(x: number, lambd: number): number {
  return x > lambd || x < -lambd ? x : x === x ? 0 : x;
}
export function hardshrinkGrad(x: number, lambd: number): number {
  return x > lambd || x < -lambd ? 1 : x === x ? 0 : x;
}

/** PyTorch: y = value where x <= threshold, else x. */
export function threshold(x: number, threshold: number, value: number): number {
  return x <= threshold ? value : x;
}
export function thresholdGrad(x: number, threshold: number): number {
  return x > threshold ? 1 : x <= threshold ? 0 : x;
}

export function squaredRelu(x: number): number {
  const r = relu(x);
  return r * r;
}
export function squaredReluGrad(x: number): number {
  return 2 * relu(x);
}
/** 2 for x > 0; 0 at 0, as PyTorch's double backward of relu(x)^2 gives (relu'(0) = 0). */
export function squaredReluSecondDerivative(x: number): number {
  return x > 0 ? 2 : x === x ? 0 : x;
}
