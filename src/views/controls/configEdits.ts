/** Small edits of an optimizer's config shared by its row and its settings editor. */
import type { FieldError, OptimizerConfig } from '../../engine/types';
import { t } from '../../i18n';
import { localMessage } from '../fieldMessage';

/** `config` without one optional field (absent, not undefined: the URL and validator see no key). */
export function without(
  config: OptimizerConfig,
  key: 'label' | 'schedule' | 'clip_grad_norm',
): OptimizerConfig {
  const copy: Record<string, unknown> = { ...config };
  delete copy[key];
  return copy as unknown as OptimizerConfig;
}

export const describeErrors = (errors: readonly FieldError[]): string[] =>
  errors.map((e) =>
    t('optimizers.invalid', {
      field: e.path.replace(/^optimizers\[\d+\]\./, ''),
      message: localMessage(e),
    }),
  );
