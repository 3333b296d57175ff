import { useId, useMemo, useState } from 'react';
import type { Activation } from '../../engine/nn/activations';
import { formatNumber } from '../format';
import { Tex } from '../formula/Tex';
import {
  CALC_MAX_LAYERS,
  CALC_MAX_UNITS,
  calcStages,
  computeCalc,
  editCalc,
  freshCalc,
  revealed,
} from './calculator';
import type { CalcStage, CalcState } from './calculator';
import { t } from './strings';
import type { LabStringKey } from './strings';

const CALC_ACTIVATIONS: readonly Activation[] = ['sigmoid', 'tanh', 'relu', 'linear'];

function stageName(stage: CalcStage): string {
  switch (stage.kind) {
    case 'forward':
      return t('lab.stageForward');
    case 'bp1':
      return t('lab.stageBP1', { layer: sub(stage.layer + 1) });
    case 'bp2':
      return t('lab.stageBP2', { layer: sub(stage.layer + 1), next: sub(stage.layer + 2) });
    case 'bp3':
      return t('lab.stageBP3');
    case 'bp4':
      return t('lab.stageBP4');
  }
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
function sub(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]!);
}

const STAGE_TEX: Record<CalcStage['kind'], string> = {
  forward:
    'z^{l} = W^{l} a^{l-1} + b^{l}, \\quad a^{l} = g(z^{l}), \\quad L = \\tfrac12 \\|a^{L} - t\\|^2',
  bp1: "\\delta^{L} = (a^{L} - t) \\odot g'(z^{L})",
  bp2: "\\delta^{l} = \\big((W^{l+1})^{\\top} \\delta^{l+1}\\big) \\odot g'(z^{l})",
  bp3: '\\partial L / \\partial b^{l} = \\delta^{l}',
  bp4: '\\partial L / \\partial W^{l}_{jk} = a^{l-1}_k\\, \\delta^{l}_j \\;\\approx\\; \\frac{L(W_{jk} + h) - L(W_{jk} - h)}{2h}',
};

function NumberBox({
  value,
  label,
  onChange,
}: {
  value: number;
  label: string;
  onChange: (v: number) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  return (
    <input
      type="number"
      className="lab-calc-input"
      step={0.1}
      aria-label={label}
      value={text ?? String(value)}
      onChange={(e) => {
        setText(e.target.value);
        const v = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(v)) onChange(v);
      }}
      onBlur={() => setText(null)}
    />
  );
}

function Cell({ value, shown, kind }: { value: number; shown: boolean; kind?: string }) {
  return (
    <td className={kind ? `lab-num ${kind}` : 'lab-num'}>{shown ? formatNumber(value, 4) : '·'}</td>
  );
}

/** The backprop calculator: edit a small net, step through BP1–BP4, see the finite-difference check. */
export function BackpropCalculator() {
  const [state, setState] = useState<CalcState>(() => freshCalc([2, 3, 2, 1], 'sigmoid', 4));
  const [stage, setStage] = useState(0);
  const [seed, setSeed] = useState(4);
  const result = useMemo(() => computeCalc(state), [state]);
  const stages = useMemo(() => calcStages(state.sizes.length - 1), [state.sizes.length]);
  const current = Math.min(stage, stages.length - 1);
  const actId = useId();
  const resize = (index: number, units: number): void => {
    const sizes = state.sizes.slice();
    sizes[index] = units;
    setState(freshCalc(sizes, state.activation, seed));
  };
  const setLayerCount = (count: number): void => {
    const hidden = state.sizes.slice(1, -1);
    while (hidden.length < count - 1) hidden.push(2);
    hidden.length = count - 1;
    setState(
      freshCalc(
        [state.sizes[0]!, ...hidden, state.sizes[state.sizes.length - 1]!],
        state.activation,
        seed,
      ),
    );
    setStage(0);
  };
  const agree = result.maxRelError < 1e-5;
  return (
    <section className="lab-card lab-calc" aria-labelledby="lab-calc-title">
      <h2 id="lab-calc-title">{t('lab.calculator')}</h2>
      <p className="lab-help">{t('lab.calculatorHelp')}</p>
      <div className="lab-calc-setup">
        <fieldset>
          <legend>{t('lab.calcLayers')}</legend>
          <label>
            {t('lab.depth')}
            <select
              value={state.sizes.length - 1}
              onChange={(e) => setLayerCount(Number(e.target.value))}
            >
              {Array.from({ length: CALC_MAX_LAYERS }, (_, i) => (
                <option key={i} value={i + 1}>
                  {i + 1}
                </option>
              ))}
            </select>
          </label>
          {state.sizes.map((n, i) => (
            <label key={i}>
              {i === 0 ? t('lab.calcInputSize') : t('lab.calcLayerSize', { layer: i })}
              <select value={n} onChange={(e) => resize(i, Number(e.target.value))}>
                {Array.from({ length: CALC_MAX_UNITS }, (_, k) => (
                  <option key={k} value={k + 1}>
                    {k + 1}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
        <div className="lab-field">
          <label htmlFor={actId}>{t('lab.calcActivation')}</label>
          <select
            id={actId}
            value={state.activation}
            onChange={(e) => setState({ ...state, activation: e.target.value as Activation })}
          >
            {CALC_ACTIVATIONS.map((a) => (
              <option key={a} value={a}>
                {t(`lab.act.${a}` as LabStringKey)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          onClick={() => {
            setSeed(seed + 1);
            setState(freshCalc(state.sizes, state.activation, seed + 1));
          }}
        >
          {t('lab.calcReset')}
        </button>
      </div>
      <div className="lab-calc-io">
        {state.input.map((v, i) => (
          <label key={`x${i}`}>
            {t('lab.calcInput', { index: sub(i + 1) })}
            <NumberBox
              value={v}
              label={t('lab.calcInput', { index: i + 1 })}
              onChange={(x) => setState(editCalc(state, 'input', i, x))}
            />
          </label>
        ))}
        {state.target.map((v, i) => (
          <label key={`t${i}`}>
            {t('lab.calcTarget', { index: sub(i + 1) })}
            <NumberBox
              value={v}
              label={t('lab.calcTarget', { index: i + 1 })}
              onChange={(x) => setState(editCalc(state, 'target', i, x))}
            />
          </label>
        ))}
        <output className="lab-calc-loss">
          {t('lab.calcLoss', { loss: formatNumber(result.loss, 5) })}
        </output>
      </div>
      <div className="lab-calc-stepper">
        <button
          type="button"
          onClick={() => setStage(Math.max(0, current - 1))}
          disabled={current === 0}
        >
          {t('lab.calcPrev')}
        </button>
        <button
          type="button"
          className="lab-primary"
          onClick={() => setStage(Math.min(stages.length - 1, current + 1))}
          disabled={current === stages.length - 1}
        >
          {t('lab.calcNext')}
        </button>
        <span aria-live="polite">
          {t('lab.calcStage', {
            n: current + 1,
            total: stages.length,
            name: stageName(stages[current]!),
          })}
        </span>
      </div>
      <Tex tex={STAGE_TEX[stages[current]!.kind]} display />
      <div className="lab-calc-layers">
        {result.layers.map((layer, l) => {
          const show = revealed(stages, current, l);
          const inSize = state.sizes[l]!;
          return (
            <div key={l} className="lab-calc-layer">
              <h3>{t('lab.layer', { layer: l + 1 })}</h3>
              <table className="lab-calc-table">
                <thead>
                  <tr>
                    <th scope="col">{t('lab.colParam')}</th>
                    <th scope="col">{t('lab.colValue')}</th>
                    <th scope="col">{t('lab.colBackprop')}</th>
                    <th scope="col">{t('lab.colNumeric')}</th>
                  </tr>
                </thead>
                <tbody>
                  {layer.W.flatMap((row, j) =>
                    row.map((w, k) => (
                      <tr key={`w${j}${k}`} data-param={`W${l + 1}[${j + 1},${k + 1}]`}>
                        <th scope="row">
                          W
                          <sub>
                            {j + 1},{k + 1}
                          </sub>
                        </th>
                        <td>
                          <NumberBox
                            value={w}
                            label={t('lab.calcWeight', { layer: l + 1, row: j + 1, col: k + 1 })}
                            onChange={(x) =>
                              setState(editCalc(state, 'params', layer.wOffset + j * inSize + k, x))
                            }
                          />
                        </td>
                        <Cell value={layer.dW[j]![k]!} shown={show.dW} kind="lab-bp" />
                        <Cell value={layer.dWNumeric[j]![k]!} shown={show.dW} kind="lab-fd" />
                      </tr>
                    )),
                  )}
                  {layer.b.map((b, j) => (
                    <tr key={`b${j}`} data-param={`b${l + 1}[${j + 1}]`}>
                      <th scope="row">
                        b<sub>{j + 1}</sub>
                      </th>
                      <td>
                        <NumberBox
                          value={b}
                          label={t('lab.calcBias', { layer: l + 1, row: j + 1 })}
                          onChange={(x) =>
                            setState(editCalc(state, 'params', layer.bOffset + j, x))
                          }
                        />
                      </td>
                      <Cell value={layer.db[j]!} shown={show.db} kind="lab-bp" />
                      <Cell value={layer.dbNumeric[j]!} shown={show.db} kind="lab-fd" />
                    </tr>
                  ))}
                </tbody>
              </table>
              <table className="lab-calc-table lab-calc-units">
                <thead>
                  <tr>
                    <th scope="col">j</th>
                    <th scope="col">z</th>
                    <th scope="col">a = g(z)</th>
                    <th scope="col">g′(z)</th>
                    <th scope="col">δ</th>
                  </tr>
                </thead>
                <tbody>
                  {layer.z.map((z, j) => (
                    <tr key={j}>
                      <th scope="row">{j + 1}</th>
                      <Cell value={z} shown />
                      <Cell value={layer.a[j]!} shown />
                      <Cell value={layer.gPrime[j]!} shown={show.delta} />
                      <Cell value={layer.delta[j]!} shown={show.delta} kind="lab-delta" />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </div>
      {stages[current]!.kind === 'bp4' && (
        <p className={agree ? 'lab-check lab-check--ok' : 'lab-check'} role="status">
          {t(agree ? 'lab.calcAgree' : 'lab.calcDisagree', {
            err: formatNumber(result.maxRelError, 2),
          })}
        </p>
      )}
    </section>
  );
}
