/** The `pytorch` command: a Scene in, the app's "Copy as PyTorch" script out (the same text). */
import { sceneToPyTorch } from '../export/pytorch';
import type { FieldError } from '../engine/types';
import { readRunnableScene } from './trajectory';

/** Validates the scene as `trajectory` does (a start where f is not finite refused too), and writes its script. */
export function runPyTorch(
  input: unknown,
):
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly errors: readonly FieldError[] } {
  const read = readRunnableScene(input);
  if (!read.ok) return read;
  return { ok: true, text: sceneToPyTorch(read.scene) };
}
