/**
 * The lab trainer's optimizer over the flat parameter vector. Element-wise families (and L-BFGS,
 * which torch flattens too) step the whole vector; a family whose step depends on a tensor's shape
 * (Adafactor: `shaped`) gets one instance per tensor (each W as a matrix, each b, γ, β as a
 * vector), as torch steps each parameter apart. Muon is special too: torch's Muon takes 2-D parameters only, and its documentation pairs it
 * with AdamW for the rest, so here each hidden layer's weight matrix W (out × in) gets its own
 * Muon (its own Newton–Schulz orthogonalisation, as torch does per parameter) and the biases,
 * batch-norm γ and β and the output layer's W go to one torch.optim.AdamW at its defaults (lr
 * taken from the same schedule as Muon's, since the lab has one learning-rate control).
 */
import { createOptimizer, OPTIMIZERS } from '../optimizers';
import { createMuon } from '../optimizers/muon';
import type { MuonInstance } from '../optimizers/muon';
import type { OptimizerConfig, OptimizerInstance } from '../types';
import type { Network } from './network';

/** Index ranges [from, to) of the parameters Muon takes: the hidden layers' weight matrices. */
export function muonBlocks(net: Network): { from: number; rows: number; cols: number }[] {
  return net.layers.slice(0, -1).map((l) => ({ from: l.wOffset, rows: l.outSize, cols: l.inSize }));
}

/** Muon on the hidden weight matrices, AdamW on every other parameter. */
class MuonWithAdamW implements OptimizerInstance {
  private readonly muons: {
    from: number;
    size: number;
    opt: MuonInstance;
    p: Float64Array;
    g: Float64Array;
  }[];
  private readonly rest: Uint32Array;
  private readonly restParams: Float64Array;
  private readonly restGrad: Float64Array;
  private readonly adamw: OptimizerInstance;
  private stepCount = 0;
  private lastLr = 0;

  constructor(config: OptimizerConfig, net: Network) {
    const blocks = muonBlocks(net);
    const taken = new Uint8Array(net.paramCount);
    this.muons = blocks.map(({ from, rows, cols }) => {
      const size = rows * cols;
      taken.fill(1, from, from + size);
      return {
        from,
        size,
        opt: createMuon(config, size, rows),
        p: new Float64Array(size),
        g: new Float64Array(size),
      };
    });
    const rest: number[] = [];
    for (let i = 0; i < net.paramCount; i++) if (taken[i] === 0) rest.push(i);
    this.rest = Uint32Array.from(rest);
    this.restParams = new Float64Array(rest.length);
    this.restGrad = new Float64Array(rest.length);
    this.adamw = createOptimizer({ type: 'adamw' }, rest.length);
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    for (const m of this.muons) {
      m.p.set(params.subarray(m.from, m.from + m.size));
      m.g.set(grad.subarray(m.from, m.from + m.size));
      m.opt.step(m.p, m.g, lr);
      params.set(m.p, m.from);
    }
    const { rest, restParams, restGrad } = this;
    for (let i = 0; i < rest.length; i++) {
      restParams[i] = params[rest[i]!]!;
      restGrad[i] = grad[rest[i]!]!;
    }
    this.adamw.step(restParams, restGrad, lr);
    for (let i = 0; i < rest.length; i++) params[rest[i]!] = restParams[i]!;
    this.stepCount++;
    this.lastLr = lr;
  }

  /**
   * A cycling schedule sets every Muon's momentum and AdamW's β1 (torch: one OneCycleLR/CyclicLR
   * per optimizer, the same schedule, as the lab's one lr drives both).
   */
  setMomentum(value: number): void {
    for (const m of this.muons) m.opt.setMomentum(value);
    this.adamw.setMomentum?.(value);
  }

  inspect() {
    return { step: this.stepCount, lr: this.lastLr };
  }
}

/** The network's parameter tensors in torch's order: per layer W (out × in), b, then γ, β. */
export function parameterTensors(net: Network): { from: number; shape: number[] }[] {
  const tensors: { from: number; shape: number[] }[] = [];
  for (const l of net.layers) {
    tensors.push({ from: l.wOffset, shape: [l.outSize, l.inSize] });
    tensors.push({ from: l.bOffset, shape: [l.outSize] });
    if (l.gammaOffset >= 0) {
      tensors.push({ from: l.gammaOffset, shape: [l.outSize] });
      tensors.push({ from: l.betaOffset, shape: [l.outSize] });
    }
  }
  return tensors;
}

/** One optimizer instance per parameter tensor, each stepping its slice of the flat vector. */
class PerTensor implements OptimizerInstance {
  private readonly parts: {
    from: number;
    opt: OptimizerInstance;
    p: Float64Array;
    g: Float64Array;
  }[];
  private stepCount = 0;
  private lastLr = 0;

  constructor(create: (size: number, shape: readonly number[]) => OptimizerInstance, net: Network) {
    this.parts = parameterTensors(net).map(({ from, shape }) => {
      const size = shape.reduce((a, b) => a * b, 1);
      return {
        from,
        opt: create(size, shape),
        p: new Float64Array(size),
        g: new Float64Array(size),
      };
    });
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    for (const part of this.parts) {
      const { from, p, g } = part;
      p.set(params.subarray(from, from + p.length));
      g.set(grad.subarray(from, from + g.length));
      part.opt.step(p, g, lr);
      params.set(p, from);
    }
    this.stepCount++;
    this.lastLr = lr;
  }

  setMomentum(value: number): void {
    for (const part of this.parts) part.opt.setMomentum?.(value);
  }

  inspect() {
    return { step: this.stepCount, lr: this.lastLr };
  }
}

/** The optimizer the lab trainer steps `net`'s flat parameters with (see the module comment). */
export function createLabOptimizer(config: OptimizerConfig, net: Network): OptimizerInstance {
  const def = OPTIMIZERS[config.type];
  if (def.matrix === true) return new MuonWithAdamW(config, net);
  if (def.shaped === true)
    return new PerTensor((size, shape) => def.create(config, size, shape), net);
  return createOptimizer(config, net.paramCount);
}
