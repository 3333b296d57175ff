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
};

/** Joins formula lines into one KaTeX-safe aligned block. */
export function aligned(lines: readonly string[]): string {
  return `\\begin{aligned}\n${lines.join(' \\\\\n')}\n\\end{aligned}`;
}
