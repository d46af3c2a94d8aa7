/**
 * Logistic regression for one topic on sentence embeddings, trained in TypeScript: full-batch
 * gradient descent with Adam and an L2 penalty, deterministic (zero start, fixed order), so a
 * retrain on the same data gives the same weights. Small by design: a few hundred to a few
 * thousand labelled updates, 512 features.
 */

export interface LogisticModel {
  weights: number[];
  bias: number;
}

export interface TrainOptions {
  /** L2 penalty on the weights (not the bias), per example. */
  l2?: number;
  epochs?: number;
  learningRate?: number;
  /** Weight of each positive example relative to a negative one; 'balanced' evens the classes. */
  positiveWeight?: number | 'balanced';
}

export const defaultTrainOptions: Required<TrainOptions> = {
  l2: 1e-3,
  epochs: 300,
  learningRate: 0.05,
  positiveWeight: 1,
};

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function predict(model: LogisticModel, x: ArrayLike<number>): number {
  let z = model.bias;
  const w = model.weights;
  for (let j = 0; j < w.length; j++) z += w[j]! * x[j]!;
  return sigmoid(z);
}

export function train(
  xs: readonly ArrayLike<number>[],
  ys: readonly boolean[],
  options: TrainOptions = {},
): LogisticModel {
  const { l2, epochs, learningRate, positiveWeight } = { ...defaultTrainOptions, ...options };
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  const positives = ys.filter(Boolean).length;
  const posWeight =
    positiveWeight === 'balanced' ? (positives ? (n - positives) / positives : 1) : positiveWeight;
  const w = new Float64Array(d);
  let b = 0;
  const m = new Float64Array(d + 1);
  const v = new Float64Array(d + 1);
  const grad = new Float64Array(d + 1);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  let totalWeight = 0;
  for (const y of ys) totalWeight += y ? posWeight : 1;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      let z = b;
      for (let j = 0; j < d; j++) z += w[j]! * x[j]!;
      const weight = ys[i] ? posWeight : 1;
      const err = (sigmoid(z) - (ys[i] ? 1 : 0)) * weight;
      for (let j = 0; j < d; j++) grad[j]! += err * x[j]!;
      grad[d]! += err;
    }
    for (let j = 0; j <= d; j++) {
      let g = grad[j]! / totalWeight;
      if (j < d) g += l2 * w[j]!;
      m[j] = beta1 * m[j]! + (1 - beta1) * g;
      v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
      const step =
        (learningRate * (m[j]! / (1 - beta1 ** epoch))) / (Math.sqrt(v[j]! / (1 - beta2 ** epoch)) + eps);
      if (j < d) w[j]! -= step;
      else b -= step;
    }
  }
  return { weights: Array.from(w), bias: b };
}
