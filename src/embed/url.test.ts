import { describe, expect, it } from 'vitest';
import { readEmbedOptions } from './options';
import { appLink } from './url';
import { readQuery } from '../state/url';

const EMBED =
  'https://blog.example/descent/?embed=1&controls=play,lr:0&theme=dark&lang=zh-TW' +
  '&scene=f:rosenbrock;p:-1.5,2;n:80;o:adam,lr=0.05&view=l:heat';

describe('appLink (Open in Descent)', () => {
  it('opens the same scene, view and language in the app, without the embed parameters', () => {
    const { scene, view } = readQuery(new URL(EMBED).search);
    const link = appLink(EMBED, scene, view);
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe('https://blog.example/descent/');
    expect(readEmbedOptions(url.search).embed).toBe(false);
    for (const name of ['embed', 'controls', 'theme'])
      expect(url.searchParams.has(name)).toBe(false);
    expect(url.searchParams.get('lang')).toBe('zh-TW');
    const back = readQuery(url.search);
    expect(back.errors).toEqual([]);
    expect(back.scene).toEqual(scene);
    expect(back.view).toEqual(view);
  });

  it('from the classic embed page (embed.html) it points at the app page in the same folder', () => {
    const { scene, view } = readQuery('?scene=f:quadratic');
    const link = appLink('https://x.example/a/b/embed.html?scene=f:quadratic', scene, view);
    expect(link.startsWith('https://x.example/a/b/?scene=')).toBe(true);
    expect(link).not.toContain('lang=');
  });

  it('drops a lang value that is not a language tag', () => {
    const { scene, view } = readQuery('');
    const link = appLink('https://x.example/?embed=1&lang=%3Cscript%3E', scene, view);
    expect(link).not.toContain('lang=');
  });
});
