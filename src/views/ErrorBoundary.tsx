import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { t } from '../i18n';

/** Keeps a failing panel from blanking the page: shows the message and a retry button. */
export class ErrorBoundary extends Component<
  { children: ReactNode; name: string },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.name}]`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <div className="panel-error" role="alert">
          <p>{t('app.viewError', { message: this.state.error.message })}</p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            {t('app.retry')}
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
