import { useEffect } from 'react';
import type { FieldError } from '../../engine/types';
import { useTheme } from '../theme/theme';

/**
 * Checks the page's own parameters (theme=, lang=, present=, …) once, after the first render, and
 * hands what is wrong to `add` (the page's link notice). For the lab and the lessons page; the
 * visualizer and the embed check theirs in main.tsx (with the lessons' ids). The checks load with
 * their own chunk (state/pageParams). A module of its own, not ProblemList's: that one ships with
 * the first screen, this one only with the lazy pages that use it.
 */
export function usePageParamProblems(
  page: 'lab' | 'lessons',
  add: (problems: readonly FieldError[]) => void,
): void {
  useEffect(() => {
    void import('../../state/pageParams').then((m) =>
      m.reportPageParams(
        window.location.search,
        { page, embed: false, themeUsed: useTheme.getState().choice },
        add,
      ),
    );
    // Once per page: `add` may be a new function each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page]);
}
