/**
 * The whole engine against PyTorch: surface, gradient, clip, optimizer and schedule together.
 * Each fixture scene (scripts/fixtures_optim.py, torch.optim 2.x in float64) is simulated and
 * every point and loss must match torch to 1e-9 relative, with the same length and divergence;
 * ASGD's averaged iterate and every point L-BFGS's closure evaluated must match too.
 */
import { describe, expect, it } from 'vitest';
import { closeToTorch, LBFGS_RELATIVE_TOLERANCE, TORCH_CASES } from './__fixtures__/optim/fixture';
import { parseScene } from './scene';
import { simulate } from './simulate';
import { resolveSurface } from './surfaces';

describe('simulate matches torch', () => {
  for (const c of TORCH_CASES) {
    describe(c.name, () => {
      it('is a valid scene', () => {
        const parsed = parseScene(c.scene);
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      });

      it('matches torch point by point, loss by loss, and stops where torch stops', () => {
        const resolved = resolveSurface(c.scene.surface);
        if (!resolved.ok) expect.fail(`${resolved.error.path}: ${resolved.error.message}`);
        const trajectories = simulate(c.scene, resolved.surface);
        expect(trajectories).toHaveLength(c.trajectories.length);
        trajectories.forEach((ours, index) => {
          const torch = c.trajectories[index]!;
          const which = `optimizer #${index} ${JSON.stringify(c.scene.optimizers[index])}`;
          const tol =
            c.scene.optimizers[index]!.type === 'lbfgs' ? LBFGS_RELATIVE_TOLERANCE : undefined;
          const close = (a: number, b: number): boolean => closeToTorch(a, b, tol);
          expect({ which, length: ours.length, diverged: ours.diverged }).toEqual({
            which,
            length: torch.points.length,
            diverged: torch.diverged,
          });
          const mismatches: string[] = [];
          for (let k = 0; k < torch.points.length; k++) {
            const [x, y] = torch.points[k]!;
            const loss = torch.losses[k]!;
            const ox = ours.points[2 * k]!;
            const oy = ours.points[2 * k + 1]!;
            const ol = ours.losses[k]!;
            if (!close(ox, x) || !close(oy, y) || !close(ol, loss)) {
              mismatches.push(
                `${which} point ${k}: ours (${ox}, ${oy}; ${ol}), torch (${x}, ${y}; ${loss})`,
              );
            }
          }
          if (torch.ax !== undefined) {
            const ax = ours.ax;
            torch.ax.forEach(([x, y], k) => {
              if (
                ax === undefined ||
                !closeToTorch(ax[2 * k]!, x) ||
                !closeToTorch(ax[2 * k + 1]!, y)
              ) {
                mismatches.push(
                  `${which} ax ${k}: ours (${ax?.[2 * k]}, ${ax?.[2 * k + 1]}), torch (${x}, ${y})`,
                );
              }
            });
          }
          if (torch.evals !== undefined) {
            const offsets = ours.probeOffsets;
            const probes = ours.probes;
            const counts = torch.evals.map((e) => e.length);
            const ourCounts = counts.map((_, k) => (offsets ? offsets[k + 1]! - offsets[k]! : -1));
            expect({ which, evaluationsPerStep: ourCounts }).toEqual({
              which,
              evaluationsPerStep: counts,
            });
            torch.evals.forEach((step, k) => {
              step.forEach(([x, y], j) => {
                const at = 2 * (offsets![k]! + j);
                if (!close(probes![at]!, x) || !close(probes![at + 1]!, y)) {
                  mismatches.push(
                    `${which} probe ${j} of step ${k}: ours (${probes![at]}, ${probes![at + 1]}), torch (${x}, ${y})`,
                  );
                }
              });
            });
          }
          expect(mismatches.slice(0, 3)).toEqual([]);
        });
      });
    });
  }
});
