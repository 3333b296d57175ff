import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE } from '../../engine/scene';
import { resolveSurface } from '../../engine/surfaces';
import type { Scene, Surface } from '../../engine/types';
import { computeSurfaceLayer, computeTrajectories } from '../../worker/handlers';
import { mapExit } from '../map/drawTrajectories';
import { mapEntry } from '../map/mapEntry';
import { makeProjection } from '../map/projection';
import { optimizerStyle } from '../palette';
import { xmlEscape } from './recorder';
import { buildMapSvg } from './svg';
import type { MapSnapshot } from './svg';

const labels = { title: 'Descent', legend: 'Loss', start: 'Start', minimum: 'Minimum' };

function surfaceOf(scene: Scene): Surface {
  const r = resolveSurface(scene.surface);
  if (!r.ok) throw new Error('surface');
  return r.surface;
}

function snapshot(scene: Scene, cursor: number): MapSnapshot {
  const surface = surfaceOf(scene);
  const layer = computeSurfaceLayer({
    surface: scene.surface,
    domain: surface.domain,
    width: 64,
    height: 48,
    spacing: 'log',
    levels: 12,
    quiver: 0,
  });
  return {
    scene,
    surface,
    layer,
    trajectories: computeTrajectories(scene),
    cursor,
    ghost: false,
    arrows: false,
    projection: makeProjection(surface.domain, 400, 300),
  };
}

/** Stroked trajectory paths of one colour (halo strokes are white). */
function strokesOf(svg: string, color: string): string[] {
  return [...svg.matchAll(/<path d="([^"]*)" fill="none" stroke="([^"]*)"/g)]
    .filter((m) => m[2] === color)
    .map((m) => m[1]!);
}

describe('the map as SVG', () => {
  it('draws every visible optimizer in its colour and dash, the contours and the heat image', () => {
    const svg = buildMapSvg(snapshot(DEFAULT_SCENE, DEFAULT_SCENE.steps), {
      heatHref: 'data:image/png;base64,AAAA',
      labels,
    });
    const layerPaths = snapshot(DEFAULT_SCENE, 0).layer!.contours.length;
    expect(svg.match(/<g class="contours"[^>]*>(.*?)<\/g>/)![1]!.match(/<path /g)).toHaveLength(
      layerPaths,
    );
    expect(svg).toContain('href="data:image/png;base64,AAAA"');
    DEFAULT_SCENE.optimizers.forEach((o, i) => {
      const style = optimizerStyle(o, i);
      const trajectoryStroke = strokesOf(svg, style.color).filter((d) => d.split('L').length > 5);
      expect(trajectoryStroke.length, o.type).toBeGreaterThan(0);
    });
    // The second optimizer's dash pattern is carried over from the palette.
    expect(svg).toContain(
      `stroke-dasharray="${optimizerStyle(DEFAULT_SCENE.optimizers[1]!, 1).dash.join(' ')}"`,
    );
  });

  it('draws a path only up to the playback cursor', () => {
    const color = optimizerStyle(DEFAULT_SCENE.optimizers[0]!, 0).color;
    const vertices = (cursor: number): number => {
      const svg = buildMapSvg(snapshot(DEFAULT_SCENE, cursor), { heatHref: null, labels });
      return Math.max(...strokesOf(svg, color).map((d) => d.split(/[ML]/).length - 1));
    };
    expect(vertices(10)).toBe(11);
    expect(vertices(40)).toBeGreaterThan(vertices(10));
  });

  it('parses as XML even with hostile optimizer labels', () => {
    const scene: Scene = {
      ...DEFAULT_SCENE,
      optimizers: [{ ...DEFAULT_SCENE.optimizers[0]!, label: '<b>"a" & \'b\'\u0001</b>' }],
    };
    const svg = buildMapSvg(snapshot(scene, 20), { heatHref: null, labels });
    expect(svg).toContain('&lt;b&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(xmlEscape('\u0001x')).toBe('x');
  });

  it('leaves hidden optimizers out of the picture and the key', () => {
    const scene: Scene = {
      ...DEFAULT_SCENE,
      optimizers: DEFAULT_SCENE.optimizers.map((o, i) => (i === 0 ? { ...o, hidden: true } : o)),
    };
    const svg = buildMapSvg(snapshot(scene, 50), { heatHref: null, labels });
    const color = optimizerStyle(scene.optimizers[0]!, 0).color;
    expect(strokesOf(svg, color).filter((d) => d.split('L').length > 5)).toHaveLength(0);
    expect(svg.match(/class="key-item"/g)).toHaveLength(scene.optimizers.length - 1);
  });
});

describe('the "left the map" labels in the SVG', () => {
  const leaving: Scene = {
    ...DEFAULT_SCENE,
    steps: 30,
    optimizers: [
      { type: 'sgd', lr: 1.2, label: 'Wild' },
      { type: 'sgd', lr: 0.1, label: 'Calm' },
    ],
  };
  const withText = {
    ...labels,
    leftMap: (name: string, step: number, arrow: string) => `${name} left at ${step} ${arrow}`,
  };

  it('names the path that left, at the step the map shows, inside the plot', () => {
    const shot = snapshot(leaving, 30);
    const exit = mapExit(shot.trajectories[0]!, shot.projection)!;
    expect(exit).not.toBeNull();
    const svg = buildMapSvg(shot, { heatHref: null, labels: withText });
    const texts = [...svg.matchAll(/<g class="exits"[^>]*>(.*?)<\/g>/g)].map((m) => m[1]!);
    expect(texts).toHaveLength(1);
    const found = [...texts[0]!.matchAll(/<text x="([^"]*)" y="([^"]*)"[^>]*>([^<]*)</g)];
    expect(found.map((m) => m[3])).toEqual([
      `Wild left at ${exit.step} ${exit.edge === 'top' ? '↑' : exit.edge === 'bottom' ? '↓' : exit.edge === 'left' ? '←' : '→'}`,
    ]);
    const [x, y] = [Number(found[0]![1]), Number(found[0]![2])];
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x + found[0]![3]!.length * 0.6 * 12).toBeLessThanOrEqual(shot.projection.width);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThanOrEqual(shot.projection.height);
  });

  it('draws none before the path leaves, nor without the words for it', () => {
    const shot = snapshot(leaving, 30);
    const exit = mapExit(shot.trajectories[0]!, shot.projection)!;
    const before = buildMapSvg(snapshot(leaving, exit.step - 1), {
      heatHref: null,
      labels: withText,
    });
    expect(before).not.toContain('class="exits"');
    expect(buildMapSvg(shot, { heatHref: null, labels })).not.toContain('class="exits"');
  });
});

describe('the "off the map" label of a start outside the view, in the SVG', () => {
  const offMap = (name: string, step: number | null, arrow: string) =>
    `${name} off ${step ?? 'all run'} ${arrow}`;
  const far: Scene = {
    ...DEFAULT_SCENE,
    start: [1e9, -1e9],
    steps: 20,
    optimizers: [{ type: 'sgd', lr: 0.1, label: 'Far' }],
  };

  it('names a path that never comes into view, at every step, inside the plot', () => {
    for (const cursor of [0, 20]) {
      const shot = snapshot(far, cursor);
      const svg = buildMapSvg(shot, { heatHref: null, labels: { ...labels, offMap } });
      const found = [...svg.matchAll(/<g class="exits"[^>]*>.*?<text x="([^"]*)"[^>]*>([^<]*)</g)];
      expect(found.map((m) => m[2])).toEqual([
        // Down and to the right of the view, the way the start lies.
        'Far off all run ↘',
      ]);
      expect(Number(found[0]![1])).toBeGreaterThanOrEqual(0);
    }
  });

  it('stops naming it once the path is in view', () => {
    // From (−9, 0), outside the view's left edge: x shrinks ×0.9 a step on x²/10, in view by step 6.
    const late: Scene = {
      ...far,
      start: [-9, 0],
      optimizers: [{ type: 'sgd', lr: 0.5, label: 'Late' }],
    };
    const shot = snapshot(late, 20);
    const entry = mapEntry(shot.trajectories[0]!, shot.projection)!;
    expect(entry.step).not.toBeNull();
    const before = buildMapSvg(snapshot(late, entry.step! - 1), {
      heatHref: null,
      labels: { ...labels, offMap },
    });
    expect(before).toContain(`Late off ${entry.step} ←`);
    const after = buildMapSvg(snapshot(late, entry.step!), {
      heatHref: null,
      labels: { ...labels, offMap },
    });
    expect(after).not.toContain('class="exits"');
  });
});

describe('the axes in the SVG', () => {
  it('leave out a top y tick label that would run into the name "y", and keep the others', () => {
    const shot = snapshot(DEFAULT_SCENE, 0);
    const axesOf = (height: number, y: [number, number]): string => {
      const projection = makeProjection({ x: [-5, 5], y }, 400, height);
      const svg = buildMapSvg({ ...shot, projection }, { heatHref: null, labels });
      return svg.slice(svg.indexOf('<g class="axes"'));
    };
    // A 60 px plot over [−250, 250]: the tick 200 sits beside the name; −200 and 0 keep theirs.
    const short = axesOf(60, [-250, 250]);
    expect(short).not.toContain('>200</text>');
    expect(short).toContain('>0</text>');
    expect(short).toContain('>−200</text>');
    // A tall plot keeps the 200 (it is far below the name).
    expect(axesOf(300, [-250, 250])).toContain('>200</text>');
  });
});

describe('the hidden-state glyphs in the SVG', () => {
  const glyphs = {
    markup: '<g data-testid="glyphs-0"><line data-glyph="gradient"/></g>',
    fontSize: 26,
  };

  it('are drawn inside the clipped plot, at the font size the map placed their labels at', () => {
    const svg = buildMapSvg({ ...snapshot(DEFAULT_SCENE, 5), glyphs }, { heatHref: null, labels });
    const plot = svg.slice(svg.indexOf('<g class="plot"'), svg.indexOf('<g class="axes"'));
    expect(plot).toContain(`<g class="glyphs" font-size="26">${glyphs.markup}</g>`);
  });

  it('are left out when off, and of an animation frame (they belong to one step)', () => {
    expect(buildMapSvg(snapshot(DEFAULT_SCENE, 5), { heatHref: null, labels })).not.toContain(
      'class="glyphs"',
    );
    const frame = buildMapSvg(
      { ...snapshot(DEFAULT_SCENE, 5), glyphs },
      { heatHref: null, labels, withoutTrajectories: true },
    );
    expect(frame).not.toContain('class="glyphs"');
  });
});
