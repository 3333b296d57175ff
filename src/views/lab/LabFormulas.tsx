import { Tex } from '../formula/Tex';
import { t } from './strings';
import type { LabStringKey } from './strings';

/** The formulas of notes 000, 003 and 004, each under its heading. */
const FORMULAS: readonly { title: LabStringKey; tex: string; help?: LabStringKey }[] = [
  {
    title: 'lab.fChain',
    tex: '\\begin{aligned} y_i &= w_i\\, y_{i-1} + b_i,\\quad y_0 = x,\\quad L = \\tfrac12(\\hat y - t)^2 \\\\ \\frac{\\partial L}{\\partial w_i} &= (\\hat y - t)\\,\\prod_{k=i+1}^{n} w_k \\cdot y_{i-1} \\end{aligned}',
  },
  {
    title: 'lab.fBackprop',
    tex: "\\begin{aligned} \\text{BP1:}\\quad \\delta^{L} &= \\nabla_{a} L \\odot g'(z^{L}) \\\\ \\text{BP2:}\\quad \\delta^{l} &= \\big((W^{l+1})^{\\top} \\delta^{l+1}\\big) \\odot g'(z^{l}) \\\\ \\text{BP3:}\\quad \\frac{\\partial L}{\\partial b^{l}_j} &= \\delta^{l}_j \\\\ \\text{BP4:}\\quad \\frac{\\partial L}{\\partial W^{l}_{jk}} &= a^{l-1}_k\\, \\delta^{l}_j \\end{aligned}",
  },
  {
    title: 'lab.fInit',
    tex: '\\begin{aligned} \\text{Xavier:}\\quad W &\\sim U\\!\\left[-\\sqrt{\\tfrac{6}{n_\\text{in} + n_\\text{out}}},\\ \\sqrt{\\tfrac{6}{n_\\text{in} + n_\\text{out}}}\\right] \\\\ \\text{He:}\\quad W &\\sim \\mathcal N\\!\\left(0,\\ \\tfrac{2}{n_\\text{in}}\\right) \\end{aligned}',
    help: 'lab.fInitHelp',
  },
  {
    title: 'lab.fBnForward',
    tex: '\\begin{aligned} \\mu_B &= \\frac1m \\sum_{i=1}^m x_i, \\qquad \\sigma_B^2 = \\frac1m \\sum_{i=1}^m (x_i - \\mu_B)^2 \\\\ \\hat x_i &= \\frac{x_i - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}}, \\qquad z_i = \\gamma\\, \\hat x_i + \\beta \\end{aligned}',
  },
  {
    title: 'lab.fBnBackward',
    tex: '\\begin{aligned} \\frac{\\partial J}{\\partial \\gamma} &= \\sum_{i=1}^m \\delta_i\\, \\hat x_i, \\qquad \\frac{\\partial J}{\\partial \\beta} = \\sum_{i=1}^m \\delta_i, \\qquad \\frac{\\partial J}{\\partial \\hat x_i} = \\delta_i\\, \\gamma \\\\ \\frac{\\partial J}{\\partial \\sigma_B^2} &= -\\frac12 \\sum_{i=1}^m \\frac{\\partial J}{\\partial \\hat x_i} (x_i - \\mu_B)(\\sigma_B^2 + \\epsilon)^{-3/2} \\\\ \\frac{\\partial J}{\\partial \\mu_B} &= -\\sum_{i=1}^m \\frac{\\partial J}{\\partial \\hat x_i} \\frac{1}{\\sqrt{\\sigma_B^2 + \\epsilon}} - \\frac{2}{m} \\frac{\\partial J}{\\partial \\sigma_B^2} \\sum_{i=1}^m (x_i - \\mu_B) \\\\ \\frac{\\partial J}{\\partial x_i} &= \\frac{\\partial J}{\\partial \\hat x_i} \\frac{1}{\\sqrt{\\sigma_B^2 + \\epsilon}} + \\frac{\\partial J}{\\partial \\sigma_B^2} \\frac{2 (x_i - \\mu_B)}{m} + \\frac{\\partial J}{\\partial \\mu_B} \\frac1m \\end{aligned}',
  },
];

/** The lab's reference formulas in KaTeX. */
export function LabFormulas() {
  return (
    <section className="lab-card lab-formulas" aria-labelledby="lab-formulas-title">
      <h2 id="lab-formulas-title">{t('lab.formulas')}</h2>
      <div className="lab-formula-grid">
        {FORMULAS.map((f) => (
          <div key={f.title} className="lab-formula">
            <h3>{t(f.title)}</h3>
            <Tex tex={f.tex} display />
            {f.help && <p className="lab-help">{t(f.help)}</p>}
          </div>
        ))}
      </div>
    </section>
  );
}
