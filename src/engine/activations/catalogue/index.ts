/**
 * The activation catalogue: every builtin activation, one entry each, in
 * teaching order (rectifiers first, row-wise normalisers last).
 */
import type { ActivationDefinition } from '../definition';
import { algebraic } from './algebraic';
import { exponentials } from './exponential';
import { gated } from './gated';
import { hard } from './hard';
import { logistic } from './logistic';
import { rectifiers } from './rectifiers';
import { normalisers } from './softmax';

export const catalogue: readonly ActivationDefinition[] = [
  ...rectifiers,
  ...exponentials,
  ...gated,
  ...logistic,
  ...hard,
  ...algebraic,
  ...normalisers,
];
