/**
 * The TeX symbol behind every name the optimizers use: `inspect()` keys (state after a step) and
 * hyper-parameter names. The formula panel renders `symbol = value` beside a family's `tex()`, and
 * the tests check every symbol an optimizer reports appears in its formula.
 */

/** TeX for each `inspect()` key, exactly as it appears in the families' `tex()` output. */
export const STATE_TEX: Readonly<Record<string, string>> = {
  step: 't',
  lr: '\\eta',
  theta: '\\theta_t',
  g: 'g_t',
  b: 'b_t',
  sum: 's_t',
  clr: '\\eta_t',
  m: 'm_t',
  v: 'v_t',
  u: 'u_t',
  delta: '\\Delta_t',
  gbar: '\\bar{g}_t',
  v_max: 'v^{\\max}_t',
  m_hat: '\\hat{m}_t',
  v_hat: '\\hat{v}_t',
  denom: 'd_t',
  mu: '\\mu_t',
  mu_next: '\\mu_{t+1}',
  mu_product: '\\pi_t',
  rho_t: '\\rho_t',
  rect: 'r_t',
  // Rprop
  eta_t: 'e_t',
  step_size: '\\delta_t',
  // ASGD (eta_t is its decayed step; Rprop's e_t is listed above, so ASGD names its own below)
  mu_avg: '\\nu_t',
  ax: '\\bar{\\theta}_t',
  // Adafactor
  beta2_t: '\\hat{\\beta}_{2,t}',
  alpha_t: '\\alpha_t',
  clip: '\\max(1,\\ \\lVert u_t\\rVert / (\\sqrt{n}\\, d))',
  // Muon
  b_tilde: '\\tilde{b}_t',
  o: 'O_t',
  lr_adj: "\\eta'",
  // L-BFGS
  d: 'd',
  t_ls: '\\alpha',
  inner: '\\text{max\\_iter}',
  evals: '\\text{evals}',
  history: 'm',
};

/** TeX for each hyper-parameter name (torch.optim's names). */
export const PARAM_TEX: Readonly<Record<string, string>> = {
  lr: '\\eta',
  momentum: '\\mu',
  dampening: '\\tau',
  nesterov: '\\text{nesterov}',
  weight_decay: '\\lambda',
  alpha: '\\alpha',
  eps: '\\epsilon',
  centered: '\\text{centered}',
  rho: '\\rho',
  lr_decay: '\\gamma',
  initial_accumulator_value: 's_0',
  betas: '\\beta_1, \\beta_2',
  amsgrad: '\\text{amsgrad}',
  momentum_decay: '\\psi',
  maximize: '\\text{maximize}',
  decoupled_weight_decay: '\\text{decoupled}',
  etas: '\\eta_-, \\eta_+',
  step_sizes: '\\delta_{\\min}, \\delta_{\\max}',
  lambd: '\\lambda_d',
  t0: 't_0',
  beta2_decay: 'c',
  d: 'd',
  ns_coefficients: 'a, b, c',
  ns_steps: 'k',
  adjust_lr_fn: "\\eta'",
  max_iter: '\\text{max\\_iter}',
  max_eval: '\\text{max\\_eval}',
  tolerance_grad: '\\text{tol}_g',
  tolerance_change: '\\text{tol}_\\Delta',
  history_size: 'm',
  line_search_fn: '\\text{line search}',
};

/** Joins formula lines into one KaTeX-safe aligned block. */
export function aligned(lines: readonly string[]): string {
  return `\\begin{aligned}\n${lines.join(' \\\\\n')}\n\\end{aligned}`;
}
