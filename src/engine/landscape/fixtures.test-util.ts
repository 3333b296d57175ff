/** Test helpers: a landscape fixture's network JSON turned into the engine's loss problem. */
import { fixtureNet } from '../nn/fixtures.test-util';
import type { FixtureCase } from '../nn/fixtures.test-util';
import { createLossFunction } from './problem';
import type { LossFunction } from './problem';

/** A network as the fixtures store it: the backprop command's input. */
export type FixtureNetwork = FixtureCase['input'];

/** The loss function and flat θ of a fixture network (batch norm in training mode). */
export function fixtureLoss(network: FixtureNetwork): { f: LossFunction; theta: Float64Array } {
  const { net, params, input, target, loss, batch } = fixtureNet({
    name: '',
    input: network,
    expected: { loss: 0, layers: [] },
  });
  return { f: createLossFunction({ net, input, target, loss, batch }), theta: params };
}
