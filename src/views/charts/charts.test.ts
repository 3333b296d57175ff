import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DistanceChart } from './DistanceChart';
import { LossChart } from './LossChart';
import type { ChartProps, ChartSeries } from './types';

function series(label: string, values: number[], extra: Partial<ChartSeries> = {}): ChartSeries {
  return {
    label,
    color: '#0072b2',
    dash: [],
    values: new Float64Array(values),
    length: values.length,
    diverged: false,
    hidden: false,
    ...extra,
  };
}

function render(props: ChartProps, chart = LossChart): string {
  return renderToStaticMarkup(createElement(chart, props));
}

function lineCount(html: string): number {
  return html.match(/class="descent-chart__line"/g)?.length ?? 0;
}

describe('LossChart', () => {
  it('draws one line per visible optimizer and skips hidden ones', () => {
    const html = render({
      series: [
        series('SGD', [4, 2, 1]),
        series('Adam', [4, 3, 2], { hidden: true }),
        series('RMSProp', [4, 1, 0.5], { dash: [6, 3] }),
      ],
      cursor: 0,
      steps: 2,
    });
    expect(lineCount(html)).toBe(2);
    expect(html).toContain('stroke-dasharray="6 3"');
    expect(html).not.toContain('>Adam<');
  });

  it('marks a diverged run with its last finite step', () => {
    const html = render({
      series: [series('SGD lr 1.5', [4, 9, 20, 45], { diverged: true })],
      cursor: 0,
      steps: 100,
    });
    expect(html).toContain('descent-chart__diverged');
    expect(html).toContain('diverged at step 3');
  });

  it('summarises the chart for screen readers', () => {
    const html = render({
      series: [series('SGD', [4, 0.5]), series('NAG', [4, 7], { diverged: true })],
      cursor: 1,
      steps: 1,
    });
    const label = /<svg[^>]*role="img"[^>]*aria-label="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(label).toContain('Loss per step');
    expect(label).toContain('SGD 0.5 at step 1');
    expect(label).toContain('NAG diverged at step 1');
  });

  it('says which scale the y axis uses, symmetric log once losses go negative', () => {
    const positive = render({ series: [series('a', [4, 1e-3])], cursor: 0, steps: 1 });
    expect(positive).toContain('loss (log scale)');
    const saddle = render({ series: [series('a', [12, -3, -400])], cursor: 0, steps: 2 });
    expect(saddle).toContain('symmetric log');
  });

  it('moves only the cursor line when the cursor changes', () => {
    const base = { series: [series('SGD', [4, 2, 1, 0.5, 0.25])], steps: 4 };
    const a = render({ ...base, cursor: 1 });
    const b = render({ ...base, cursor: 3 });
    const pathOf = (html: string): string | undefined =>
      /class="descent-chart__line" d="([^"]*)"/.exec(html)?.[1];
    expect(pathOf(a)).toBe(pathOf(b));
    const cursorX = (html: string): number =>
      Number(/descent-chart__cursor-line"[^>]*translateX\(([\d.]+)px\)/.exec(html)?.[1]);
    expect(cursorX(b)).toBeGreaterThan(cursorX(a));
    expect(a).toContain('step 1');
    expect(b).toContain('step 3');
  });

  it('a live cursor source places the cursor line and dots while the legend keeps the step it was given', () => {
    const base = { series: [series('SGD', [4, 2, 1, 0.5, 0.25])], steps: 4 };
    const live = { get: () => 3, subscribe: () => () => undefined };
    const html = render({ ...base, cursor: 1, liveCursor: live });
    const cursorX = (markup: string): number =>
      Number(/descent-chart__cursor-line"[^>]*translateX\(([\d.]+)px\)/.exec(markup)?.[1]);
    expect(cursorX(html)).toBe(cursorX(render({ ...base, cursor: 3 })));
    expect(html).toContain('step 3');
    expect(html).toMatch(/SGD<\/span> <span class="descent-chart__legend-value">2</);
  });

  it('offers a keyboard slider over the steps only when the app listens for cursor changes', () => {
    const props = { series: [series('SGD', [4, 2, 1])], cursor: 2, steps: 2 };
    expect(render(props)).not.toContain('role="slider"');
    const html = render({ ...props, onCursor: () => undefined });
    expect(html).toMatch(/role="slider"[^>]*aria-valuemax="2"[^>]*aria-valuenow="2"/);
  });

  it('shows each optimizer’s value at the cursor in the legend', () => {
    const html = render({ series: [series('SGD', [4, 0.08, 0.01])], cursor: 1, steps: 2 });
    expect(html).toMatch(/SGD<\/span> <span class="descent-chart__legend-value">0.08</);
  });
});

describe('DistanceChart', () => {
  it('is titled as a distance chart on a log axis', () => {
    const html = render(
      { series: [series('SGD', [4.47, 1, 0.1])], cursor: 0, steps: 2 },
      DistanceChart,
    );
    expect(html).toContain('Distance to the nearest minimum');
    expect(html).toContain('distance (log scale)');
  });
});
