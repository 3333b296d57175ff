/**
 * CSV and JSON of every step of every optimizer: what a learner pastes into a spreadsheet or a
 * notebook. One CSV row per step (steps + 1 rows after the header); a run that diverged leaves
 * its cells empty after its last finite point.
 */
import type { Scene, Trajectory } from '../engine/types';

/** An optimizer's display name: its label, or its type and position. */
function nameOf(scene: Scene, index: number): string {
  const o = scene.optimizers[index];
  return o?.label ?? `${o?.type ?? 'optimizer'} ${index + 1}`;
}

/** Quotes a CSV cell when it holds a separator, a quote or a line break (RFC 4180). */
function cell(text: string): string {
  // A leading = + - @ would be read as a formula by spreadsheets: prefix a quote mark.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text: `step, <name> x, <name> y, <name> loss, ...`. */
export function trajectoriesToCsv(scene: Scene, trajectories: readonly Trajectory[]): string {
  const header = ['step'];
  trajectories.forEach((_, i) => {
    const name = nameOf(scene, i);
    header.push(`${name} x`, `${name} y`, `${name} loss`);
  });
  const lines = [header.map(cell).join(',')];
  for (let k = 0; k <= scene.steps; k++) {
    const row = [String(k)];
    for (const t of trajectories) {
      if (k < t.length)
        row.push(String(t.points[2 * k]), String(t.points[2 * k + 1]), String(t.losses[k]));
      else row.push('', '', '');
    }
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON document: the scene and, per optimizer, the CLI's trajectory shape. */
export function trajectoriesToJson(scene: Scene, trajectories: readonly Trajectory[]): string {
  return JSON.stringify(
    {
      scene,
      trajectories: trajectories.map((t, i) => ({
        name: nameOf(scene, i),
        points: Array.from({ length: t.length }, (_, k) => [t.points[2 * k], t.points[2 * k + 1]]),
        losses: Array.from(t.losses.subarray(0, t.length)),
        diverged: t.diverged,
      })),
    },
    null,
    1,
  );
}
