/** The `pytorch` command: a Scene in, the app's "Copy as PyTorch" script out (the same text). */
import { sceneToPyTorch } from '../export/pytorch';
import { parseScene } from '../engine/scene';
import type { FieldError } from '../engine/types';

/** Validates the scene strictly, as `trajectory` does, and writes its script. */
export function runPyTorch(
  input: unknown,
):
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly errors: readonly FieldError[] } {
  const parsed = parseScene(input);
  if (!parsed.ok) return parsed;
  return { ok: true, text: sceneToPyTorch(parsed.scene) };
}
