/**
 * torch's fused CPU kernels for the optimizers' moment updates, bit for bit (kernels.test.ts
 * checks them against torch's own results). A module of its own, apart from common.ts: only the
 * families loaded after the first paint use them, and with them fma.ts stays out of the first
 * paint's JavaScript.
 */
import { fma } from './fma';

/**
 * torch's `lerp_` (CPU kernel) exactly: fma(w, end − self, self) when |w| < 0.5, else
 * fma(w − 1, end − self, end), one rounding each (against torch 2.14 here, every one of 60,000
 * random float64 cases; the twice-rounded forms missed 20%). Rounds differently from
 * β·m + (1 − β)·g in the last bit.
 */
export function lerp(self: number, end: number, weight: number): number {
  return Math.abs(weight) < 0.5 ? fma(weight, end - self, self) : fma(weight - 1, end - self, end);
}

/**
 * torch's `self.addcmul_(t1, t2, value=v)` (CPU kernel) exactly: fma(v·t1, t2, self) (against
 * torch 2.14 here, every one of 40,000 random float64 cases; self + v·t1·t2 missed 14–34%).
 */
export function addcmul(self: number, t1: number, t2: number, value: number): number {
  return fma(value * t1, t2, self);
}
