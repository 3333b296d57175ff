/**
 * The scene's gradient noise (issue 14, note 001): a kind (none, Gaussian, heavy-tailed,
 * Hessian-shaped, mini-batch), its scale or batch size, and its seed. Every change goes through
 * commitScene, so a value the engine refuses shows its field message and the map keeps the last
 * good scene.
 */
import { useId, useState } from 'react';
import { NOISE_TYPES } from '../../engine/noise/spec';
import type { NoiseSpec, NoiseType } from '../../engine/noise/spec';
import type { Scene } from '../../engine/types';
import { t } from '../../i18n';
import { ENSEMBLE_SIZE, useEnsemble } from '../../state/ensemble';
import { useDescent } from '../../state/store';
import { localFieldMessage } from '../fieldMessage';
import { NumberField } from './NumberField';

const NONE = 'none';

/** What a kind starts at when picked: visible on the default bowl, the seed kept across kinds. */
function defaultNoise(type: NoiseType, seed: number): NoiseSpec {
  switch (type) {
    case 'gaussian':
      return { type, scale: 0.5, seed };
    case 'heavy_tail':
      return { type, scale: 0.5, df: 3, seed };
    case 'hessian':
      return { type, scale: 0.5, seed };
    case 'minibatch':
      return { type, batch_size: 4, seed };
  }
}

/** Commits the scene with `noise` (or without noise); returns the refusals in the reader's language. */
function commitNoise(noise: NoiseSpec | undefined): string[] {
  const s = useDescent.getState();
  const { surface, start, steps, optimizers } = s.scene;
  const scene: Scene =
    noise === undefined ? { surface, start, steps, optimizers } : { ...s.scene, noise };
  return s.commitScene(scene).map(localFieldMessage);
}

/** The gradient-noise control under the surface picker. */
export function NoiseControl() {
  const noise = useDescent((s) => s.scene.noise);
  const [problem, setProblem] = useState<string | null>(null);
  const selectId = useId();
  const helpId = useId();
  const seed = noise?.seed ?? 1;
  const ensemble = useEnsemble((s) => s.count);
  const setEnsemble = useEnsemble((s) => s.setCount);

  const choose = (value: string): void => {
    const problems = commitNoise(
      value === NONE ? undefined : defaultNoise(value as NoiseType, seed),
    );
    setProblem(problems.length > 0 ? problems.join('; ') : null);
  };
  /** One field of the current noise set to `value`: the engine names it if refused. */
  const field =
    (name: 'scale' | 'df' | 'batch_size' | 'seed') =>
    (value: number): string[] => {
      if (noise === undefined) return [];
      const problems = commitNoise({ ...noise, [name]: value } as NoiseSpec);
      setProblem(null);
      return problems;
    };

  return (
    <fieldset className="noise-control" data-testid="noise-control">
      <legend>{t('noise.heading')}</legend>
      <label className="field" htmlFor={selectId}>
        <span>{t('noise.type')}</span>
        <select
          id={selectId}
          value={noise?.type ?? NONE}
          data-testid="noise-type"
          aria-describedby={helpId}
          onChange={(e) => choose(e.target.value)}
        >
          <option value={NONE}>{t('noise.type.none')}</option>
          {NOISE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`noise.type.${type}`)}
            </option>
          ))}
        </select>
      </label>
      {noise && (
        <div className="noise-fields">
          {noise.type === 'minibatch' ? (
            <NumberField
              label={t('noise.batchSize')}
              value={noise.batch_size}
              testId="noise-batch-size"
              onCommit={field('batch_size')}
            />
          ) : (
            <NumberField
              label={t('noise.scale')}
              value={noise.scale}
              testId="noise-scale"
              onCommit={field('scale')}
            />
          )}
          {noise.type === 'heavy_tail' && (
            <NumberField
              label={t('noise.df')}
              value={noise.df}
              testId="noise-df"
              onCommit={field('df')}
            />
          )}
          <NumberField
            label={t('noise.seed')}
            value={noise.seed}
            testId="noise-seed"
            onCommit={field('seed')}
          />
        </div>
      )}
      {noise && (
        <label className="field inline noise-ensemble">
          <input
            type="checkbox"
            checked={ensemble > 0}
            data-testid="noise-ensemble"
            onChange={(e) => setEnsemble(e.target.checked ? ENSEMBLE_SIZE : 0)}
          />
          <span>{t('noise.ensemble', { count: ENSEMBLE_SIZE })}</span>
        </label>
      )}
      {problem && (
        <p className="field-error" role="alert" data-testid="noise-error">
          {problem}
        </p>
      )}
      <p id={helpId} className="field-help">
        {t('noise.explain')}
      </p>
    </fieldset>
  );
}
