import { describe, expect, it } from 'vitest';
import { ANALYSIS_LIMITS, DEFAULT_ANALYSIS } from './analysis';
import type { FieldError } from '../engine/types';
import {
  decodeAnalysis,
  encodeAnalysis,
  readAnalysisParam,
  withAnalysisParam,
} from './analysisUrl';

describe('analysis= URL form', () => {
  it('writes nothing while the drawer is closed, and only the tab when nothing else changed', () => {
    expect(encodeAnalysis(DEFAULT_ANALYSIS)).toBe('');
    expect(encodeAnalysis({ ...DEFAULT_ANALYSIS, open: true })).toBe('race');
  });

  it('round-trips every setting a link keeps', () => {
    const settings = {
      ...DEFAULT_ANALYSIS,
      open: true,
      tab: 'minibatch' as const,
      epsilon: 1e-4,
      sweepIndex: 2,
      basinIndex: 3,
      basinSize: 64,
      basinSteps: 200,
      basinOverlay: false,
      mbKind: 'logistic' as const,
      mbN: 40,
      mbSeed: 7,
      mbBatch: 5,
      mbLr: 0.3,
      mbSteps: 80,
    };
    expect(decodeAnalysis(encodeAnalysis(settings))).toEqual(settings);
  });

  it('reads leniently: unknown keys and bad values fall back, out-of-range numbers are clamped', () => {
    const read = decodeAnalysis(
      'nonsense,size:99999,n:abc,kind:cubic,bogus:1,overlay:yes,steps:3.6',
    );
    expect(read.open).toBe(true);
    expect(read.tab).toBe('race');
    expect(read.basinSize).toBe(256);
    expect(read.mbN).toBe(DEFAULT_ANALYSIS.mbN);
    expect(read.mbKind).toBe('linear');
    expect(read.basinOverlay).toBe(true);
    expect(read.mbSteps).toBe(4);
  });

  it('never lets the batch exceed the data set', () => {
    expect(decodeAnalysis('minibatch,n:10,batch:500').mbBatch).toBe(10);
  });

  it('an absent parameter is the closed default drawer', () => {
    expect(decodeAnalysis(undefined)).toEqual(DEFAULT_ANALYSIS);
  });
});

describe('the analysis parameter in a query string', () => {
  it('is replaced, added or removed without touching the other parameters', () => {
    expect(withAnalysisParam('?scene=a&view=b', 'race')).toBe('?scene=a&view=b&analysis=race');
    expect(withAnalysisParam('?scene=a&analysis=race&view=b', 'sweep,eps:0.01')).toBe(
      '?scene=a&view=b&analysis=sweep,eps:0.01',
    );
    expect(withAnalysisParam('?scene=a&analysis=race', '')).toBe('?scene=a');
    expect(withAnalysisParam('?analysis=race', '')).toBe('');
  });

  it('is read percent-decoded, and a broken escape is read as it stands', () => {
    expect(readAnalysisParam('?scene=a&analysis=basins%2Csize%3A32')).toBe('basins,size:32');
    expect(readAnalysisParam('?analysis=%E0')).toBe('%E0');
    expect(readAnalysisParam('?scene=a')).toBeUndefined();
  });
});

describe('analysis= problems, named in the link notice', () => {
  it('names an unknown view or setting, a value that is not a number, one it clamped, a bad choice', () => {
    const problems: FieldError[] = [];
    const settings = decodeAnalysis(
      'zzz,stability,eps:abc,size:9999,bsteps:0,kind:cubic,overlay:2,foo:1',
      problems,
    );
    // Every good part is still read; every bad one keeps the default or the nearest bound.
    expect(settings.tab).toBe('stability');
    expect(settings.epsilon).toBe(DEFAULT_ANALYSIS.epsilon);
    expect(settings.basinSize).toBe(ANALYSIS_LIMITS.basinSize[1]);
    expect(settings.basinSteps).toBe(ANALYSIS_LIMITS.basinSteps[0]);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['analysis.tab', 'page.analysisPart'],
      ['analysis.eps', 'page.analysisValue'],
      ['analysis.size', 'page.analysisValue'],
      ['analysis.bsteps', 'page.analysisValue'],
      ['analysis.kind', 'page.choice'],
      ['analysis.overlay', 'page.choice'],
      ['analysis.foo', 'page.analysisPart'],
    ]);
    expect(problems[0]!.message).toBe(
      '"zzz" is not a view (race, sweep, stability, basins, minibatch, step) or a setting of the Analyze drawer; it is ignored',
    );
    expect(problems[2]!.message).toBe('"9999" is not a number from 8 to 256; 256 is used');
  });

  it('a link the app wrote itself has no problem', () => {
    const problems: FieldError[] = [];
    decodeAnalysis(
      encodeAnalysis({ ...DEFAULT_ANALYSIS, open: true, tab: 'basins', basinSize: 32 }),
      problems,
    );
    expect(problems).toEqual([]);
  });
});
