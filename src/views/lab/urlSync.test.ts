import { describe, expect, it } from 'vitest';
import { decodeLabUrl } from '../../state/lab';
import { withLabParam } from './urlSync';

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
