import { describe, expect, it } from 'vitest';
import { readQuery } from '../../src/state/url';
import { PLAYBACK_SCENE, PLAYBACK_VIEW, SLIDER_SCENE, sceneUrl } from './scenes';

const search = (url: string): string => new URL(url).search;

describe('bench scenes as the app reads them from the URL', () => {
  it('the slider scene loads without problems: twelve optimizers of 10,000 steps', () => {
    const { scene, errors } = readQuery(search(sceneUrl('http://127.0.0.1:1/', SLIDER_SCENE)));
    expect(errors).toEqual([]);
    expect(scene.optimizers).toHaveLength(12);
    expect(scene.steps).toBe(10_000);
  });

  it('the playback scene loads twelve optimizers and plays from step 0 for more than 10 s', () => {
    const { scene, view, errors } = readQuery(
      search(sceneUrl('http://127.0.0.1:1/', PLAYBACK_SCENE, PLAYBACK_VIEW)),
    );
    expect(errors).toEqual([]);
    expect(scene.optimizers).toHaveLength(12);
    expect(view.cursor).toBe(0);
    expect(scene.steps / view.speed).toBeGreaterThan(10);
  });
});
