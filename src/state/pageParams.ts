/**
 * The page's own URL parameters beyond `scene=` and `view=` (page, embed, controls, theme, lang,
 * present, lesson), checked for values the page could not use. Each reader of a parameter already
 * falls back to its default; this names what was wrong in the link notice, in the reader's
 * language. Loaded after the first paint: nothing here changes what is drawn, so its code and
 * sentences stay out of the first bundle. Unknown parameter *names* are ignored on purpose:
 * shared links pick up fbclid, utm_source and the like, which are not the reader's mistakes.
 */
import { rawQueryParam } from '../engine/scene-url';
import { pageProblem as problem } from '../engine/pageProblem';
import type { FieldError } from '../engine/types';
import { decode, parseControls, THEMES } from '../embed/options';
import { LOCALE_IDS } from '../i18n';
import { LANG_PARAM, parseLocale } from '../i18n/detect';
import { LESSON_PARAM, PRESENT_PARAM } from './present';
import { ANALYSIS_PARAM, decodeAnalysis } from './analysisUrl';

/** Longest value echoed in a notice (a link can carry anything). */
const MAX_ECHO = 40;

/** What the page made of its parameters, for the "is used" part of the sentences. */
export interface PageContext {
  /** Which page runs (`page=`, read by main.tsx). */
  readonly page: 'visualizer' | 'lab' | 'lessons';
  /** Whether it runs as an embed (`embed=1`). */
  readonly embed: boolean;
  /** The theme in effect when `theme=` could not be used (light in an embed, else the saved or auto). */
  readonly themeUsed: string;
  /** Known lesson ids, when the catalogue is loaded; without it only the id's form is checked. */
  readonly lessonIds?: readonly string[];
}

/**
 * The problems with the page parameters of `search` (a query string, `?` optional), in the order
 * of the list above. Pure; never throws. Each problem's path is the parameter's name and its
 * params name the value given (clipped to 40 characters).
 */
export function pageParamProblems(search: string, context: PageContext): FieldError[] {
  const out: FieldError[] = [];
  const read = (name: string): string | undefined => {
    const raw = rawQueryParam(search, name);
    if (raw === undefined) return undefined;
    const text = decode(raw);
    if (text === undefined) out.push(problem(name, 'page.notEncoded'));
    return text;
  };
  const got = (text: string): string => text.slice(0, MAX_ECHO);

  const page = read('page');
  if (page !== undefined && page !== 'lab' && page !== 'lessons')
    out.push(problem('page', 'page.page', { got: got(page), choices: 'lab, lessons' }));

  const embed = read('embed');
  if (embed !== undefined && !['1', '0', 'true', 'false'].includes(embed))
    out.push(problem('embed', 'page.embed', { got: got(embed) }));

  // Only an embed reads controls=; on the whole app it is left alone.
  const controls = context.embed ? read('controls') : undefined;
  if (controls !== undefined) {
    const { rejected, fellBack } = parseControls(controls);
    for (const token of rejected) out.push(problem('controls', 'page.control', { got: token }));
    if (fellBack) out.push(problem('controls', 'page.noControls'));
  }

  const theme = read('theme');
  if (theme !== undefined && !(THEMES as readonly string[]).includes(theme))
    out.push(
      problem('theme', 'page.choice', {
        got: got(theme),
        choices: THEMES.join(', '),
        used: context.themeUsed,
      }),
    );

  const lang = read(LANG_PARAM);
  if (lang !== undefined && parseLocale(lang) === null)
    out.push(problem(LANG_PARAM, 'page.lang', { got: got(lang), choices: LOCALE_IDS.join(', ') }));

  const present = read(PRESENT_PARAM);
  if (present !== undefined && present !== '1' && present !== '0')
    out.push(problem(PRESENT_PARAM, 'page.present', { got: got(present) }));

  const lesson = read(LESSON_PARAM);
  if (
    lesson !== undefined &&
    (!/^[a-z0-9-]{1,64}$/.test(lesson) ||
      (context.lessonIds !== undefined && !context.lessonIds.includes(lesson)))
  )
    out.push(problem(LESSON_PARAM, 'page.lesson', { got: got(lesson) }));

  // The Analyze drawer's settings (the visualizer's; an embed has no drawer).
  const analysis =
    context.page === 'visualizer' && !context.embed ? read(ANALYSIS_PARAM) : undefined;
  if (analysis !== undefined) decodeAnalysis(analysis, out);
  return out;
}

/**
 * Checks the page's parameters of `search` and hands any problems to `add` (the page's link
 * notice). When `lesson=` names an id of the right form, `lessonIds` is awaited first so an
 * unknown lesson is named too; a catalogue that fails to load only skips that check.
 */
export async function reportPageParams(
  search: string,
  context: Omit<PageContext, 'lessonIds'>,
  add: (problems: readonly FieldError[]) => void,
  lessonIds?: () => Promise<readonly string[]>,
): Promise<void> {
  const ids =
    lessonIds && rawQueryParam(search, LESSON_PARAM) !== undefined
      ? await lessonIds().catch(() => undefined)
      : undefined;
  const problems = pageParamProblems(
    search,
    ids === undefined ? context : { ...context, lessonIds: ids },
  );
  if (problems.length > 0) add(problems);
}
