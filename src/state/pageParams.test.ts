import { describe, expect, it } from 'vitest';
import { PAGE_MESSAGES } from '../engine/pageMessages';
import { pageParamProblems, reportPageParams } from './pageParams';
import type { PageContext } from './pageParams';

const APP: PageContext = { page: 'visualizer', embed: false, themeUsed: 'auto' };
const EMBED: PageContext = { page: 'visualizer', embed: true, themeUsed: 'light' };

const said = (search: string, context = APP): string[] =>
  pageParamProblems(search, context).map((p) => `${p.path}: ${p.message}`);

describe('page parameters', () => {
  it('good values and unknown names say nothing', () => {
    expect(
      said('?page=lab&embed=0&theme=dark&lang=zh-TW&present=1&lesson=lr-too-large&fbclid=x'),
    ).toEqual([]);
    expect(said('?embed=1&controls=play,lr:0,charts&theme=auto', EMBED)).toEqual([]);
    expect(said('')).toEqual([]);
  });

  it('each bad value is named with the parameter, the value and what is used instead', () => {
    expect(
      said('?page=labb&embed=maybe&theme=purple&lang=fr&present=yes&lesson=No%20Such'),
    ).toEqual([
      'page: "labb" is not one of lab, lessons; the visualizer is shown',
      'embed: "maybe" is not 1 or 0; the whole app is shown',
      'theme: "purple" is not one of light, dark, auto; auto is used',
      'lang: "fr" is not one of en, zh-CN, zh-TW; the saved or the browser’s language is used',
      'present: "yes" is not 1 or 0; presenter mode stays off',
      'lesson: "No Such" is not a lesson; the scene is shown without one',
    ]);
  });

  it('an embed names each control it could not read, and says when it fell back to play', () => {
    expect(said('?embed=1&controls=lr:0,foo', EMBED)).toEqual([
      'controls: "foo" is not a control (play, charts, none, or a slider such as lr:0); it is left out',
    ]);
    expect(said('?embed=1&controls=foo,bar&theme=neon', EMBED)).toEqual([
      'controls: "foo" is not a control (play, charts, none, or a slider such as lr:0); it is left out',
      'controls: "bar" is not a control (play, charts, none, or a slider such as lr:0); it is left out',
      'controls: none of the controls could be read; the default, play, is shown',
      'theme: "neon" is not one of light, dark, auto; light is used',
    ]);
    // The whole app does not read controls=.
    expect(said('?controls=foo')).toEqual([]);
  });

  it('text that is not percent-encoding, and very long values, are named without breaking', () => {
    expect(said('?theme=%E0%A4%A')).toEqual([
      'theme: is not valid percent-encoded text; the default is used',
    ]);
    const [long] = pageParamProblems(`?lang=${'x'.repeat(5000)}`, APP);
    expect(long!.params!.got).toHaveLength(40);
  });

  it('a lesson id of the right form is checked against the catalogue once it is loaded', async () => {
    const found: string[] = [];
    await reportPageParams(
      '?lesson=no-such-lesson',
      APP,
      (p) => found.push(...p.map((e) => e.path)),
      () => Promise.resolve(['lr-too-large']),
    );
    expect(found).toEqual(['lesson']);
    const none: string[] = [];
    await reportPageParams(
      '?lesson=lr-too-large',
      APP,
      (p) => none.push(...p.map((e) => e.path)),
      () => Promise.resolve(['lr-too-large']),
    );
    expect(none).toEqual([]);
  });

  it('every problem carries a code whose English is the message', () => {
    for (const p of pageParamProblems('?page=x&embed=x&theme=x&lang=x&present=x&lesson=X', APP))
      expect(Object.keys(PAGE_MESSAGES)).toContain(p.code);
  });
});
