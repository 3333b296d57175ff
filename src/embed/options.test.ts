import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONTROLS,
  embedQuery,
  formatControls,
  parseControls,
  readEmbedOptions,
} from './options';
import { embedBase, embedUrl, escapeAttribute, iframeCode } from './code';

describe('embed options', () => {
  it('an embed without controls= shows playback only, light', () => {
    const o = readEmbedOptions('?embed=1&scene=f:quadratic');
    expect(o.embed).toBe(true);
    expect(o.controls).toEqual(DEFAULT_CONTROLS);
    expect(o.theme).toBe('light');
  });

  it('the app page is not an embed', () => {
    expect(readEmbedOptions('?scene=f:quadratic').embed).toBe(false);
    expect(readEmbedOptions('?embed=0').embed).toBe(false);
  });

  it('reads playback plus one learning-rate slider, and none', () => {
    expect(parseControls('play,lr:0').controls).toEqual({
      play: true,
      charts: false,
      params: [{ name: 'lr', index: 0 }],
    });
    expect(parseControls('none').controls).toEqual({ play: false, charts: false, params: [] });
    expect(parseControls('lr:1,momentum:1,charts').controls).toEqual({
      play: false,
      charts: true,
      params: [
        { name: 'lr', index: 1 },
        { name: 'momentum', index: 1 },
      ],
    });
  });

  it('unknown controls and themes are dropped and named, never thrown', () => {
    const o = readEmbedOptions('?embed=1&controls=play,%3Cscript%3E,lr:999&theme=neon');
    expect(o.controls).toEqual({ play: true, charts: false, params: [] });
    expect(o.theme).toBe('light');
    expect(parseControls('play,<script>,lr:999').rejected).toEqual(['<script>', 'lr:999']);
    expect(readEmbedOptions('?embed=1&controls=%E0%A4%A').controls).toEqual(DEFAULT_CONTROLS);
  });

  it('controls of which none can be read fall back to playback, and say so; none stays none', () => {
    const o = readEmbedOptions('?embed=1&controls=lr:99,foo,%3Cimg%3E');
    expect(o.controls).toEqual(DEFAULT_CONTROLS);
    expect(parseControls('lr:99,foo,<img>')).toMatchObject({
      rejected: ['lr:99', 'foo', '<img>'],
      fellBack: true,
    });
    expect(parseControls('none,foo').fellBack).toBe(false);
    expect(readEmbedOptions('?embed=1&controls=none').controls).toEqual({
      play: false,
      charts: false,
      params: [],
    });
    expect(readEmbedOptions('?embed=1&controls=none,foo').controls.play).toBe(false);
  });

  it('controls round-trip through their text, defaults left out of the query', () => {
    for (const text of [
      'play',
      'none',
      'play,lr:0',
      'lr:2,charts',
      'play,lr:0,momentum:0,charts',
    ]) {
      expect(formatControls(parseControls(text).controls)).toBe(text);
    }
    expect(embedQuery(DEFAULT_CONTROLS, 'light')).toBe('embed=1');
    expect(embedQuery(parseControls('none').controls, 'dark')).toBe(
      'embed=1&controls=none&theme=dark',
    );
  });
});

describe('embed code', () => {
  it('the iframe address carries the embed parameters, then the scene', () => {
    const url = embedUrl('https://blog.example/descent/', '?scene=f:rosenbrock;n:50&view=t:3', {
      controls: parseControls('play,lr:0').controls,
      theme: 'auto',
      lang: 'zh-CN',
    });
    expect(url).toBe(
      'https://blog.example/descent/?embed=1&controls=play,lr:0&theme=auto&lang=zh-CN&scene=f:rosenbrock;n:50&view=t:3',
    );
    expect(readEmbedOptions(url.slice(url.indexOf('?'))).controls.params).toEqual([
      { name: 'lr', index: 0 },
    ]);
  });

  it('the iframe code escapes its attributes and is lazy, titled and full width', () => {
    const code = iframeCode({ src: 'https://x/?a=1&b="2"', height: 512.4, title: 'A <b> "t"' });
    expect(code).toContain('src="https://x/?a=1&amp;b=&quot;2&quot;"');
    expect(code).toContain('title="A &lt;b&gt; &quot;t&quot;"');
    expect(code).toContain('width="100%"');
    expect(code).toContain('height="512"');
    expect(code).toContain('loading="lazy"');
    expect(escapeAttribute('&<>"')).toBe('&amp;&lt;&gt;&quot;');
  });
});

describe('embedBase', () => {
  it('points at embed.html in the app folder, whatever page or query the app is on', () => {
    expect(embedBase('https://x.example/blog/descent/?scene=f:quadratic#a')).toBe(
      'https://x.example/blog/descent/embed.html',
    );
    expect(embedBase('https://x.example/descent/index.html?lang=zh-CN')).toBe(
      'https://x.example/descent/embed.html',
    );
  });
  it('points at the app page itself without a build (the dev server has no embed.html)', () => {
    expect(embedBase('http://localhost:5173/?scene=f:quadratic', true)).toBe(
      'http://localhost:5173/',
    );
  });
});
