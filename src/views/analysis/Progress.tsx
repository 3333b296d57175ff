import { t } from '../../i18n';

/** A labelled progress bar for a running analysis. */
export function Progress(props: { running: boolean; done: number; total: number; testId: string }) {
  const { running, done, total, testId } = props;
  if (!running) return null;
  return (
    <div className="analysis-progress" data-testid={testId}>
      <progress
        max={Math.max(1, total)}
        value={total > 0 ? done : undefined}
        aria-label={t('analysis.progress')}
      />
      <span>{total > 0 ? t('analysis.progressOf', { done, total }) : t('app.loading')}</span>
    </div>
  );
}
