/**
 * The optimizer plug-in boundary (issue 12): a family is its own files (engine/optimizers/<type>.ts
 * or <type>.meta.ts + <type>.ts, and <type>.formula.ts) plus one line in ./families; nothing else in
 * src, bench or scripts lists the families or decides anything by an optimizer's type name. (That a
 * family registered through the API alone reaches every list: ./optimizer-registration.test.ts.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  OPTIMIZERS,
  OPTIMIZER_TYPES,
  displayName,
  optimizerPresets,
  resolvedParams,
} from '../engine/optimizers';
import { FORMULA_FILE_TYPES, formulaOf, ruleTex } from '../engine/optimizers/formulas';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OPTIMIZERS_DIR = join(SRC, 'engine/optimizers');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const TYPE = `(?:${OPTIMIZER_TYPES.join('|')})`;
/** `case 'adam':`, `type === 'adam'`, `'adam' !== o.type`: a decision taken on a type name. */
const SWITCH = new RegExp(
  `case\\s+'${TYPE}'\\s*:|\\btype\\s*[!=]==?\\s*'${TYPE}'|'${TYPE}'\\s*[!=]==?\\s*\\w+(?:\\.\\w+)*\\.type\\b`,
  'g',
);

/**
 * Decisions that belong to an analysis, not to a family, each with why. The stability analyses
 * are the theory of gradient descent with momentum (critical lr 2(1 + μ)/λ), defined for SGD
 * only. (Each family's map glyphs and step arrows are its own: `glyphs`/`arrows` in its code.)
 */
const ALLOWED: Readonly<Record<string, string>> = {
  'engine/analysis/divergence.ts': "SGD's critical learning rate (heavy-ball stability theory)",
  'views/analysis/CriticalLrTick.tsx': "marks SGD's critical learning rate",
  'views/analysis/StabilityPanel.tsx': "SGD's momentum stability map",
  'views/controls/OptimizerEditor.tsx': "the regime pad is SGD's (lr, momentum) plane (Goh 2017)",
  'views/teach/DivergenceNote.tsx': "only SGD's divergence has a closed form; others get the sweep",
  'views/teach/divergenceNote.ts': "only SGD's divergence has a closed form; others get the sweep",
};

/** A family's own file (`<type>.ts`, `<type>.meta.ts`, `<type>.formula.ts`) or a registry. */
function familyOrRegistry(rel: string): boolean {
  const match = /^engine\/optimizers\/([a-z0-9]+)(?:\.meta|\.formula)?\.ts$/.exec(rel);
  if (match === null) return false;
  const name = match[1]!;
  return (OPTIMIZER_TYPES as readonly string[]).includes(name) || REGISTRIES.includes(name);
}
const REGISTRIES = ['index', 'registry', 'families', 'formulas', 'all'];

/**
 * A family named in a list: a quoted type name (`'adam'`, as in `['sgd', 'adam']`) or a record
 * key (`adam: …`). A scene's `type: 'adam'` is content, not a list (lessons and the default scene
 * hold such scenes), and a decision on a type name is SWITCH's business: both are left out.
 */
const NAMED = new RegExp(`['"\`](${TYPE})['"\`]|(?:^|[\\s{,])(${TYPE})\\s*:`, 'gm');
const SCENE_OR_DECISION = new RegExp(
  `\\btype\\s*:\\s*['"\`]${TYPE}['"\`]|case\\s+['"\`]${TYPE}['"\`]|\\btype\\s*[!=]==?\\s*['"\`]${TYPE}['"\`]`,
  'g',
);
function familiesNamed(text: string): string[] {
  const names = [...text.replace(SCENE_OR_DECISION, '').matchAll(NAMED)].map((m) => m[1] ?? m[2]!);
  return [...new Set(names)].sort();
}

describe('the optimizer plug-in boundary', () => {
  it('registers every type with every plug-in member, and a formula file for each', () => {
    expect(Object.keys(OPTIMIZERS)).toEqual([...OPTIMIZER_TYPES]);
    expect(new Set(OPTIMIZER_TYPES).size).toBe(OPTIMIZER_TYPES.length);
    expect([...FORMULA_FILE_TYPES].sort()).toEqual([...OPTIMIZER_TYPES].sort());
    for (const type of OPTIMIZER_TYPES) {
      const def = OPTIMIZERS[type];
      expect(def.type).toBe(type);
      expect(def.label.length).toBeGreaterThan(0);
      expect(def.params.some((p) => p.name === 'lr')).toBe(true);
      expect(ruleTex({ type })).toContain('\\theta');
      expect(def.presets.length).toBeGreaterThan(0);
      for (const preset of def.presets) expect(preset.config.type).toBe(type);
      expect(typeof formulaOf(type).stepLines).toBe('function');
      // One resolvedParams and one displayName for everyone: defaults fill in, a label wins.
      expect(Object.keys(resolvedParams({ type })).sort()).toEqual(
        def.params.map((p) => p.name).sort(),
      );
      expect(resolvedParams({ type, lr: 0.25 })['lr']).toBe(0.25);
      expect(displayName({ type })).toBe(def.label);
      expect(displayName({ type, label: 'mine' })).toBe('mine');
      // Each family's step can be created and run from its definition alone.
      const instance = def.create({ type }, 2);
      expect(typeof instance.step).toBe('function');
    }
  });

  it('registers the families in the order of ./families, one import line each, every family file among them', () => {
    const lines = readFileSync(join(OPTIMIZERS_DIR, 'families.ts'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('import '));
    expect(lines.map((line) => /^import '\.\/([a-z0-9]+)(?:\.meta)?';$/.exec(line)?.[1])).toEqual([
      ...OPTIMIZER_TYPES,
    ]);
    // A family file that registers itself but is not imported there would be missing everywhere.
    const registering = readdirSync(OPTIMIZERS_DIR)
      .filter((name) => /^[a-z0-9]+(?:\.meta)?\.ts$/.test(name))
      .filter((name) =>
        /^registerOptimizer\(/m.test(readFileSync(join(OPTIMIZERS_DIR, name), 'utf8')),
      )
      .map((name) => name.replace(/(?:\.meta)?\.ts$/, ''))
      .sort();
    expect(registering).toEqual([...OPTIMIZER_TYPES].sort());
  });

  it('finds a hand-kept list of families when there is one (the check below is not vacuous)', () => {
    expect(familiesNamed("const LAZY = ['adagrad', 'rprop'] as const;")).toEqual([
      'adagrad',
      'rprop',
    ]);
    expect(familiesNamed("const CLASS = { sgd: 'SGD', adamax: 'Adamax' };")).toEqual([
      'adamax',
      'sgd',
    ]);
    expect(familiesNamed("optimizers: [{ type: 'adam', lr: 0.1 }, { type: 'sgd' }]")).toEqual([]);
  });

  it('lists the families nowhere but in the registry: no other source names two of them', () => {
    const offenders: string[] = [];
    const files = ['src', 'bench', 'scripts', 'soak'].flatMap((dir) => sources(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    for (const path of files) {
      const rel = relative(SRC, path).split('\\').join('/');
      if (familyOrRegistry(rel)) continue;
      const named = familiesNamed(readFileSync(path, 'utf8'));
      if (named.length >= 2) offenders.push(`${relative(ROOT, path)}: ${named.join(', ')}`);
    }
    expect(offenders).toEqual([]);
  });

  it('gives the add menu distinct entries, one or more per family, in registry order', () => {
    const presets = optimizerPresets();
    expect(new Set(presets.map((p) => p.id)).size).toBe(presets.length);
    const order = presets.map((p) => p.config.type).filter((t, i, all) => all.indexOf(t) === i);
    expect(order).toEqual([...OPTIMIZER_TYPES]);
  });

  it('finds a type switch when there is one (the check below is not vacuous)', () => {
    const found = (text: string): number => [...text.matchAll(SWITCH)].length;
    expect(found("switch (c.type) { case 'adam': break; }")).toBe(1);
    expect(found("if (config.type === 'lbfgs') x();")).toBe(1);
    expect(found("if ('muon' !== o.type) x();")).toBe(1);
    expect(found("const s = { type: 'adam', lr: 0.1 };")).toBe(0);
  });

  it('decides nothing by type name outside the family files and the registries (and the listed analyses)', () => {
    const offenders: string[] = [];
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(100);
    for (const path of files) {
      const rel = relative(SRC, path).split('\\').join('/');
      if (familyOrRegistry(rel) || Object.hasOwn(ALLOWED, rel)) continue;
      for (const match of readFileSync(path, 'utf8').matchAll(SWITCH)) {
        offenders.push(`${rel}: ${match[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('keeps the allowed list honest: each listed file still needs its entry', () => {
    for (const rel of Object.keys(ALLOWED)) {
      expect(
        [...readFileSync(join(SRC, rel), 'utf8').matchAll(SWITCH)].length,
        rel,
      ).toBeGreaterThan(0);
    }
  });
});
