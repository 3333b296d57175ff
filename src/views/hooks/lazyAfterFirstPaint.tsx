import { lazy, Suspense } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { withAllTexts } from '../../i18n';
import { useAfterFirstPaint } from './afterFirstPaint';

/**
 * A component whose code is fetched only after the first scene is painted (see afterFirstPaint):
 * until then, and while its chunk loads, `placeholder` stands in (size it like the real thing so
 * nothing jumps when it arrives).
 */
export function lazyAfterFirstPaint<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: ReactNode = null,
): ComponentType<P> {
  const Lazy = lazy(() => withAllTexts(load()).then((component) => ({ default: component })));
  function AfterFirstPaint(props: P) {
    const painted = useAfterFirstPaint();
    if (!painted) return <>{placeholder}</>;
    return (
      <Suspense fallback={placeholder}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return AfterFirstPaint;
}
