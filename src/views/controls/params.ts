/** Slider geometry and value helpers for hyper-parameters (pure, shared by the editor). */
import type { OptimizerConfig, ParamSpec, ParamValue } from '../../engine/types';

/** Slider positions run 0..SLIDER_STEPS. */
export const SLIDER_STEPS = 1000;

/** The range a slider of `spec` covers, or undefined when it has no finite range. */
export function sliderRange(spec: ParamSpec): [number, number] | undefined {
  let lo = spec.sliderMin ?? spec.min;
  let hi = spec.sliderMax ?? spec.max;
  if (spec.log) {
    lo = lo !== undefined && lo > 0 ? lo : 1e-4;
    hi = hi !== undefined && Number.isFinite(hi) ? hi : 10;
  }
  if (
    lo === undefined ||
    hi === undefined ||
    !Number.isFinite(lo) ||
    !Number.isFinite(hi) ||
    !(hi > lo)
  ) {
    return undefined;
  }
  return [lo, hi];
}

/** Slider position of `value` (log or linear), clamped. */
export function toSlider(value: number, range: [number, number], log: boolean): number {
  const [lo, hi] = range;
  const f = log ? Math.log(value / lo) / Math.log(hi / lo) : (value - lo) / (hi - lo);
  return Math.round(Math.max(0, Math.min(1, Number.isFinite(f) ? f : 0)) * SLIDER_STEPS);
}

/** Value at slider position `pos`, rounded to 3 significant digits so URLs stay short. */
export function fromSlider(pos: number, range: [number, number], log: boolean): number {
  const [lo, hi] = range;
  const f = pos / SLIDER_STEPS;
  const v = log ? lo * Math.pow(hi / lo, f) : lo + f * (hi - lo);
  return Number(v.toPrecision(3));
}

/** The value a config runs with for `spec`: its own, or torch's default. */
export function paramValue(config: OptimizerConfig, spec: ParamSpec): ParamValue {
  const own = (config as unknown as Record<string, unknown>)[spec.name];
  if (own !== undefined) return own as ParamValue;
  return spec.default;
}

/** `config` with `name` set to `value`. */
export function withParam(config: OptimizerConfig, name: string, value: unknown): OptimizerConfig {
  return { ...config, [name]: value } as OptimizerConfig;
}
