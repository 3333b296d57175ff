/**
 * Issue 14 (teaching in depth): the divergence explanations' sentences in en / zh-CN / zh-TW and
 * their formatter. Kept in this file until the merge folds the three blocks into en.ts, zh-CN.ts
 * and zh-TW.ts (same keys, `{name}` parameters as there); formatDivergence then switches to `t`.
 */
import { OPTIMIZERS } from '../engine/optimizers';
import type { DivergenceExplanation, PathNumbers } from '../engine/analysis/divergence';
import { criticalMomentum } from '../engine/analysis/regime';
import type { DomainPoint } from '../engine/types';
import type { Locale } from './index';

// Teaching in depth (issue 14): divergence explained.
export const teachEn = {
  'teach.band.plain': 'lr·λ < 2',
  'teach.band.heavyBall': 'lr·λ < 2(1 + μ) = {bound}',
  'teach.band.dampened': 'lr·λ < 2(1 + μ)/(1 − τ) = {bound}',
  'teach.band.nesterov': 'lr·λ < 2(1 + μ)/(1 + 2μ) = {bound}',
  'teach.nonFiniteStart':
    'The loss at the start ({x}, {y}) is {loss}, not a number a step can start from: choose another start.',
  'teach.exceedsBand':
    'lr·λ_max = {product} > {bound} along the steep axis {axis} from step {step}: the stable band is {band}, so each step overshoots further than the last along that axis.',
  'teach.lrLimit': 'At this point the largest stable lr is {limit}.',
  'teach.backInside':
    'After step {last} the path is back inside the band (a smaller lr, gentler curvature or clipping).',
  'teach.clipped':
    'Gradient clipping bounds every step, so here the band is only a guide: the run can cross it and survive.',
  'teach.outcome.overflow': 'The numbers overflowed at step {step}.',
  'teach.outcome.leftDomain':
    "After step {step} the path left f's domain: f is not defined where the next step lands.",
  'teach.outcome.grew': 'The loss ends higher than it started.',
  'teach.outcome.settles': 'The loss still ends lower than it started.',
  'teach.negativeCurvature':
    'From step {step} the surface curves downward along {axis} (λ_min = {lambda}): the path rolls downhill without end, and no learning rate stops that.',
  'teach.offModel':
    'The run overflowed at step {step} although lr·λ_max = {product} stayed inside the band ({band}): one step jumped far beyond where the local quadratic picture holds.',
  'teach.oscillation':
    'lr·λ_max = {product} > 1 along the steep axis {axis} from step {step}: each step overshoots the valley floor, so the path zig-zags across it, but it stays inside the band ({band}) and the zig-zag shrinks.',
  'teach.ripples':
    'With momentum μ = {mu} the steep axis {axis} spirals in from step {step}: lr·λ_max = {product} is inside the band ({band}), and μ is above critical damping (1 − √(lr·λ))² = {critical}, so the path swings past the floor and back in ripples while it converges.',
  'teach.ripplesNoCritical':
    'With momentum μ = {mu} the steep axis {axis} spirals in from step {step}: lr·λ_max = {product} is inside the band ({band}), and the path swings past the floor and back in ripples while it converges.',
  'teach.withinBand':
    'lr·λ_max is at most {product} (at step {step}), inside the stable band {band}: no direction is amplified.',
  'teach.downhill':
    'Along {axis} the surface curves downward from step {step} (λ_min = {lambda}), so the path speeds away in that direction.',
  'teach.noClosedForm':
    '{optimizer} divides each step by running statistics of the gradients, so its stable learning rates have no closed form.',
  'teach.sweepEdge':
    'An lr sweep from {min} to {max} finds runs ending above their starting loss from lr ≈ {edge}; the last good lr is ≈ {stable}.',
  'teach.sweepEdgeAll':
    'An lr sweep from {min} to {max} finds every run ending above its starting loss, from the smallest lr on.',
  'teach.sweepNoEdge': 'No lr of a sweep from {min} to {max} ends above its starting loss.',
} as const;

export type TeachKey = keyof typeof teachEn;
export type TeachMessages = Readonly<Record<TeachKey, string>>;

// Teaching in depth (issue 14): divergence explained.
export const teachZhCN: TeachMessages = {
  'teach.band.plain': 'lr·λ < 2',
  'teach.band.heavyBall': 'lr·λ < 2(1 + μ) = {bound}',
  'teach.band.dampened': 'lr·λ < 2(1 + μ)/(1 − τ) = {bound}',
  'teach.band.nesterov': 'lr·λ < 2(1 + μ)/(1 + 2μ) = {bound}',
  'teach.nonFiniteStart':
    '起点 ({x}, {y}) 处的损失是 {loss}，不是有限数，无法从这里迈出一步：请换一个起点。',
  'teach.exceedsBand':
    '从第 {step} 步起，沿陡峭方向 {axis} 有 lr·λ_max = {product} > {bound}：稳定区间是 {band}，所以沿这个方向每一步都比上一步冲得更远。',
  'teach.lrLimit': '在这一点，能保持稳定的最大学习率是 {limit}。',
  'teach.backInside':
    '第 {last} 步之后，路径回到了稳定区间之内（学习率变小、曲率变缓或梯度被裁剪）。',
  'teach.clipped':
    '梯度裁剪限制了每一步的长度，所以这里的稳定区间只是参考：越过它的运行也可能安然无恙。',
  'teach.outcome.overflow': '第 {step} 步时数值溢出了。',
  'teach.outcome.leftDomain': '第 {step} 步之后路径离开了 f 的定义域：下一步落点处 f 没有定义。',
  'teach.outcome.grew': '最终的损失比起点更高。',
  'teach.outcome.settles': '最终的损失仍比起点低。',
  'teach.negativeCurvature':
    '从第 {step} 步起，曲面沿 {axis} 方向向下弯曲（λ_min = {lambda}）：路径会一直往下滚，任何学习率都拦不住。',
  'teach.offModel':
    '虽然 lr·λ_max = {product} 一直在稳定区间（{band}）之内，运行仍在第 {step} 步溢出：某一步跳得太远，远远超出了局部二次近似成立的范围。',
  'teach.oscillation':
    '从第 {step} 步起，沿陡峭方向 {axis} 有 lr·λ_max = {product} > 1：每一步都越过谷底，路径在谷底两侧来回折返；但它仍在稳定区间（{band}）之内，折返会越来越小。',
  'teach.ripples':
    '动量 μ = {mu} 时，陡峭方向 {axis} 从第 {step} 步起呈螺旋式收敛：lr·λ_max = {product} 在稳定区间（{band}）之内，而 μ 高于临界阻尼 (1 − √(lr·λ))² = {critical}，所以路径会冲过谷底再荡回来，以涟漪的形态收敛。',
  'teach.ripplesNoCritical':
    '动量 μ = {mu} 时，陡峭方向 {axis} 从第 {step} 步起呈螺旋式收敛：lr·λ_max = {product} 在稳定区间（{band}）之内，路径会冲过谷底再荡回来，以涟漪的形态收敛。',
  'teach.withinBand':
    'lr·λ_max 最大为 {product}（第 {step} 步），在稳定区间 {band} 之内：没有哪个方向被放大。',
  'teach.downhill':
    '从第 {step} 步起，曲面沿 {axis} 方向向下弯曲（λ_min = {lambda}），路径会沿这个方向越走越快。',
  'teach.noClosedForm': '{optimizer} 用梯度的滑动统计量去除每一步，所以它的稳定学习率没有解析式。',
  'teach.sweepEdge':
    '在 {min} 到 {max} 之间扫描学习率：从 lr ≈ {edge} 起，运行结束时的损失高于起点；最后一个正常的学习率约为 {stable}。',
  'teach.sweepEdgeAll':
    '在 {min} 到 {max} 之间扫描学习率：从最小的学习率起，每次运行结束时的损失都高于起点。',
  'teach.sweepNoEdge': '在 {min} 到 {max} 之间扫描学习率，没有一次运行结束时的损失高于起点。',
};

// Teaching in depth (issue 14): divergence explained.
export const teachZhTW: TeachMessages = {
  'teach.band.plain': 'lr·λ < 2',
  'teach.band.heavyBall': 'lr·λ < 2(1 + μ) = {bound}',
  'teach.band.dampened': 'lr·λ < 2(1 + μ)/(1 − τ) = {bound}',
  'teach.band.nesterov': 'lr·λ < 2(1 + μ)/(1 + 2μ) = {bound}',
  'teach.nonFiniteStart':
    '起點 ({x}, {y}) 的損失是 {loss}，不是有限數，無法從這裡跨出一步：請換一個起點。',
  'teach.exceedsBand':
    '從第 {step} 步起，沿陡峭方向 {axis} 有 lr·λ_max = {product} > {bound}：穩定區間是 {band}，因此沿這個方向每一步都比上一步衝得更遠。',
  'teach.lrLimit': '在這一點，能保持穩定的最大學習率是 {limit}。',
  'teach.backInside':
    '第 {last} 步之後，路徑回到了穩定區間之內（學習率變小、曲率變緩或梯度被裁剪）。',
  'teach.clipped':
    '梯度裁剪限制了每一步的長度，所以這裡的穩定區間只是參考：越過它的執行也可能安然無恙。',
  'teach.outcome.overflow': '第 {step} 步時數值溢位了。',
  'teach.outcome.leftDomain': '第 {step} 步之後路徑離開了 f 的定義域：下一步落點處 f 沒有定義。',
  'teach.outcome.grew': '最後的損失比起點更高。',
  'teach.outcome.settles': '最後的損失仍比起點低。',
  'teach.negativeCurvature':
    '從第 {step} 步起，曲面沿 {axis} 方向向下彎曲（λ_min = {lambda}）：路徑會一路往下滾，任何學習率都攔不住。',
  'teach.offModel':
    '雖然 lr·λ_max = {product} 一直在穩定區間（{band}）之內，執行仍在第 {step} 步溢位：某一步跳得太遠，遠遠超出了局部二次近似成立的範圍。',
  'teach.oscillation':
    '從第 {step} 步起，沿陡峭方向 {axis} 有 lr·λ_max = {product} > 1：每一步都越過谷底，路徑在谷底兩側來回折返；但它仍在穩定區間（{band}）之內，折返會越來越小。',
  'teach.ripples':
    '動量 μ = {mu} 時，陡峭方向 {axis} 從第 {step} 步起以螺旋方式收斂：lr·λ_max = {product} 在穩定區間（{band}）之內，而 μ 高於臨界阻尼 (1 − √(lr·λ))² = {critical}，所以路徑會衝過谷底再盪回來，以漣漪的樣子收斂。',
  'teach.ripplesNoCritical':
    '動量 μ = {mu} 時，陡峭方向 {axis} 從第 {step} 步起以螺旋方式收斂：lr·λ_max = {product} 在穩定區間（{band}）之內，路徑會衝過谷底再盪回來，以漣漪的樣子收斂。',
  'teach.withinBand':
    'lr·λ_max 最大為 {product}（第 {step} 步），在穩定區間 {band} 之內：沒有哪個方向被放大。',
  'teach.downhill':
    '從第 {step} 步起，曲面沿 {axis} 方向向下彎曲（λ_min = {lambda}），路徑會沿這個方向越走越快。',
  'teach.noClosedForm': '{optimizer} 用梯度的移動統計量去除每一步，因此它的穩定學習率沒有解析式。',
  'teach.sweepEdge':
    '在 {min} 到 {max} 之間掃描學習率：從 lr ≈ {edge} 起，執行結束時的損失高於起點；最後一個正常的學習率約為 {stable}。',
  'teach.sweepEdgeAll':
    '在 {min} 到 {max} 之間掃描學習率：從最小的學習率起，每次執行結束時的損失都高於起點。',
  'teach.sweepNoEdge': '在 {min} 到 {max} 之間掃描學習率，沒有一次執行結束時的損失高於起點。',
};

/** The three blocks by locale. */
export const TEACH_MESSAGES: Readonly<Record<Locale, TeachMessages>> = {
  en: teachEn,
  'zh-CN': teachZhCN,
  'zh-TW': teachZhTW,
};

/** Three significant digits, no trailing zeros, no exponent for everyday magnitudes (2.1, 1900, 0.0025). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-4 && abs < 1e6) return String(Number(value.toPrecision(3)));
  return value.toExponential(2).replace(/\.?0+e/, 'e');
}

/** A unit direction as "(0.71, 0.71)", sign chosen so its first non-zero component is positive. */
export function formatAxis(axis: DomainPoint): string {
  const flip = axis[0] < 0 || (axis[0] === 0 && axis[1] < 0) ? -1 : 1;
  const c = (v: number) => String(Number((flip * v).toFixed(2)) || 0);
  return `(${c(axis[0])}, ${c(axis[1])})`;
}

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** How a diverged run ended: its numbers overflowed, or a step left f's domain. */
function outcomeKey(e: { readonly leftDomain?: boolean }): TeachKey {
  return e.leftDomain === true ? 'teach.outcome.leftDomain' : 'teach.outcome.overflow';
}

/**
 * The explanation as sentences in `locale` (1–4 of them, each a full sentence), numbers to three
 * significant digits. Throws nothing: every kind of DivergenceExplanation has its sentences.
 */
export function formatDivergence(e: DivergenceExplanation, locale: Locale): string[] {
  const m = TEACH_MESSAGES[locale];
  const say = (key: TeachKey, params: Readonly<Record<string, string | number>> = {}) =>
    fill(m[key], params);
  const n = formatNumber;
  if (e.kind === 'non-finite-start') {
    return [
      say('teach.nonFiniteStart', { x: n(e.point[0]), y: n(e.point[1]), loss: String(e.loss) }),
    ];
  }
  if (e.kind === 'no-closed-form') {
    const out = [say('teach.noClosedForm', { optimizer: OPTIMIZERS[e.optimizer].label })];
    const range = { min: n(e.sweep.lrMin), max: n(e.sweep.lrMax) };
    if (!e.edge) out.push(say('teach.sweepNoEdge', range));
    else if (e.edge.lastStable === undefined) out.push(say('teach.sweepEdgeAll', range));
    else
      out.push(
        say('teach.sweepEdge', {
          ...range,
          edge: n(e.edge.firstDiverged),
          stable: n(e.edge.lastStable),
        }),
      );
    if (e.diverged) out.push(say(outcomeKey(e), { step: e.divergedAtStep ?? 0 }));
    else if (e.lossGrew) out.push(say('teach.outcome.grew'));
    return out;
  }
  const bound = n(e.bound);
  const band =
    e.form === 'plain'
      ? say('teach.band.plain')
      : e.form === 'nesterov'
        ? say('teach.band.nesterov', { bound })
        : e.dampening !== 0
          ? say('teach.band.dampened', { bound })
          : say('teach.band.heavyBall', { bound });
  const at = (p: PathNumbers) => ({
    step: p.step,
    product: n(p.product),
    axis: formatAxis(p.axis),
    lambda: n(p.lambdaMin),
  });
  const outcome = (): string[] => {
    if (e.diverged) return [say(outcomeKey(e), { step: e.divergedAtStep ?? 0 })];
    return e.lossGrew ? [say('teach.outcome.grew')] : [];
  };
  switch (e.kind) {
    case 'exceeds-band': {
      const out = [say('teach.exceedsBand', { ...at(e.first), bound, band })];
      if (e.first.lambdaMax > 0) {
        out.push(say('teach.lrLimit', { limit: n(e.bound / e.first.lambdaMax) }));
      }
      if (e.clipped) out.push(say('teach.clipped'));
      if (e.backInside) out.push(say('teach.backInside', { last: e.lastStep }));
      if (!e.diverged && !e.lossGrew) return [...out, say('teach.outcome.settles')];
      return [...out, ...outcome()];
    }
    case 'negative-curvature':
      return [say('teach.negativeCurvature', at(e.first)), ...outcome()];
    case 'off-model':
      // Inside the band but out of f's domain: the domain, not the band, ended the run.
      if (e.leftDomain === true)
        return [say('teach.outcome.leftDomain', { step: e.divergedAtStep ?? e.last.step })];
      return [
        say('teach.offModel', { ...at(e.last), step: e.divergedAtStep ?? e.last.step, band }),
      ];
    case 'oscillates': {
      if (e.regime === 'oscillation') return [say('teach.oscillation', { ...at(e.first), band })];
      const critical =
        e.form === 'heavy-ball' && e.dampening === 0
          ? criticalMomentum(e.first.lr, e.first.lambdaMax)
          : NaN;
      const params = { ...at(e.first), band, mu: n(e.momentum), critical: n(critical) };
      return [say(Number.isNaN(critical) ? 'teach.ripplesNoCritical' : 'teach.ripples', params)];
    }
    case 'within-band': {
      const out = [say('teach.withinBand', { ...at(e.worst), band })];
      if (e.negativeCurvature) out.push(say('teach.downhill', at(e.negativeCurvature)));
      return [...out, ...outcome()];
    }
  }
}
