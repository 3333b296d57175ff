/**
 * Shared contracts of the engine. Everything here is pure data and functions:
 * no DOM, no React, no worker API, so the worker, the CLI and the tests all use the same code.
 */
import type { CodedText, EngineMessageCode, MessageCode, MessageParams } from './messages';
import type { Reason } from './optimizers/reasons';
import type { NoiseSpec } from './noise/types';

/** A point in the surface's own (domain) coordinates, never pixels. */
export type DomainPoint = readonly [x: number, y: number];

/** An axis-aligned rectangle of the domain, used as a surface's default view. */
export interface Domain {
  /** [min, max] of x. */
  readonly x: readonly [number, number];
  /** [min, max] of y. */
  readonly y: readonly [number, number];
}

/**
 * A loss surface f(x, y) with its exact derivatives. Methods write into caller-owned
 * arrays so stepping an optimizer allocates nothing.
 */
export interface Surface {
  /** Named id (e.g. 'quadratic') or 'expr' for a typed expression. */
  readonly id: string;
  /** Human label (English; the UI translates named ids itself). */
  readonly label: string;
  /** The formula in TeX, built by the app (never user text pasted in). */
  readonly tex: string;
  /** Value f(x, y). */
  f(x: number, y: number): number;
  /** Writes [∂f/∂x, ∂f/∂y] into out[0..1] and returns f(x, y). */
  grad(x: number, y: number, out: Float64Array): number;
  /** Writes the exact Hessian [f_xx, f_xy, f_yy] into out[0..2]. */
  hessian(x: number, y: number, out: Float64Array): void;
  /** Default view rectangle. */
  readonly domain: Domain;
  /** Known global/local minima (may be empty for unbounded surfaces like the saddle). */
  readonly minima: readonly DomainPoint[];
}

/**
 * The optimizer families' type names (torch.optim's, lower case). Each family's own file adds its
 * name here (`declare module '../types' { interface OptimizerTypeNames { adam: true } }`) next to
 * its registration; the runtime list is OPTIMIZER_TYPES in ./optimizers.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each family's file
export interface OptimizerTypeNames {}
export type OptimizerType = keyof OptimizerTypeNames & string;

/**
 * Learning-rate schedules with torch.optim.lr_scheduler's names and semantics, stepped after every
 * optimizer step (`plateau` with the loss at the point that step's gradient was taken). An absent
 * field takes torch's default (see SCHEDULE_FIELDS); `onecycle`'s total_steps defaults to the
 * scene's steps. Counts are whole numbers.
 */
export type Schedule =
  | { readonly type: 'exponential'; readonly gamma: number }
  | { readonly type: 'step'; readonly step_size: number; readonly gamma?: number }
  | { readonly type: 'multistep'; readonly milestones: readonly number[]; readonly gamma?: number }
  | { readonly type: 'cosine'; readonly t_max: number; readonly eta_min?: number }
  | {
      readonly type: 'linear';
      readonly start_factor?: number;
      readonly end_factor?: number;
      readonly total_iters?: number;
    }
  | { readonly type: 'constant'; readonly factor?: number; readonly total_iters?: number }
  | { readonly type: 'polynomial'; readonly total_iters?: number; readonly power?: number }
  | {
      readonly type: 'cosine_warm_restarts';
      readonly t_0: number;
      readonly t_mult?: number;
      readonly eta_min?: number;
    }
  | {
      readonly type: 'onecycle';
      readonly max_lr: number;
      readonly total_steps?: number;
      readonly pct_start?: number;
      readonly anneal_strategy?: 'cos' | 'linear';
      readonly cycle_momentum?: boolean;
      readonly base_momentum?: number;
      readonly max_momentum?: number;
      readonly div_factor?: number;
      readonly final_div_factor?: number;
      readonly three_phase?: boolean;
    }
  | {
      readonly type: 'cyclic';
      readonly base_lr: number;
      readonly max_lr: number;
      readonly step_size_up?: number;
      readonly step_size_down?: number;
      readonly mode?: 'triangular' | 'triangular2' | 'exp_range';
      readonly gamma?: number;
      readonly scale_mode?: 'cycle' | 'iterations';
      readonly cycle_momentum?: boolean;
      readonly base_momentum?: number;
      readonly max_momentum?: number;
    }
  | {
      readonly type: 'sequential';
      readonly schedulers: readonly Schedule[];
      readonly milestones: readonly number[];
    }
  | {
      readonly type: 'plateau';
      readonly mode?: 'min' | 'max';
      readonly factor?: number;
      readonly patience?: number;
      readonly threshold?: number;
      readonly threshold_mode?: 'rel' | 'abs';
      readonly cooldown?: number;
      readonly min_lr?: number;
      readonly eps?: number;
    };

/** The schedule type names (torch.optim.lr_scheduler classes, see TORCH_SCHEDULER_CLASS). */
export type ScheduleType = Schedule['type'];

/**
 * One optimizer of a scene. Hyper-parameters use torch.optim's names; an absent one takes
 * torch's default for that type. `label`, `color` and `hidden` are display-only.
 */
export interface OptimizerConfig {
  readonly type: OptimizerType;
  readonly lr?: number;
  readonly momentum?: number;
  readonly dampening?: number;
  readonly nesterov?: boolean;
  readonly weight_decay?: number;
  readonly alpha?: number;
  /** A number, except Adafactor's (eps1, eps2) pair, whose eps1 may be null (torch: dtype's eps). */
  readonly eps?: number | readonly [number | null, number];
  readonly centered?: boolean;
  readonly rho?: number;
  readonly lr_decay?: number;
  readonly initial_accumulator_value?: number;
  readonly betas?: readonly [number, number];
  readonly amsgrad?: boolean;
  readonly momentum_decay?: number;
  /** torch 2.x: ascend f instead of descending it. */
  readonly maximize?: boolean;
  /** Adam, NAdam, RAdam (torch 2.x): AdamW-style weight decay. */
  readonly decoupled_weight_decay?: boolean;
  /** Rprop: (η−, η+) step-size factors and (min, max) step sizes. */
  readonly etas?: readonly [number, number];
  /** Either bound may be null (no bound on that side), not both. */
  readonly step_sizes?: readonly [number | null, number | null];
  /** ASGD: decay term, averaging start. */
  readonly lambd?: number;
  readonly t0?: number;
  /** Adafactor: the β₂ schedule's exponent and the update-clipping threshold. */
  readonly beta2_decay?: number;
  readonly d?: number;
  /** Muon: Newton–Schulz coefficients (a, b, c), iteration count and lr adjustment. */
  readonly ns_coefficients?: readonly [number, number, number];
  readonly ns_steps?: number;
  readonly adjust_lr_fn?: 'original' | 'match_rms_adamw' | 'spectral_unclamped' | null;
  /** L-BFGS (torch.optim.LBFGS's names). */
  readonly max_iter?: number;
  readonly max_eval?: number | null;
  readonly tolerance_grad?: number;
  readonly tolerance_change?: number;
  readonly history_size?: number;
  readonly line_search_fn?: 'strong_wolfe' | null;
  readonly schedule?: Schedule;
  /** torch.nn.utils.clip_grad_norm_ max_norm, applied to the gradient before the step. */
  readonly clip_grad_norm?: number;
  /** Display name (defaults to the type's label). */
  readonly label?: string;
  /** Display colour as #rrggbb. */
  readonly color?: string;
  /** Hidden optimizers are still simulated (so toggling is instant) but not drawn. */
  readonly hidden?: boolean;
}

/** Which surface a scene uses: a named one or a typed expression. */
export type SurfaceRef = { readonly id: string } | { readonly expr: string };

/** The whole simulation input: the same object in the URL, the embed API, the worker and the CLI. */
export interface Scene {
  readonly surface: SurfaceRef;
  readonly start: DomainPoint;
  readonly steps: number;
  readonly optimizers: readonly OptimizerConfig[];
  /**
   * Gradient noise every optimizer's gradient receives, seeded (engine/noise/spec.ts). Absent means
   * exact gradients.
   */
  readonly noise?: NoiseSpec;
}

/** A problem with one field of some input: `path` like `optimizers[1].lr`. */
export interface FieldError {
  readonly path: string;
  /** English sentence (the CLI prints it). */
  readonly message: string;
  /** What went wrong, for the app to say it in the reader's language (see engine/messages.ts). */
  readonly code?: MessageCode;
  /** The values the message names (user text clipped). */
  readonly params?: MessageParams;
  /**
   * torch's reason for a bound the value breaks, in English (e.g. "torch refuses a negative
   * learning rate"); already in `message`. With `because` the app says it in the reader's
   * language; without (torch's own exception words, such as ZeroDivisionError), on English pages only.
   */
  readonly reason?: string;
  /** `reason` as a code and parameters, for a translated sentence. */
  readonly because?: CodedText;
  /** A notation hint of an expression's error (its English is in params.hint), for translation. */
  readonly hint?: CodedText;
}

/** Numbers a step of one optimizer exposes for the live formula panel (e.g. v, m, m_hat, v_hat, step). */
export type OptimizerInspection = Readonly<Record<string, number | readonly number[]>>;

/**
 * A running optimizer over a flat parameter vector (length 2 for surfaces, any length in the
 * neural-net lab). torch.optim semantics: `step` updates `params` in place from `grad` at the
 * learning rate the scheduler currently gives.
 */
export interface OptimizerInstance {
  /**
   * One torch `optimizer.step()` with the param group's lr set to `lr`. `grad` may be modified.
   * Families that need torch's `step(closure)` (L-BFGS) get `closure` and may call it many times.
   */
  step(params: Float64Array, grad: Float64Array, lr: number, closure?: Closure): void;
  /** The state after the last step, named as in the TeX of the type (copies, safe to keep). */
  inspect(): OptimizerInspection;
  /**
   * Sets torch's param_group['momentum'] (SGD, RMSprop) or betas[0] (the Adam family) between
   * steps, as OneCycleLR and CyclicLR do with cycle_momentum. Absent on families with neither.
   */
  setMomentum?(value: number): void;
  /** True when `step` needs a closure (torch.optim.LBFGS). */
  readonly needsClosure?: boolean;
  /** ASGD's averaged iterate `ax` after the last step (a live view: copy to keep). */
  averaged?(): Float64Array;
  /** The points the closure was evaluated at during the last step, flat [x0, y0, x1, y1, ...]. */
  probes?(): Float64Array;
}

/**
 * torch's `closure`: evaluates the loss at `params` and writes its gradient (clipped, when the
 * scene clips) into `grad`. Returns the loss.
 */
export type Closure = (params: Float64Array, grad: Float64Array) => number;

/** A hyper-parameter value as a scene holds it. */
export type ParamValue = number | boolean | string | null | readonly (number | null)[];

/** A hyper-parameter as the UI, URL codec and validation see it. */
export interface ParamSpec {
  /** torch.optim name, e.g. 'lr', 'momentum', 'betas'. */
  readonly name: string;
  /** 'tuple' is a fixed-length list of numbers (betas, etas, ns_coefficients, Adafactor's eps). */
  readonly kind: 'number' | 'boolean' | 'pair' | 'tuple' | 'choice';
  /** torch's default. For 'pair'/'tuple' the list; for 'choice' a string or null. */
  readonly default: ParamValue;
  /** Inclusive bounds a valid value must lie in (for a pair: each element): torch's own checks. */
  readonly min?: number;
  readonly max?: number;
  /** Whether min / max are exclusive (torch's `0.0 <= beta < 1.0` has an exclusive max). */
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  /** Whole numbers only (torch passes them to range()). */
  readonly integer?: boolean;
  /** The slider moves in whole numbers (counts torch takes as floats too, e.g. max_iter). */
  readonly wholeSlider?: boolean;
  /**
   * A count torch also takes as a float (max_iter): a whole value goes to Python as an int, as a
   * learner writes it (every `integer` one does too; other numbers go as floats, see pytorch.ts).
   */
  readonly count?: boolean;
  /** null is a value torch accepts (max_eval; element 0 of Adafactor's eps). */
  readonly nullable?: boolean;
  /**
   * A pair or tuple torch also takes longer, keeping only its first elements (torch.optim.Adam's
   * and AdamW's betas: any length >= 2, stored as the first two). The validator does the same.
   */
  readonly keepsFirst?: true;
  /** Per-element bounds of a tuple, when they differ by element (Rprop's etas). */
  readonly elements?: readonly Pick<
    ParamSpec,
    'min' | 'max' | 'minExclusive' | 'maxExclusive' | 'nullable'
  >[];
  /** The values a 'choice' takes (torch's strings, and null for "none"). */
  readonly choices?: readonly (string | null)[];
  /** torch's reason for refusing a value outside the bounds, in our words (ends the message). */
  readonly why?: Reason;
  /** The reason for refusing a fraction, when it is not `why` (which then covers the bounds only). */
  readonly whyInteger?: Reason;
  /** The reason for refusing a value over `max`, when it is not `why`. */
  readonly whyMax?: Reason;
  /** Sliders use a log scale. */
  readonly log?: boolean;
  /** Suggested slider range when different from [min, max]. */
  readonly sliderMin?: number;
  readonly sliderMax?: number;
}

/** One optimizer family: its schema, its formulas and its factory. Adding an optimizer touches one file. */
/** One entry of the add menu: a ready-made config with a name. */
export interface OptimizerPreset {
  /** Unique among all presets (the menu's option value). */
  readonly id: string;
  /** English name, written into the added config's label. */
  readonly label: string;
  readonly config: OptimizerConfig;
}

/**
 * One step of one optimizer as the map's explanations read it (engine/analysis: glyphs, arrows):
 * the family's `inspect()` state after the step k → k + 1 and the step's own numbers.
 */
export interface StateFrame {
  readonly config: OptimizerConfig;
  /** The family's hyper-parameters (its schema, for defaults). */
  readonly params: readonly ParamSpec[];
  readonly state: OptimizerInspection;
  /** η of this step (after the schedule). */
  readonly lr: number;
  /** g_t: the state's own `g`, else the gradient at point k. */
  readonly g: DomainPoint;
  /** This step's momentum or β1 when a schedule cycles it. */
  readonly momentum?: number;
  /** θ_t − θ_{t−1}. */
  readonly update: DomainPoint;
}

/** Which momentum-like state a glyph shows (the label the map gives it). */
export type MomentumKind = 'buffer' | 'lookahead' | 'm-hat';

/** A family's hidden-state glyphs of one step (see engine/analysis/glyphs.ts), in domain units. */
export interface FamilyGlyphs {
  readonly momentum?: { readonly kind: MomentumKind; readonly vector: DomainPoint } | undefined;
  /** Signed per-coordinate step: the box spans point … point + box. */
  readonly box?: DomainPoint | undefined;
  /** L-BFGS: the last inner iteration's step α d, from `from` (= θ_t − α d). */
  readonly search?: { readonly from: DomainPoint; readonly vector: DomainPoint } | undefined;
}

/** Which term of the update an arrow shows. */
export type ArrowTerm = 'gradient' | 'momentum' | 'scaled-gradient' | 'step';

/** One labelled vector of a step. */
export interface StepArrow {
  readonly term: ArrowTerm;
  /** Displacement from point k in domain units. */
  readonly vector: DomainPoint;
  /** The formula term, in the TeX symbols of the optimizer's own formula. */
  readonly tex: string;
  /** English label (the UI translates by `term`). */
  readonly label: string;
}

/** A family's own terms of one step's arrows (see engine/analysis/arrows.ts). */
export interface FamilyArrows {
  /** Drawn between the gradient arrow and the step arrow every family has. */
  readonly arrows?: readonly StepArrow[];
  /** The direction an adaptive family scales per coordinate (its momentum, or g). */
  readonly direction?: DomainPoint | undefined;
  /** The per-coordinate scale when the family knows it directly (RMSProp's 1/d_t). */
  readonly scale?: { readonly values: DomainPoint; readonly tex: string } | undefined;
}

export interface OptimizerDef {
  readonly type: OptimizerType;
  /** English label, e.g. 'Adam'. */
  readonly label: string;
  /** torch.optim's class name where it is not `label` (AdaGrad is torch.optim.Adagrad). */
  readonly torchClass?: string;
  /**
   * The family's entries of the add menu, in menu order (SGD also offers Momentum and NAG). Each
   * label is English; the app shows the ones it knows in the page's language (views/names.ts).
   */
  readonly presets: readonly OptimizerPreset[];
  /** Hyper-parameters in display order, with torch defaults. */
  readonly params: readonly ParamSpec[];
  /**
   * torch's `step(closure)` evaluates f itself, many times per step (L-BFGS): such a family takes
   * no gradient noise, and the exported script hands it a closure.
   */
  readonly closure?: true;
  /**
   * torch's class takes matrices only (Muon): on a surface the point is the 1×2 matrix [[x, y]],
   * and the lab's trainer gives it the hidden weight matrices (AdamW takes the rest).
   */
  readonly matrix?: true;
  /**
   * The step depends on the parameter tensor's shape and its own norms (torch.optim.Adafactor
   * factors a matrix's second moment): the lab's trainer creates one instance per tensor, with
   * its shape, as torch steps each parameter apart; other families step the flat vector at once.
   */
  readonly shaped?: true;
  /**
   * torch's checks across fields, which per-field bounds cannot state (SGD: nesterov needs
   * momentum > 0 and dampening 0). Given the validated fields, returns the refused field and the
   * message code saying why, or undefined. The validator drops the refused field.
   */
  readonly crossCheck?: (
    fields: Readonly<Record<string, unknown>>,
  ) => { readonly field: string; readonly code: EngineMessageCode } | undefined;
  /**
   * Closure families only: the most times one step can evaluate f and ∇f with these validated
   * fields (L-BFGS: bounded by max_eval and max_iter). The validator refuses a scene whose steps
   * times this exceed MAX_CLOSURE_EVALUATIONS, which torch would run but the app could not.
   */
  readonly evaluationsPerStep?: (fields: Readonly<Record<string, unknown>>) => number;
  /**
   * torch's checks that only a run can make: given the config and the lr each step will use
   * (`lrs[t - 1]` for step t), the field torch stops on, the message code and its parameters,
   * or undefined (ASGD: its step-size decay is Python float arithmetic that can divide by zero).
   * The validator drops the refused field and checks again.
   */
  readonly runCheck?: (
    config: OptimizerConfig,
    lrs: readonly number[],
  ) =>
    | { readonly field: string; readonly code: EngineMessageCode; readonly params: MessageParams }
    | undefined;
  /**
   * torch makes this family's momentum buffer at its first step only when momentum > 0 then, and
   * reads it at any later step with momentum > 0 (torch.optim.RMSprop): a schedule that cycles
   * momentum up from 0 raises KeyError 'momentum_buffer', so the validator refuses it.
   */
  readonly momentumBufferAtFirstStep?: true;
  /**
   * Fresh state for `n` parameters; absent hyper-parameters take the defaults in `params`.
   * `shape` ([out, in] for a weight matrix; absent for a vector) matters to `shaped` families.
   */
  create(config: OptimizerConfig, n: number, shape?: readonly number[]): OptimizerInstance;
  /** The map's hidden-state glyphs of a step, read from this family's `inspect()` state. */
  glyphs?(frame: StateFrame): FamilyGlyphs;
  /** This family's terms of a step's arrows (step-by-step mode), from its `inspect()` state. */
  arrows?(frame: StateFrame): FamilyArrows;
}

/** What a family's registration carries besides its code (see engine/optimizers/registry.ts). */
export type OptimizerMeta = Omit<OptimizerDef, 'create' | 'glyphs' | 'arrows'>;

/** One optimizer's simulated path. Arrays are flat for cheap transfer across the worker boundary. */
export interface Trajectory {
  /** ASGD only: its averaged iterate `ax` at every kept point, laid out like `points`. */
  readonly ax?: Float64Array;
  /**
   * L-BFGS only: every point the closure evaluated, flat [x, y, ...]; the probes of step k
   * (point k to k + 1) are pairs probeOffsets[k] .. probeOffsets[k + 1] − 1.
   */
  readonly probes?: Float64Array;
  readonly probeOffsets?: Uint32Array;
  /** [x0, y0, x1, y1, ...]: points[0] is the start, point k is after k steps. */
  readonly points: Float64Array;
  /** losses[k] = f(point k). Same count as points. */
  readonly losses: Float64Array;
  /** Number of points kept (finite prefix); = steps + 1 unless diverged. */
  readonly length: number;
  /** True when a position or loss became non-finite; the run stopped there. */
  readonly diverged: boolean;
  /** Diverged by a step out of f's domain (a finite point where f is NaN), not by overflow. */
  readonly leftDomain?: boolean;
  /**
   * Ended because torch raises inside the next step for these numbers (e.g. 'ZeroDivisionError in
   * torch.optim.lbfgs._cubic_interpolate'); `diverged` is true too (the run stopped early).
   */
  readonly raised?: string;
  /**
   * lrs[k]: the learning rate of the step from point k to point k + 1 (length − 1 entries).
   * simulateOne always records it; other producers (the mini-batch analysis) may not.
   */
  readonly lrs?: Float64Array;
  /** momentums[k]: the momentum or β1 of that step, when a schedule cycles it (same count as lrs). */
  readonly momentums?: Float64Array;
}
