/**
 * The chain-rule picture of note 000: a linear chain of scalar layers y_i = w_i y_{i−1} + b_i with
 * y_0 = x, ŷ = y_n and L = ½(ŷ − t)². Then ∂L/∂w_i = (ŷ − t) · Π_{k=i+1}^{n} w_k · y_{i−1}, so the
 * product of the later weights scales every earlier gradient: below 1 it vanishes, above 1 it
 * explodes.
 */

/** Inputs of the chain (the notes use n = 3 layers). */
export interface LinearChainInput {
  /** Input y_0 = x. */
  readonly x: number;
  /** Target t. */
  readonly target: number;
  /** w_1 … w_n. */
  readonly weights: readonly number[];
  /** b_1 … b_n (default all 0). */
  readonly biases?: readonly number[];
}

/** Every number the chain-rule diagram shows, indexed from layer 1 at position 0. */
export interface LinearChain {
  /** y_0 = x, y_1, …, y_n (length n + 1). */
  readonly outputs: readonly number[];
  /** ŷ − t = ∂L/∂ŷ. */
  readonly error: number;
  /** ½(ŷ − t)². */
  readonly loss: number;
  /** Π_{k=i+1}^{n} w_k for each layer i (1 for the last layer: the empty product). */
  readonly weightProducts: readonly number[];
  /** ∂L/∂w_i = (ŷ − t) · Π_{k>i} w_k · y_{i−1}. */
  readonly weightGradients: readonly number[];
  /** ∂L/∂b_i = (ŷ − t) · Π_{k>i} w_k. */
  readonly biasGradients: readonly number[];
}

/** Evaluates the linear chain and its gradient by the product formula. */
export function linearChain(input: LinearChainInput): LinearChain {
  const n = input.weights.length;
  const outputs = [input.x];
  for (let i = 0; i < n; i++) {
    outputs.push(input.weights[i]! * outputs[i]! + (input.biases?.[i] ?? 0));
  }
  const error = outputs[n]! - input.target;
  const weightProducts = new Array<number>(n);
  let product = 1;
  for (let i = n - 1; i >= 0; i--) {
    weightProducts[i] = product;
    product *= input.weights[i]!;
  }
  return {
    outputs,
    error,
    loss: 0.5 * error * error,
    weightProducts,
    weightGradients: weightProducts.map((p, i) => error * p * outputs[i]!),
    biasGradients: weightProducts.map((p) => error * p),
  };
}
