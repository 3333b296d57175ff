import { lazy, Suspense } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { withAllTexts } from '../../i18n';
import { useAfterFirstPaint } from './afterFirstPaint';

/**
 * A component whose code is fetched only after the first scene is painted (see afterFirstPaint):
 * until then, and while its chunk loads, `placeholder` stands in (a node, or a function of the
 * props; size it like the real thing so nothing below it jumps when it arrives).
 */
export function lazyAfterFirstPaint<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: ReactNode | ((props: P) => ReactNode) = null,
): ComponentType<P> {
  const Lazy = lazy(() => withAllTexts(load()).then((component) => ({ default: component })));
  function AfterFirstPaint(props: P) {
    const painted = useAfterFirstPaint();
    const standIn = typeof placeholder === 'function' ? placeholder(props) : placeholder;
    if (!painted) return <>{standIn}</>;
    return (
      <Suspense fallback={standIn}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return AfterFirstPaint;
}
