import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAB_CONFIG,
  DEFAULT_LAB_VIEW,
  decodeLabUrl,
  decodeLabView,
  encodeLabView,
  useLabStore,
} from '../../state/lab';
import { HOME_ORBIT } from '../../state/orbit';
import { withLabParam, withLabState } from './urlSync';

describe('lab URL parameter', () => {
  it('keeps the other parameters and the readable separators', () => {
    expect(withLabParam('?page=lab&lab=old', 'depth:16,act:relu;bn:1')).toBe(
      '?page=lab&lab=depth:16,act:relu;bn:1',
    );
  });

  it('drops the parameter for a default lab', () => {
    expect(withLabParam('?page=lab&lab=depth:3', '')).toBe('?page=lab');
    expect(withLabParam('?lab=depth:3', '')).toBe('');
  });

  it('what it writes reads back through URLSearchParams', () => {
    // A '+' left bare would come back as a space.
    const search = withLabParam('?page=lab', 'clip:1e+5,scale:0.5;seed:7');
    const { state, problems } = decodeLabUrl(new URLSearchParams(search).get('lab'));
    expect(problems).toEqual([]);
    expect(state.a.clip).toBe(1e5);
    expect(state.b?.seed).toBe(7);
  });
});

describe('lab view parameter (labview=)', () => {
  const lab = useLabStore.getState();
  const read = (search: string) => {
    const params = new URLSearchParams(search);
    return {
      url: decodeLabUrl(params.get('lab')),
      view: decodeLabView(params.get('labview')),
    };
  };

  it('the open tab, the 3-D view and its camera, and the optimizers round-trip', () => {
    const state = {
      a: { ...lab.a, optimizer: 'sgd' as const, lr: 0.5 },
      b: { ...lab.a, optimizer: 'adam' as const, lr: 0.03 },
      compare: true,
      tab: 'landscape' as const,
      view3d: { azimuth: 1.25, elevation: 0.4, distance: 2.75 },
      more: [
        { optimizer: 'rmsprop' as const, lr: 0.003 },
        { optimizer: 'nadam' as const, lr: 0.02 },
      ],
    };
    const search = withLabState('?page=lab', state);
    expect(search).toBe(
      '?page=lab&lab=opt:sgd,lr:0.5;opt:adam,lr:0.03&labview=tab:landscape;3d:1.25,0.4,2.75;more:rmsprop@0.003,nadam@0.02',
    );
    const { url, view } = read(search);
    expect(url.problems).toEqual([]);
    expect(view.problems).toEqual([]);
    expect(url.state.a).toEqual(state.a);
    expect(url.state.b).toEqual(state.b);
    expect(view.view).toEqual({ tab: 'landscape', view3d: state.view3d, more: state.more });
    // Written again, the link is the same text.
    expect(
      withLabState('?page=lab', { ...url.state, b: url.state.b!, compare: true, ...view.view }),
    ).toBe(search);
  });

  it('3d:1 is the first camera; the default view writes nothing', () => {
    expect(encodeLabView({ tab: 'landscape', view3d: HOME_ORBIT, more: [] })).toBe(
      'tab:landscape;3d:1',
    );
    expect(decodeLabView('3d:1').view).toEqual({ tab: 'training', view3d: HOME_ORBIT, more: [] });
    expect(encodeLabView(DEFAULT_LAB_VIEW)).toBe('');
    expect(withLabState('?page=lab&labview=tab:landscape', { ...lab, ...DEFAULT_LAB_VIEW })).toBe(
      '?page=lab',
    );
  });

  it('a bad tab or camera keeps its default and names the value', () => {
    const { view, problems } = decodeLabView('tab:graphs;3d:0,9,3;zoom:2');
    expect(view).toEqual(DEFAULT_LAB_VIEW);
    expect(problems.map((p) => p.path)).toEqual(['labview.tab', 'labview.3d', 'labview.zoom']);
    expect(problems[0]!.message).toBe(
      '"graphs" is not one of training, landscape; training is used',
    );
    expect(problems[1]!.message).toContain('got "0,9,3"');
    // The good field of a link with a bad one still applies.
    expect(decodeLabView('tab:landscape;3d:yes').view.tab).toBe('landscape');
  });

  it('further optimizers on the plane: an unknown one is dropped, a bad lr keeps the default, a fifth is refused; each is named', () => {
    const { view, problems } = decodeLabView(
      'more:sgd@0.1,foo@0.1,adam@-2,rmsprop,adagrad@0.5,nadam@0.1',
    );
    expect(view.more).toEqual([
      { optimizer: 'sgd', lr: 0.1 },
      { optimizer: 'adam', lr: DEFAULT_LAB_CONFIG.lr },
      { optimizer: 'rmsprop', lr: DEFAULT_LAB_CONFIG.lr },
    ]);
    expect(problems.map((p) => p.path)).toEqual([
      'labview.more',
      'labview.more.2',
      'labview.more.3.lr',
    ]);
    expect(problems[0]!.message).toContain('the first 4 are kept');
    expect(problems[1]!.message).toContain('"foo" is not one of sgd');
    expect(problems[2]!.message).toContain('"-2"');
    // The store keeps at most one per plane slot, whatever a caller passes.
    useLabStore.getState().setMore(Array.from({ length: 6 }, () => ({ optimizer: 'sgd', lr: 1 })));
    expect(useLabStore.getState().more).toHaveLength(4);
    useLabStore.getState().setMore([]);
  });

  it('the store loads both parameters and reports their problems together', () => {
    useLabStore.getState().loadUrl('opt:adam', 'tab:landscape;3d:-1,0.5,4');
    const s = useLabStore.getState();
    expect(s.a.optimizer).toBe('adam');
    expect(s.tab).toBe('landscape');
    expect(s.view3d).toEqual({ azimuth: -1, elevation: 0.5, distance: 4 });
    useLabStore.getState().loadUrl('lr:x', 'tab:nope');
    expect(useLabStore.getState().urlProblems.map((p) => p.path)).toEqual(['a.lr', 'labview.tab']);
    expect(useLabStore.getState().tab).toBe('training');
  });
});
