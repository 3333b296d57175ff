/**
 * The training loss of one network on one fixed batch, as the landscape tools see it: a function
 * of the flat parameter vector θ (the layout of {@link buildNetwork}), evaluated with the lab's own
 * forward pass — batch norm in training mode (batch statistics), as the backprop command.
 */
import type { LossKind } from '../nn/losses';
import type { Network } from '../nn/network';
import { createWorkspace, lossAndGradient, lossOnly } from '../nn/propagate';
import type { Workspace } from '../nn/propagate';

/** A network with its training batch and loss: everything L(θ) needs besides θ. */
export interface LossProblem {
  /** Layout of the network. */
  readonly net: Network;
  /** The batch, batch × net.inputSize, row-major. */
  readonly input: Float64Array;
  /** Targets, batch × net.outputSize, row-major. */
  readonly target: Float64Array;
  /** Loss kind ('mse' is the notes' ½‖y − t‖² batch mean; 'bce' torch's binary_cross_entropy). */
  readonly loss: LossKind;
  /** Samples in the batch (input.length / net.inputSize). */
  readonly batch: number;
}

/** L(θ) and ∇L(θ) of one problem on reusable buffers (one workspace, no allocation per call). */
export interface LossFunction {
  /** The problem evaluated. */
  readonly problem: LossProblem;
  /** L(θ); θ has length net.paramCount. */
  value(theta: Float64Array): number;
  /** Writes ∇L(θ) into `grad` (length net.paramCount) and returns L(θ). */
  valueAndGradient(theta: Float64Array, grad: Float64Array): number;
}

/** Wraps a problem into a {@link LossFunction} that owns one workspace (batch-norm train mode). */
export function createLossFunction(problem: LossProblem): LossFunction {
  const ws: Workspace = createWorkspace(problem.net, problem.batch);
  const { net, input, target, loss } = problem;
  return {
    problem,
    value: (theta) => lossOnly(net, theta, input, target, loss, ws, 'train'),
    valueAndGradient: (theta, grad) =>
      lossAndGradient(net, theta, input, target, loss, ws, grad, 'train'),
  };
}
