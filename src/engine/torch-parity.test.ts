/**
 * The whole engine against PyTorch: surface, gradient, clip, optimizer and schedule together.
 * Each fixture scene (scripts/fixtures_optim.py, torch.optim 1.13 in float64) is simulated and
 * every point and loss must match torch to 1e-9 relative, with the same length and divergence.
 */
import { describe, expect, it } from 'vitest';
import { closeToTorch, TORCH_CASES } from './__fixtures__/optim/fixture';
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
            if (!closeToTorch(ox, x) || !closeToTorch(oy, y) || !closeToTorch(ol, loss)) {
              mismatches.push(
                `${which} point ${k}: ours (${ox}, ${oy}; ${ol}), torch (${x}, ${y}; ${loss})`,
              );
            }
          }
          expect(mismatches.slice(0, 3)).toEqual([]);
        });
      });
    });
  }
});
