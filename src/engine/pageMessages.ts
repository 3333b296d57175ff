/**
 * Messages about the page's own URL parameters (page, embed, controls, theme, lang, present,
 * lesson; see state/pageParams.ts), as codes with English sentences like engine/messages.ts: a
 * table of their own so the first paint does not carry them. The app says them through the same
 * `engine.<code>` catalogue keys.
 */
export const PAGE_MESSAGES = {
  'page.choice': '"{got}" is not one of {choices}; {used} is used',
  'page.page': '"{got}" is not one of {choices}; the visualizer is shown',
  'page.embed': '"{got}" is not 1 or 0; the whole app is shown',
  'page.present': '"{got}" is not 1 or 0; presenter mode stays off',
  'page.lang': '"{got}" is not one of {choices}; the saved or the browser’s language is used',
  'page.lesson': '"{got}" is not a lesson; the scene is shown without one',
  'page.control':
    '"{got}" is not a control (play, charts, none, or a slider such as lr:0); it is left out',
  'page.noControls': 'none of the controls could be read; the default, play, is shown',
  'page.notEncoded': 'is not valid percent-encoded text; the default is used',
  'page.analysisPart':
    '"{got}" is not a view ({choices}) or a setting of the Analyze drawer; it is ignored',
  'page.analysisValue': '"{got}" is not a number from {min} to {max}; {used} is used',
} as const;

/** A code of {@link PAGE_MESSAGES}. */
export type PageMessageCode = keyof typeof PAGE_MESSAGES;
