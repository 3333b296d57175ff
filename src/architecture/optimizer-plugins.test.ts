/**
 * The optimizer plug-in boundary (issue 12): a family is its own files (engine/optimizers/<type>.ts
 * or <type>.meta.ts + <type>.ts, and <type>.formula.ts) plus one line in each registry; nothing
 * else in src decides anything by an optimizer's type name.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import '../engine/optimizers/all';
import { OPTIMIZERS, displayName, optimizerPresets, resolvedParams } from '../engine/optimizers';
import { FORMULAS } from '../engine/optimizers/formulas';
import { OPTIMIZER_TYPES } from '../engine/types';

const SRC = fileURLToPath(new URL('..', import.meta.url));

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
 * only; the step arrows split each family's update into its terms.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  'engine/analysis/divergence.ts': "SGD's critical learning rate (heavy-ball stability theory)",
  'views/analysis/CriticalLrTick.tsx': "marks SGD's critical learning rate",
  'views/analysis/StabilityPanel.tsx': "SGD's momentum stability map",
  'views/controls/OptimizerPanel.tsx': "the regime pad is SGD's (lr, momentum) plane (Goh 2017)",
  'views/teach/DivergenceNote.tsx': "only SGD's divergence has a closed form; others get the sweep",
  'views/teach/divergenceNote.ts': "only SGD's divergence has a closed form; others get the sweep",
  'engine/analysis/arrows.ts': "the step-arrows analysis decomposes each family's update",
  // Not yet plug-in members (next step of the boundary): each family's hidden-state glyph.
  'engine/analysis/glyphs.ts': "the hidden-state glyphs read each family's state",
};

/** A family's own file (`<type>.ts`, `<type>.meta.ts`, `<type>.formula.ts`) or a registry. */
function familyOrRegistry(rel: string): boolean {
  const match = /^engine\/optimizers\/([a-z0-9]+)(?:\.meta|\.formula)?\.ts$/.exec(rel);
  if (match === null) return false;
  const name = match[1]!;
  return (OPTIMIZER_TYPES as readonly string[]).includes(name) || REGISTRIES.includes(name);
}
const REGISTRIES = ['index', 'formulas', 'torch2', 'all'];

describe('the optimizer plug-in boundary', () => {
  it('registers every type in both registries, with every plug-in member', () => {
    expect(Object.keys(OPTIMIZERS).sort()).toEqual([...OPTIMIZER_TYPES].sort());
    expect(Object.keys(FORMULAS).sort()).toEqual([...OPTIMIZER_TYPES].sort());
    for (const type of OPTIMIZER_TYPES) {
      const def = OPTIMIZERS[type];
      expect(def.type).toBe(type);
      expect(def.label.length).toBeGreaterThan(0);
      expect(def.params.some((p) => p.name === 'lr')).toBe(true);
      expect(def.tex({ type })).toContain('\\theta');
      expect(def.presets.length).toBeGreaterThan(0);
      for (const preset of def.presets) expect(preset.config.type).toBe(type);
      expect(typeof FORMULAS[type].stepLines).toBe('function');
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
